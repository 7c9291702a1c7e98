"""Write the hand-made review fixtures (contract records) in this folder.

    python tests/data/review/make_fixtures.py

``demo.jsonl`` is a short article; ``v2/demo.jsonl`` is the same article after an edit (one sentence
inserted, one reworded, one with a different machine annotation); ``xss.jsonl`` carries markup in
every text field.  Ids are made by :meth:`pipeline.model.Document.assign_ids`, as annotate does.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from pipeline.model import Document, Entity, Unit  # noqa: E402

KB = {
    "中國": ("GPE", "Q148", "China"), "北韓": ("GPE", "Q423", "North Korea"), "美國": ("GPE", "Q30", "United States"),
    "亞太地區": ("LOC", "Q485258", "Asia-Pacific"), "歐巴馬": ("PERSON", "Q76", "Barack Obama"),
    "川普": ("PERSON", "Q22686", "Donald Trump"), "拜登": ("PERSON", "Q6279", "Joe Biden"),
    "亞太再平衡": ("POLICY", "Q4348133", "Pivot to Asia"), "印太戰略": ("POLICY", "Q65090462", "Indo-Pacific Strategy"),
    "五眼聯盟": ("ORG", "Q7112", "Five Eyes"), "四方安全對話": ("ORG", "Q1463155", "Quad"),
    "韓國": ("GPE", "Q884", "South Korea"), "日本": ("GPE", "Q17", "Japan"), "臺灣": ("GPE", "Q865", "Taiwan"),
    "遠景論壇": ("ORG", None, "Prospect Forum"), "新台灣國策智庫": ("ORG", None, "New Taiwan Institute"),
    "李明峻": ("PERSON", None, "Li Ming-juinn"), "東北亞": ("LOC", "Q27231", "Northeast Asia"),
    "2012年": ("DATE", None, "2012"), "2017年": ("DATE", None, "2017"), "2021年": ("DATE", None, "2021"),
}
CLUSTERS = {"美日印澳": ["美國", "日本", "India", "Australia"], "美日韓": ["美國", "日本", "韓國"], "美日": ["美國", "日本"]}
MEMBER = {"India": ("Q668", "India"), "Australia": ("Q408", "Australia")}


def entities(text: str) -> list[Entity]:
    found: list[Entity] = []
    taken = [False] * len(text)
    names = sorted(list(KB) + list(CLUSTERS), key=len, reverse=True)
    for name in names:
        for m in re.finditer(re.escape(name), text):
            if any(taken[m.start():m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            if name in CLUSTERS:
                members = [{"kb_id": KB[x][1], "en": KB[x][2]} if x in KB else {"kb_id": MEMBER[x][0], "en": MEMBER[x][1]}
                           for x in CLUSTERS[name]]
                found.append(Entity(name, m.start(), m.end(), "GPE", None, "/".join(x["en"] for x in members), "rule", members))
            else:
                label, kb_id, en = KB[name]
                found.append(Entity(name, m.start(), m.end(), label, kb_id, en, "kb" if kb_id else "rule"))
    return sorted(found, key=lambda e: e.start)


def english(name: str) -> str | None:
    if name in CLUSTERS:
        return "/".join(KB[x][2] if x in KB else MEMBER[x][1] for x in CLUSTERS[name])
    return KB[name][2] if name in KB else None


def stance(bearing: bool, score: float, targets=(), cues=(), holder="AUTHOR", types=()) -> dict:
    return {
        "bearing": bearing, "types": list(types), "holder": holder if bearing else None,
        "targets": [{"text": t, "kb_id": KB.get(t, (None, None, None))[1], "en": english(t), "polarity": p}
                    for t, p in targets],
        "cues": list(cues), "score": score,
    }


def cue(text: str, unit_text: str, kind: str) -> dict:
    i = unit_text.index(text)
    return {"text": text, "start": i, "end": i + len(text), "kind": kind}


def build(doc_id: str, units: list[tuple]) -> list[dict]:
    doc = Document(doc_id=doc_id, text="")
    pos = 0
    section = None
    for kind, text, gloss, st in units:
        if kind == "heading":
            section = text
        u = Unit(n=0, kind=kind, start=pos, end=pos + len(text), text=text, section=section if kind != "heading" else None)
        u.entities = entities(text)
        u.stance = st(text) if callable(st) else (st or stance(False, 0.05))
        u.gloss_en = gloss
        doc.units.append(u)
        pos += len(text) + 1
    doc.text = "\n".join(u.text for u in doc.units)
    doc.assign_ids()
    return doc.records()


S1 = "隨著中國擴張軍事威脅、北韓試射核武，美國將全球戰略布局的重心逐步移至亞太地區。"
S2 = "先是歐巴馬於2012年提出「亞太再平衡」戰略，其後2017年川普提出「印太戰略」構想。"
S3 = "從五眼聯盟、美日印澳四方安全對話到美日韓三方安保合作，印太區域的安保聯盟逐步強化。"
S4 = "然而，韓國更因總統的政治失誤而使得親美日派可能失去政權。"
S4b = "然而，韓國更因總統的政治失誤，親美日派可能在大選中失去政權。"
S5 = "日本執政黨也無法取得國會絕對多數而淪為弱勢。"
S6 = "緊接著拜登2021年上臺後繼承「自由開放的印太戰略」。"

DEMO = [
    ("publication", "遠景論壇", "Prospect Forum", None),
    ("title", "日韓國內情勢對東北亞安保的影響", "Japan Korea domestic situation toward Northeast-Asia security 's influence", None),
    ("byline", "李明峻", "Li Ming-juinn", None),
    ("affiliation", "新台灣國策智庫研發長", "New Taiwan Institute research director", None),
    ("body", S1, "along-with China expand military threat, North Korea test-fire nuclear-weapons, United States move global strategy deployment 's centre gradually to Asia-Pacific region.",
     lambda t: stance(True, 0.82, [("中國", "negative"), ("北韓", "negative")], [cue("擴張軍事威脅", t, "threat")], types=["threat"])),
    ("caption", "（圖片來源：Depositphotos）", "(picture source: Depositphotos)", None),
    ("body", S2, "first Obama in 2012 propose \"Asia-Pacific rebalance\" strategy, afterwards 2017 Trump propose \"Indo-Pacific Strategy\" concept.",
     lambda t: stance(False, 0.35)),
    ("body", S3, "from Five Eyes, US-Japan-India-Australia Quad to US-Japan-Korea trilateral security cooperation, Indo-Pacific region 's security alliance gradually strengthen.",
     lambda t: stance(True, 0.64, [("美日韓", "positive")], [cue("逐步強化", t, "evaluation")], types=["evaluation"])),
    ("heading", "日本國防政策轉型與中日關係的新動向", "Japan defence policy transformation and China-Japan relations 's new trend", None),
    ("body", S4, "however, South Korea even-more because president 's political mistake cause pro-US-Japan faction possibly lose power.",
     lambda t: stance(True, 0.41, [("韓國", "negative")], [cue("政治失誤", t, "evaluation")], types=["evaluation"])),
    ("body", S5, "Japan ruling party also unable obtain parliament absolute majority and fall-into weak position.",
     lambda t: stance(True, 0.55, [("日本", "negative")], [cue("淪為弱勢", t, "evaluation")], types=["evaluation"])),
]


def demo_v2() -> list[tuple]:
    units = list(DEMO)
    units.insert(7, ("body", S6, "next Biden 2021 take-office after inherit \"free and open Indo-Pacific Strategy\".",
                     lambda t: stance(False, 0.2)))
    units = [(k, S4b, g, s) if t == S4 else (k, t, g, s) for k, t, g, s in units]
    # same sentence S5, different machine annotation: the target becomes neutral
    units = [(k, t, g, (lambda tt: stance(True, 0.5, [("日本", "neutral")], [cue("淪為弱勢", tt, "evaluation")], types=["evaluation"])))
             if t == S5 else (k, t, g, s) for k, t, g, s in units]
    return units


XSS1 = "<script>alert(1)</script>中國表示反對。"
XSS2 = "\"><img src=x onerror=alert(1)>美國支持臺灣。"
XSS = [
    ("title", "<b>標題</b><script>alert(1)</script>", "<i>title</i>", None),
    ("body", XSS1, "<script>alert(1)</script> China state oppose.",
     lambda t: stance(True, 0.3, [("中國", "negative")], [cue("反對", t, "stance")],
                      holder={"text": "<img src=x onerror=alert(1)>", "kb_id": "\"><img src=x onerror=alert(1)>", "en": "<script>alert(1)</script>"})),
    ("body", XSS2, "\"><img src=x onerror=alert(1)> United States support Taiwan.",
     lambda t: stance(True, 0.7, [("臺灣", "positive")], [cue("支持", t, "stance")], holder={"text": "美國", "kb_id": "Q30", "en": "United States"})),
]


def write(path: Path, records: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write(HERE / "demo.jsonl", build("demo", DEMO))
    write(HERE / "v2" / "demo.jsonl", build("demo", demo_v2()))
    xss = build("xss", XSS)
    xss[1]["entities"].append({"text": "<script>", "start": 0, "end": 8, "label": "ORG", "kb_id": "<script>alert(1)</script>",
                               "en": "\"><img src=x onerror=alert(1)>", "source": "model"})
    write(HERE / "xss.jsonl", xss)
