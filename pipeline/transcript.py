"""Transcripts: records of meetings, hearings and press conferences written as speaker turns.

The Legislative Yuan's records (立法院公報), a ministry's press-conference transcript or a panel's
minutes give each turn as a label and a colon::

    主席：請馬委員文君發言。
    馬委員文君：部長，共軍這次演習距離我們的領海只有24浬……
    顧部長立雄：委員，我們事前已經掌握相關徵候……

A paragraph that opens with such a label is that speaker's turn (and a paragraph without one goes
on with the same speaker); the stance stage gives the turn's opinions to the speaker, not to the
writer of the record.  Lines such as 時間：… 地點：… 主席：王委員定宇 before the first turn are the
record's header (notes).  The header fields and the roles of a meeting are in ``data/layout.yaml``.

A label is a speaker when it is a question from the floor (問：), a title or role (主席, 發言人, 法新社記者), a title with a name
(部長顧立雄, 馬委員文君: the Legislative Yuan's surname–title–given name) or a name (林劍); never a
header field (時間, 地點, 出席委員) or a speech verb's subject (他說：「…」 is an ordinary quotation).
A document is a transcript when at least three paragraphs open with speaker labels, from at least
two speakers, one of whom speaks twice.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from typing import Iterable

from . import rx
from .patterns import _traditional, layout_patterns

#: a label and its colon at the start of a paragraph: no punctuation, quotation or space inside
_LABEL = rx.compile(r"^\s*(?P<label>[^\s：:，,。；;「」『』“”（）()！？!?、《》〈〉]{1,14}?)\s*[：:]")
_HAN = "\u3400-\u9fff"
#: a field name set letter-spaced before its colon (時　　間：中華民國114年…, 主　　席：王委員定宇)
_LETTER_SPACED_LABEL = rx.compile(r"^\s*(?P<label>[\u4e00-\u9fff](?:[ \t\u3000]+[\u4e00-\u9fff]){1,3})[ \t\u3000]*[：:]")
_SPACED_LABEL = rx.compile(r"^\s*(?P<label>[\u4e00-\u9fff]{2,6})[ \t\u3000]+(?=\S)")
#: the label of a question from the floor (Traditional; a Simplified 问 reads as 問)
QUESTION_LABELS = ("問", "Q", "記者問", "提問")


@cache
def surnames() -> frozenset[str]:
    """The entity rules' surnames, single and compound, in Traditional and Simplified characters
    (鍾 and 钟: OpenCC turns 钟 back into 鐘, not the surname)."""
    from .entities import rules_file_data
    from .patterns import t2s_converter

    data = rules_file_data()
    trad = [str(w) for w in (data.get("surnames") or []) + (data.get("compound_surnames") or [])]
    convert = t2s_converter().convert
    return frozenset(trad + [convert(w) for w in trad])


@cache
def compound_surnames() -> frozenset[str]:
    """The entity rules' compound surnames (歐陽, 司馬 …) in Traditional and Simplified characters."""
    from .entities import rules_file_data
    from .patterns import t2s_converter

    trad = [str(w) for w in rules_file_data().get("compound_surnames") or []]
    convert = t2s_converter().convert
    return frozenset(trad + [convert(w) for w in trad])


@cache
def _vocabulary() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Titles and roles (the entity rules' titles, the stance roles, layout.yaml's record roles),
    surnames and header fields, in Traditional characters."""
    from .entities import rules_file_data
    from .stance_lexicon import role_words

    data, pat = rules_file_data(), layout_patterns()
    titles = {str(w) for w in data.get("titles") or []} | set(role_words()) | set(pat.record_roles)
    return frozenset(titles), surnames(), pat.record_header_fields


def speaker_label(text: str) -> str | None:
    """The speaker label a paragraph opens with (主席, 顧部長立雄, 法新社記者), else None."""
    m = _LABEL.match(text)
    if m is None:
        return None
    label = m.group("label")
    return label if is_speaker(label) else None


def is_speaker(label: str) -> bool:
    """Whether a label before a colon names a speaker (see the module's docstring)."""
    t = _traditional(label)
    if t in QUESTION_LABELS:
        return True  # 問：… 毛寧：… a press conference's questions and the spokesperson's answers
    titles, surnames, fields = _vocabulary()
    if len(t) == 1 and t in surnames:
        return True  # 林：… an interview's answers, under the interviewee's surname
    if is_interviewer(t):
        return True  # 天下：… the magazine asking
    if t in fields or not re.fullmatch(f"[{_HAN}·．]{{2,14}}|[A-Z][A-Za-z .'\\-]{{1,30}}", t):
        return False

    def name(s: str) -> bool:  # a Chinese name: a surname and one to three characters
        return 2 <= len(s) <= 4 and (s[:1] in surnames or s[:2] in surnames)

    if t in titles or any(t.endswith(x) for x in titles if len(x) < len(t)):
        return True  # 主席, 外交部發言人, 法新社記者
    for k in (1, 2):  # 馬|委員|文君: surname, title, given name
        if t[:k] in surnames and any(t.startswith(x, k) and 1 <= len(t) - k - len(x) <= 2 for x in titles):
            return True
    if any(t.startswith(x) and name(t[len(x):]) for x in titles):
        return True  # 部長顧立雄
    return name(t) or t[:1].isascii() or len(t) == 2 and _japanese_surname(t)  # 林劍, Rubio, 松田 (an interview's answers)


@lru_cache(maxsize=256)
def _japanese_surname(label: str) -> bool:
    """A Japanese surname of two characters (松田, 小泉), as an interviewee's label."""
    return _japanese_names().surname(label) is not None


@lru_cache(maxsize=1)
def _japanese_names():
    from .japanese import JapaneseNames

    return JapaneseNames.load()


def is_transcript(paragraphs: Iterable[str]) -> bool:
    """At least three paragraphs open with speaker labels, from two speakers or more, one of whom
    speaks twice."""
    labels = Counter(label for p in paragraphs if (label := speaker_label(p)) is not None)
    return sum(labels.values()) >= 3 and len(labels) >= 2 and labels.most_common(1)[0][1] >= 2


def is_interviewer(label: str) -> bool:
    """An outlet asking the questions of an interview: its name or the start of it (天下 of 天下雜誌)."""
    from .patterns import layout_patterns

    pat = layout_patterns()
    return 2 <= len(label) <= 6 and (pat.is_publication(label) or any(p.startswith(label) for p in pat.publications))


def header_field(text: str) -> str | None:
    """The field of a header line (時間：…, 主席：王委員定宇): a label, a colon and a value with no
    sentence in it."""
    m = _LABEL.match(text)
    if m is not None:
        label = m.group("label")
    else:  # 時　　間：… (letter-spaced) or 時　　間　中華民國114年… (a printed record's field, no colon)
        m = _LETTER_SPACED_LABEL.match(text) or _SPACED_LABEL.match(text)
        if m is None:
            return None
        label = re.sub(r"[ \t\u3000]+", "", m.group("label"))
        if not (_traditional(label) in _vocabulary()[2] or label in ("主席", "主持人")):
            return None
    if re.search(r"[。！？!?]", text) or len(text) > 80:
        return None
    return label
