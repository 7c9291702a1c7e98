"""Stance stage: cues of every kind, negation scope, holders and targets, the combined model score.

The sentences are written for these tests (none comes from the seed essay).
"""

from __future__ import annotations

import json

import pytest

from pipeline.annotate import annotate_text
from pipeline.cli import main
from pipeline.model import empty_stance
from pipeline.stance import DATA, Lexicon, combine

LEAD = "前言。\n\n"  # so that the sentence under test is a body unit, not a title


def stance(resources, sentence: str, before: str = "", after: str = "") -> dict:
    doc = annotate_text(LEAD + before + sentence + after, doc_id="t", res=resources)
    unit = next(u for u in doc.units if u.kind == "body" and u.text == sentence)
    return unit.stance


def cue(st: dict, kind: str) -> list[str]:
    return [c["text"] for c in st["cues"] if c["kind"] == kind]


def targets(st: dict) -> dict[str, str]:
    return {t["text"]: t["polarity"] for t in st["targets"]}


# -- lexicons ----------------------------------------------------------------------------------------------
def test_lexicon_files_are_well_formed(resources):
    expected_columns = {"evaluative.tsv": 4, "modality.tsv": 5, "reporting.tsv": 4, "negation.tsv": 2,
                        "intensifiers.tsv": 2, "questions.tsv": 3, "roles.tsv": 1, "masks.tsv": 1}
    for name, n in expected_columns.items():
        rows = [line.split("\t") for line in (DATA / name).read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#")]
        assert rows, name
        assert all(len(r) >= n for r in rows), name
    flags = {"reporting.tsv": (4, {"conduct", "quote", "raises", "partner"}), "negation.tsv": (4, {"presupposes"}),
             "modality.tsv": (5, {"opening"})}  # the optional last column
    for name, (col, flag) in flags.items():
        rows = [line.split("\t") for line in (DATA / name).read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#")]
        assert {r[col] for r in rows if len(r) > col} == flag, name
    evaluative = [line.split("\t") for line in (DATA / "evaluative.tsv").read_text(encoding="utf-8").splitlines()
                  if line and not line.startswith("#")]
    assert len(evaluative) >= 300
    assert {r[1] for r in evaluative} == {"positive", "negative"}
    assert {r[3] for r in evaluative} <= {"subject", "object"}
    assert all(1 <= float(r[2]) <= 3 for r in evaluative)
    lex = resources.stance_lexicon
    assert isinstance(lex, Lexicon) and lex.size > 800 and "专家" in lex.roles
    assert "README.md" in {p.name for p in DATA.iterdir()}


# -- cue kinds ---------------------------------------------------------------------------------------------
def test_evaluative_cue_binds_the_doer_not_the_victim(resources):
    st = stance(resources, "北京當局對台灣的霸凌行為令人擔憂。")
    assert st["bearing"] and "evaluation" in st["types"] and st["holder"] == "AUTHOR"
    assert "霸凌行為" in cue(st, "evaluative")
    assert targets(st).get("北京") == "negative"
    assert targets(st).get("台灣") != "negative"


def test_modal_prescription_and_prediction(resources):
    st = stance(resources, "日本政府必須加強西南諸島的防衛能力。")
    assert st["bearing"] and "prescription" in st["types"] and "必須" in cue(st, "modal")
    assert st["certainty"] == "certain"
    st = stance(resources, "俄羅斯勢將面臨更嚴厲的國際制裁。")
    assert st["bearing"] and "prediction" in st["types"] and "勢將" in cue(st, "modal")


def test_hedge_lowers_certainty(resources):
    st = stance(resources, "北韓或許會在年底前再次試射飛彈，區域緊張可能升高。")
    assert st["bearing"] and st["certainty"] == "hedged"
    assert "或許" in cue(st, "hedge")


def test_reporting_verb_holder_and_its_object(resources):
    st = stance(resources, "菲律賓總統小馬可仕批評中國在南海的挑釁行為。")
    assert st["bearing"] and "attributed" in st["types"]
    assert "批評" in cue(st, "reporting")
    assert st["holder"]["text"] == "小馬可仕"
    assert targets(st).get("中國") == "negative"
    assert "菲律賓" not in targets(st)  # part of the holder's title, not a target


def test_the_body_opening_its_clause_after_a_time_clause_holds_it(resources):
    """自…事件後，中國海警便以「…」為藉口，宣布…: the coast guard announces, not 金門 inside the time clause;
    a means 以…為 and a quotation are no verb between the subject and its verb."""
    st = stance(resources, "自2024年2月14日金門快艇翻覆事件後，中國海警便以「維護漁民權益」為藉口，宣布在廈金海域「常態化執法巡查」。")
    assert st["holder"]["text"] == "中國海警"


def test_a_quoted_term_is_no_quotation_before_its_speaker(resources):
    """「……，」他說道 puts the speaker after the quotation; 「存亡危機事態」的發言 is a term, and the subject
    of 被問及…時表示 holds the sentence."""
    st = stance(resources, "帕帕羅被問及日本首相高市早苗有關台海「存亡危機事態」的發言引發中日緊張時表示，美日同盟「堅若磐石」。")
    assert st["holder"]["text"] == "帕帕羅"


def test_an_interview_by_the_interviewees_surname_and_the_magazine(resources):
    """天下：… and 林：… turns: the magazine asks, 林 is the 林正崑 the introduction names (天下：也有人說
    這是保護費？ reports what someone says: 有人 holds that)."""
    doc = annotate_text("退役海軍中將林正崑：台灣最缺的是撐過第一週的能力\n\n《天下》上週專訪退役海軍中將林正崑。\n\n"
                        "天下：特別預算在立法院卡關，你怎麼看？\n\n林：國防部必須把帳講清楚。\n\n天下：也有人說這是保護費？\n\n"
                        "林：這種說法我不太同意，國防部應該加快交貨。\n", "iv", resources)
    holders = [u.stance["holder"] for u in doc.units if u.kind == "body" and u.stance["bearing"]]
    assert [h["text"] for h in holders if isinstance(h, dict)] == ["天下", "林正崑", "有人", "林正崑"]
    assert any(h["en"] == "the interviewer" for h in holders if isinstance(h, dict))


def test_a_markdown_blockquote_is_the_words_of_who_introduced_it(resources):
    """葛拉斯…發文表態： then a blockquote: its sentences are his (they have no speech verb of their own)."""
    from pipeline.annotate import annotate_raw
    from pipeline.readers import read_markdown_text

    md = ("# 北京為何動怒\n\n美國駐日大使葛拉斯在薛劍貼文曝光後，很快在X上發文表態：\n\n"
          "> 面具再一次滑落了。中國駐大阪總領事惡劣地威脅日本首相，完全暴露出北京的虛偽。\n\n"
          "然而，白宮的語氣明顯保守得多，這令人擔憂。\n")
    doc = annotate_raw(read_markdown_text(md), "md", resources)
    by_text = {u.text: u for u in doc.units}
    quoted = by_text["中國駐大阪總領事惡劣地威脅日本首相，完全暴露出北京的虛偽。"]
    assert quoted.quoted and quoted.stance["holder"]["text"] == "葛拉斯"
    assert by_text["然而，白宮的語氣明顯保守得多，這令人擔憂。"].stance["holder"] == "AUTHOR"


def test_quote_final_speaker_and_pronoun_antecedent(resources):
    st = stance(resources, "「這是對區域和平的嚴重威脅，」澳洲總理艾班尼斯表示。")
    assert st["bearing"] and "attributed" in st["types"]
    assert st["holder"] != "AUTHOR" and "艾班尼斯" in st["holder"]["text"]
    st = stance(resources, "德國總理梅克爾的看法不同，她曾公開批評俄羅斯。")
    assert st["holder"]["text"] == "梅克爾" and st["holder"].get("mention") == "她"
    assert targets(st).get("俄羅斯") == "negative"


def test_question_cue(resources):
    st = stance(resources, "北約是否會因此改變對俄羅斯的立場？",
                before="歐洲各國都在觀望美國的態度，德國與法國的官員也多次會商。", after="外界仍在等待答案。")
    assert "question" in st["types"] and "？" in cue(st, "question")


def test_intensifier_scales_the_next_evaluative_word(resources):
    plain = stance(resources, "台灣的民主制度脆弱。")
    strong = stance(resources, "台灣的民主制度十分脆弱。")
    assert "十分" in cue(strong, "intensifier")
    assert strong["score"] > plain["score"]
    assert targets(strong).get("台灣") == "negative"


# -- negation scope ----------------------------------------------------------------------------------------
def test_negation_flips_the_word_in_its_scope(resources):
    st = stance(resources, "台灣的民主制度並不脆弱。")
    assert "不" in cue(st, "negation")
    assert targets(st).get("台灣") == "positive"


def test_negation_does_not_cross_a_clause(resources):
    st = stance(resources, "北京沒有回應，但其挑釁行為令人擔憂。")
    assert targets(st).get("北京") == "negative"


def test_negation_scope_is_limited_in_tokens(resources):
    from pipeline.stance import clause_ids, find_cues, _negate_and_intensify

    doc = annotate_text(LEAD + "北京的行為並不挑釁。北京並未在昨天與今天的記者會中提到挑釁。", doc_id="t", res=resources)
    polarity = []
    for unit in doc.units[1:]:
        shadow = doc.shadow[unit.start : unit.end]
        cues = find_cues(unit.text, shadow, unit.tokens, resources.stance_lexicon)
        _negate_and_intensify(cues, clause_ids(unit.text, shadow, unit.tokens))
        polarity.append(next(c.polarity for c in cues if unit.text[c.start : c.end] == "挑釁"))
    assert polarity == ["positive", "negative"]  # 不 is next to 挑釁; 並未 is nine tokens away


def test_two_negators_cancel(resources):
    st = stance(resources, "中國並沒有放棄武力犯台的野心。")
    assert cue(st, "negation") == ["沒有", "放棄"]
    assert targets(st).get("中國") == "negative"


# -- what is not a stance ----------------------------------------------------------------------------------
def test_factual_report_is_not_bearing(resources):
    st = stance(resources, "德國政府表示將於下週公布預算。")
    assert not st["bearing"] and st["types"] == [] and st["holder"] is None and st["targets"] == []
    assert 0 <= st["score"] < 0.5


def test_non_body_units_keep_the_empty_stance(resources):
    doc = annotate_text("中國的霸凌必須停止\n\n北京當局對台灣的霸凌行為令人擔憂。", doc_id="t", res=resources)
    for unit in doc.units:
        if unit.kind != "body":
            assert unit.stance == empty_stance()


# -- the trainable path ------------------------------------------------------------------------------------
def test_combine_is_the_mean_and_decides_bearing():
    st = {**empty_stance(), "rule_score": 0.3, "score": 0.3, "certainty": None}
    out = combine(dict(st), 0.9)
    assert out["score"] == 0.6 and out["bearing"] and out["model_score"] == 0.9 and out["types"] == ["evaluation"]
    st = {**empty_stance(), "bearing": True, "types": ["evaluation"], "holder": "AUTHOR", "rule_score": 0.55,
          "score": 0.55, "certainty": "neutral", "targets": [{"text": "x"}]}
    out = combine(dict(st), 0.1)
    assert out["score"] == 0.325 and not out["bearing"] and out["targets"] == [] and out["holder"] is None


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory, resources):
    """A textcat with a BEARING label, trained in a few seconds to say yes to everything."""
    spacy = pytest.importorskip("spacy")
    from spacy.training import Example

    from pipeline.spacy_bridge import unit_to_spacy

    nlp = spacy.blank("zh")
    textcat = nlp.add_pipe("textcat_multilabel", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": 1,
        "no_output_layer": False, "length": 4096}})
    textcat.add_label("BEARING")
    doc = annotate_text(LEAD + "德國政府表示將於下週公布預算。法國政府表示將於下月公布計畫。日本政府表示將於明年舉行選舉。",
                        doc_id="train", res=resources)
    examples = [Example.from_dict(unit_to_spacy(u, nlp.vocab), {"cats": {"BEARING": 1.0}})
                for u in doc.units if u.kind == "body"]
    optimizer = nlp.initialize(lambda: examples)
    optimizer.learn_rate = 0.05
    for _ in range(50):
        nlp.update(examples, sgd=optimizer)
    path = tmp_path_factory.mktemp("stance_model")
    nlp.to_disk(path)
    return path


def test_stance_model_combines_with_the_rules(tiny_model, tmp_path, capsys):
    article = tmp_path / "budget.txt"
    article.write_text(LEAD + "德國政府表示將於下週公布預算。", encoding="utf-8")
    code = main(["annotate", str(article), "--stdout"])
    plain = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    code2 = main(["annotate", str(article), "--stdout", "--stance-model", str(tiny_model)])
    out, err = capsys.readouterr()
    assert code == 0 and code2 == 0, err
    modelled = [json.loads(line) for line in out.splitlines()]
    before = next(r["stance"] for r in plain if r["kind"] == "body")
    after = next(r["stance"] for r in modelled if r["kind"] == "body")
    assert not before["bearing"] and "model_score" not in before
    assert after["model_score"] > 0.8
    assert after["rule_score"] == before["rule_score"]
    assert after["score"] == round((after["rule_score"] + after["model_score"]) / 2, 3)
    assert after["score"] > before["score"]  # the model pulls the score up …
    assert after["bearing"] == (after["score"] >= 0.5)  # … and bearing follows the combined score


def test_stance_model_errors(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(LEAD + "德國政府表示將於下週公布預算。", encoding="utf-8")
    code = main(["annotate", str(article), "--stdout", "--stance-model", str(tmp_path / "missing")])
    _, err = capsys.readouterr()
    assert code == 1
    assert err.strip().endswith("stance model folder not found — pass the folder written by zhgloss train --stance")


# -- gold and evaluation -----------------------------------------------------------------------------------
def _build_stance_gold():
    import importlib.util

    from .conftest import ROOT

    spec = importlib.util.spec_from_file_location("build_stance_gold", ROOT / "tools" / "build_stance_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_stance_gold_is_merged_and_idempotent():
    """Every gold document has stance sources, and the JSONL holds exactly what they give."""
    from .conftest import ROOT

    build = _build_stance_gold()
    gold = ROOT / "annotations" / "gold"
    kb = build._kb()
    for src in sorted((gold / "stance").glob("*.yaml")):
        path, records = build.merge(src, kb)
        committed = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        assert [r["stance"] for r in committed] == [r["stance"] for r in records], f"{path.name}: run tools/build_stance_gold.py"
        for r in committed:
            st = r["stance"]
            if r["kind"] != "body":
                assert st == empty_stance()
                continue
            assert st["source"] == "gold"
            if st["bearing"]:
                assert st["types"] and st["certainty"] in ("hedged", "neutral", "certain")
                assert st["holder"] == "AUTHOR" or set(st["holder"]) == {"text", "kb_id", "en"}
                for t in st["targets"]:
                    assert t["polarity"] in ("positive", "negative", "neutral") and t["text"] in r["text"]
    assert {p.stem for p in (gold / "stance").glob("*.yaml")} == {p.stem for p in gold.glob("*.jsonl")}


def test_stance_metrics_on_a_toy_document():
    from pipeline.evaluate import AlignedDocument, UnitPair, evaluate_aligned, format_text

    def rec(n, stance):
        return {"id": f"d:{n}", "n": n, "kind": "body", "text": "x", "start": n, "end": n + 1, "entities": [], "stance": stance}

    def st(bearing, types=(), targets=(), certainty="neutral", source=None):
        out = {**empty_stance(), "bearing": bearing, "types": list(types), "certainty": certainty if bearing else None,
               "targets": [{"text": t, "kb_id": k, "en": None, "polarity": p} for t, k, p in targets]}
        if source:
            out["source"] = source
        return out

    gold = [rec(0, st(True, ["evaluation"], [("中國", "cn", "negative")], source="gold")),
            rec(1, st(False, source="gold")),
            rec(2, st(True, ["attributed", "prediction"], [("日本", "jp", "negative"), ("日韓", None, "positive")], "hedged", "gold")),
            rec(3, st(False))]  # placeholder: not scored
    pred = [rec(0, st(True, ["evaluation"], [("中國", "cn", "negative"), ("美國", "us", "neutral")])),
            rec(1, st(True, ["evaluation"])),
            rec(2, st(True, ["attributed"], [("日本", "jp", "positive"), ("日韓", None, "positive")], "hedged")),
            rec(3, st(True, ["evaluation"]))]
    doc = AlignedDocument("000_toy", gold, pred, [UnitPair(g, [p], "id") for g, p in zip(gold, pred)], [])
    m = evaluate_aligned([doc], layers=["stance"])["overall"]["stance"]
    assert m["units"] == 3
    assert (m["bearing"]["tp"], m["bearing"]["pred"], m["bearing"]["gold"]) == (2, 3, 2)
    assert m["non_bearing_accuracy"]["accuracy"] == 0.0
    assert (m["types"]["tp"], m["types"]["pred"], m["types"]["gold"]) == (2, 3, 3)
    assert (m["targets"]["tp"], m["targets"]["pred"], m["targets"]["gold"]) == (2, 4, 3)  # 日本 has the wrong polarity
    assert m["target_entities"]["tp"] == 3
    assert m["certainty"] == {"correct": 2, "total": 2, "accuracy": 1.0}
    text = format_text(evaluate_aligned([doc], layers=["stance"]))
    assert "targets + polarity" in text and "non-bearing accuracy" in text
    # --errors: the units where the two sides disagree, each with what only one side has
    res = evaluate_aligned([doc], layers=["stance"], errors=True)
    got = [(e["n"], e["type"], e["gold"], e["pred"]) for e in res["stance_errors"]]
    assert got == [(0, "targets", [], ["美國:neutral"]), (1, "spurious", None, None),
                   (2, "targets", ["日本:negative"], ["日本:positive"])]
    lines = format_text(res).split("== stance disagreements (3) ==\n")[1].splitlines()
    assert lines[0] == "000_toy #0 targets  +美國:neutral  | x"
    assert lines[2] == "000_toy #2 targets  −日本:negative +日本:positive  | x"
    assert "stance_errors" not in evaluate_aligned([doc], layers=["entities"], errors=True)


def test_holder_with_a_light_verb_and_a_compound_role_noun(resources):
    st = stance(resources, "日本外務省隨即向北京提出嚴正抗議。")
    assert st["holder"]["text"] == "日本外務省" and targets(st).get("北京") == "negative"
    st = stance(resources, "分析人士認為，北京試圖逐步削弱日本對該海域的實際控制。")
    assert st["holder"]["text"] == "分析人士"
    assert targets(st).get("北京") == "negative" and targets(st).get("日本") != "negative"  # 日本 is acted upon


def test_reported_future_is_the_holders_prediction(resources):
    st = stance(resources, "澳洲國防部長馬勒斯表示，中國的軍事擴張將威脅區域穩定。")
    assert "attributed" in st["types"] and "prediction" in st["types"]
    assert st["holder"]["text"] == "馬勒斯" and targets(st).get("中國") == "negative"
    assert "澳洲" not in targets(st)  # part of the holder's title


def test_title_before_a_name_is_not_a_target(resources):
    st = stance(resources, "北京外交部發言人毛寧批評美方干涉中國內政。")
    assert st["holder"]["text"] == "毛寧"
    assert "北京" not in targets(st)


def test_stance_quality_on_the_gold_articles(resources):
    """The acceptance figures (README): bearing F1 on the seed and on the NTREX articles, at most one
    factual seed sentence flagged, and target-polarity recall on NTREX (with a little slack, as it
    also depends on the entity layer)."""
    from pipeline.annotate import annotate_file
    from pipeline.evaluate import align_document, group_of
    from pipeline.evaluate_stance import stance_metrics
    from pipeline.records import read_jsonl

    from .conftest import ROOT

    groups: dict[str, list] = {}
    for gold_path in sorted((ROOT / "annotations" / "gold").glob("*.jsonl")):
        doc = annotate_file(ROOT / "corpus" / f"{gold_path.stem}.txt", resources)
        aligned = align_document(gold_path.stem, read_jsonl(gold_path), doc.records())
        groups.setdefault(group_of(gold_path.stem), []).append(aligned)
    seed, ntrex = stance_metrics(groups["seed"]), stance_metrics(groups["ntrex"])
    assert seed["bearing"]["f1"] >= 0.85 and seed["non_bearing_accuracy"]["total"] - seed["non_bearing_accuracy"]["correct"] <= 1
    assert ntrex["bearing"]["f1"] >= 0.75
    assert ntrex["targets"]["recall"] >= 0.55


def test_seed_essay_acceptance(seed_doc):
    """The stances the seed essay must show (its headings and other non-body units carry none)."""
    by_start = {u.text[:12]: u.stance for u in seed_doc.units if u.kind == "body"}

    def polarity(prefix: str, kb_id: str) -> str | None:
        st = next(v for k, v in by_start.items() if k.startswith(prefix[:12]))
        return next((t["polarity"] for t in st["targets"] if t["kb_id"] == kb_id), None) if st["bearing"] else None

    assert polarity("眾所周知，隨著中國擴張軍事威脅", "cn") == "negative"
    assert polarity("然而，聯盟的形成通常是出於對共同威脅", "cn") == "negative"
    assert polarity("或許隨著民主國家的政府更替", "cn") == "negative"
    assert polarity("另一方面，南韓原本保守和進步兩派", "kr-yoon-suk-yeol") == "negative"
    lee = next(v for k, v in by_start.items() if k.startswith("尹政府對北韓採取強硬"))
    assert lee["holder"]["kb_id"] == "kr-lee-jae-myung" and polarity("尹政府對北韓採取強硬", "jp") == "negative"
    assert all(not u.stance["bearing"] for u in seed_doc.units if u.kind != "body")


@pytest.mark.parametrize("sentence", [
    "筆者認為，台灣政府應提出具體的防衛構想。",
    "本文主張，美國應該堅定支持盟友。",
    "笔者认为，日本政府必须加强防卫。",
])
def test_the_writer_speaking_of_itself_is_the_author(resources, sentence):
    st = stance(resources, sentence)
    assert st["bearing"] and st["holder"] == "AUTHOR"


@pytest.mark.parametrize("sentence", [
    "這個數字顯然不切實際，但也反映出華府的期待。",
    "台灣若過度依賴美國的承諾，恐怕難以應對突如其來的政策轉向。",
])
def test_a_reporting_word_used_as_a_noun_has_no_speaker(resources, sentence):
    # 華府的期待, 美國的承諾: the expectation and the promise are the subject matter, not a speech act
    st = stance(resources, sentence)
    assert st["holder"] in ("AUTHOR", None)


def test_a_reported_demand_keeps_its_speaker(resources):
    st = stance(resources, "美國國防部長赫格塞斯多次公開表示，台灣應將國防預算大幅提高。")
    assert st["bearing"] and st["holder"]["text"] == "赫格塞斯"


def test_an_editorials_we_is_the_author(resources):
    st = stance(resources, "我們要正告日本一些政客：台灣問題是中國的內政。")
    assert st["bearing"] and st["holder"] == "AUTHOR"
    st = stance(resources, "他說：「我們堅決反對任何干涉。」")  # quoted: the speaker's we
    assert st["holder"] != "AUTHOR"


def test_a_quotations_tail_keeps_the_owner_of_the_attitude(resources):
    # the end of a quotation opened in an earlier sentence is not the writer speaking
    st = stance(resources, "但實際上，持續的制裁正加深我們的不信任。」", before="他說：「我們希望和平。\n")
    assert st["holder"] != "AUTHOR"


def test_hard_to_improve_is_negative(resources):
    # 難以 (hard to) negates the word it governs, like 不 and 無法
    st = stance(resources, "分析人士認為，中日關係短期內難以改善。")
    assert st["bearing"] and targets(st) == {"中日": "negative"}


def test_a_role_word_inside_a_name_is_not_a_role(resources):
    # 民眾 ("the public", a role) inside 民眾黨 (Taiwan People's Party) does not make 國民黨與民眾 a holder
    st = stance(resources, "民進黨立委認為這是必要之舉，但國民黨與民眾黨則質疑預算的效益。")
    assert st["holder"]["text"] in ("國民黨", "民眾黨", "國民黨與民眾黨")


def test_a_speakers_institution_is_not_a_target(resources):
    # 首爾大學 only says where the professor works
    st = stance(resources, "首爾大學政治學教授朴元浩指出，保守派的分裂可能影響明年的地方選舉。")
    assert st["bearing"] and st["holder"]["text"] == "朴元浩" and "首爾大學" not in targets(st)


def test_the_writer_stating_its_view_is_an_opinion(resources):
    """筆者認為 + a plain statement is the author's stance; 他認為 + the same statement is not enough."""
    st = stance(resources, "筆者認為，坎培拉在中美之間的避險空間正在縮小。")
    assert st["bearing"] and st["holder"] == "AUTHOR"
    assert not stance(resources, "他認為，坎培拉在中美之間的避險空間正在縮小。")["bearing"]


def test_a_venue_is_not_a_target(resources):
    st = stance(resources, "他要求美國履行兩國領導人在新加坡會談中許下的承諾。")
    assert "新加坡" not in targets(st) and "美國" in targets(st)
    from pipeline.model import Entity
    from pipeline.stance import _venue

    def place(text: str, name: str) -> Entity:
        a = text.index(name)
        return Entity(name, a, a + len(name), "GPE", None, None, "kb")

    assert _venue("他们在北京举行会谈", place("他们在北京举行会谈", "北京"))
    assert not _venue("台湾在北京的施压下", place("台湾在北京的施压下", "北京"))  # Beijing acts
    assert _venue("新加坡峰会", place("新加坡峰会", "新加坡"))
    assert not _venue("批评北京", place("批评北京", "北京"))


def test_role_word_inside_another_word_is_no_holder(resources):
    """記者 in 記者會 (press conference) is not the speaker; 發言人 before a name is that person's title."""
    st = stance(resources, "中國外交部發言人毛寧在例行記者會上回應稱，中方敦促菲方停止挑釁。")
    assert st["holder"]["text"] == "毛寧"
    st = stance(resources, "有鑑於此，我們在與其他國家建立信任時，不能僅僅依賴英文。", before="曼德拉曾說過這句話。")
    assert st["holder"] == "AUTHOR"  # 他 inside 其他 is no pronoun


def test_never_so_strong_is_praise(resources):
    """從未如此強大 "never this strong" praises: 從未如此 intensifies, it does not negate."""
    st = stance(resources, "盧比歐表示：「美澳同盟從未如此強大。」")
    assert targets(st) == {"美澳": "positive"}


def test_interview_answers_are_the_interviewees(resources):
    """答：我認為… in an interview is the interviewee's stance, not the writer's; 問： is the writer's."""
    text = ("專訪／前國安會秘書長：台灣必須準備好最壞的情況\n記者陳怡君／專訪\n"
            "問：如果中國對台動武，美國會出兵嗎？\n"
            "答：我認為美國介入的可能性很高，但我們不能完全依賴別人。台灣必須大幅提高國防預算。\n"
            "問：您對年輕人有什麼建議？\n")
    doc = annotate_text(text, doc_id="qa", res=resources)
    holders = {u.text[:6]: u.stance["holder"] for u in doc.units if u.kind == "body" and u.stance["bearing"]}
    interviewee = {"text": "前國安會秘書長", "kb_id": None, "en": "former National Security Council (Taiwan) secretary-general"}
    assert holders["問：如果中國"] == "AUTHOR"  # the question
    assert holders["答：我認為美"] == holders["台灣必須大幅"] == interviewee  # the answer, both its sentences
    plain = annotate_text("前言。\n\n答：台灣必須大幅提高國防預算。", doc_id="p", res=resources)
    assert plain.units[-1].stance["holder"] == "AUTHOR"  # no interview without questions and answers


def test_holder_metric_counts_the_same_referent():
    from pipeline.evaluate_stance import _same_holder

    ri = {"text": "北韓的外交部長", "kb_id": "kp-ri-yong-ho", "en": "Ri Yong Ho"}
    assert _same_holder("AUTHOR", "AUTHOR") == (True, True)
    assert _same_holder(ri, {"text": "李容浩", "kb_id": "kp-ri-yong-ho", "en": "Ri Yong Ho"}) == (True, True)
    assert _same_holder(ri, {"text": "北韓的外交部長", "kb_id": None, "en": None}) == (False, True)  # found, not linked
    assert _same_holder(ri, "AUTHOR") == (False, False)
    branstad = {"text": "布蘭斯塔德", "kb_id": None, "en": "Terry Branstad"}
    assert _same_holder(branstad, {"text": "Terry Branstad", "kb_id": None, "en": "Terry Branstad"}) == (True, True)
    he = {"text": "他", "kb_id": None, "en": None}
    assert _same_holder(he, {"text": "Morales", "kb_id": None, "en": "Morales", "mention": "他"}) == (False, True)
    assert _same_holder(he, {"text": "他", "kb_id": None, "en": None}) == (True, True)


def test_attitude_verb_glued_to_its_object_and_a_venue_in_an_adverbial(resources):
    """大讚金 is 大讚|金 (the verb is a word of its own, tagged a verb, not a guessed name); the
    assembly in 在今年的聯合國大會中 is where, not who: 川普 praises."""
    st = stance(resources, "在今年的聯合國大會中，去年曾要脅將「徹底毀滅」北韓的川普大讚金勇敢採取行動。",
                before="北韓領導人金正恩表示願意談判。")
    assert st["holder"]["text"] == "川普" and "大讚" in cue(st, "reporting")


def test_head_of_delegation_speaks_for_himself(resources):
    """中國國防大學代表團團長胡鋼鋒反駁: the head of delegation holds it, and his university only
    qualifies his title (no target); 提醒 (remind) reports a speaker too."""
    st = stance(resources, "中國國防大學代表團團長胡鋼鋒隨即反駁，指美方言論「充滿冷戰思維」。")
    assert st["holder"]["text"] == "胡鋼鋒" and "中國國防大學" not in targets(st)
    st = stance(resources, "新加坡總理黃循財則在開幕演說中提醒，大國競爭若失控，東南亞國家將首當其衝。")
    assert st["holder"]["text"] == "黃循財"


def test_an_assembly_as_the_occasion_is_no_target(resources):
    st = stance(resources, "在今年的聯合國大會中，川普大讚金正恩勇敢採取行動。")
    assert "聯合國大會" not in targets(st) and targets(st).get("金正恩") == "positive"


def test_subject_before_a_time_clause_speaks(resources):
    """李家超…見記者時表示: the reporters are inside the 時 clause, the chief executive speaks;
    林佳龍會見川普時表示: Trump is the one met, not the speaker (會見 is a verb, not jieba's noun)."""
    st = stance(resources, "行政長官李家超昨早出席行政會議前見記者時表示，特區政府絕不會被嚇倒，會繼續依法履行責任。")
    assert st["holder"]["text"] == "李家超"
    st = stance(resources, "外長林佳龍會見川普時表示，台灣將堅定支持美國。")
    assert st["holder"]["text"] == "林佳龍"
    # 處長 is jieba's verb, but a title before the name
    st = stance(resources, "美國在台協會（AIT）處長谷立言（Raymond Greene）稍早受訪時表示，美方樂見台灣強化自我防衛能力。")
    assert st["holder"]["text"] == "谷立言"


def test_an_attitude_in_what_a_speaker_says_is_the_speakers(resources):
    """林劍表示，…中方對此堅決反對: the attitude verb is in the spokesman's words, and his side
    that voices it is no target; 據…報導，X表示: the source cited is no speaker."""
    st = stance(resources, "外交部發言人林劍19日表示，美方宣布對台軍售，嚴重違反一個中國原則，中方對此堅決反對，已向美方提出嚴正交涉。")
    assert st["holder"]["text"] == "林劍" and "中" not in targets(st)
    st = stance(resources, "據 Washington Examiner 報導，美國內政部長辛克 (Ryan Zinke) 表示，華盛頓可能選擇以海軍阻止俄羅斯能源進入市場。")
    assert st["holder"]["en"] == "Ryan Zinke"


def test_a_subject_inside_another_verbs_complement_is_no_holder(resources):
    """…譴責中國的「危險行為」，並重申美國對菲律賓的同盟承諾: 美國 is inside what the ambassador
    reaffirms; she holds the sentence's stance.  他表示美國支持台灣: he does."""
    st = stance(resources, "美國駐菲律賓大使卡爾森（MaryKay Carlson）在社群平台X上發文，譴責中國的「危險行為」，"
                           "並重申美國對菲律賓的同盟承諾「堅如磐石」。")
    assert st["holder"]["text"] == "卡爾森"
    assert stance(resources, "他表示美國支持台灣。", before="川普昨天抵達東京。")["holder"]["text"] != "美國"


def test_who_tells_someone_speaks_and_an_ambassadors_role_is_the_senders(resources):
    """美國官員告訴路透社，川普指控…: the officials speak (Trump's charge is in their words);
    美國駐中國大使指控…: the holder is the United States' ambassador, not China's."""
    st = stance(resources, "美國官員告訴路透社，川普指控北京試圖干擾美國國會選舉，華盛頓採取進一步升級行動以對北京施壓。")
    assert st["holder"]["text"] == "美國官員"
    st = stance(resources, "在此之後一個星期，美國駐中國大使指控北京利用美國媒體來散布不實宣傳。")
    assert st["holder"]["text"] == "美國駐中國大使"


def test_a_clause_without_a_subject_continues_the_nearest_persons(resources):
    """…此時日本外相岩屋毅應邀訪問北京，先後與…李強…會面，強調…: the foreign minister stresses (not
    Li Qiang, whom he met); a clause with a subject of its own keeps it (…但在野黨主導的立法院能否支持…)."""
    st = stance(resources, "中國先是開放日本人赴中觀光免簽證，此時日本外相岩屋毅應邀訪問北京，先後與中國國務院總理李強、"
                           "外長王毅會面，強調兩國將致力於構建建設性、穩定的關係。")
    assert st["holder"]["text"] == "岩屋毅"
    st = stance(resources, "對台灣而言，賴清德總統已宣示將國防預算提高至GDP的3%以上，但在野黨主導的立法院能否支持，仍有變數。")
    assert st["holder"] == "AUTHOR"


def test_a_name_before_a_role_word_that_is_his_act(resources):
    """呂耀東分析認為: the researcher, not 呂耀東分析; 輕描淡寫 judges (the editorial's sentence bears)."""
    st = stance(resources, "中國社會科學院日本研究所研究員呂耀東分析認為，高市政府的右傾化政策將使中日關係長期處於緊張狀態。")
    assert st["holder"]["text"] == "呂耀東"
    st = stance(resources, "然而，總統在罷免過程中多次公開為罷免站台，如今卻以一句「尊重民意」帶過，未免太過輕描淡寫。")
    assert st["bearing"] and "輕描淡寫" in cue(st, "evaluative")


def test_a_title_that_holds_is_the_one_person_named_with_it(resources):
    """總統表示… after 賴清德總統: Lai (mention 總統); not once two presidents were named with it."""
    from pipeline.annotate import annotate_text

    doc = annotate_text("國防預算\n\n賴清德總統今天出席論壇。總統表示，台灣必須以實力確保和平。\n", "t", resources)
    st = next(u for u in doc.units if u.text.startswith("總統表示")).stance
    assert st["holder"]["kb_id"] == "tw-lai-ching-te" and st["holder"]["mention"] == "總統"
    assert not [e for u in doc.units for e in u.entities if e.text == "總統"]  # a title, no entity
    doc = annotate_text("兩位總統\n\n賴清德總統與美國總統川普通話。總統表示，雙方將加強合作。\n", "t2", resources)
    st = next(u for u in doc.units if u.text.startswith("總統表示")).stance
    assert st["holder"]["text"] == "總統"


def test_whom_a_clause_makes_feel_something_holds_nothing(resources):
    """不能讓一般民眾覺得被針對: the public is made to feel; it is no holder."""
    st = stance(resources, "不過政府在執行上要注意，不能讓一般民眾覺得被針對。")
    assert st["holder"] == "AUTHOR" or st["holder"].get("text") != "民眾"
    st = stance(resources, "中國駐美大使館官員表示，此事嚴重不實。")  # 使 inside 大使館 causes nothing
    assert st["holder"]["text"].endswith("官員")


def test_who_objects_is_not_what_the_objection_is_about(resources):
    """美國反對任何一方片面改變現狀: the United States objects; 片面 judges the one who would change it."""
    st = stance(resources, "國務院官員康達表示，台海和平穩定攸關全球經濟繁榮，美國反對任何一方片面改變現狀。")
    assert st["holder"]["text"] == "康達" and "美國" not in targets(st)


def test_support_sought_from_someone_is_not_their_stance(resources):
    """爭取美國國會支持: Congress's support is sought, the legislator who says so holds the stance."""
    st = stance(resources, "民進黨立委王定宇則認為，國防預算增加是對美方要求的具體回應，有助於爭取美國國會支持。")
    assert st["holder"]["text"] == "王定宇"


def test_a_quotation_that_goes_on_is_the_last_speakers(resources):
    """「……」 with no speaker of its own, right after 「……，」李容浩說: still Ri Yong Ho; after a
    sentence of the writer's own it is the writer's again."""
    before = "「但是，我們沒有看到美國作出任何回應，」李容浩說道。"
    st = stance(resources, "「制裁可以讓我們屈服的這一想法是無稽之談。」", before=before)
    assert st["holder"]["kb_id"] == "kp-ri-yong-ho" and "attributed" in st["types"]
    st = stance(resources, "「制裁可以讓我們屈服的這一想法是無稽之談。」", before=before + "聯合國大會於紐約舉行。")
    assert st["holder"] == "AUTHOR"
    st = stance(resources, "「此毫無根據的指控是完全錯誤的，是絕對的謊言，」沃特斯堅稱。", before=before)
    assert st["holder"] != "AUTHOR" and st["holder"].get("kb_id") != "kp-ri-yong-ho"  # a speaker of its own


def test_a_verbal_noun_after_de_is_no_verb_between_subject_and_verb(resources):
    """蘭德公司（RAND Corporation）的研究指出: RAND's research says it, not the United States that
    only qualifies the think tank."""
    st = stance(resources, "美國智庫蘭德公司（RAND Corporation）的研究指出，台灣需要強化全社會防衛韌性。")
    assert st["holder"]["kb_id"] == "us-rand"


def test_an_english_sentence_in_a_chinese_article(resources):
    """AIT Director Raymond Greene said, "…": English entities from the KB's English names, and a
    stance in the Chinese records' terms (evaluation, attributed to the speaker)."""
    doc = annotate_text("美國在台協會聲明\n\n美國在台協會今日發表聲明。\n\nAIT Director Raymond Greene said, \"The United States "
                        "welcomes Taiwan's commitment to strengthening its self-defense capabilities.\" Washington must "
                        "continue to support Taiwan under the Taiwan Relations Act.\n", "en", resources)
    first, second = [u for u in doc.units if u.text.startswith(("AIT", "Washington"))]
    labels = {e.text: (e.label, e.kb_id) for e in first.entities + second.entities}
    assert labels["Raymond Greene"] == ("PERSON", "us-raymond-greene") and labels["AIT"] == ("ORG", "us-ait")
    assert labels["Taiwan Relations Act"] == ("POLICY", "policy-taiwan-relations-act")
    st = first.stance
    assert st["bearing"] and st["holder"]["kb_id"] == "us-raymond-greene" and "attributed" in st["types"]
    assert {c["kind"] for c in st["cues"]} <= {"evaluative", "reporting", "modal", "hedge", "negation", "intensifier", "question"}
    assert 0.5 <= st["score"] <= 1.0
    assert "prescription" in second.stance["types"]  # must


def test_countries_that_only_qualify_a_role_are_no_targets(resources):
    """美國駐中國大使指控北京…: the ambassador's two countries describe who he is; 北京 is the target.
    中國政府 stays a target (a body, not one person's role)."""
    st = stance(resources, "美國駐中國大使指控北京利用媒體來散布不實宣傳。")
    assert targets(st) == {"北京": "negative"}
    st = stance(resources, "日本強烈譴責中國政府的挑釁行為。")
    assert "中國" in targets(st)


def test_beijing_idioms_about_taiwan_are_evaluative(resources):
    """挾洋自重、以武謀獨 and 打台灣牌 … 以台制華: the Taiwan Affairs Office's and the analysts'
    judgements, negative toward the DPP and the US politicians."""
    st = stance(resources, "國台辦發言人朱鳳蓮表示，民進黨當局挾洋自重、以武謀獨，只會把台灣推向兵凶戰危的險境。")
    assert st["bearing"] and st["holder"]["kb_id"] == "cn-zhu-fenglian" and targets(st).get("民進黨") == "negative"
    st = stance(resources, "分析人士指出，美國一些政客打「台灣牌」，目的是以台制華。")
    assert st["bearing"] and targets(st).get("美國") == "negative"


def test_he_in_an_english_sentence_is_the_person_named_before(resources):
    doc = annotate_text("聲明\n\n美國在台協會今日發表聲明。\n\nAIT Director Raymond Greene said the United States welcomes Taiwan's "
                        "commitment. He added that Washington will continue to support Taiwan.\n", "he", resources)
    st = next(u.stance for u in doc.units if u.text.startswith("He added"))
    assert st["holder"]["kb_id"] == "us-raymond-greene" and st["holder"]["mention"] == "He"


def test_object_marker_jiang_is_no_prediction(resources):
    assert "將" not in cue(stance(resources, "美方要求歐洲盟國將資源集中於印太地區。"), "modal")
    assert "將" in cue(stance(resources, "日本將持續增加國防預算，這是錯誤的決定。"), "modal")


def test_a_role_keeps_the_name_that_qualifies_it(resources):
    st = stance(resources, "南韓政府表示強烈反對日本的決定。")
    assert st["holder"]["text"] == "南韓政府"
    assert "南韓" not in targets(st) and targets(st).get("日本") == "negative"
    st = stance(resources, "美方對北京的行為表示關切。")  # concern expressed is a stance
    assert st["bearing"] and st["holder"]["text"] == "美" and targets(st).get("北京") == "negative"


def test_negation_passes_over_a_noun_phrase_its_verb_governs(resources):
    assert targets(stance(resources, "菲律賓不會因為中國的恫嚇而退讓。")).get("中國") == "negative"
    assert targets(stance(resources, "日本不會容忍北韓的挑釁。")).get("北韓") == "negative"


def test_the_speaker_after_the_verb_of_an_english_quotation(resources):
    doc = annotate_text('六項保證\n\n美國的政策。"The Six Assurances remain a cornerstone of U.S. policy toward Taiwan," '
                        'said a State Department spokesperson in 2020.\n', "en", resources)
    st = next(u.stance for u in doc.units if u.text.startswith('"'))
    assert st["holder"]["kb_id"] == "us-state-department" and "attributed" in st["types"]


@pytest.mark.parametrize("before, sentence, holder", [
    # 她 opening a sentence goes on with the last speaker, not the last person named
    ("發言人朱鳳蓮指出，賴清德上台以來，頑固堅持台獨分裂立場。", "她強調，台灣問題是中國內政，不容任何外部勢力干涉。", "朱鳳蓮"),
    # 我們 in reported speech is the speaker's
    ("", "發言人陳斌華回應說，美方有關行徑嚴重違反一個中國原則，我們對此堅決反對。", "陳斌華"),
    # the speaker between a closing quotation mark and a verb is in the verb's clause
    ("", "李在明上任後強調「務實外交」，一方面表示韓美同盟是南韓外交的基軸，另一方面也主張改善與中國的關係。", "李在明"),
    # the topic of a clause chain is the person named right after the body they lead
    ("", "國安會秘書長吳釗燮與陸委會主委邱垂正也相繼發言，認為中國對台威脅持續升高。", "吳釗燮"),
    # the partner in an adverbial 在與 X 通話後 is not the speaker
    ("", "美國總統川普日前在與中國國家主席習近平通話後表示，美方「不支持台灣獨立」，引發輿論譁然。", "川普"),
    ("", "川普在會見習近平後對記者說，美國不會讓台灣失望，也絕不接受威脅。", "川普"),
    # 大使 ends with 使 "make", 駐 is no verb: the ambassador is the topic
    ("", "中國駐日大使吳江浩隨即向日方提出嚴正交涉，要求日方撤回錯誤言論。", "吳江浩"),
    # the object of the object marker 將 holds nothing
    ("", "美國國務院將中國視為最大威脅，並批評北京的擴張。", "美國國務院"),
    # 他 after a conjunction opening the sentence goes on with the last speaker, not the last person named
    ("研究員嚴震生指出，川普政府以交易看待美中關係，台灣可能淪為談判籌碼。", "但他也提醒，美國國會對台灣的支持是跨黨派的。", "嚴震生"),
    # a Taiwanese name jieba-rs tags x is a name after its title
    ("", "淡江大學戰略研究所助理教授林穎佑認為，北京短期內不會對台動武。", "林穎佑"),
])
def test_who_holds_reported_speech(resources, before, sentence, holder):
    assert stance(resources, sentence, before=before)["holder"]["text"] == holder


def test_the_interviewee_is_the_person_the_introduction_names(resources):
    doc = annotate_text("專訪前國安會秘書長：台海風險升高\n記者林彥廷／專訪\n\n前國安會秘書長李大維日前接受本報專訪，談及美中關係。\n\n"
                        "問：您如何看待美國的對台政策？\n\n答：我認為華府不會輕易放棄台灣。\n", "qa", resources)
    st = next(u.stance for u in doc.units if u.text.startswith("答"))
    assert st["holder"]["kb_id"] == "tw-david-lee"


def test_a_case_named_after_its_defendant_is_no_judgement_of_them(resources):
    st = stance(resources, "英國外相拉米也表示，黎智英案是出於政治動機的檢控。")
    assert st["bearing"] and st["holder"]["kb_id"] == "gb-david-lammy"
    assert "黎智英" not in targets(st)


def test_a_country_s_media_can_hold_a_stance(resources):
    st = stance(resources, "陸媒批評賴清德的言論是挑釁。")
    assert st["holder"]["text"] == "陸媒" and targets(st).get("賴清德") == "negative"


def test_a_speech_verb_after_a_time_clause_is_found(resources):
    # jieba's dictionary holds 時說; the user dictionary makes it rare, so 說 is a word of its own
    st = stance(resources, "川普日前在白宮接受媒體訪問時說：「台灣偷走了我們的晶片產業，他們應該付保護費。」")
    assert st["holder"]["kb_id"] == "us-donald-trump" and targets(st).get("台灣") == "negative"
    st = stance(resources, "李在明在就職演說中說：「我們必須推動實用主義外交。」")  # 中說, too
    assert st["holder"]["kb_id"] == "kr-lee-jae-myung"


def test_what_a_violation_is_done_to_is_no_negative_target(resources):
    # the norms violated (and those coordinated with the first) are not judged; the violator is
    st = stance(resources, "中國外交部發言人林劍回應說，美方的做法嚴重違反一個中國原則和中美三個聯合公報，中方對此堅決反對。")
    assert not {k: v for k, v in targets(st).items() if k in ("一個中國原則", "中美", "三個聯合公報") and v == "negative"}
    st = stance(resources, "這些行徑嚴重違反一個中國原則和中美三個聯合公報，向台獨分裂勢力發出嚴重錯誤信號。")
    assert "一個中國原則" not in targets(st)  # nor the subject the next clause goes on from


def test_a_name_restated_in_brackets_is_one_holder_and_no_target(resources):
    st = stance(resources, "澳洲國立大學戰略與國防研究中心教授懷特（Hugh White）也認為，一旦台海爆發衝突，澳洲未必會出兵。")
    assert st["holder"]["text"] == "懷特" and st["holder"]["en"] == "Hugh White"
    assert "Hugh White" not in targets(st)
    st = stance(resources, "資深研究員容安瀾（Alan Romberg）生前也曾警告，華府必須為灰色地帶衝突預作準備。")
    assert st["holder"]["text"] == "容安瀾"  # a Chinese name after a title, completed by the bracket


def test_who_feels_an_attitude_is_not_what_it_is_about(resources):
    st = stance(resources, "美國國務院發言人表示，美方對判決深感失望。")
    assert "美" not in targets(st)
    st = stance(resources, "日本政府對中國的軍事擴張表示擔憂。")
    assert targets(st).get("中國") == "negative"


def test_the_holders_country_and_what_deterrence_is_against(resources):
    st = stance(resources, "北韓國營媒體朝中社批評日本「走上軍事大國之路」，並稱日本的擴軍是「對地區和平的嚴重威脅」。")
    assert "北韓" not in targets(st) and targets(st).get("日本") == "negative"  # North Korea owns the holder
    st = stance(resources, "東京大學教授川島真指出，日本擴軍的真正目的在於嚇阻中國。")
    assert st["holder"]["kb_id"] == "jp-shin-kawashima" and targets(st).get("中國") == "negative"


def test_the_one_harassed_inside_the_word_and_a_list_after_a_threat(resources):
    st = stance(resources, "中國大陸近年持續以軍機擾台、經濟脅迫等手段施壓。")
    assert targets(st) == {"中國大陸": "negative"}  # not Taiwan, harassed inside 擾台
    st = stance(resources, "隨著中國擴張軍事威脅、北韓試射核武，美國將戰略重心移至亞太地區。")
    assert targets(st).get("北韓") == "negative"  # after 威脅、 the next item of a list, not its object


def test_an_unprincipled_concession_is_criticised(resources):
    # 毫無 inside 毫無原則 'unprincipled' negated 退讓, and the criticised president came out positive
    st = stance(resources, "國民力量黨黨魁韓東勳批評，李在明在慰安婦問題上「毫無原則地退讓」。")
    assert targets(st).get("李在明") == "negative"


def test_speaking_up_to_demand_and_a_restatement_after_a_space(resources):
    st = stance(resources, "德國的工業領導組織 - 德國工業協會 (BDI) 出聲要求美國不要插手歐盟能源政策。")
    assert st["holder"]["text"] == "德國工業協會" and "BDI" not in targets(st)  # 出聲 is no verb between


def test_who_speaks_is_not_what_the_words_are_about(resources):
    st = stance(resources, "布魯斯指出，美國反對任何一方片面改變現狀，並呼籲北京停止對台灣的軍事、外交與經濟施壓。")
    assert "布魯斯" not in targets(st) and targets(st).get("北京") == "negative"


def test_a_second_speaker_or_believer_is_no_target_of_the_first(resources):
    st = stance(resources, "總統賴清德表示感謝日本的支持，外交部長林佳龍也呼籲國人多赴日本旅遊，以行動支持日本。")
    assert st["holder"]["text"] == "賴清德" and "林佳龍" not in targets(st) and targets(st).get("日本") == "positive"
    st = stance(resources, "國民力量黨批評此舉「動搖同盟根基」，而共同民主黨則認為，南韓不能在美中之間選邊站。")
    assert "共同民主黨" not in targets(st)
    # conduct, not speech: who insists on something may be what the words judge
    st = stance(resources, "發言人表示，賴清德當局頑固堅持分裂立場，是台海和平的破壞者。")
    assert targets(st).get("賴清德") == "negative"
    # what someone is said to feel about is no speaker (對美國「感到親近」)
    st = stance(resources, "民調顯示，日本人對美國「感到親近」的比例創下新高。")
    assert "美國" in targets(st)


def test_who_the_author_says_should_do_something_stays_a_target(resources):
    st = stance(resources, "筆者認為，北京若真心希望兩岸和平，就應放棄對台動武。")
    assert st["holder"] == "AUTHOR" and "北京" in targets(st)


@pytest.mark.parametrize("sentence, actor", [
    ("國防部呼籲中共停止一切挑釁行為，並將持續密切監控。", "中共"),
    ("外交部發言人表示，中方敦促菲方停止侵權挑釁。", "菲"),
    ("美國國務院要求北韓放棄核武挑釁。", "北韓"),
])
def test_asked_to_stop_an_act_is_doing_it(resources, sentence, actor):
    assert targets(stance(resources, sentence)).get(actor) == "negative"


def test_stopping_an_act_that_is_not_asked_for_still_negates_it(resources):
    st = stance(resources, "北韓宣布停止挑釁，南韓政府對此表示歡迎。")
    assert targets(st).get("北韓") != "negative"


def test_a_speech_verb_inside_what_the_writer_predicts_has_no_holder(resources):
    st = stance(resources, "北京的施壓反而可能強化日本國內支持強化防衛的聲音。")
    assert st["holder"] == "AUTHOR"
    # a modal inside a 的-phrase before the subject is not the writer's (…將毀滅北韓的川普大讚…)
    st = stance(resources, "去年曾要脅將「徹底毀滅」北韓的川普大讚金正恩勇敢。")
    assert st["holder"]["text"] == "川普"


def test_an_attitude_noun_after_an_adjective_is_a_noun(resources):
    st = stance(resources, "日本不再迴避台灣議題，而中國的強硬回應可能適得其反。")
    assert st["holder"] == "AUTHOR" and targets(st).get("中國") == "negative"


def test_the_speakers_company_and_side_are_no_targets(resources):
    st = stance(resources, "輝達（NVIDIA）執行長黃仁勳（Jensen Huang）日前訪台時也坦言，關稅不確定性將影響供應鏈布局。")
    assert st["holder"]["text"] == "黃仁勳" and "輝達" not in targets(st)
    st = stance(resources, "美國國務院發言人表示，美方對修訂「深表關注」，呼籲港府尊重《基本法》保障的權利。")
    assert "美" not in targets(st) and targets(st).get("港府") == "positive"


def test_a_word_in_the_name_of_a_charge_judges_no_one(resources):
    st = stance(resources, "壹傳媒創辦人黎智英被控違反《港區國安法》勾結外國勢力罪，高等法院昨日裁定罪成。")
    assert "港區國安法" not in targets(st)
    st = stance(resources, "這再次暴露了民進黨當局勾連外部勢力、挑釁大陸的本質。")
    assert targets(st).get("民進黨") == "negative"  # 勾連 outside a charge's name


def test_cantonese_negation(resources):
    st = stance(resources, "我認為港府唔應該再打壓傳媒。")
    assert st["holder"] == "AUTHOR" and any(c["kind"] == "negation" and c["text"] == "唔" for c in st["cues"])


def test_cantonese_speech_verbs(resources):
    """話 says only before a colon, comma or quotation (佢話「…」, 旅行社負責人講，「…」); 這句話 and
    他的話 are words, so the writer holds what follows them."""
    st = stance(resources, "佢話「香港嘅貨源暫時冇乜影響，政府應該幫手」。")
    assert st["holder"] != "AUTHOR" and st["holder"]["text"] == "佢"
    assert any(c["kind"] == "reporting" and c["text"] == "話" for c in st["cues"])
    st = stance(resources, "旅行社負責人講，「政府應該負責」。")
    assert st["holder"]["text"] == "負責人"
    st = stance(resources, "他說的這句話，政府應該認真檢討。")
    assert not any(c["text"] == "話" for c in st["cues"])


def test_support_drawn_from_others_is_not_their_stance(resources):
    st = stance(resources, "參政黨黨魁神谷宗幣在街頭演說中主張「日本人優先」，吸引不少年輕選民支持。")
    assert st["holder"]["text"] == "神谷宗幣"


def test_bing_cheng_is_and_said(resources):
    """並稱 in news is 並|稱 "and said" (jieba's dictionary has the word "equally famous"): the
    ministry that thanks and says holds the sentence, not the Congress it describes."""
    st = stance(resources, "台灣外交部則在19日凌晨發布新聞稿，對美國參議院「表達誠摯感謝」，並稱法案通過顯示美國國會對台美關係的「堅定及跨黨派支持」。")
    assert st["holder"]["kb_id"] == "tw-mofa"


def test_whose_son_is_not_the_subject(resources):
    """黎智英的兒子黎崇恩…，呼籲…: the son calls, not the father whose son he is."""
    st = stance(resources, "黎智英的兒子黎崇恩（Sebastien Lai）多次在倫敦和華盛頓奔走，呼籲英美政府把父親的自由放在優先位置。")
    assert st["holder"]["text"] == "黎崇恩"


def test_whom_it_is_told_to_is_no_holder(resources):
    """向記者透露, 向本網表示: the one addressed is no holder (and 向本網 is no person's name); a count
    of people before the role keeps the name that qualifies it; a holder no entry names gets its
    English from its words."""
    st = stance(resources, "有本港旅行社向記者透露，近日約6成日本團客人要求改期或退團。")
    assert st["holder"] == {"text": "旅行社", "kb_id": None, "en": "travel agency"}
    st = stance(resources, "嶺南大學一名國際關係學者向本網表示，北京要求高市撤回發言的門檻極高。")
    assert st["holder"]["text"] == "嶺南大學一名國際關係學者" and "scholar" in st["holder"]["en"]
    doc = annotate_text("嶺南大學一名國際關係學者向本網表示，北京要求高市撤回發言的門檻極高。", "hk", resources)
    assert "向本網" not in [e.text for e in doc.units[0].entities]


def test_saying_clearly_and_a_cleft_focus_are_no_reports(resources):
    """把模糊說清楚 (saying it clearly) and 最重要的不是選邊喊話 (what matters is not shouting) are
    the writer's, not reports by 高市 or 台灣."""
    assert stance(resources, "高市把模糊說清楚，等於讓北京的對日、對台算計都必須重新估算。")["holder"] == "AUTHOR"
    st = stance(resources, "台灣夾在其中，最重要的不是選邊喊話，而是把自己的防衛準備做好。")
    assert st["holder"] == "AUTHOR"


def test_a_quoted_term_is_no_subject(resources):
    """針對「台灣有事」情境表示: 台灣 in the quoted term says nothing; the prime minister of the
    clause before does."""
    st = stance(resources, "日本首相高市早苗於11月7日在眾議院答詢時，針對「台灣有事」情境表示，若中國動用戰艦並伴隨武力行使，「可能構成存立危機事態」。")
    assert st["holder"]["kb_id"] == "jp-sanae-takaichi"


def test_a_quotation_then_who_said_it_and_a_long_title_before_a_name(resources):
    """「……。」他說。 is one sentence, the last speaker's (not the last person named); a person after
    a long title (中國常駐聯合國代表傅聰) is the subject, not the country before the title."""
    doc = annotate_text(LEAD + "前官員費思博（Robert Fisher）對美國之音說，北京是在測試川普政府對盟友的底線。"
                        "「如果白宮保持沉默，北京會認為這是一道可以利用的縫隙。」他說。", doc_id="t", res=resources)
    last = doc.units[-1]
    assert last.text.endswith("縫隙。」他說。") and last.stance["holder"]["text"] == "費思博"
    st = stance(resources, "中國常駐聯合國代表傅聰（Fu Cong）星期五致函聯合國秘書長古特雷斯，指稱日本若武力介入台海局勢，「即構成侵略行為」。")
    assert st["holder"]["text"] == "傅聰"


def test_a_second_speakers_clauses_are_not_the_holders_targets(resources):
    """Two speakers in one sentence: what the other says or does is not judged by the holder
    (賴清德呼籲中國克制…；鄭麗文則批評…: China is no target of 鄭麗文; 格拉斯聲援日本，…但特朗普本人未…表態:
    Trump is no target of Glass); what the holder reports others doing stays the holder's."""
    st = stance(resources, "台湾方面，赖清德公开呼吁中国克制，还以品尝日本料理的方式“声援”日本；国民党主席郑丽文则批评执政当局“把台湾推向前线”。")
    assert st["holder"]["text"] == "郑丽文" and "cn" not in [t["kb_id"] for t in st["targets"]]
    st = stance(resources, "美国驻日大使格拉斯公开声援日本，国务院也重申对日美同盟的承诺“坚定不移”，但特朗普本人迄今未就中日争端作出明确表态。")
    assert st["holder"]["kb_id"] == "us-george-glass" and [t["kb_id"] for t in st["targets"]] == ["jp"]
    st = stance(resources, "北韓的外交部長在禮拜六向聯合國表示，持續制裁正加深北韓對美國的不信任。")
    assert "us" in [t["kb_id"] for t in st["targets"]]


def test_what_the_writer_says_someone_should_do_is_the_writers(resources):
    """台灣應在肯定日本…的同時 and 北京…，當然應該譴責: a prescriptive modal before the verb makes the
    sentence the writer's prescription, not a report of the subject's stance."""
    assert stance(resources, "台灣應在肯定日本戰略清晰化的同時，審慎評估其持續性。")["holder"] == "AUTHOR"
    st = stance(resources, "北京動輒以軍演恫嚇台灣，當然應該譴責；但兩岸若完全斷絕溝通管道，誤判的風險只會升高。")
    assert st["holder"] == "AUTHOR"


def test_a_belief_or_emphasis_frames_what_follows(resources):
    """X認為，…Y樂見… and X上任後也一再強調，Z不反對…: the first speaker holds it (not 美方 or 國民黨
    inside their words); 美國戰爭部長赫格塞斯 is the U.S. and its Secretary of War, not a romanised body."""
    st = stance(resources, "美國在台協會處長谷立言日前受訪時則認為，投資不對稱戰力是「正確的方向」，美方樂見台灣增加國防投資。")
    assert st["holder"]["text"] == "谷立言"
    st = stance(resources, "國民黨主席鄭麗文上任後也一再強調，國民黨不反對合理的國防投資。")
    assert st["holder"]["text"] == "鄭麗文"
    doc = annotate_text(LEAD + "美國戰爭部長赫格塞斯今年5月警告，中國的威脅可能迫在眉睫。", doc_id="t", res=resources)
    assert [(e.text, e.kb_id) for e in doc.units[-1].entities][:2] == [("美國", "us"), ("赫格塞斯", "us-pete-hegseth")]


def test_what_someone_said_judged_in_a_speakers_turn(resources):
    """彭慶恩：高市早苗公然發表涉台錯誤言論…: a speech verb with no words of its own (發表…言論) in a
    turn is an act the speaker judges; the speaker holds the sentence, and who spoke the words judged
    is judged (Takaichi had no polarity)."""
    doc = annotate_text("国务院台办新闻发布会实录\n\n主持人：国务院台办发言人彭庆恩\n\n彭庆恩：大家上午好。\n\n问：请问有何评论？\n\n"
                        "彭庆恩：高市早苗公然发表涉台错误言论，严重干涉中国内政。\n\n问：请问有何回应？\n\n彭庆恩：我们坚决反对。\n",
                        doc_id="tao", res=resources)
    unit = next(u for u in doc.units if "高市早苗" in u.text)
    assert unit.stance["holder"]["text"] == "彭庆恩"
    assert targets(unit.stance)["高市早苗"] == "negative"


def test_a_reference_in_brackets_is_no_target(resources):
    """（外務省，2021）, (Green, 2025): a paper's citation names a source, not an actor judged."""
    st = stance(resources, "2021年美日首腦聯合聲明首度寫入台海，被視為重要里程碑（外務省，2021）；然而日本首相仍屬首見。")
    assert "jp-mofa" not in [t["kb_id"] for t in st["targets"]] and "外務省" not in [t["text"] for t in st["targets"]]
    st = stance(resources, "美國總統川普隨即致電高市，顯示華府也須安撫盟友（Green, 2025）。")
    assert "Green" not in [t["text"] for t in st["targets"]]


def test_a_body_holds_what_its_published_report_says(resources):
    """戰略與國際研究中心日前發布的兵推報告指出: the centre that published the report holds it (not
    美國 before it); a press release carries others' words, so in 北京發布的新聞稿指出，習近平強調…
    Xi holds the stance."""
    st = stance(resources, "美國智庫戰略與國際研究中心（CSIS）日前發布的兵推報告指出，若中國封鎖台灣，台灣的能源儲備恐怕撐不過兩週。")
    assert st["holder"]["kb_id"] == "us-csis"
    st = stance(resources, "北京發布的新聞稿指出，習近平強調「台灣回歸中國是戰後國際秩序的重要組成部分」。")
    assert st["holder"]["kb_id"] == "cn-xi-jinping"


def test_unwilling_to_be_seen_as_an_ally(resources):
    """不願被視為美國的盟友: being seen as the US's ally is what Modi refuses, so the US is a negative
    target; 不會容忍北韓的挑釁 still negates the verb, not the provocation."""
    st = stance(resources, "印度總理莫迪一向強調戰略自主，不願被視為美國的盟友。")
    assert [(t["kb_id"], t["polarity"]) for t in st["targets"]] == [("us", "negative")]
    st = stance(resources, "北韓不會容忍美國的挑釁。")
    assert ("us", "negative") in [(t["kb_id"], t["polarity"]) for t in st["targets"]]


def test_a_quotation_credited_after_a_dash(resources):
    """「……。」——美國國務卿魯比歐 (a pull quote): one sentence with its credit, held by the person
    credited."""
    st = stance(resources, "「台灣是美國值得信賴的重要夥伴，我們堅定支持台灣。」——美國國務卿魯比歐")
    assert st["bearing"] and st["holder"]["kb_id"] == "us-marco-rubio"


def test_a_judged_noun_and_claims(resources):
    """菲方的所謂抗議完全站不住腳: the protest is judged (the writer's, negative for the Philippines),
    not the Philippines' attitude; 固有領土 (a claim of territory) and 好事 bear a stance."""
    st = stance(resources, "菲方的所謂抗議完全站不住腳。")
    assert st["holder"] == "AUTHOR" and [(t["kb_id"], t["polarity"]) for t in st["targets"]] == [("ph", "negative")]
    assert stance(resources, "黃岩島是中國固有領土。")["bearing"]
    st = stance(resources, "對台灣來說，美日同盟的強化是好事。")
    assert st["bearing"] and st["targets"][0]["polarity"] == "positive"


def test_an_institution_someone_is_to_go_to_is_no_target(resources):
    """要求國防部長顧立雄到立法院專案報告: the Legislative Yuan is where he is to report, not what
    is judged; 受到立法院杯葛 (blocked by it) still judges it."""
    st = stance(resources, "國民黨立委馬文君質疑，國防部的特別預算規劃「模糊不清」，要求國防部長顧立雄到立法院專案報告。")
    assert "tw-legislative-yuan" not in [t["kb_id"] for t in st["targets"]]
    st = stance(resources, "國民黨立委馬文君批評受到立法院杯葛的預算。")
    assert "tw-legislative-yuan" in [t["kb_id"] for t in st["targets"]]


def test_a_turns_speaker_named_in_english_in_a_later_sentence(resources):
    """法新社记者：…。中方对此有何回应？ — the question's holder is the reporter whose turn it is, in
    English as the label was glossed (Agence France-Presse reporter)."""
    doc = annotate_text("外交部发言人毛宁主持例行记者会\n\n2025年11月20日\n\n法新社记者：据报道，日本首相高市早苗近日在国会表示，台湾有事可能构成日本的“存亡危机事态”。中方对此有何回应？\n\n"
                        "毛宁：我们已经多次表明严正立场。\n\n彭博社记者：中方如何看待美日同盟？\n\n毛宁：美日同盟是冷战的产物。\n",
                        doc_id="t", res=resources)
    asked = next(u for u in doc.units if u.text == "中方对此有何回应？")
    assert asked.stance["holder"] == {"text": "法新社记者", "kb_id": None, "en": "Agence France-Presse reporter"}


def test_a_quotation_that_describes_the_object_names_no_target(resources):
    """譴責報告「顛倒是非、抹黑香港」: the report is condemned; Hong Kong, which the quotation says it
    smears, is no negative target.  林劍譴責「日本的挑釁」 still condemns Japan."""
    st = stance(resources, "特區政府發言人昨日強烈譴責報告「顛倒是非、抹黑香港」。")
    assert st["bearing"] and "hk" not in [t["kb_id"] for t in st["targets"]]
    st = stance(resources, "中國外交部發言人林劍譴責「日本的挑釁」。")
    assert ("jp", "negative") in [(t["kb_id"], t["polarity"]) for t in st["targets"]]


def test_a_court_or_someones_lawyers_hold_what_they_say(resources):
    """法院認為…: the court, not the defendant named after the verb; 川普的顧問表示…: the adviser
    (Trump's), not Trump."""
    st = stance(resources, "法院認為，尹錫悅在去年12月3日宣布緊急戒嚴，企圖以軍隊封鎖國會，已構成內亂首謀罪。")
    assert st["holder"]["text"] == "法院"
    st = stance(resources, "川普的顧問表示支持台灣。")
    assert st["holder"]["text"] == "川普的顧問"


def test_a_demand_to_stop_carries_over_a_comma(resources):
    """日方應當深刻反省歷史，停止挑釁: the modal of the first clause asks for the second too, so the
    provocation is there (Japan negative), as in 呼籲中共停止挑釁; 美方應停止…，停止干涉中國內政
    judges the US, not China."""
    st = stance(resources, "他說：「日方應當深刻反省歷史，停止挑釁。」")
    assert [(t["kb_id"], t["polarity"]) for t in st["targets"]] == [("jp", "negative")]
    st = stance(resources, "美方應停止對台軍售，停止干涉中國內政。")
    assert ("us", "negative") in [(t["kb_id"], t["polarity"]) for t in st["targets"]]
    assert ("cn", "positive") not in [(t["kb_id"], t["polarity"]) for t in st["targets"]]


def test_going_beyond_a_limit_is_a_breach(resources):
    """突破「專守防衛」原則 is a breach (negative for Japan); 突破技術瓶頸 stays a breakthrough."""
    st = stance(resources, "近年來，日本不斷突破「專守防衛」原則，大幅增加防衛預算。")
    assert ("jp", "negative") in [(t["kb_id"], t["polarity"]) for t in st["targets"]]
    st = stance(resources, "台灣廠商再度突破技術瓶頸，日本廠商望塵莫及。")
    assert all(t["polarity"] != "negative" or t["kb_id"] != "tw" for t in st["targets"])


def test_solemn_representations_judge_the_country_they_are_lodged_with(resources):
    st = stance(resources, "中國外交部發言人林劍表示，中方對此強烈不滿、堅決反對，已向日方提出嚴正交涉。")
    assert st["holder"]["kb_id"] == "cn-lin-jian"
    assert [(t["kb_id"], t["polarity"]) for t in st["targets"]] == [("jp", "negative")]


def test_an_unnamed_actors_act_judges_no_earlier_entity(resources):
    """外國勢力的干預「絕不會得逞」: the interference is the foreign forces', not the security law's."""
    st = stance(resources, "他強調，香港國安法實施以來，社會已「由亂到治」，外國勢力的干預「絕不會得逞」。")
    assert ("policy-hk-national-security-law", "negative") not in [(t["kb_id"], t["polarity"]) for t in st["targets"]]


def test_a_titled_scholar_of_an_institute_speaking_when_interviewed(resources):
    """淡江大學國際事務與戰略研究所助理教授林穎佑受訪時分析: the scholar holds it (助理|教授 is a
    title, not the time clause's first verb)."""
    st = stance(resources, "淡江大學國際事務與戰略研究所助理教授林穎佑受訪時分析，美國國會近年持續透過立法展現對台支持。")
    assert st["holder"]["text"] == "林穎佑"


def test_distorting_a_resolution_to_exclude_taiwan(resources):
    """反對中國將第2758號決議扭曲為排除台灣參與國際組織的依據: China is judged, Taiwan is who would
    be excluded (not a negative target); 北京無權代表台灣人民 judges Beijing."""
    st = stance(resources, "美國聯邦參議院外交委員會日前通過「台灣國際團結法」，要求美國政府反對中國將聯合國大會第2758號決議扭曲為排除台灣參與國際組織的依據。")
    got = [(t["kb_id"], t["polarity"]) for t in st["targets"]]
    assert ("cn", "negative") in got and ("tw", "negative") not in got
    st = stance(resources, "共和黨籍參議員柯頓（Tom Cotton）在聲明中指出，北京無權代表台灣人民。")
    assert st["holder"]["kb_id"] == "us-tom-cotton" and ("city-beijing", "negative") in [(t["kb_id"], t["polarity"]) for t in st["targets"]]


def test_reported_words_go_on_to_the_end_of_their_paragraph(resources):
    """王毅表示，…。雙方應當…。希望韓方…: a wire report's next sentences go on with the minister's
    words, to the end of the paragraph; a new paragraph, or a sentence in which the writer takes
    the paragraph back (然而，…), is the writer's again."""
    para = ("王毅表示，中韓互為重要近鄰和合作夥伴。雙方應當堅持睦鄰友好，推動中韓關係健康穩定發展。"
            "希望韓方恪守一個中國原則，在涉台問題上保持正確立場。")
    doc = annotate_text("王毅同韓國外長趙顯通電話\n\n" + para + "\n\n雙方應當堅持睦鄰友好，推動中韓關係健康穩定發展。\n",
                        doc_id="xh", res=resources)
    held = [(u.stance["holder"] if isinstance(u.stance["holder"], str) else u.stance["holder"]["kb_id"])
            for u in doc.units if u.kind == "body" and u.stance["bearing"]]
    assert held == ["cn-wang-yi", "cn-wang-yi", "AUTHOR"]
    st = stance(resources, "然而，雙方應當堅持睦鄰友好，推動中韓關係健康穩定發展。", before="王毅表示，中韓互為重要近鄰和合作夥伴。")
    assert st["holder"] == "AUTHOR"


def test_a_demand_to_retract_remarks_judges_who_made_them(resources):
    st = stance(resources, "野田佳彥要求高市撤回發言。")
    assert st["bearing"] and st["holder"]["kb_id"] == "jp-yoshihiko-noda"
    assert [(t["kb_id"], t["polarity"]) for t in st["targets"]] == [("jp-sanae-takaichi", "negative")]


def test_followers_protesting_do_not_judge_whom_they_follow(resources):
    """前總統尹錫悅的支持者…集會抗議: the supporters protest; Yoon is no negative target.
    南韓的選擇值得借鏡 is an evaluation."""
    st = stance(resources, "在野的國民之力批評李在明政府對北京過於軟弱，前總統尹錫悅的支持者更不時在光化門集會抗議。")
    got = [(t["kb_id"], t["polarity"]) for t in st["targets"]]
    assert ("kr-lee-jae-myung", "negative") in got and not any(k == "kr-yoon-suk-yeol" for k, _p in got)
    st = stance(resources, "對台灣而言，南韓的選擇值得借鏡。")
    assert st["bearing"] and [(t["kb_id"], t["polarity"]) for t in st["targets"]] == [("kr", "positive")]


def test_will_not_stand_by_is_a_position(resources):
    st = stance(resources, "眾議院軍事委員會主席羅傑斯（Mike Rogers）表示，這份法案向北京傳達清楚訊息：美國不會坐視印太地區的現狀被武力改變。")
    assert st["bearing"] and st["holder"]["kb_id"] == "us-mike-rogers"


def test_an_attitude_judged_by_an_adjective_and_an_owner_are_no_holders(resources):
    """兩黨對台支持仍然穩固: the support is judged (the writer's); 他的交易性格讓外界懷疑: 他 owns
    the subject, and doubts nothing; 沃特斯的聲明…招來批評: the statement drew criticism."""
    st = stance(resources, "美國國會兩黨對台支持仍然穩固，《台灣關係法》與「六項保證」也構成制度性的保障。")
    assert st["holder"] == "AUTHOR"
    st = stance(resources, "他的交易性格讓外界懷疑台灣是否會成為籌碼。", before="川普上月與習近平會面。")
    assert st["holder"] == "AUTHOR"
    st = stance(resources, "沃特斯的聲明在網上迅速招來批評聲浪。", before="民主黨眾議員沃特斯（Maxine Waters）發表聲明。")
    assert st["holder"] == "AUTHOR"


def test_a_cause_of_worry_is_judged_not_who_worries(resources):
    """特朗普對盟友的態度令東京和首爾擔憂: Trump is the negative target; Tokyo and Seoul feel it."""
    st = stance(resources, "奧巴馬時期的「亞太再平衡」戰略被拜登政府延續，但特朗普對盟友的態度令東京和首爾擔憂。")
    got = [(t["kb_id"], t["polarity"]) for t in st["targets"]]
    assert ("us-donald-trump", "negative") in got
    assert not any(k in ("city-tokyo", "city-seoul") for k, _p in got)


def test_a_protest_with_no_object_is_against_the_earlier_clauses_actor(resources):
    """中國海警船隻…進入釣魚台周邊海域，日方已…提出嚴正抗議: against the coast guard; a passive
    (…受到退伍軍人團體批評) keeps its subject as the one criticised."""
    st = stance(resources, "日本防衛省表示，中國海警船隻連續第三天進入釣魚台周邊海域，日方已透過外交管道提出嚴正抗議。")
    assert [(t["kb_id"], t["polarity"]) for t in st["targets"]] == [("cn-coast-guard", "negative")]
    st = stance(resources, "莎拉‧裴琳在 2016 年將她兒子的暴力行為與他在伊拉克服役後所得到的 PTSD 相連結，受到退伍軍人團體批評。")
    assert not any(t["text"] == "PTSD" for t in st["targets"])


def test_what_is_warned_of_is_done_by_the_subject_opening_the_words(resources):
    st = stance(resources, "北約秘書長呂特（Mark Rutte）警告，中國正在協助俄羅斯維持戰爭機器。")
    assert st["holder"]["kb_id"] == "nato-mark-rutte"
    assert ("cn", "negative") in [(t["kb_id"], t["polarity"]) for t in st["targets"]]


def test_a_word_kept_or_broken_is_no_holders_verb(resources):
    """菲方違背承諾: the Philippines is judged (negative), it promises nothing in the sentence."""
    st = stance(resources, "菲方違背承諾，企圖長期坐灘，不斷挑釁滋事。")
    assert st["holder"] == "AUTHOR"
    assert targets(st) == {"菲": "negative"}


def test_a_question_does_not_go_on_with_the_report_before_it(resources):
    """问：据报道，马科斯表示…。中方对此有何评论？ — the question is the asker's; 中方如何回应？ asks
    China to speak, China says nothing yet."""
    st = stance(resources, "中方對此有何評論？", before="據報導，菲律賓總統馬可仕日前表示，菲方將繼續在仁愛礁開展補給行動。",
                after="外交部將在下午說明。")
    assert st["holder"] == "AUTHOR" and "question" in st["types"]
    st = stance(resources, "中方如何回應？", before="日本首相昨天在國會發表涉台言論。", after="外交部將在下午說明。")
    assert st["holder"] == "AUTHOR" and cue(st, "question")[:1] == ["如何"]


def test_a_charge_is_nobodys_judgement(resources):
    """黎智英被控違反《國安法》「勾結外國勢力」等罪: the charge, not the writer's view of him or the law."""
    st = stance(resources, "香港壹傳媒創辦人黎智英被控違反《國安法》「勾結外國勢力」等罪，案件預計下月宣判。")
    assert not st["bearing"]
    st = stance(resources, "他表示，台灣被控制的風險正在升高，令人擔憂。")  # 被控制 is no charge
    assert st["bearing"]


def test_a_while_frame_before_a_modal_is_the_writers_prescription(resources):
    """台灣在樂見其成的同時，更應思考…: the writer says what Taiwan should do; Taiwan welcomes nothing
    in its own voice."""
    st = stance(resources, "台灣在樂見其成的同時，更應思考如何強化自身的防衛韌性。")
    assert st["holder"] == "AUTHOR"
    assert "prescription" in st["types"] and "更應" in cue(st, "modal")


def test_the_writer_turning_to_the_reported_words_takes_the_paragraph_back(resources):
    st = stance(resources, "這樣的要求，已經不是一般的經貿談判，而是對台灣產業根基的掏空。",
                before="商務部長盧特尼克上月直言，美國希望把台灣40%的晶片產能移到美國本土。")
    assert st["holder"] == "AUTHOR"


def test_a_hyped_term_and_a_pretext_are_mentioned_not_judged(resources):
    """渲染「大陸威脅」: the term is hyped, China is no target; 以「和平」之名: a pretext, no praise."""
    st = stance(resources, "朱鳳蓮表示，賴清德當局不斷渲染「大陸威脅」，大幅增加防務預算。")
    assert "大陸" not in targets(st) and targets(st).get("賴清德") == "negative"
    st = stance(resources, "國民黨歷任主席都曾以「和平」之名前往北京，但中共對台的軍事威脅從未因此減少。")
    assert "和平" not in cue(st, "evaluative")


def test_a_place_before_wenti_is_a_topic(resources):
    """借台灣問題干涉中國內政: the United States interferes; Taiwan is what it is about."""
    st = stance(resources, "朱鳳蓮表示，美方應恪守一個中國原則，停止借台灣問題干涉中國內政。")
    assert targets(st).get("美") == "negative" and targets(st).get("台灣") in (None, "neutral")


def test_an_evaluative_frame_judges_the_next_clauses_subject(resources):
    st = stance(resources, "更令人憂心的是，國民黨在立法院聯合民眾黨，一再刪減國防預算。")
    assert st["holder"] == "AUTHOR" and targets(st).get("國民黨") == "negative"


def test_what_a_breach_goes_past_is_its_victim(resources):
    st = stance(resources, "日本右翼勢力企圖突破「專守防衛」原則，這不僅違背了和平憲法的精神。")
    assert targets(st).get("專守防衛") != "negative"


def test_a_later_speech_verb_ends_the_first_ones_attitude(resources):
    """批評川普…，認為華府應…承諾協防台灣: Taiwan is not what Bolton criticises."""
    st = stance(resources, "前國家安全顧問John Bolton批評川普對台政策「過於交易化」，認為華府應放棄戰略模糊，明確承諾協防台灣。")
    assert targets(st).get("川普") == "negative" and targets(st).get("台灣") != "negative"
    st = stance(resources, "美國國防部負責政策的次長柯伯吉主張，美國應將軍事資源集中在印太地區。")  # 負責: in charge, no praise
    assert "美國國防部" not in targets(st)


def test_a_closing_comment_with_lingren_is_the_writers_judgement_of_the_report(resources):
    """川普表示將對台灣課徵關稅，令人憂心: the writer is worried by what Trump said; 賴清德…卻只…表示…，
    令人難以放心: the writer is not reassured by him."""
    st = stance(resources, "川普日前表示將對台灣課徵關稅，令人憂心。")
    assert st["holder"] == "AUTHOR" and "attributed" not in st["types"]
    assert targets(st).get("川普") == "negative"
    st = stance(resources, "賴清德總統卻只在臉書發文表示「政府已做好準備」，令人難以放心。")
    assert st["holder"] == "AUTHOR" and targets(st).get("賴清德") == "negative"
    st = stance(resources, "川普表示，美國的盟友令人失望。")  # a comment with its own subject stays the speaker's
    assert st["holder"]["kb_id"] == "us-donald-trump"


def test_a_country_before_another_clauses_title_is_no_part_of_it(resources):
    """工黨政府雖然支持美國，但總理艾班尼斯…: 美國 is what Labor supports, not the premier's country."""
    st = stance(resources, "工黨政府雖然支持美國，但總理艾班尼斯也積極修補與北京的關係。")
    assert targets(st).get("美國") == "positive"


def test_a_clause_with_a_demonstrative_subject_does_not_reach_back(resources):
    """…澳洲的經驗提供了重要的借鏡…，但這種平衡極為脆弱: the balance is fragile, not Australia."""
    st = stance(resources, "澳洲的經驗提供了重要的借鏡：中等國家雖然可以在安全與經濟之間尋求平衡，但這種平衡極為脆弱。")
    assert targets(st).get("澳洲") != "negative"


def test_a_pronoun_after_a_holder_named_by_title_is_that_holder(resources):
    """賴清德總統…接見魏克…。總統提到…。他也感謝美方…: 他 is the president, not the last person named."""
    doc = annotate_text("總統接見美國參議員\n\n賴清德總統今日接見參議院軍事委員會主席魏克（Roger Wicker）。\n\n"
                        "總統提到，行政院已提出特別預算，盼國會朝野支持。\n\n他也感謝美方依據《台灣關係法》持續對台軍售，"
                        "並強調台美關係堅若磐石。\n", "pres", resources)
    st = next(u.stance for u in doc.units if u.text.startswith("他也感謝"))
    assert st["holder"]["kb_id"] == "tw-lai-ching-te"


def test_a_channel_is_no_target_and_a_verb_ending_in_dui_is_no_preposition(resources):
    """日本已透過北京的外交管道提出嚴正抗議: the protest goes through Beijing, not against it;
    以應對美國及其追隨者的「侵略威脅」: the threat is the United States' (應對 is a verb)."""
    st = stance(resources, "日本首相高市早苗表示，北韓的行為「絕對無法容忍」，日本已透過北京的外交管道提出嚴正抗議。")
    assert targets(st).get("北韓") == "negative" and "北京" not in targets(st)
    st = stance(resources, "朝中社報導，金正恩強調北韓將「持續強化戰略核力量」，以應對美國及其追隨者的「侵略威脅」。")
    assert targets(st).get("美國") == "negative" and targets(st).get("北韓") != "negative"


def test_those_a_subject_is_compared_with_hold_nothing_in_the_sentence(resources):
    """…石破茂…並屢次強調中國對日本的重要性，且…不像他們公開表示支持臺灣: Ishiba holds it; what the
    others say (支持臺灣) is no target of his."""
    st = stance(resources, "現任首相石破茂對田中推動日中建交肯定推崇，並屢次強調中國對日本的重要性，且不像他們公開表示支持臺灣。")
    assert st["holder"]["kb_id"] == "jp-shigeru-ishiba" and "臺灣" not in targets(st)


def test_an_actors_explicit_stance_verb_is_bearing_and_a_passive_one_is_not(resources):
    """美國支持台灣, 羅森斯坦否認該則報導: a named actor's position; 結果卻被拒絕…, 不被歡迎: what was
    done to the subject; 遊說他們支持卡瓦諾: the lobbyist's, not theirs."""
    st = stance(resources, "外交部歡迎美方的決定。")
    assert st["bearing"] and st["holder"]["text"] == "外交部"
    assert stance(resources, "羅森斯坦否認該則報導。", before="川普表示他不希望拔去羅森斯坦的職位。")["bearing"]
    assert not stance(resources, "結果他卻被拒絕觀看主要賽事。")["bearing"]
    st = stance(resources, "小布希一直在打電話給參議員，遊說他們支持卡瓦諾先生。")
    assert st["holder"]["text"] == "小布希"


def test_coordinated_subjects_share_the_judgement_and_a_clause_taking_word_has_no_patient(resources):
    st = stance(resources, "國民黨與民眾黨聯手刪減國防預算，等於是向北京遞上投名狀。")
    assert targets(st) == {"國民黨": "negative", "民眾黨": "negative"}
    st = stance(resources, "美國豈能坐視中國在南海擴張？", after="菲律賓對此深感憂慮。")  # 豈能: rhetorical; 中國 expands
    assert cue(st, "question")[:1] == ["豈能"]
    assert targets(st).get("美國") == "negative" and targets(st).get("中國") == "negative"


def test_countries_named_together_are_one_holder(resources):
    st = stance(resources, "美國、日本與南韓隨即發表聯合聲明，強烈譴責北韓的「嚴重挑釁」。")
    h = st["holder"]
    assert h["text"] == "美國、日本與南韓" and h["en"] == "U.S., Japan and South Korea"
    assert [m["kb_id"] for m in h["members"]] == ["us", "jp", "kr"]
    assert targets(st) == {"北韓": "negative"}
    st = stance(resources, "川普與習近平通話後表示，雙方關係良好，貿易談判進展順利。")  # people joined by 與: the one speaking
    assert st["holder"]["kb_id"] == "us-donald-trump"


def test_english_words_a_chinese_sentence_quotes_carry_their_english_cues(resources):
    """他直言：“Taiwan needs to be much more serious about its own defense.”: the quoted English
    weighs as the English side reads it; the speaker is the Chinese sentence's."""
    st = stance(resources, "柯伯吉在一場演講中直言：“Taiwan needs to be much more serious about its own defense.”",
                before="美國國防部次長柯伯吉（Elbridge Colby）長期主張增加台灣國防預算。")
    assert st["bearing"] and st["holder"]["kb_id"] is not None and "prescription" in st["types"]
    assert {"needs", "defense"} <= {c["text"] for c in st["cues"]}
    assert all(st["cues"][i]["start"] <= st["cues"][i + 1]["start"] for i in range(len(st["cues"]) - 1))
    st = stance(resources, "Bone在「Leave Means Leave」造勢活動中出席。")  # a campaign's English name says nothing
    assert not st["bearing"]


def test_a_place_naming_a_plan_and_a_law_as_grounds_are_no_targets(resources):
    """中共以「一國兩制台灣方案」矮化台灣: Taiwan is belittled, the plan names it; 依據《兩岸人民關係
    條例》，…統戰活動: the law is the grounds, it does nothing."""
    st = stance(resources, "陸委會副主委梁文傑今天表示，中共以「一國兩制台灣方案」矮化台灣，國人絕不接受。")
    assert targets(st).get("中共") == "negative" and "台灣" not in targets(st)
    st = stance(resources, "陸委會強調，依據《兩岸人民關係條例》，公務員赴陸參加統戰活動將依法懲處。")
    assert "兩岸人民關係條例" not in targets(st)


def test_fighting_a_wrong_is_no_aggression(resources):
    st = stance(resources, "他說，特區政府會依法嚴厲打擊危害國家安全的行為。", before="香港特首李家超今天表示，香港不會退縮。")
    assert targets(st).get("特區政府") == "positive"


def test_a_quality_asked_about_is_not_asserted_and_never_reflecting_is_blamed(resources):
    st = stance(resources, "民進黨政府將一切責任推給北京，卻從不反省自身「抗中保台」的路線是否正確。")
    assert targets(st).get("民進黨") == "negative"
    st = stance(resources, "事實上，過去兩岸在「九二共識」的基礎上簽署了二十多項協議，台海局勢相對穩定，國際社會普遍肯定。")
    assert st["holder"] == "AUTHOR" or st["holder"]["text"] == "國際社會"  # not a person named before


def test_whom_the_writer_tells_what_to_do_is_not_judged_by_the_object(resources):
    st = stance(resources, "台灣應遏止中共的滲透。")
    assert targets(st).get("中共") == "negative" and targets(st).get("台灣") == "neutral"
    st = stance(resources, "美国商务部将华为列入实体清单，遏制中国科技发展的意图昭然若揭。")
    assert targets(st).get("美国商务部") == "negative" and "中国" not in targets(st)


def test_the_writers_conclusion_from_a_report_is_the_writers(resources):
    """这再次暴露了… after a spokesperson's statement: the writer reads what the report shows."""
    st = stance(resources, "这再次暴露了美国插手南海事务、挑拨地区国家关系的真实意图。",
                before="美国国务院发言人日前发表声明，声称“坚定支持菲律宾”。")
    assert st["holder"] == "AUTHOR" and targets(st) == {"美国": "negative"}


def test_a_subjectless_clause_continues_the_subject_not_a_possessor(resources):
    """马科斯政府上台以来，一改前任杜特尔特的务实路线，不断…挑衅滋事: Marcos provokes; Duterte's line
    is the practical one."""
    st = stance(resources, "马科斯政府上台以来，一改前任杜特尔特的务实路线，不断在仁爱礁、黄岩岛等问题上挑衅滋事。")
    assert targets(st).get("马科斯") == "negative" and targets(st).get("杜特尔特") == "positive"


def test_a_review_is_no_censorship(resources):
    st = stance(resources, "行政院提出的特別預算至今無法付委審查。")
    assert "審查" not in cue(st, "evaluative")
    st = stance(resources, "中共的網路審查日益嚴格。")
    assert cue(st, "evaluative") == ["網路審查"]


def test_what_a_cause_makes_others_feel_judges_the_cause(resources):
    """…的「交易外交」，讓盟友普遍感到不安: the writer's judgement of Trump's diplomacy, not Trump's
    feeling; 安全承諾 is a noun, no one's promise here."""
    st = stance(resources, "美國總統川普第二任期上路以來，以關稅與安全承諾作為談判籌碼的「交易外交」，讓盟友普遍感到不安。")
    assert st["holder"] == "AUTHOR" and targets(st) == {"川普": "negative"}


def test_a_quoted_claim_named_as_such_and_a_disposed_object_are_no_targets(resources):
    """「台灣是中國一部分」的假象: the claim is judged, not Taiwan or China; 將金門周邊水域「灰色地帶化」:
    Kinmen is acted upon."""
    st = stance(resources, "梁文傑表示，中共試圖打造「台灣是中國一部分」的假象，國人應看清中共的真面目。")
    assert targets(st).get("中共") == "negative" and "台灣" not in targets(st) and "中國" not in targets(st)
    st = stance(resources, "海巡署指出，中國海警此舉意在將金門周邊水域「灰色地帶化」，企圖矮化我國公權力。")
    assert targets(st) == {"中國海警": "negative"}


def test_watching_is_no_surveillance(resources):
    st = stance(resources, "海巡署立即派遣巡防艇全程監控並廣播驅離。")
    assert "監控" not in cue(st, "evaluative")


def test_the_criticised_speaker_is_the_target_and_the_holders_side_is_not(resources):
    """郑丽文批评，赖清德口口声声说…: Lai's words are criticised; 美国国务院…表示，美方一贯支持…:
    the US side is the speaker's own, no target; the count in a holder goes first in English."""
    st = stance(resources, "国民党主席郑丽文批评，赖清德口口声声说要维持现状，实际上却不断升高两岸敌意。")
    assert targets(st) == {"赖清德": "negative"}
    st = stance(resources, "美国国务院一名发言人则表示，美方一贯支持两岸和平稳定，反对任何一方片面改变现状。")
    assert "美" not in targets(st) and st["holder"]["en"] == "a U.S. State Department spokesperson"


def test_victims_are_no_targets_of_the_criticism_or_the_passive(resources):
    """批評西方政客和媒體抹黑香港: Hong Kong is smeared; 香港的自治…受到侵蝕: Hong Kong suffers it."""
    st = stance(resources, "他又批評部分西方政客和媒體抹黑香港的法治，干預香港事務。", before="李家超昨日表示，特區政府會堅定施政。")
    assert "香港" not in targets(st)
    st = stance(resources, "美國國務院早前發表報告，指香港的自治和自由持續受到侵蝕。")
    assert st["bearing"] and "香港" not in targets(st)


def test_some_members_of_a_body_hold_what_they_urge(resources):
    st = stance(resources, "有立法會議員則關注經濟放緩對中小企的影響，促請政府推出更多支援措施。")
    assert st["holder"]["text"] == "立法會議員"


def test_a_document_named_before_is_the_target_of_its_head_alone(resources):
    """《香港政策法報告》… 報告罔顧事實: the report named before, with its English; 該法案 after
    《台灣關係法》 too; 法國 is no 法."""
    st = stance(resources, "外交部駐港特派員公署發言人回應稱，報告罔顧事實、顛倒黑白，嚴重干涉中國內政。",
                before="美國國務院早前發表《香港政策法報告》，指香港的自治和自由持續受到侵蝕。")
    report = next(t for t in st["targets"] if t["text"] == "香港政策法報告")
    assert report["polarity"] == "negative" and report["mention"] == "報告" and report["en"]
    st = stance(resources, "北京批評，該法案嚴重干涉中國內政。", before="美國國會通過《台灣關係法》。")
    assert targets(st) == {"台灣關係法": "negative"}


def test_a_countrys_wish_the_writer_reads_into_its_acts_is_the_writers(resources):
    """中國希望透過改善對首爾關係，製造南韓和美國之間的隔閡: the writer's analysis of China's aims
    (no words of China's reported), and those between whom the rift is made are not judged; a
    ministry's wish stays the ministry's."""
    st = stance(resources, "中國希望透過改善對首爾關係，製造南韓和美國之間的隔閡。")
    assert st["holder"] == "AUTHOR" and "南韓" not in targets(st) and "美國" not in targets(st)
    st = stance(resources, "中國外交部希望美方停止干涉中國內政。")
    assert st["holder"]["text"] == "中國外交部"


def test_regarding_as_is_a_view_and_the_passive_holds_none(resources):
    """中國將這些叛逃者視為非法移民: China's view; 他被認為是親中派: no one's named; 未像平壤過去般
    直接拒絕: a comparison, Pyongyang holds nothing here."""
    st = stance(resources, "中國將這些叛逃者視為非法移民而非難民，經常強制遣返他們。")
    assert st["holder"]["text"] == "中國"
    st = stance(resources, "他被認為是親中派。", before="國民黨主席朱立倫表示支持。")
    assert not st["bearing"] or st["holder"] == "AUTHOR"
    st = stance(resources, "他的言論看似重大，但卻未像平壤過去般直接拒絕單方面去核一說。")
    assert st["holder"] == "AUTHOR"


def test_the_parties_of_what_is_between_them_and_a_named_briefing_are_no_targets(resources):
    """柏林和莫斯科之間的雙邊協議: the agreement, not Berlin; 俄羅斯與土耳其之間最近達成一項協議: they
    act; 白宮記者會: the briefing, not the White House."""
    st = stance(resources, "德國工業協會出聲要求美國不要插手歐盟能源政策以及柏林和莫斯科之間的雙邊協議。")
    assert targets(st).get("美國") == "negative" and "柏林" not in targets(st) and "莫斯科" not in targets(st)
    st = stance(resources, "聯合國外交官提到，俄羅斯與土耳其之間最近達成一項協議，將會在反政府軍主要據點的伊德利卜省 (Idlib) "
                           "劃設非軍事緩衝區，這項協議帶來了竭力推動政治對話的機會。")
    assert targets(st).get("俄羅斯") == "positive"
    st = stance(resources, "一些記者質疑：桑德斯自從 9 月 10 日後便未舉辦過白宮記者會。")
    assert "白宮" not in targets(st)


def test_a_claim_the_writer_says_is_belied_is_the_writers_judgement(resources):
    """美方一边声称不支持“台独”，一边却…背信弃义: the writer judges the US; a plain claim stays the claimant's."""
    st = stance(resources, "美方一边声称不支持“台独”，一边却不断加大对台军售力度，言行不一，背信弃义。")
    assert st["holder"] == "AUTHOR" and targets(st) == {"美": "negative"}


def test_public_opinion_holds_its_worry_and_an_agentless_passive_blames_no_one(resources):
    st = stance(resources, "台积电（TSMC）已宣布在美国亚利桑那州追加1000亿美元投资，但岛内舆论担心“护国神山”被掏空。")
    assert st["holder"]["text"] == "岛内舆论" and "台积电" not in targets(st)


def test_an_emoji_ends_a_posts_clause_and_a_mocked_term_is_no_subject(resources):
    """…说什么“中华民国台湾”跟中华人民共和国互不隶属🙄 真是痴人说梦: the writer mocks the claim; neither
    state it names is judged."""
    st = stance(resources, "这位“台独工作者”今天又在鼓吹所谓“新两国论”，说什么“中华民国台湾”跟中华人民共和国互不隶属🙄 真是痴人说梦。")
    assert st["bearing"] and st["holder"] == "AUTHOR" and not targets(st)


def test_the_other_side_of_a_conflict_is_not_judged_by_it(resources):
    st = stance(resources, "不過，分析人士認為，越南的避險策略相當成功，既避免與中國正面衝突，又提升了自身的戰略地位。")
    assert targets(st).get("越南") == "positive" and "中國" not in targets(st)


def test_the_writers_rhetorical_question_and_a_demand_never_matched_are_the_writers(resources):
    """民調顯示…民眾支持…，政府難道可以視而不見？: the writer asks; 朱立倫說，政府難道…？ stays his;
    川普一再要求台灣支付「保護費」，卻從未清楚承諾協防台灣: the writer judges Trump."""
    st = stance(resources, "然而，民調顯示超過六成民眾支持兩岸恢復交流，政府難道可以視而不見？", before="陸委會昨天發表聲明。")
    assert st["holder"] == "AUTHOR"
    st = stance(resources, "朱立倫說，政府難道可以視而不見？", before="國民黨昨天召開記者會，批評政府的兩岸政策。")
    assert st["holder"]["text"] == "朱立倫"
    st = stance(resources, "川普一再要求台灣支付「保護費」，卻從未清楚承諾協防台灣。")
    assert st["holder"] == "AUTHOR" and targets(st).get("川普") == "negative"


def test_a_name_in_scare_quotes_is_still_a_subject(resources):
    """台“外交部长”林佳龙日前窜访欧洲，台“行政院”也宣布…: the Executive Yuan announces (its name in the
    quotation marks a Mainland writer puts round Taiwan's bodies), and 窜访 judges Lin; 「台灣有事」 stays
    a term, no subject."""
    st = stance(resources, "台“外交部长”林佳龙日前窜访欧洲，台“行政院”也宣布新的援助计划。")
    assert st["holder"]["text"] == "行政院" and targets(st).get("林佳龙") == "negative"


def test_preferring_one_course_compares_no_one_and_a_destination_is_no_target(resources):
    """與其在國內爭論不休，不如正視美國保護主義: the US is judged (與其…不如 compares courses, not
    people); 率團赴華府談判: Washington is where she goes; 台灣應加速產業轉型: the writer's prescription."""
    st = stance(resources, "筆者認為，與其在國內爭論不休，不如正視美國保護主義的長期趨勢。")
    assert targets(st) == {"美國": "negative"}
    st = stance(resources, "行政院副院長鄭麗君率團赴華府談判，希望將稅率降至與日韓相同的15%。")
    assert "華府" not in targets(st)
    st = stance(resources, "台灣應加速產業轉型，並積極參與《跨太平洋夥伴全面進步協定》（CPTPP），分散對單一市場的依賴。")
    assert st["bearing"] and "prescription" in st["types"]


def test_a_time_clause_opening_its_clause_leaves_the_subject_to_the_clause_before(resources):
    """高市早苗在眾議院預算委員會上，回答立憲民主黨議員岡田克也的質詢時表示: Takaichi answers; Okada
    only asked the question."""
    st = stance(resources, "日本首相高市早苗在眾議院預算委員會上，回答立憲民主黨議員岡田克也的質詢時表示，"
                           "中國若對台灣進行海上封鎖並動用武力，「可能構成存立危機事態」。")
    assert st["holder"]["text"] == "高市早苗"


def test_a_name_inside_a_quoted_title_is_no_antecedent_and_a_verb_alone_in_quotes_is_mentioned(resources):
    """赫塞斯在「雷根國防論壇」說明…；他同時表示: 他 is Hegseth, not the Reagan of the forum's name;
    所謂「制中」不是「反制」、「抵制」: words mentioned, so 中 holds nothing."""
    st = stance(resources, "兩天後，國防部長赫塞斯在「雷根國防論壇」說明「國防戰略」重點，表明美國的嚇阻不是為支配中國，"
                           "而是要確保中國無法主宰美國或其盟友；他同時表示，華府無意改變台灣現狀。")
    assert st["holder"]["text"] == "赫塞斯"
    st = stance(resources, "所謂「制中」不是「反制」、「抵制」，而是「制衡」、「管制」。")
    assert st["holder"] in ("AUTHOR", None)


def test_who_suffers_an_act_in_a_de_phrase_is_no_target_and_a_place_of_a_crisis_neither(resources):
    """飽受中國侵擾的日本: China is judged, Japan suffers; 視為台灣緊急狀態: where a crisis would be."""
    st = stance(resources, "中國侵略首要目標的我國、飽受中國侵擾的日本，都極力警戒中國。")
    assert targets(st) == {"中國": "negative"}
    st = stance(resources, "高市早苗則回應，當被問及何種情況會被視為台灣緊急狀態時，她強調政府將綜合判斷。")
    assert "台灣" not in targets(st)


def test_a_report_holds_what_it_says_but_not_where_someone_says_it(resources):
    st = stance(resources, "報告指出，與中國有關的駭客正頻繁攻擊澳洲政府及國防承包商。",
                before="根據美國國會研究處最新發布的報告，美方立場出現變數。")
    assert st["holder"]["text"] == "報告"
    st = stance(resources, "他在報告中指出，中國的威脅日益嚴重。", before="國防部長顧立雄昨天提出報告。")
    assert st["holder"]["text"] != "報告"


def test_the_writers_connective_ends_the_report_before(resources):
    """赫塞斯說…。加上…，…已布局完成。「制中保台」是其印太戰略主旋律…: the editorial's own reading."""
    st = stance(resources, "「制中保台」是其印太戰略主旋律，結合盟邦力量，制衡中國霸權，是美國的核心關注。",
                before="赫塞斯說，美國不是要扼殺中國成長，不是要支配或羞辱中國。"
                       "加上美國參、眾議院剛上架的《國防授權法案》有關軍援台灣，川普第二任期的國安藍圖已布局完成。")
    assert st["bearing"] and st["holder"] == "AUTHOR"


def test_a_person_acting_on_another_is_no_title_and_a_list_of_examples_shares_the_judgement(resources):
    """社論指出，習近平邀請李在明訪中，同時…發動稀土攻擊: Xi acts (邀請 is no title of Lee's), and the
    editorial holds the view; 對中、俄等專制國家: both examples are judged."""
    st = stance(resources, "社論指出，習近平邀請李在明訪中，同時對日本發動稀土攻擊，旨在離間韓日關係。")
    assert st["holder"]["text"] == "社論" and targets(st).get("習近平") == "negative" and "李在明" not in targets(st)
    st = stance(resources, "報告強調美國將維持在西半球的主導地位，卻對中、俄等專制國家措辭委婉。")
    assert targets(st).get("中") == "negative" and targets(st).get("俄") == "negative"


def test_a_papers_editorial_is_the_papers_and_whose_words_are_answered_is_no_antecedent(resources):
    """「朝鮮日報」8日社論指出: the paper; 南韓媒體發表社論批評: the media, not 發表社論; 針對習近平…的
    言論，他開玩笑地表示: 他 is the one named before (Lee), not Xi."""
    st = stance(resources, "「朝鮮日報」8日社論指出，「孔子所言」恐怕並非李在明的真實理解，還是顯得輕率不妥。")
    assert st["holder"]["text"] == "朝鮮日報"
    st = stance(resources, "南韓媒體發表社論批評，李在明的回應極不得體。")
    assert st["holder"]["text"] == "南韓媒體"
    st = stance(resources, "7日在上海與隨行記者團舉行午餐座談會時，針對中國國家主席習近平「應當堅定站在歷史正確一邊」的言論，"
                           "他開玩笑地表示：「聽成是孔子所言」。", before="南韓總統李在明4日展開對中國的國是訪問。")
    assert st["holder"]["text"] == "李在明"


def test_a_counter_accusation_judges_its_object(resources):
    st = stance(resources, "菲律賓海岸防衛隊則反控大陸海警持續以水炮攻擊菲船近半小時。")
    assert st["holder"]["text"] == "菲律賓海岸防衛隊" and targets(st).get("大陸海警") == "negative"


def test_the_two_sides_of_a_claim_and_a_quality_word_with_its_suffix(resources):
    """高市一方面宣稱…，一方面拒絕撤回…，顯然自相矛盾: the writer judges Takaichi; 極具挑釁性: 挑釁 with
    the suffix 性 is a cue."""
    st = stance(resources, "高市一方面宣稱政府口徑沒有變化，一方面拒絕撤回自己作為首相的答辯內容，顯然自相矛盾。")
    assert st["holder"] == "AUTHOR" and targets(st) == {"高市": "negative"}
    st = stance(resources, "高市早苗的錯誤言論極具挑釁性。")
    assert "挑釁" in cue(st, "evaluative") and targets(st) == {"高市早苗": "negative"}


def test_what_something_only_seems_and_a_speakers_analogy(resources):
    """…否定整體國防特別預算，聽來像是在監督預算，實際上卻是在拆解台灣…的國防工程: the writer judges
    Huang; 沈伯洋用「花蓮救災」比喻：…那才叫荒謬: the analogy is Shen's words; 反對政院版本: the
    Executive Yuan's."""
    st = stance(resources, "近日，民眾黨主席黃國昌以「只有三五〇〇億是對美軍購」為由，否定整體國防特別預算，"
                           "聽來像是在監督預算，實際上卻是在拆解台灣最需要被整體思考的國防工程。")
    assert st["holder"] == "AUTHOR" and targets(st).get("黃國昌") == "negative"
    st = stance(resources, "民進黨立委沈伯洋用「花蓮救災」比喻：若當年花蓮救災特別條例被嫌「只有幾頁不審」，那才叫荒謬。")
    assert st["holder"]["text"] == "沈伯洋"
    st = stance(resources, "民眾黨主席黃國昌並表態仍反對政院版本。")
    assert targets(st) == {"政院": "negative"}


def test_a_harmed_good_a_victim_and_the_modifier_of_a_denied_noun(resources):
    """中共踐踏…國際秩序: the order praises no one; 台灣並非中共跨國鎮壓的唯一受害者: the repression stays
    negative (並非 denies being the only victim) and Taiwan, the victim, is not judged."""
    st = stance(resources, "中共踐踏以規則為基礎的國際秩序，台灣並非中共跨國鎮壓的唯一受害者。")
    assert targets(st) == {"中共": "negative"}
    st = stance(resources, "菲律賓漁民是中國海警暴行的受害者。")
    assert targets(st) == {"中國海警": "negative"}


def test_saying_through_a_channel_keeps_the_speaker(resources):
    """陸委會今天下午透過書面表示: 透過 only says how; the council speaks (not 他們 in its quoted words)."""
    st = stance(resources, "大陸委員會（陸委會）今天下午透過書面表示，中共近年不斷違法留置台灣公職人員，"
                           "「台灣加強對公務人員的保護，不利中共對台統戰滲透，他們當然會高調反對」。")
    assert st["holder"]["text"] == "大陸委員會" and targets(st).get("中共") == "negative"


def test_a_negated_verb_leaves_the_clause_it_governs_and_a_quote_word_only_before_words(resources):
    """絕不配合中共濫用…: the cooperation is refused, the abuse stays the CCP's; 談及 reports only before a
    comma or colon (邱垂正談及，…), 談及日本，… names a topic."""
    st = stance(resources, "邱垂正指出，該會也絕不配合中共濫用「全球協緝」制度。")
    assert targets(st).get("中共") == "negative"
    st = stance(resources, "邱垂正談及，中共透過軍事威脅、外交打壓、經濟脅迫等多重手段，日益升高對台複合施壓。")
    assert st["holder"]["text"] == "邱垂正" and targets(st).get("中共") == "negative"
    st = stance(resources, "談及日本，李在明坦言，年輕時曾對日本抱持負面觀感。")
    assert "談及" not in cue(st, "reporting")


def test_the_doer_of_an_act_a_regarding_phrase_names(resources):
    """研議針對中共跨國鎮壓的反制作為: the CCP represses (not the Legislative Yuan of the first clause)."""
    st = stance(resources, "立法院內政委員會今日邀請陸委會進行業務報告，邱垂正指出，該會將研議針對中共跨國鎮壓的反制作為。")
    assert targets(st) == {"中共": "negative"}


def test_a_countrys_body_the_kb_lacks_holds_with_its_country_and_opposition_parties_hold(resources):
    """俄羅斯外交部則呼籲…: Russia's ministry (not a bare 外交部); 在野黨批評政府…: the opposition."""
    st = stance(resources, "俄羅斯外交部則呼籲各方保持克制，並批評美國的軍事部署「加劇了緊張局勢」。")
    assert st["holder"]["text"] == "俄羅斯外交部" and st["holder"]["en"].endswith("(Russia)")
    st = stance(resources, "然而，在野黨批評政府「喪權辱國」，質疑談判過程不透明。")
    assert st["holder"]["text"] == "在野黨"


def test_a_clause_of_attitude_or_elaboration_does_not_fall_back_on_the_subject_before(resources):
    """「美國支持台海和平穩定，反對任何片面改變現狀的行為，包括武力或脅迫手段」: the US objects to the
    change and the coercion; it is no target of them (a US spokesman's words)."""
    st = stance(resources, "皮戈特也重申，「美國支持台海和平穩定，反對任何片面改變現狀的行為，包括武力或脅迫手段」。")
    assert st["holder"]["text"] == "皮戈特" and "美國" not in targets(st)


def test_restraint_urged_on_someone_judges_them(resources):
    """美國敦促北京保持克制: Beijing is asked for restraint it does not show (negative, as with 停止)."""
    st = stance(resources, "美國國務院敦促北京保持克制，停止對台灣軍事施壓。")
    assert targets(st).get("北京") == "negative"


def test_an_opening_pronoun_before_a_clause_of_its_own_and_support_for_what_someone_is_made_to_do(resources):
    """然而，他在…會議中改變立場，公開表示…: 他 (Han) holds it; 支持讓尹錫悅暫停執行總統職務: the
    suspension is supported, Yoon is not."""
    st = stance(resources, "然而，他在12月6日的國會緊急會議中改變立場，公開表示根據可靠消息，尹錫悅計畫採取極端行動。",
                before="國民力量黨黨魁韓東勳原先強調全黨將動員反對彈劾。")
    assert st["holder"]["text"] == "韓東勳" and st["holder"]["mention"] == "他"
    st = stance(resources, "執政黨黨魁韓東勳態度轉變，公開表態支持讓尹錫悅暫停執行總統職務。")
    assert targets(st).get("尹錫悅") != "positive"


def test_whom_a_demand_addresses_is_no_holder_of_what_follows(resources):
    """…指責…，並建議美國政府要檢視把香港與中國大陸視為兩個關稅區的做法: the Congress recommends;
    the US government is asked (its 視為 is no view of its own)."""
    st = stance(resources, "美國國會發表報告，指責香港言論和集會自由受到持續增加的挑戰，"
                           "並建議美國政府要檢視把香港與中國大陸視為兩個關稅區的做法是否合適。")
    assert st["holder"]["text"] == "美國國會"


def test_a_role_opening_the_sentence_holds_a_later_clauses_words_and_experts_analysis_is_theirs(resources):
    """報告引用…的公開發言，強調…: the report emphasises; 專家分析後認為: the experts (分析 is their act)."""
    st = stance(resources, "報告引用澳洲副總理馬勒斯的公開發言，強調澳洲並未承諾在美中因台灣開戰時支持美國。")
    assert st["holder"]["text"] == "報告"
    st = stance(resources, "專家分析後認為，情勢不會惡化。")
    assert st["holder"]["text"] == "專家"


def test_a_not_but_frame_gives_the_judgement_to_what_it_names(resources):
    """值得擔心的不是A，而是B: the worry is about B; A is denied (was: A negative, B nothing)."""
    st = stance(resources, "真正值得擔心的不是美國，而是中國。")
    assert targets(st) == {"中國": "negative"}
    st = stance(resources, "筆者認為，真正值得擔心的不是川普出賣台灣，而是北京利用峰會營造假象。")
    assert targets(st) == {"北京": "negative"}


def test_a_speech_noun_in_a_place_phrase_names_no_speaker(resources):
    """只要美方在聯合聲明中出現…: 聲明 says where; the writer reads Beijing's plan (the holder was 美)."""
    st = stance(resources, "北京的算盤很清楚：只要美方在聯合聲明中出現「反對台獨」字眼，就能在國際上進一步孤立台灣。")
    assert st["holder"] == "AUTHOR" and targets(st).get("北京") == "negative"
    st = stance(resources, "美國國務院在聲明中批評中國。")
    assert st["holder"]["text"] == "美國國務院" and targets(st) == {"中國": "negative"}


def test_who_is_forced_to_act_and_whose_figures_are_cited_are_not_judged(resources):
    """逼迫日本…退讓: Japan is coerced (was negative); 國防部統計，…: a source (was negative)."""
    st = stance(resources, "川島真分析，北京此次反應之激烈，顯示中方試圖藉由經濟施壓，逼迫日本在台灣議題上退讓。")
    assert "日本" not in targets(st) and targets(st).get("中") == "negative"
    st = stance(resources, "中共近年在台海周邊的軍事壓力與日俱增，國防部統計，今年上半年共機擾台架次已較去年同期增加三成。")
    assert targets(st) == {"中共": "negative"}


def test_rather_than_recommends_only_with_its_second_half(resources):
    """與其…，不如…: a prescription; 與其說…不如說… rewords, and 與其 alone is no recommendation."""
    assert "prescription" in stance(resources, "與其互相指責，不如在國會成立跨黨派監督小組。")["types"]
    assert "prescription" not in stance(resources, "與其說是美國的勝利，不如說是中國的失敗。")["types"]


def test_discontent_with_a_policy_toward_a_country(resources):
    """對政府的對日政策表達不滿: discontent is a position (was below the threshold) with the policy, not
    with Japan; 視之為「拉幫結派」 is Beijing's view."""
    st = stance(resources, "韓國共同民主黨內部也有部分議員對政府的對日政策表達不滿。")
    assert st["bearing"] and "日" not in targets(st)
    st = stance(resources, "北京視之為「拉幫結派」。")
    assert st["bearing"] and st["holder"]["text"] == "北京"


def test_an_interviewer_holds_nothing_and_a_side_named_by_its_abbreviation(resources):
    """接受媒体采访时表示: Marcos speaks, not the media; 菲方应恪守… (jieba's 菲方应) names the
    Philippines, whom the spokesman warns."""
    st = stance(resources, "菲律宾总统小马科斯日前在访问印度期间接受媒体采访时表示，如果台海爆发冲突，菲律宾“不可能置身事外”。")
    assert st["holder"]["text"] == "小马科斯"
    st = stance(resources, "中国外交部发言人郭嘉昆回应称，台湾问题纯属中国内政，菲方应恪守一个中国原则，“不要玩火”。")
    assert targets(st).get("菲") == "negative"


def test_what_is_interfered_with_and_its_coordinate_after_a_head_noun(resources):
    """干涉香港事務和中國內政: China's internal affairs suffer the interference as Hong Kong's do."""
    st = stance(resources, "特區政府發言人強烈譴責有關條文，指美方「粗暴干涉香港事務和中國內政」。")
    assert targets(st) == {"美": "negative"}


def test_a_positive_adverb_before_an_act_against_someone_and_a_second_joined_act(resources):
    """有效抵擋中國的外交封鎖: China is what is resisted (was positive, from 有效); 抵擋了希特勒並支援捷克斯洛伐克:
    the support is a second act, not a good the resistance harms (Czechoslovakia was negative)."""
    st = stance(resources, "唯有團結民主盟友，才能有效抵擋中國的外交封鎖。")
    assert targets(st) == {"中國": "negative"}
    st = stance(resources, "在 1938 年，如果西方在慕尼黑抵擋了希特勒並支援捷克斯洛伐克，德國官員已準備好要對他發動政變。")
    assert targets(st) == {"希特勒": "negative", "捷克斯洛伐克": "positive"}


def test_a_sentence_opening_with_the_speakers_own_capital_is_the_writers(resources):
    """毛寧表示…。北京的算盤很清楚：…: a spokesperson calls her side 中方, not 北京 — the writer reads
    Beijing's plan (the report went on: 毛寧 held it); a sentence of her words after it goes on with her."""
    first = "中共外交部發言人毛寧上週表示，台灣問題是「中美關係中第一條不可逾越的紅線」，要求美方「停止武裝台灣」。"
    st = stance(resources, "北京的算盤很清楚：只要美方在聯合聲明中出現「反對台獨」字眼，就能在國際上進一步孤立台灣。", before=first)
    assert st["holder"] == "AUTHOR"
    st = stance(resources, "美方必須立即停止向台灣出售武器。", before=first)
    assert st["holder"]["text"] == "毛寧"


def test_lowering_someones_threat_leaves_it_theirs(resources):
    """以降低中國的軍事威脅: the threat stays China's (China was positive: 降低 flipped it); 北京的說法顯然
    缺乏說服力 judges Beijing."""
    st = stance(resources, "政府應積極尋求與日菲在海洋監偵等非傳統安全領域的合作，以降低中國的軍事威脅。")
    assert targets(st).get("中國") == "negative"
    st = stance(resources, "然而，中國海警近期仍持續對菲方船隻發射水砲，北京的說法顯然缺乏說服力。")
    assert targets(st).get("北京") == "negative"


def test_an_undeniable_fact_and_a_concern_about_a_situation(resources):
    """這是無可否認的事實: 無可否認 is certainty, no one's denial (中國 held it); 并对台海局势表达"关切": a
    concern with its own object judges no earlier subject (the treaty was negative)."""
    st = stance(resources, "中華民國與中華人民共和國互不隸屬，中國無權代表台灣，這是無可否認的事實與現狀。")
    assert st["holder"] == "AUTHOR" and st["certainty"] == "certain" and targets(st).get("中國") == "negative"
    st = stance(resources, "双方在联合声明中重申，《美日安保条约》第五条适用于钓鱼岛，并对台海局势表达“关切”。")
    assert "美日安保条约" not in targets(st)


def test_a_name_before_a_preposition_is_no_title_of_the_person_after_it(resources):
    """北京對賴清德政府的施壓: Beijing presses; it is no title of Lai's (美國總統川普 is), so it is the
    target (there was none)."""
    st = stance(resources, "學者分析，北京對賴清德政府的施壓已經常態化。")
    assert targets(st).get("北京") == "negative"
    st = stance(resources, "美國駐日大使葛拉斯批評中國。")
    assert st["holder"]["text"] == "葛拉斯" and "美國" not in targets(st)


def test_a_persons_trait_voices_nothing_and_a_wars_lesson_is_the_writers(resources):
    """In an interview's answer, 川普總統的風格比較重視交易 describes Trump's style: the interviewee holds it
    (Trump did); 烏克蘭戰爭的經驗告訴我們 is the writer's lesson (Ukraine held it)."""
    doc = annotate_text("專訪／前國安會秘書長李大維：台美關係處於歷史高點\n\n前國安會秘書長李大維日前接受本報專訪。\n\n"
                        "問：您如何看待川普政府的對台政策？\n\n答：不過，川普總統的風格比較重視交易，台灣必須清楚說明我們對美國的價值。\n",
                        doc_id="t", res=resources)
    assert doc.units[-1].stance["holder"]["text"] == "李大維"
    st = stance(resources, "烏克蘭戰爭的經驗告訴我們，台灣必須加速建立自主的無人機產業鏈。")
    assert st["holder"] == "AUTHOR"


def test_the_writers_verdict_on_an_act_reported_as_done(resources):
    """美国政府近日宣布…对台军售计划，这是美方再次严重违反…: the writer judges the US (the government held
    it, and its own side was no target); 表示，這是…: the speaker's words."""
    st = stance(resources, "美国政府近日宣布总额超过110亿美元的对台军售计划，这是美方再次严重违反一个中国原则，严重干涉中国内政。")
    assert st["holder"] == "AUTHOR" and targets(st).get("美") == "negative"
    st = stance(resources, "外交部發言人表示，這是美方嚴重干涉中國內政。")
    assert st["holder"]["text"] == "外交部發言人"


def test_idioms_of_cross_strait_polemics(resources):
    """毫无新意 (the sentence had no stance), 一廂情願 (no cue): idioms of polemics in the lexicon."""
    st = stance(resources, "岛内舆论普遍认为，赖清德的两岸论述毫无新意。")
    assert st["bearing"] and targets(st).get("赖清德") == "negative"
    assert "一廂情願" in cue(stance(resources, "北京所謂的「國際共識」不過是一廂情願的政治宣傳。"), "evaluative")


def test_it_refers_to_a_body_or_a_document(resources):
    """它強調… after 美國國務院發表…報告 is the State Department's; after 公布「國家安全戰略」 the
    strategy's (both were the writer's)."""
    doc = annotate_text("標題\n\n美國國務院昨天發表年度人權報告。它強調，中國的人權狀況持續惡化。\n", doc_id="t", res=resources)
    st = doc.units[-1].stance
    assert st["holder"]["text"] == "美國國務院" and st["holder"]["mention"] == "它"
    doc = annotate_text("標題\n\n美國川普政府四日公布「國家安全戰略」（NSS），闡述華府以「美國優先」重塑重大戰略的擘劃。"
                        "它強調美國將維持在西半球的主導地位，指大量移民可能導致歐洲「文明抹除」。\n", doc_id="t", res=resources)
    assert doc.units[-1].stance["holder"]["kb_id"] == "policy-us-nss"


def test_keeping_ones_word_urged_on_someone_judges_them(resources):
    """要求美國履行…承諾, 敦促美方恪守一個中國原則: asked to keep their word, they are judged as not keeping
    it (the US was positive)."""
    assert targets(stance(resources, "他要求美國履行兩國領導人在新加坡會談中許下的承諾。")).get("美國") == "negative"
    assert targets(stance(resources, "我們敦促美方恪守一個中國原則，立即停止武裝台灣。")).get("美") == "negative"


def test_an_answer_to_criticism_and_an_attitude_after_adverbs(resources):
    """對於…吳江浩日前批評日本…，茂木回應說，…: Motegi answers (Wu's criticism held it, then Japan:
    回應說's subject is 回應's); …，堅決反對以武力或脅迫單方面改變現狀: Japan opposes the coercion, it
    does not coerce (Japan was negative)."""
    first = "日本外相茂木敏充19日表示，日本將持續合作。"
    st = stance(resources, "對於中國駐日大使吳江浩日前批評日本「干涉中國內政」，茂木回應說，日本只是表達對區域和平的關切。",
                before=first + "\n\n")
    assert st["holder"]["text"] == "茂木"
    st = stance(resources, "茂木敏充表示，日本將持續與美國等理念相近國家合作，堅決反對以武力或脅迫單方面改變現狀。")
    assert targets(st).get("日本") != "negative"


def test_civic_groups_hold_positions(resources):
    """人權團體則讚揚此舉: the human-rights groups praise it (was the writer)."""
    assert stance(resources, "人權團體則讚揚此舉是「正義的勝利」。")["holder"]["text"] == "人權團體"


def test_outrage_and_bewilderment(resources):
    """令人憤慨 (no cue before) and 讓盟友無所適從 (no stance before): the cause is judged."""
    st = stance(resources, "川普的關稅政策讓盟友無所適從。")
    assert targets(st).get("川普") == "negative"
    assert "憤慨" in cue(stance(resources, "北京當局一再打壓台灣的國際空間，令人憤慨。"), "evaluative")


def test_the_object_of_an_act_the_words_name_is_no_target_of_the_speech_verb(resources):
    """外界質疑，川普政府是否真的願意協防台灣: Trump's government is questioned, Taiwan (what would be
    defended) is not (it was weakly negative)."""
    assert targets(stance(resources, "外界質疑，川普政府是否真的願意協防台灣。")) == {"川普": "negative"}


def test_a_modal_glued_to_its_adverb_and_petty_moves(resources):
    """美方應立即停止挑釁: jieba's one token 應立即 is the prescription (the sentence had none); 搞小動作,
    搞事, 頭破血流 are in the lexicon."""
    st = stance(resources, "美方應立即停止在台灣問題上搞小動作。")
    assert "prescription" in st["types"] and targets(st).get("美") == "negative"


def test_a_topical_word_compounded_with_a_place_judges_no_one_before(resources):
    """關注中共軍方的人事變化及其對台海安全的影響: 台海安全 is the strait's security (the CCP was positive);
    美日合作 still binds to 美日; 裝備發展部 is a name (its 發展 made the Rocket Force positive)."""
    st = stance(resources, "陸委會表示，將持續密切關注中共軍方的人事變化及其對台海安全的影響，呼籲國人不要掉以輕心。")
    assert "中共" not in targets(st)
    st = stance(resources, "美國國防部官員則指出，解放軍的貪腐問題由來已久，火箭軍與裝備發展部的清洗說明問題相當嚴重。")
    assert targets(st).get("火箭軍") != "positive"


def test_the_subject_of_a_passive_with_its_agent_suffers_the_act(resources):
    """台灣申請加入CPTPP遭到中國阻撓: China obstructs; Taiwan and the CPTPP are not judged (both were
    weakly negative)."""
    st = stance(resources, "台灣申請加入CPTPP遭到中國阻撓，日本與澳洲則表態支持。")
    assert targets(st).get("中國") == "negative" and "台灣" not in targets(st) and "CPTPP" not in targets(st)


def test_a_weapon_name_holds_no_blow(resources):
    """精準打擊 "precision strike" and 航艦打擊群 "carrier strike group" name capabilities (masks.tsv):
    the programme was negative from 打擊; 打擊台灣經濟 is still a blow."""
    st = stance(resources, "國防部長顧立雄表示，特別預算重點在「台灣之盾」多層次防空、精準打擊與無人機量產。")
    assert "打擊" not in cue(st, "evaluative") and "台灣之盾" not in targets(st)
    assert "打擊" in cue(stance(resources, "中國企圖打擊台灣經濟。"), "evaluative")


def test_a_modal_before_its_noun_is_an_adjective(resources):
    """「史上最好」 and 最好的辦法 are "best", no prescription; 這是必須的 still prescribes."""
    st = stance(resources, "令人不解的是，在賴清德總統與民進黨政府口中，台美關係始終是「史上最好」。")
    assert "prescription" not in st["types"] and targets(st).get("賴清德") == "negative"
    assert "prescription" in stance(resources, "這是必須的。")["types"]


def test_a_view_supposed_in_a_condition_is_no_ones(resources):
    """賴政府若仍以為…，恐怕是一廂情願: the writer's verdict on a supposed belief (the government held it)."""
    st = stance(resources, "賴政府若仍以為靠著表態與加碼就能換來善意，恐怕是一廂情願。")
    assert st["holder"] == "AUTHOR"


def test_what_not_x_but_y_denies_judges_no_one(resources):
    """美方並非出於戰略信任而同意此案，而是…: trust and consent are denied (the US was positive and held
    it); …整合規劃，而非被動因應美方要求: the US's demands are no report (the US held it); 以實力而非對抗
    嚇阻中國 keeps China deterred."""
    st = stance(resources, "美方並非單純出於戰略信任而同意此案，而是將其與南韓對美投資及國防支出綁在一起。")
    assert not isinstance(st["holder"], dict) and "美" not in targets(st)
    st = stance(resources, "我國宜將國防投資與產業合作整合規劃，而非被動因應美方要求，以提高議價能力。")
    assert st["holder"] == "AUTHOR"
    st = stance(resources, "赫格塞斯表示，美國今後將以實力而非對抗嚇阻中國。")
    assert targets(st).get("中國") == "negative"
    st = stance(resources, "「我們支持加入 NATO，但我們希望帶有尊嚴地加入，而不是勉強加入」Kavadarkov 說道。")
    assert st["holder"]["text"] == "Kavadarkov"


def test_a_forecast_opening_the_sentence_is_the_writers(resources):
    """預判南韓將爭取…，美方則可能要求…: the writer forecasts (South Korea held it, as a demand)."""
    st = stance(resources, "預判南韓將爭取和平用途的鈾濃縮權限，美方則可能要求更嚴格的查核機制。")
    assert st["holder"] == "AUTHOR" and "prediction" in st["types"] and "prescription" not in st["types"]


def test_the_main_clause_holds_over_a_concession(resources):
    """日本方面雖官方低調回應，但國內已有政界人士主張…: the politicians, the whole compound (官方 held it);
    日本經濟界擔心…: the business community, not Japan."""
    st = stance(resources, "日本方面雖官方低調回應，但國內已有政界人士主張日本亦應研議核動力潛艦。")
    assert st["holder"]["text"] == "政界人士"
    assert stance(resources, "日本經濟界擔心觀光與出口受衝擊。")["holder"]["text"] == "日本經濟界"


def test_a_claim_named_with_zhi_shuo_is_no_speech(resources):
    """與川普所稱的費城造船廠之說存在落差: 之說 is a claim, a noun (李在明 held it)."""
    st = stance(resources, "（四）計畫仍存在相當不確定性：李在明政府傾向在國內造艦，與川普所稱的費城造船廠之說存在落差。")
    assert st["holder"] == "AUTHOR"


def test_we_in_a_quotation_is_the_speaker_reported(resources):
    """林劍表示，…。“我們敦促菲方…”: the spokesman's "we" (the holder was 我們)."""
    st = stance(resources, "“我們敦促菲方立即停止侵權挑釁，不要在錯誤的道路上越走越遠。”",
                before="林劍表示，黃岩島是中國固有領土。菲方船隻擅自闖入，嚴重侵犯中國主權。")
    assert st["holder"]["text"] == "林劍" and st["holder"].get("mention") == "我們"


def test_other_countries_are_no_pronoun(resources):
    """而不是被動等待他國表態: 他國 "other countries" is no 他 (the holder was 他)."""
    st = stance(resources, "台灣政府應把握這個時機，深化與日本在海巡上的合作，而不是被動等待他國表態。")
    assert st["holder"] == "AUTHOR"


def test_an_unconvincing_answer_is_a_judgement(resources):
    """美國沒有提出令人信服的證據: negated 令人信服 (strength 3) makes the sentence bearing."""
    assert targets(stance(resources, "美國沒有提出令人信服的證據。")).get("美國") == "negative"


def test_whether_before_a_quality_asks_about_it(resources):
    """指揮體系是否真如宣傳般順暢: the smoothness is asked about, with adverbs and a comparison between
    (the PLA was positive); 引發美日安保是否會出現變數的疑慮 keeps the alliance doubted."""
    st = stance(resources, "但共軍幾十年沒有實戰經驗，聯合作戰的指揮體系是否真如宣傳般順暢，我認為或許要打個問號。")
    assert targets(st).get("共軍") != "positive"
    st = stance(resources, "日本政壇罕見地出現不確定性，從而引發美日安保是否會出現變數的疑慮。")
    assert targets(st).get("美日安保") == "negative"


def test_a_protest_named_in_a_place_phrase(resources):
    """在國內抗議聲浪中仍赴北京: where he goes, amid protest, and no one speaks (the writer judged,
    through 抗議); 澳洲國內對AUKUS的質疑聲浪 still doubts AUKUS."""
    assert not stance(resources, "9月，普拉博沃在國內抗議聲浪中仍赴北京出席閱兵。")["bearing"]
    st = stance(resources, "然而，澳洲國內對AUKUS的質疑聲浪從未停歇。")
    assert targets(st).get("AUKUS") == "negative"


def test_deterring_aggression_judges_no_one(resources):
    """一個有能力嚇阻侵略的台灣，不是區域緊張的來源，而是…穩定的基石: Taiwan is praised (it was
    negative, from 侵略)."""
    st = stance(resources, "一個有能力嚇阻侵略的台灣，不是區域緊張的來源，而是區域穩定的基石。")
    assert targets(st) == {"台灣": "positive"}


def test_names_after_toward_are_no_speakers(resources):
    """外交部對惠普斯總統及帛琉政府的堅定立場表示…: the ministry speaks (the Palauan government held
    it); 美國對台灣政府表示支持: the US (the holder was 美國對台灣政府)."""
    st = stance(resources, "外交部對惠普斯總統及帛琉政府的堅定立場表示由衷敬佩與感謝。")
    assert st["holder"]["text"] == "外交部"
    st = stance(resources, "美國對台灣政府表示支持。")
    assert st["holder"]["text"] == "美國" and targets(st) == {"台灣": "positive"}


def test_a_name_restated_after_its_title(resources):
    """帛琉惠普斯總統（Surangel Whipps Jr.）已公開表明…: 表明 is a speech verb, and the name in Chinese
    holds it, not its restatement after the title."""
    st = stance(resources, "帛琉惠普斯總統（Surangel Whipps Jr.）已公開表明，帛琉「不會出賣主權與民主價值」，將持續與台灣維持穩固邦誼。")
    assert st["holder"]["text"] == "惠普斯"


def test_responding_to_present_threats_prescribes_nothing(resources):
    """支持其因應當前及未來威脅的能力: 因應 is one word, so 應當 is no modal (it was a prescription)."""
    st = stance(resources, "本案將有助於提升受援方機隊的妥善率與作戰整備，並支持其因應當前及未來威脅的能力。")
    assert "prescription" not in st["types"]


def test_alarm_caused_judges_its_cause(resources):
    """其軍事安全動向引起亞洲鄰國的高度警惕: the alarm judges Japan, whose moves cause it (Japan was
    positive, from 安全)."""
    st = stance(resources, "日本近年來大幅增加防衛預算，其軍事安全動向引起亞洲鄰國的高度警惕。")
    assert targets(st) == {"日本": "negative"}


def test_those_a_disaster_is_brought_to_suffer_it(resources):
    """日本軍國主義給包括中國、菲律賓在內的亞洲各國人民帶來深重災難: China and the Philippines suffer
    it (they were negative)."""
    st = stance(resources, "80年前，日本軍國主義給包括中國、菲律賓在內的亞洲各國人民帶來深重災難。")
    assert targets(st) == {"日本": "negative"}


def test_a_comparison_names_no_holder(resources):
    """相較於前主席朱立倫…強調…，鄭麗文顯然更願意…: the one compared with holds nothing (朱立倫 held it)."""
    st = stance(resources, "相較於前主席朱立倫在任期間刻意淡化「九二共識」字眼、強調「親美、和陸」並重，鄭麗文顯然更願意正面迎向北京。")
    assert st["holder"] == "AUTHOR"


def test_roles_with_what_qualifies_them(resources):
    """韓國外交部相關人士 (相關 is tagged a verb), 接近馬英九的人士, 日本防衛研究所的一位研究人員 and his
    他 in the next sentence (it was 李在明, the last person named), 藍營幕僚, 外界…解讀."""
    assert stance(resources, "韓國外交部相關人士表示，正在關注日本的防衛政策動向，希望日本的防衛政策以透明的方式推進。")["holder"]["text"] \
        == "韓國外交部相關人士"
    st = stance(resources, "但也有接近馬英九的人士私下表示，馬對於鄭麗文部分發言過於直白、可能讓年輕選民產生疑慮。")
    assert st["holder"]["text"] == "接近馬英九的人士"
    before = "李在明政府重視與日本的務實合作。日本防衛研究所的一位研究人員分析稱，日本提高防衛費並不意味著放棄「專守防衛」。"
    st = stance(resources, "但他也表示，若無法向周邊國家充分說明政策意圖，「可能引發地區性的軍備競賽」。", before=before)
    assert st["holder"]["text"] == "日本防衛研究所的一位研究人員"
    assert stance(resources, "有藍營幕僚坦言，若黨中央路線過於傾中，候選人可能不得不各自表述。")["holder"]["text"] == "藍營幕僚"
    assert stance(resources, "外界普遍解讀，朱立倫選擇沉默，或許正是一種表態。")["holder"]["text"] == "外界"


def test_having_no_standing_to_carp(resources):
    """日本…更沒有資格說三道四: 沒有資格 is a judgement, not the negation of 說三道四 (no stance)."""
    assert targets(stance(resources, "日本在台灣問題上負有歷史罪責，更沒有資格說三道四。")) == {"日本": "negative"}


def test_a_soundbite_under_its_speakers_label(resources):
    """A broadcast's soundbite: 國防部發言人孫立方： on its own line, then the quotation (the holder
    was 我們); 立法委員（民進黨）王定宇： (the holder was the writer)."""
    doc = annotate_text(LEAD + "國防部發言人孫立方：\n\n「國軍對於共艦動態都能全程掌握，請國人放心。我們也呼籲中共停止各種挑釁行為，不要破壞區域和平穩定。」\n\n"
                        "立法委員（民進黨）王定宇：\n\n「這不是單純的航行，而是一種政治宣示，是對台灣的施壓。國防預算更不應該在這個時候被刪減。」\n",
                        doc_id="t", res=resources)
    quotes = [u for u in doc.units if u.text.startswith("「")]
    assert quotes[0].stance["holder"]["text"] == "孫立方" and quotes[1].stance["holder"]["text"] == "王定宇"
    # a clause with no subject after 。 inside the quotation does not go back to the first sentence's
    assert targets(quotes[0].stance).get("國軍") != "negative" and targets(quotes[0].stance).get("中共") == "negative"


def test_a_person_after_toward_is_no_name_of_the_role(resources):
    """在野黨議員對高市的言論提出批評: the members criticise; 高市 after 對 is whom they speak of, not the
    name the role goes with (the writer held it)."""
    st = stance(resources, "在野黨議員對高市的言論提出批評。")
    assert st["holder"]["text"].endswith("議員") and targets(st) == {"高市": "negative"}


def test_whom_a_body_summons_holds_nothing(resources):
    """北京…召見菲律賓駐華大使提出抗議: Beijing protests (the ambassador held it)."""
    st = stance(resources, "菲律賓總統馬科斯11月簽署《海洋區域法》後，北京隨即公布黃岩島領海基線，並召見菲律賓駐華大使提出抗議。")
    assert st["holder"]["text"] == "北京"


def test_a_reaction_judges_its_cause_not_who_reacts(resources):
    """引發中國強烈反彈: China reacts; it is not judged by its reaction (it was negative)."""
    st = stance(resources, "然而，隨著日本首相高市早苗「台灣有事」國會答詢引發中國強烈反彈，日中關係急速惡化。")
    assert "中國" not in targets(st) and targets(st).get("高市早苗") == "negative"


def test_what_a_judged_doer_acts_on_is_not_judged(resources):
    """中國無權代表台灣, 以雙重標準看待香港: Taiwan and Hong Kong are what the act is done to (they
    were weakly negative)."""
    assert targets(stance(resources, "中華民國與中華人民共和國互不隸屬，中國無權代表台灣，這是無可否認的事實與現狀。")) == {"中國": "negative"}
    assert targets(stance(resources, "事實上，美國政客一貫以雙重標準看待香港。")) == {"美國": "negative"}


def test_a_claim_without_basis_and_historic_rights(resources):
    """中國以「九段線」主張的歷史性權利在國際法上沒有依據: China is judged (it was positive, from
    歷史性, which 歷史性權利 masks)."""
    st = stance(resources, "2016年海牙常設仲裁法院裁定，中國以「九段線」主張的歷史性權利在國際法上沒有依據。")
    assert targets(st) == {"中國": "negative"}


def test_a_speech_named_before_its_verb(resources):
    """賴清德國慶演說表示「…」: the speech is where he says it (the writer held it)."""
    st = stance(resources, "2024年10月10日：賴清德國慶演說表示「中華人民共和國無權代表台灣」。")
    assert st["holder"]["text"] == "賴清德"


def test_a_police_officer_and_a_group_of_governments(resources):
    """警官李大明表示：「我懇請…」: the officer (the writer held it; 懇請 is a demand); 英、美、加等國政府
    批評…: all three governments (the holder was 加等國政府)."""
    st = stance(resources, "警官李大明表示：「我懇請大家與我們聯絡。」")
    assert st["holder"]["text"] == "李大明" and "prescription" in st["types"]
    st = stance(resources, "英、美、加等國政府批評這是「跨國鎮壓」，北京外交部則回應「堅決反對任何國家干涉香港事務」。")
    assert st["holder"]["text"] == "英、美、加等國政府"


def test_a_label_of_surname_and_title_after_the_full_name(resources):
    """梁文傑副主委：… then 梁副主委：…: the same person (the holder was the label)."""
    doc = annotate_text("陸委會例行記者會\n\n梁文傑副主委：我們認為，這是中共一貫的威嚇與經濟脅迫手段。\n\n記者問：陸委會如何回應？\n\n"
                        "梁副主委：這種手法我們一點都不陌生。\n\n記者問：陸委會是否考慮調整旅遊警示？\n\n梁副主委：目前沒有調整的規劃。\n\n"
                        "記者問：國台辦昨天又說要終身追責。\n\n"
                        "梁副主委：我們再次呼籲北京當局，停止對台灣的軍事威脅和認知作戰。\n", doc_id="t", res=resources)
    last = doc.units[-1]
    assert last.stance["holder"]["text"] == "梁文傑" and last.stance["holder"].get("mention") == "梁副主委"


def test_ignoring_someones_warnings_is_no_speech_of_theirs(resources):
    """菲律賓方面不顧中方嚴正交涉和一再警告，…擅闖…: the Philippines is judged (China held it)."""
    st = stance(resources, "近期，菲律賓方面不顧中方嚴正交涉和一再警告，多次派遣公務船隻擅闖中國黃岩島鄰近海域，蓄意製造事端。")
    assert st["holder"] == "AUTHOR" and targets(st).get("菲律賓") == "negative"


def test_any_opens_a_clause_with_its_own_subject(resources):
    """中方維護…的決心堅定不移，任何企圖…挑釁滋事的圖謀，都注定是螳臂當車: China is not what the
    second clause judges (it was negative)."""
    st = stance(resources, "中方維護國家領土主權和海洋權益的決心堅定不移，任何企圖借外力挑釁滋事的圖謀，都注定是螳臂當車、徒勞無功。")
    assert targets(st).get("中") != "negative"


def test_an_interviewees_surname_label_after_a_japanese_name(resources):
    """天下：… and 松田：… turns: 松田 is the 松田隆之 the introduction names, read in Japanese
    (Takayuki Matsuda; the answers were the writer's) — as the label's speaker or as his surname."""
    doc = annotate_text("專訪日本學者松田隆之：北京不會輕易罷手\n\n《天下》專訪東京「亞洲戰略研究所」所長松田隆之。\n\n"
                        "天下：高市的發言，是失言，還是刻意為之？\n\n松田：我不認為是失言。\n\n天下：中國的反應為何如此激烈？\n\n"
                        "松田：從宣傳角度看，北京這次是得不償失。\n", "iv", resources)
    last = doc.units[-1].stance
    assert last["holder"]["text"] in ("松田隆之", "松田") and last["holder"]["en"] == "Takayuki Matsuda"


def test_a_topical_word_naming_a_domain_praises_no_one(resources):
    """反映川普政府交易導向的同盟觀, 在同盟體系中的議價能力: 同盟 names the domain of 觀 and 體系 (Trump
    and the US were positive); 家暴問題 still names a problem."""
    st = stance(resources, "（二）反映川普政府交易導向的同盟觀：美方並非單純出於戰略信任而同意此案，而是將其與南韓對美投資綁在一起。")
    assert "川普" not in targets(st)
    st = stance(resources, "我國在爭取對美軍購時，宜將國防投資整合規劃，而非被動因應美方要求，以提高自身在同盟體系中的議價能力。")
    assert "美" not in targets(st)


def test_a_reaction_caused_is_no_report_and_its_reactors_are_not_judged(resources):
    """瓦德富爾…曾公開批評中國…，引發北京不滿: the minister criticises (Beijing held it); 引發中方嚴厲批評:
    China reacts, it is not judged; 中國的挑釁行為已經引起國際社會的…譴責，七國集團…表達…關切: the G7 holds
    its concern and is no target (it was negative)."""
    st = stance(resources, "德國外長瓦德富爾今夏訪問日本時，曾公開批評中國在台海與南海「日益咄咄逼人」，引發北京不滿。")
    assert st["holder"]["text"] == "瓦德富爾" and targets(st).get("中國") == "negative"
    st = stance(resources, "日方當政者公開挑釁觸碰中國紅線，現已突破閾值，引發中方嚴厲批評與連鎖反應。")
    assert st["holder"] == "AUTHOR" and "中" not in targets(st)
    st = stance(resources, "中國的挑釁行為已經引起國際社會的高度關注與譴責，七國集團（G7）外長也於日前發表聯合聲明，表達對台海局勢的關切。")
    assert "七國集團" not in targets(st)


def test_an_office_held_when_speaking_and_declining_to_answer(resources):
    """李在明去年擔任在野黨黨魁時曾說…: he said it, when party leader (the holder was 黨魁); 川普一向拒絕
    回答會不會協防台灣: declining to answer judges no one (Taiwan was negative)."""
    st = stance(resources, "很多人還記得，李在明去年擔任在野黨黨魁時曾說，台海問題「跟我們有什麼關係？對中國說謝謝就好」。")
    assert st["holder"]["text"] == "李在明"
    st = stance(resources, "川普一向拒絕回答會不會協防台灣，理由是「不想透露底牌」。")
    assert "台灣" not in targets(st)


def test_the_writer_summing_up_ends_a_report(resources):
    """國台辦發言人…表態，歡迎…。這些互動或許難以立竿見影…: the writer's (the spokesman held it)."""
    st = stance(resources, "這些互動或許難以立竿見影，但至少證明：只要政治基礎還在，對話的大門就沒有關上。",
                before="國台辦發言人也多次表態，歡迎國民黨在兩岸和平發展上扮演積極角色。")
    assert st["holder"] == "AUTHOR"


def test_a_white_paper_holds_what_it_points_out(resources):
    st = stance(resources, "白皮書指出，中國軍方多次在台灣周邊舉行大規模演習，威脅區域和平。")
    assert st["holder"]["text"] == "白皮書" and targets(st)["中國"] == "negative"


def test_a_claim_reported_to_dispute_it_opens_no_report_of_the_next_sentence(resources):
    """高市早苗…公然宣稱…。這是…性質極其惡劣！: the writer's verdict on the claim, not more of it."""
    st = stance(resources, "這是日本領導人首次如此露骨地將台灣問題與軍事介入掛鉤，性質極其惡劣！",
                before="高市早苗日前在國會答辯時公然宣稱，「台灣有事」可能構成存亡危機事態。")
    assert st["holder"] == "AUTHOR"


def test_a_spokesman_answering_on_a_topic_after_a_time_clause(resources):
    """郭嘉昆在…記者會時，就日本防衛預算問題答問表示: the subject before the time clause speaks (the
    verbs jieba sees in 防衛|預算 are the topic's, 答問 the occasion)."""
    st = stance(resources, "外交部發言人郭嘉昆在29日主持例行記者會時，就日本防衛預算問題答問表示：「近年來，日本不斷大幅增加防衛預算，"
                           "引發亞洲鄰國高度警惕。」")
    assert st["holder"]["text"] == "郭嘉昆" and targets(st) == {"日本": "negative"}


def test_said_at_a_press_conference_is_no_weighing(resources):
    """在記者會上稱: 上|稱 (jieba's 上稱 'to weigh' hid the verb, and the writer held the words)."""
    st = stance(resources, "日本防衛大臣中谷元在記者會上稱，日本正面臨戰後最嚴峻的安全環境。")
    assert st["holder"]["text"] == "中谷元"


def test_a_bare_head_refers_to_the_last_document_with_that_head(resources):
    """條例 after 《維護國家安全條例》, then 《基本法》 (both laws): the ordinance."""
    st = stance(resources, "他強調，條例清楚界定煽動意圖，若有人煽動他人，警方必定依法嚴正執法。",
                before="英國發言人指判決顯示《維護國家安全條例》被用作打壓的工具。歐盟重申言論自由是《中英聯合聲明》及《基本法》所保障的基本權利。")
    assert "基本法" not in targets(st) and "維護國家安全條例" in targets(st)


def test_the_presiding_judge_and_the_defence_hold_what_they_say(resources):
    assert stance(resources, "主審法官在判刑時指出，被告的帖文煽動意圖明顯。")["holder"]["text"] == "主審法官"
    assert stance(resources, "辯方求情時稱，被告發帖時情緒不穩，現已深感後悔。")["holder"]["text"] == "辯方"


def test_the_paper_spoken_to_is_not_the_writer_speaking(resources):
    """接受本報訪問時指出, 向本報表示: the interviewee speaks (本報 made the writer the holder)."""
    st = stance(resources, "研究員陳家豪接受本報訪問時指出，中方希望納入限制域外國家的條款，這是錯誤的。")
    assert st["holder"]["text"] == "陳家豪"
    assert stance(resources, "本報認為，政府應該立即停止錯誤的政策。")["holder"] == "AUTHOR"


def test_a_statement_holds_what_it_says(resources):
    """聯合聲明說, 聲明還寫道：「我們…」: the statement holds its words (the writer did; 我們 was the holder)."""
    st = stance(resources, "聯合聲明說，三國領導人「強烈反對任何以武力或脅迫單方面改變現狀的企圖」，並點名中國海警船隻使用水砲。")
    assert st["holder"]["text"] == "聯合聲明" and targets(st) == {"中國海警": "negative"}
    assert stance(resources, "聲明還寫道：「我們強調台灣海峽和平與穩定不可或缺。」")["holder"]["text"] == "聲明"


def test_a_position_reported_in_a_manner_the_writer_condemns_is_the_writer_s_judgement(resources):
    """民進黨當局頑固堅持…, 高市早苗…公然聲稱…: the writer judges the one reported; plain 聲稱 reports."""
    st = stance(resources, "與此形成鮮明對比的是，民進黨當局頑固堅持「台獨」分裂立場。")
    assert st["holder"] == "AUTHOR" and targets(st)["民進黨"] == "negative"
    st = stance(resources, "日本首相高市早苗7日在國會答詢時公然聲稱，「台灣有事」可能構成存亡危機事態。")
    assert st["holder"] == "AUTHOR" and targets(st)["高市早苗"] == "negative"
    assert stance(resources, "高市早苗聲稱，「台灣有事」可能構成存亡危機事態。")["holder"]["text"] == "高市早苗"


def test_a_quotation_over_several_sentences_and_paragraphs_stays_the_speaker_s(resources):
    """總統致詞時表示： then 「…」, 「…承諾。 / 這些成果…。 / 「…。」: each paragraph of the speech opens
    with 「 and only the last closes; the sentences between are his (美方 in them was the holder, then
    the writer)."""
    doc = annotate_text(LEAD + "賴清德總統致詞時表示：\n\n「首先，我誠摯歡迎參議員一行來訪，我們非常感謝。」\n\n"
                        "「美國國會近日通過的法案，充分展現美方對臺海和平穩定的堅定承諾。這些成果，都要感謝各位參議員的努力。\n\n"
                        "「面對中國持續的灰色地帶脅迫，臺灣不會挑釁，也不會屈服。」\n\n中國的軍事威脅不斷升高，令人憂心。\n", "q", resources)
    holders = [u.stance["holder"] for u in doc.units if u.kind == "body"]
    names = [h["text"] if isinstance(h, dict) else h for h in holders]
    assert names[2:6] == ["賴清德"] * 4 and names[6] == "AUTHOR"


def test_the_writer_on_the_words_just_quoted_in_the_first_person(resources):
    """「…」 after 總統說, then 這句話方向正確，但…我必須直言：…: the writer, not more of the president."""
    st = stance(resources, "這句話方向正確，但身為老兵，我必須直言：全社會防衛若只停留在口號，恐怕不堪一擊。",
                before="賴清德總統視導時說：「國家安全不是國軍單獨的責任，而是全體國人共同的事。」")
    assert st["holder"] == "AUTHOR"


def test_a_broadcast_s_soundbites_belong_to_the_speaker_named_with_them(resources):
    """民眾黨主席黃國昌：「…」 (name, colon, quotation) and 「…」 / （國民黨立委 賴士葆） (the speaker's label
    under the quotation): theirs, not the writer's or 我們's."""
    st = stance(resources, "民眾黨主席黃國昌：「川普政府喊要台灣拿出GDP百分之十，行政院就照著寫，這到底是國防需求，還是保護費？」")
    assert st["holder"]["text"] == "黃國昌"
    doc = annotate_text(LEAD + "國民黨團強調，不反對強化國防。\n\n「我們支持國防，但是我們不支持亂花錢，更不支持拿國防來綁架在野黨。」\n\n"
                        "（國民黨立委 賴士葆）\n\n綠委火力全開。\n", "tvbs", resources)
    quote = next(u for u in doc.units if u.text.startswith("「我們支持"))
    assert quote.stance["holder"]["text"] == "賴士葆"
    assert next(u for u in doc.units if "賴士葆" in u.text and u.text.startswith("（")).kind == "note"


def test_keeping_one_s_word_after_a_modal_of_obligation_judges_the_one_told(resources):
    """美方應恪守一個中國原則 (as 敦促美方恪守…): the US is told to keep what it is said not to (it was positive)."""
    st = stance(resources, "郭嘉昆表示，美方應恪守一個中國原則，停止武裝台灣。")
    assert targets(st)["美"] == "negative"


def test_a_clause_after_a_time_clause_with_its_own_subject_keeps_it(resources):
    """四月川普宣布…時，政府也說「有信心」: the government speaks, not Trump."""
    st = stance(resources, "四月川普宣布對台課徵百分之三十二時，政府也說「有信心」；其後行政院始終以保密為由，拒絕向立法院說明任何細節。")
    assert st["holder"]["text"] == "政府"


def test_whom_the_topic_of_jiu_names_is_no_speaker(resources):
    """吳江浩大使約見…，就日本首相高市早苗…發表涉台錯誤言論提出嚴正交涉: the ambassador protests; the
    words spoken of (發表…言論) are the topic, and Takaichi, in it, is their target (she was the holder)."""
    st = stance(resources, "11月14日，吳江浩大使約見日本外務省高級官員，就日本首相高市早苗近日在國會發表涉台錯誤言論提出嚴正交涉，表達強烈不滿和堅決反對。")
    assert st["holder"]["text"] == "吳江浩" and targets(st)["高市早苗"] == "negative"


def test_the_body_a_speaker_is_introduced_with_is_no_target(resources):
    """中國社會科學院亞太與全球戰略研究院研究員李曉東認為…積極…: the academy is his employer, not what
    he praises (it was positive); a party named again after the verb still is a target."""
    st = stance(resources, "中國社會科學院亞太與全球戰略研究院研究員李曉東認為，此次會談釋放出積極信號，中印關係正在走向恢復合作。")
    assert "中國社會科學院" not in targets(st)
    assert targets(stance(resources, "國民黨立委賴士葆批評國民黨的做法錯誤。"))["國民黨"] == "negative"


def test_an_adverb_ending_like_a_time_word_closes_no_place_phrase(resources):
    """朴相旭在隨後舉行的例行記者會上指出：「…我們…」: 隨後 ("then") does not close 在…上, so 舉行 is
    inside it and the spokesman speaks (the holder was 我們)."""
    st = stance(resources, "合參公報室長朴相旭在隨後舉行的例行記者會上指出：「朝鮮的彈道導彈發射明顯違反聯合國安理會決議，我們對此予以強烈譴責。」")
    assert st["holder"]["text"] == "朴相旭"


def test_words_in_quotation_marks_naming_a_pretext_judge_no_one(resources):
    """美國以所謂「基於規則的國際秩序」為名…拼湊…: the order is named as a pretext (the US was positive)."""
    st = stance(resources, "近年來，美國以所謂「基於規則的國際秩序」為名，不斷強化美日、美韓同盟，拼湊美英澳三邊安全夥伴關係。")
    assert targets(st)["美國"] == "negative" and "基於規則" not in cue(st, "evaluative")


def test_said_in_an_interview_keeps_the_speaker(resources):
    """夏立言在論壇後受訪表示：「…國民黨過去如此主張…」: he speaks (受訪 is how; the party in his words held it)."""
    st = stance(resources, "夏立言在論壇後受訪表示：「兩岸多一分交流，就少一分誤判。國民黨過去如此主張，未來也不會改變。」")
    assert st["holder"]["text"] == "夏立言"


def test_a_negated_belief_denies_what_it_believes(resources):
    """越南並不相信中國會遵守《…宣言》: Vietnam distrusts China (China was positive, from 遵守); 不認為日本
    會支持台灣 turns the support; a noun before the predicate of the belief is not what is turned
    (不認為中國的威脅會減少: China's threat stays negative); 不相信北京的善意 turns the goodwill."""
    assert targets(stance(resources, "這種兩手策略，顯示越南並不相信中國會遵守《南海各方行為宣言》。"))["中國"] == "negative"
    assert targets(stance(resources, "他不認為日本會支持台灣。"))["台灣"] == "negative"
    assert targets(stance(resources, "他不認為中國的威脅會減少。"))["中國"] == "negative"
    st = stance(resources, "我們不相信北京的善意。")
    assert targets(st)["北京"] == "negative" and st["holder"] == "AUTHOR"
    # a prescription believed is denied as a whole: Taiwan should not change (the pressure stays bad)
    assert targets(stance(resources, "我們不認為台灣應該因為這種壓力改變立場。"))["台灣"] == "negative"
    # an aside in dashes is not what is believed (Morales stays popular)
    assert targets(stance(resources, "他不認為小馬可仕—菲律賓最受歡迎的政治人物之一—會讓步。"))["小馬可仕"] == "positive"


def test_declaring_independence_is_an_act_not_a_report(resources):
    """…以同時嚇阻北京武力犯台與台北宣布獨立: 宣布獨立 reports no words, so no one of the clause holds the
    sentence (the holder was '台與台北'); the writer describes whom the policy deters."""
    st = stance(resources, "美國長期對台灣採取「戰略模糊」政策：不明說是否會出兵協防台灣，以同時嚇阻北京武力犯台與台北宣布獨立。")
    assert st["holder"] == "AUTHOR" and targets(st)["北京"] == "negative"


def test_every_object_listed_after_a_verb_is_its_object(resources):
    """他並感謝美國、日本、澳洲與歐盟對菲律賓的支持: all four are thanked (Japan and Australia were left
    out); two joined by 和 that end the phrase are both objects; a partner of what follows is not."""
    t = targets(stance(resources, "他並感謝美國、日本、澳洲與歐盟對菲律賓的支持。"))
    assert all(t[x] == "positive" for x in ("美國", "日本", "澳洲", "歐盟"))
    t = targets(stance(resources, "美國國務院嚴厲譴責中國和俄羅斯的挑釁。"))
    assert t["中國"] == t["俄羅斯"] == "negative"


def test_yao_opening_a_clause_prescribes(resources):
    """答：…第二，要加強與日本、菲律賓的合作: 要 opening a clause before a verb is "must" (the sentence had
    no stance); 中國要統一台灣 ("wants") and 要求 are not it."""
    st = stance(resources, "第二，要加強與日本、菲律賓的合作。")
    assert "prescription" in st["types"] and st["holder"] == "AUTHOR"
    assert "prescription" in stance(resources, "我們要讓美國看到台灣的價值。")["types"]
    assert "要" not in cue(stance(resources, "中國要統一台灣，美國必須正視。"), "modal")


def test_a_clause_with_a_noun_subject_before_a_modal_is_not_the_earlier_subject_s(resources):
    """國艦國造是台灣自我防衛的重要政策，但預算不能變成無底洞: the budget must not become a bottomless pit
    (無底洞, new) — Taiwan, the earlier clause's subject, is not judged; 否則，馬尼拉最終只會自食其果
    ('reap what it sows') is a judgement of Manila (it had no stance)."""
    st = stance(resources, "我要說的是，國艦國造是台灣自我防衛的重要政策，但預算不能變成無底洞。")
    assert st["bearing"] and "台灣" not in targets(st)
    assert targets(stance(resources, "否則，馬尼拉最終只會自食其果。"))["馬尼拉"] == "negative"


def test_a_good_word_called_so_called_is_mocked(resources):
    """舉行所謂「多邊海上合作活動」: the writer mocks the cooperation (Japan was positive)."""
    st = stance(resources, "菲律賓近日再度炒作仁愛礁問題，並聯同美國、日本在南海舉行所謂「多邊海上合作活動」。")
    assert targets(st)["日本"] == "negative" and targets(st)["菲律賓"] == "negative"


def test_the_reason_given_is_the_subject_s(resources):
    """科尔比…启动审查，理由是…不应优先考虑盟友的需求: the reason is Colby's (the holder was the writer)."""
    st = stance(resources, "美国国防部副部长科尔比今年6月启动审查，理由是美国自身的潜艇产能不足，不应优先考虑盟友的需求。")
    assert st["holder"]["text"] == "科尔比"


def test_who_feels_the_unease_a_stance_causes_is_not_judged(resources):
    """對中國的強硬姿態引發日本經濟界的不安: the unease is Japan's business community's, Japan is not judged
    (it was negative); a doubt about something (引發對美日安保的疑慮) is still about it."""
    t = targets(stance(resources, "高市早苗首相上任以來，對中國的強硬姿態引發日本經濟界的不安。"))
    assert "日本" not in t and t["高市早苗"] == "negative"


def test_unacceptable_judges_whose_claim_it_is(resources):
    """日本的主張「不可接受」: Japan's claim is judged (不可 was read as the modal 'must not', Japan neutral)."""
    st = stance(resources, "韓國外交部發言人表示，獨島無論在歷史上、地理上還是國際法上都是韓國固有領土，日本的主張「不可接受」。")
    assert targets(st)["日本"] == "negative"


def test_a_yielding_denied_leaves_the_threat_and_what_is_joined_to_it(resources):
    """民主台灣不會屈服於中共的威脅與恐嚇: what is denied is the yielding (屈服於, tagged as a name), the
    threat and the intimidation stay the CCP's (it was missing: 恐嚇 turned positive)."""
    st = stance(resources, "陸委會副主委兼發言人梁文傑在記者會上強調，民主台灣不會屈服於中共的威脅與恐嚇。")
    assert targets(st)["中共"] == "negative"


def test_the_doer_of_a_bad_act_after_a_good_verb_is_not_its_object(resources):
    """協助遭中共威脅的國人, 強化對中共統戰滲透的反制措施: the CCP threatens and infiltrates (it was
    positive, the object of 協助 and 強化)."""
    st = stance(resources, "政府已建立跨部會機制，協助遭中共威脅的國人，並將持續強化對中共統戰滲透的反制措施。")
    assert targets(st)["中共"] == "negative"


def test_who_spoke_words_judged_is_judged_and_answered(resources):
    """日方领导人公然发表涉台挑衅言论…，中方对此坚决反对: the Japanese leader's provocative words judge
    him, and China's objection answers them (there was no target: 日 was a speaker, and the clause
    another speaker's)."""
    st = stance(resources, "日方领导人公然发表涉台挑衅言论，严重干涉中国内政，严重损害中日关系的政治基础，中方对此坚决反对。")
    assert targets(st)["日"] == "negative"
    assert targets(stance(resources, "日本發表挑釁言論，中國堅決反對。"))["日本"] == "negative"


def test_words_once_said_and_cited_do_not_go_on(resources):
    """歐布萊恩…曾說，台灣應…。這個目標雖然遙遠，但台灣社會必須認真面對: the second sentence is the
    writer's (it was O'Brien's)."""
    st = stance(resources, "這個目標雖然遙遠，但台灣社會必須認真面對。",
                before="美國前國家安全顧問歐布萊恩（Robert O'Brien）曾說，台灣應把國防預算提高到GDP的5%以上。")
    assert st["holder"] == "AUTHOR"


def test_the_country_and_body_a_speaker_is_introduced_with_are_no_targets(resources):
    """美國智庫德國馬歇爾基金會（GMF）亞洲計畫主任葛來儀…分析，罷免失敗…: the US and the fund introduce her
    (the US was negative); what she speaks of is."""
    st = stance(resources, "美國智庫德國馬歇爾基金會（GMF）亞洲計畫主任葛來儀（Bonnie Glaser）分析，罷免失敗顯示台灣選民對朝野惡鬥感到厭倦。")
    assert st["holder"]["text"] == "葛來儀" and "美國" not in targets(st) and "德國馬歇爾基金會" not in targets(st)


def test_he_or_she_opening_a_clause_refers_to_the_person_just_named(resources):
    """高市早苗上任後發表涉台言論。她一再挑釁中國…: Takaichi is judged, mentioned as 她 (there was no
    target); 但他的關稅政策嚴重損害…: Trump's policy; not past a sentence naming no one, nor inside a clause
    (盟友堅持她會…)."""
    doc = annotate_text(LEAD + "高市早苗上任後發表涉台言論。她一再挑釁中國，破壞區域和平。", doc_id="t", res=resources)
    t = doc.units[-1].stance["targets"]
    assert [(x["text"], x.get("mention"), x["polarity"]) for x in t if x["text"] == "高市早苗"] == [("高市早苗", "她", "negative")]
    doc = annotate_text(LEAD + "川普上任後對盟友施壓。但他的關稅政策嚴重損害美日同盟。", doc_id="t", res=resources)
    assert targets(doc.units[-1].stance)["川普"] == "negative"
    doc = annotate_text(LEAD + "川普上任後對盟友施壓。關稅一再提高。他的政策嚴重損害美日同盟。", doc_id="t", res=resources)
    assert "川普" not in targets(doc.units[-1].stance)


def test_under_a_country_s_threat_the_country_acts(resources):
    """民主制度能否在中國威脅下生存: China threatens (在 made it a venue, and 能否 asked about the threat:
    there was no target); 在日本的會談中 stays a venue."""
    st = stance(resources, "我的回答很簡單：台灣不只是一座島嶼，而是民主制度能否在中國威脅下生存的試金石。")
    assert targets(st)["中國"] == "negative"


def test_a_pawn_of_another_power(resources):
    """小马科斯政府…越走越远，不惜充当美国的棋子: Marcos is judged (棋子 and 越走越遠 were unknown)."""
    st = stance(resources, "值得警惕的是，小马科斯政府在南海问题上越走越远，不惜充当美国的棋子。")
    assert targets(st)["小马科斯"] == "negative"


def test_a_main_clause_after_a_conceded_report_is_the_writer_s(resources):
    """雖然行政院已宣布調高志願役加給，但問題恐怕不只是待遇: the writer's hedged view (the holder was the
    Executive Yuan); 雖然美國表示支持台灣，但華府的承諾恐怕不可靠 likewise; a main clause with its own
    speaker keeps them."""
    assert stance(resources, "雖然行政院已宣布調高志願役加給，但問題恐怕不只是待遇。")["holder"] == "AUTHOR"
    st = stance(resources, "雖然美國表示支持台灣，但華府的承諾恐怕不可靠。")
    assert st["holder"] == "AUTHOR" and targets(st)["華府"] == "negative"
    assert stance(resources, "日本方面雖官方低調回應，但國內已有政界人士主張修憲。")["holder"]["text"] == "政界人士"
    # a conceded stance of the subject's own is still the subject's
    assert stance(resources, "工黨政府雖然堅定支持AUKUS，但總理也積極修補與北京的關係。")["holder"]["text"] == "工黨政府"


def test_what_there_is_none_of_is_the_noun(resources):
    """沒有停戰的誠意, 缺乏對話的誠意: no sincerity, so the subject is judged negatively (Putin was
    positive; 對話 was the word turned); 缺乏誠意 alone bears too; 沒有提出令人信服的證據 still denies
    the convincing; 缺少…機會將…: what is lacking is a thing, and the prediction stays."""
    assert targets(stance(resources, "普丁顯然沒有停戰的誠意。"))["普丁"] == "negative"
    assert targets(stance(resources, "中國缺乏對話的誠意。"))["中國"] == "negative"
    assert targets(stance(resources, "北京缺乏誠意。"))["北京"] == "negative"
    assert targets(stance(resources, "美國沒有提出令人信服的證據。"))["美國"] == "negative"
    assert "prediction" in stance(resources, "他說失業和缺少教育機會將更多青少年推向加入犯罪集團這條不歸路。")["types"]


def test_who_suffers_an_attack_described_is_not_judged(resources):
    """菲律賓武裝部隊…遭受武裝攻擊: the forces suffer the attack (they were negative); with the
    attacker named between (受到中國嚴重威脅) the attacker is judged."""
    st = stance(resources, "美國重申，菲律賓武裝部隊在南海任何地方遭受武裝攻擊，都將觸發美國的共同防禦承諾。")
    assert "菲律賓武裝部隊" not in targets(st)
    assert targets(stance(resources, "台灣受到中國嚴重威脅。"))["中國"] == "negative"


def test_standing_with_someone(resources):
    """美國與…菲律賓站在一起: the United States stands with the Philippines (no stance was found);
    日本與美國站在同一陣線: Japan with the United States, not both holding; negated, the partner is
    let down (不打算…與日本站在一起)."""
    st = stance(resources, "美國與我們的盟友菲律賓站在一起，維護自由開放的印太地區。")
    assert st["holder"]["text"] == "美國" and targets(st)["菲律賓"] == "positive"
    st = stance(resources, "日本與美國站在同一陣線。")
    assert st["holder"]["text"] == "日本" and targets(st)["美國"] == "positive"
    st = stance(resources, "但李在明政府顯然不打算在台海議題上與日本站在一起。")
    assert targets(st)["日本"] == "negative"


def test_a_country_naming_an_issue_or_a_leaning_is_not_judged(resources):
    """在…北韓核問題上加強合作: North Korea names an issue (it was positive); 「親中疏日」 labels the
    president (China was negative); 令首爾與東京的關係倒退: the relation, neither capital (Tokyo was)."""
    st = stance(resources, "雙方承諾在經濟安全、人工智能及北韓核問題上加強合作。")
    assert targets(st).get("北韓") in (None, "neutral")
    st = stance(resources, "中方一贯主张，日方应恪守中日四个政治文件的原则，妥善处理历史和台湾等重大问题。")
    assert targets(st).get("台湾") in (None, "neutral")  # (one of the issues named; it was positive)
    st = stance(resources, "外界原本擔心這位被視為「親中疏日」的左翼總統會令首爾與東京的關係倒退。")
    assert not {"中", "日", "首爾", "東京"} & set(targets(st))


def test_a_stance_word_before_voices_is_a_noun(resources):
    """南韓國內反對聲浪不斷，共同民主黨批評…: the opposition voices are a noun, and the party that
    criticises holds the sentence (the holder was South Korea)."""
    st = stance(resources, "然而，南韓國內反對聲浪不斷，共同民主黨批評此方案是「屈辱外交」，部分受害者家屬也拒絕接受賠償。")
    assert st["holder"]["text"] == "共同民主黨"


def test_a_statement_someone_issued_as_a_noun_names_no_holder(resources):
    """有記者問及美國駐港總領事館近期發表的聲明，李家超回應指…: 發表的聲明 is a noun phrase; who
    answers holds the sentence (it was the consulate); 美國國務院發表的聲明指出… keeps the department."""
    st = stance(resources, "有記者問及美國駐港總領事館近期發表的聲明，李家超回應指，外國駐港機構應遵守《維也納領事關係公約》，不應干預香港內部事務。")
    assert st["holder"]["text"] == "李家超"
    assert stance(resources, "美國國務院發表的聲明指出，中國的行動危險且具挑釁性。")["holder"]["text"] == "美國國務院"


def test_the_name_right_after_a_quotation_speaks_whatever_it_does_meanwhile(resources):
    """「……，」川普指著眼前站著的人群說道: Trump speaks though 指著 stands between him and 說道 (with
    該說的言論 inside the quotation read as a noun, the holder was the writer)."""
    st = stance(resources, "「其實很容易就會說出了總統該說的言論。外面可能會有 10,000 人想要進入到這個擁擠的小小場地，"
                           "但事實上我們有大約 200 人就站在這裡，」川普指著眼前站著的人群說道。")
    assert st["holder"]["text"] == "川普"


def test_hyping_what_one_says_is_the_writer_s_judgement(resources):
    """美国国防部…再次渲染所谓“中国军事威胁”，声称解放军…: the writer condemns the department (the
    department held the sentence, with the PLA and Taiwan its negative targets); 炒作 likewise; a
    plain report keeps its speaker."""
    st = stance(resources, "近日，美国国防部发布年度《中国军力报告》，再次渲染所谓“中国军事威胁”，声称解放军正在为2027年“武统”台湾做准备。")
    assert st["holder"] == "AUTHOR" and targets(st) == {"美国国防部": "negative"}
    st = stance(resources, "日本媒體炒作中國威脅，稱解放軍將攻台。")
    assert st["holder"] == "AUTHOR" and targets(st)["日本"] == "negative"
    assert stance(resources, "美國國務院發言人表示，中國的行動危險。")["holder"]["text"] == "美國國務院發言人"
    # after a verb that opens no words the writer narrates (…發表所謂《…報告》，再次抹黑…)
    st = stance(resources, "美國國務院日前發表所謂《香港政策法報告》，再次抹黑香港國安法和《維護國家安全條例》，並揚言制裁多名特區官員。")
    assert st["holder"] == "AUTHOR" and targets(st) == {"美國國務院": "negative"}
    assert stance(resources, "美國國務院發言人表示，中國抹黑美國。")["holder"]["text"] == "美國國務院發言人"


def test_a_clause_opening_with_showing_is_the_writer_s_conclusion(resources):
    """海警船艦…參與演習，顯示北京企圖…: no one speaks (the coast guard held it); the writer reads
    Beijing's scheme (企圖); 民調顯示 keeps the poll."""
    st = stance(resources, "二、灰色地帶手段升級：海警船艦首度以「執法巡查」名義參與演習，顯示北京企圖模糊軍事行動與執法行動的界線。")
    assert st["holder"] == "AUTHOR" and targets(st)["北京"] == "negative"
    assert stance(resources, "民調顯示，六成民眾支持國防預算。")["holder"]["text"] == "民調"


def test_coordinated_speakers_after_則_speak_for_themselves(resources):
    """美國國務院發言人僅表示「關切」，日本與菲律賓則呼籲…: Japan and the Philippines speak in their
    own clause, no targets of the department (they were negative)."""
    st = stance(resources, "美國國務院發言人僅表示「關切」，日本與菲律賓則呼籲各方保持克制。")
    assert not {"日本", "菲律賓"} & set(targets(st))


def test_countering_a_threat_is_no_bad_act(resources):
    """美日在對抗中國威脅上合作密切: 對抗 counters China's threat, so China is judged (it was left out as
    what is countered, and the threat went to the US and Japan alone)."""
    assert targets(stance(resources, "美日在對抗中國威脅上合作密切。"))["中國"] == "negative"


def test_a_judging_adjective_as_the_manner_of_an_act(resources):
    """這是「台灣人民對賴政府的一次嚴厲警告」: 嚴厲 is how the warning is given, not a judgement of the
    Taiwanese who give it (Taiwan was negative); Lai stays the one warned."""
    st = stance(resources, "國民黨主席朱立倫則說，這是「台灣人民對賴政府的一次嚴厲警告」，呼籲總統賴清德停止操弄對立，回到憲政體制。")
    assert "台灣" not in targets(st) and targets(st)["賴清德"] == "negative"


def test_english_words_a_named_speaker_quotes(resources):
    """Ricketts…表示，"Taiwan is a beacon of democracy…": the senator holds it (the sentence had no
    stance: beacon weighed nothing, and Ricketts was no entity), Taiwan positive."""
    st = stance(resources, 'Ricketts在會後受訪時表示，"Taiwan is a beacon of democracy in the Indo-Pacific, and the United States will stand with Taiwan."',
                before="Pete Ricketts今天抵台。")
    assert st["holder"]["text"] == "Ricketts" and targets(st)["Taiwan"] == "positive"


def test_the_body_a_role_holder_is_introduced_with_is_no_target(resources):
    """新加坡國立大學東南亞研究學者指出…: the scholars hold it and their university is no target (it was
    negative); 泰軍 is the Thai military, whom 指責 judges (the Security Council was negative)."""
    st = stance(resources, "新加坡國立大學東南亞研究學者指出，這場衝突暴露了東協在處理成員國爭端方面的局限，但也為馬來西亞展現外交領導力提供了機會。")
    assert st["holder"]["text"] == "學者" and "新加坡國立大學" not in targets(st)
    st = stance(resources, "柬埔寨首相洪瑪奈則呼籲聯合國安理會召開緊急會議，並指責泰軍使用集束彈藥，「嚴重違反國際人道法」。")
    assert targets(st).get("泰軍") == "negative" and targets(st).get("聯合國安理會") != "negative"


def test_a_named_party_told_what_it_should_do(resources):
    """香港應密切留意東北亞格局的變化: a prescription to a party named right before 應 bears (it did
    not: 應 alone weighs below the threshold); the party is its neutral target."""
    st = stance(resources, "香港應密切留意東北亞格局的變化。")
    assert st["bearing"] and "prescription" in st["types"] and targets(st) == {"香港": "neutral"}


def test_a_hedged_difficulty_is_a_prediction(resources):
    """這種平衡策略恐難持久: jieba keeps 恐難 whole, so the hedge 恐 was lost; 恐難 is a hedged
    prediction as 恐將 is."""
    st = stance(resources, "然而，筆者認為，這種平衡策略恐難持久。")
    assert "prediction" in st["types"] and st["certainty"] == "hedged"
    assert "prediction" in stance(resources, "台灣恐遭孤立。")["types"]  # (恐遭 and 恐被 likewise)


def test_prescriptions_jieba_keeps_whole(resources):
    """不宜, 不必, 不要 are tokens of their own, so 應 or 要 inside them never counted: they prescribe."""
    assert "prescription" in stance(resources, "政府不宜過度樂觀。")["types"]
    assert "prescription" in stance(resources, "外界不必過度解讀。")["types"]
    assert "prescription" in stance(resources, "北京則多次警告菲方「不要玩火」。")["types"]
    # (not 要不要, a question; 不要求, not asking; 不要任何…, not wanting)
    assert "prescription" not in stance(resources, "Saipov 的辯護團隊先前已要求檢察官不要求償死刑。")["types"]
    assert "prescription" not in stance(resources, "外界關心台灣在中日爭端中到底要不要表態，各方看法分歧。")["types"]


def test_what_cannot_be_changed_keeps_its_polarity(resources):
    """任何抹黑都無法改變香港良好發展的大勢: 無法 denies the change, not Hong Kong's good development
    (Hong Kong was negative); 沒有提出令人信服的證據 still denies the convincing."""
    assert targets(stance(resources, "事實勝於雄辯，任何抹黑都無法改變香港良好發展的大勢。"))["香港"] == "positive"
    assert targets(stance(resources, "美國沒有提出令人信服的證據。"))["美國"] == "negative"
