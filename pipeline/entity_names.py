"""Chinese-script names the knowledge base does not list (titles, jieba name tags, elections), and
short references to people already named.  Foreign names are in :mod:`pipeline.entity_foreign`.

A mixin of :class:`pipeline.entities.EntityTagger` (it uses the tagger's rules, KB, glosser and
regexes); the decisions are described in :mod:`pipeline.entities`.  Every method takes the working
unit (``_Unit``: text, shadow, tokens, chosen entities) and adds entities to it.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable

from . import rx
from .model import Entity, Token
from .patterns import _traditional, layout_patterns, t2s_converter

if TYPE_CHECKING:  # pragma: no cover
    from .entities import _Unit

_HAN = rx.compile(r"[\u3400-\u9fff]")
#: a person's age before the name (63歲的) or after it in brackets (（34歲）), in the shadow script
_AGED_BEFORE = rx.compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*岁的$")
_AGED_AFTER = rx.compile(r"[（(]\s*\d{1,3}\s*岁")
#: words before an institution's head that point to one rather than name it, or end so (經本|協會:
#: "through this association"; shadow forms)
_DETERMINERS = frozenset({"本", "该", "此", "这", "经", "其", "各", "贵", "我"})
#: nouns an election word makes a compound with, no election of its own (選舉制度, 選舉法; shadow forms)
_ELECTION_COMPOUNDS = frozenset({"制度", "法", "委员会", "制", "改革", "权"})
_LITERAL = rx.compile(r"[0-9A-Za-z]+|[·．.\-－]")


def _literal_runs(english: list[str | None], toks: list[Token]) -> list[str | None]:
    """Digits, Latin letters and the dots between them, which have no gloss, as themselves: a run
    of them (9|·|19) as one word (9.19)."""
    out: list[str | None] = []
    glued = False
    for en, t in zip(english, toks):
        literal = _LITERAL.fullmatch(t.text) is not None and (en is None or en.strip(" .") in ("", t.text))
        text = t.text.replace("·", ".").replace("．", ".").replace("－", "-") if literal else en
        if literal and glued and out:
            out[-1] = f"{out[-1]}{text}"
        else:
            out.append(text)
        glued = literal
    return out


_DAY_AFTER = rx.compile(r"[（(]\s*\d{1,2}\s*[）)]\s*日|日(?![本報报])")  # 今（27）日, 今日 (not 今日本)
_HAN_WORD = rx.compile(r"[\u3400-\u9fff]+")
_LATIN = rx.compile(r"[A-Za-z]")
_ROLE_YEARS = rx.compile(r"\((\d{4})(–(\d{4})?)?\)")  # (2024–), (2010–2017), (2000)
# where a clause begins: a name's nationality is read from what precedes it in its own clause
#: a name restated in Latin letters in brackets, which ends no clause: （JIIA）, (Kyodo News)
_LATIN_BRACKETS = rx.compile(r"[（(][\x20-\x7e]{1,60}[）)]")
_CLAUSE_MARK = rx.compile(r"[，。；：！？、「」『』（）()\n,;:!?]")
# bylines (shadow, Simplified): a reporter label, more names after it, an author label, names only
_MORE_NAMES = rx.compile(r"[ \u3000、，,]+([\u3400-\u9fff]{2,3})(?![\u3400-\u9fff])")
_REPORTER = rx.compile(r"(?:实习记者|记者|特派员|编译)(?:\s*[／/╱：:|｜]\s*|\s+)?")
_REPORT_WORDS = ("报导", "报道", "综合", "摄影", "摄", "专电", "电", "编译", "整理", "专访", "采访")
# credit labels in a byline (shadow script) and what each credits other than the text itself
_CREDIT_LABEL = rx.compile(r"(?:^|(?<=[\s｜|]))(?:(?:文字|文|作者|撰文|撰稿|口述|采访整理|采访)\s*[／/╱、]\s*)?"
                           r"(文字|文|作者|撰文|撰稿|口述|采访整理|采访|摄影|图|图片|图文|编辑|责任编辑|整理|翻译|编译)\s*[／/╱：:|｜]\s*")
_CREDITS = {"摄影": "photo", "图": "photo", "图片": "photo", "编辑": "editor", "责任编辑": "editor", "翻译": "translator"}
#: a reference back to a body named before: 該黨 (that party), 該國, 該部, 該院, 該會, 該組織 (shadow forms)
_THAT_BODY = rx.compile(r"该(?:党|国|部|院|会|组织|机构|智库|大学)")
_BY = rx.compile(r"^(?:By|BY|by)\s+")
#: a writer's Chinese name and English name side by side: 李大衛 David Lee
_NAME_AND_ENGLISH = rx.compile(r"([\u3400-\u9fff]{2,4})\s+([A-Z][a-z]+(?:[ \-][A-Z][a-z]+){1,3})")
_NOTE_CREDIT = rx.compile(r"(?:^[（(]|^|(?<=[\s｜|]))\s*(责任编辑|核稿编辑|编辑|责编|翻译|编译|责任校对|校对|审稿|核稿)\s*[：:／/]?\s*"
                          r"([\u3400-\u9fff]{2,4}(?:\s*[、，,]\s*[\u3400-\u9fff]{2,4})*)(?=\s*[）)]|\s*[｜|]|\s+\S+[：:]|\s*$)")
# 張志豪／台北報導: a name, a slash, a place and 報導 (no 記者 before the name)
_NAME_SLASH_REPORT = rx.compile(r"^([\u3400-\u9fff]{2,4})\s*[／/╱]\s*[\u3400-\u9fff]{1,8}(?:综合报导|综合报道|报导|报道|专电|电)\s*$")
# a named exercise: a quoted name of two to eight Han characters, or a bare one of four (聯合利劍),
# a dash, a year and perhaps a letter (the exercise word follows, after the closing mark if any)
_EXERCISE = rx.compile(r"(?:(?<=[「“『])(?P<name>[\u3400-\u9fff]{2,8})|(?P<bare>[\u3400-\u9fff]{4}))"
                       r"\s*[-－–—]\s*(?P<year>(?:19|20)\d\d[A-Z]?)[」』”]?")
# an exercise of a series: its name, a dash, a year and perhaps a letter (海峽雷霆-2025A, Strait Thunder-2025A)
_SERIES_YEAR = rx.compile(r"^(.+?)\s*[-－–—]\s*(?:19|20)\d\d[A-Z]?$")
# a name before 綜合報導 / 報導 / 整理 at the end of a byline, after a space or a separator
_NAME_REPORTS = rx.compile(r"(?:^|(?<=[\s|｜/／;；]))([\u3400-\u9fff]{2,4})\s*(?:综合报导|综合报道|综合外电报导|报导|报道|整理|编译)\s*$")
_BRACKET_NOTE = rx.compile(r"\s*[（(][^（）()]{1,30}[）)]\s*$")
_BOOK_TITLE = rx.compile(r"《([^《》]{2,30})》")
#: what may follow a name set after a title: the clause goes on past it (退役中將鍾振華，他直言)
_NAME_ENDS = frozenset({"，", ",", "：", ":", "、"})
_QUOTED_TITLE = rx.compile(r"「([^「」，,。；：！？、]{3,40})」")
#: a person's name in Latin letters with a hyphenated given name (Wen-Yen Chang), and a line of them
_LATIN_PERSON = rx.compile(r"[A-Z][a-z]+-[A-Za-z][a-z]+ [A-Z][a-z]+")
LATIN_NAME_PAIRS = rx.compile(r"[A-Z][a-z]+-[A-Za-z][a-z]+ [A-Z][a-z]+(?:\s*[,，、&]?\s*[A-Z][a-z]+-[A-Za-z][a-z]+ [A-Z][a-z]+)+")
#: a photographer a caption credits: （攝影／黃鼎翔）, （資料照，顏麟宇攝）, 圖／路透 (no name: an agency)
_CAPTION_CREDIT = rx.compile(r"(?:摄影|图|图片|照片)\s*[／/：:]\s*([\u3400-\u9fff]{2,4})\s*(?=[）)]|$)"
                             r"|(?:^|(?<=[（(，,、\s])|(?<=记者))([\u3400-\u9fff]{2,4}?)(?:摄影|摄)\s*(?=[）)]|$)")
#: what ends an airport's name, in the shadow script (桃園國際機場, 羽田機場)
_AIRPORT_HEADS = ("国际机场", "机场")
#: words after a place's name in a dictionary's English (Incheon Metropolitan City, Taoyuan city and county)
_PLACE_TAIL = rx.compile(r"\s+(?:Metropolitan|City|city|County|county|Prefecture|prefecture|Province|province|District|district)\b.*$")
#: a record's header field listing people: 出席委員：王定宇　陳永康　馬文君
_ROSTER = rx.compile(r"^(?P<label>[\u4e00-\u9fff]{2,6})[：:][ \u3000]*(?P<names>[\u3400-\u9fff]{2,4}(?:[ \u3000、，,]+[\u3400-\u9fff]{2,4})+)[ \u3000]*$")
_NAMES_ONLY = rx.compile(r"[\u3400-\u9fff]{2,4}[＊*†‡]{0,3}(?:\s*[、，,与和及\s]\s*[\u3400-\u9fff]{2,4}[＊*†‡]{0,3})*")  # 張文彥＊　李佩珊＊＊
# a Latin name after a credit label: 作者：Michael Chen, 文／J. Michael Cole
_LATIN_NAME = rx.compile(r"(?:[A-Z][a-z'’\-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z'’\-]+|[A-Z]\.)){1,3}")


_DAY_NUMBER = rx.compile(r"(?<![0-9０-９])(?:[0-9０-９]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])$")


def day_of_date(sh: str, a: int) -> bool:
    """Is the 日 at ``a`` the day of a date (10月21日|經國會, 26日本週)?  Then no name begins with it."""
    return sh[a : a + 1] == "日" and _DAY_NUMBER.search(sh, max(0, a - 3), a) is not None


#: lower-case words a person's English name can have (Osama bin Laden, Ursula von der Leyen)
_NAME_PARTICLES = frozenset({"bin", "bint", "ibn", "al", "el", "de", "da", "di", "du", "dos", "van", "von", "der", "den", "la", "le"})


@dataclass
class _Mention:
    """A person already named in the document, for short references."""

    kb_id: str | None
    en: str | None
    extra: dict[str, Any]
    unit: int  # where the full name was seen: unit number and end offset
    end: int


class NameRules:
    """Unknown names and short references (mixed into EntityTagger)."""

    # -- 3. short references ------------------------------------------------------------------------
    def _remember(self, u: _Unit, n: int, mentions: dict[str, _Mention]) -> None:
        """Register the short forms of every person named in this unit (once each)."""
        new = [e for e in u.ents if e.label == "PERSON" and id(e) not in u.remembered]
        for e in sorted(new, key=lambda e: e.start):
            u.remembered.add(id(e))
            if e.source != "model" and not e.extra.get("short_ref"):
                form, name = u.sh[e.start:e.end], e.extra.get("name")
                if name and len(name) < len(form):  # 陳委員永康: 陳永康 and 陳 refer to him (not 陳委)
                    if e.kb_id is None:
                        mentions[form] = _Mention(e.kb_id, e.en, {k: v for k, v in e.extra.items() if k in ("romanized", "reading")}, n, e.end)
                    form = t2s_converter().convert(name)
                self._remember_one(e, form, n, mentions)

    def _remember_one(self, e: Entity, form: str, n: int, mentions: dict[str, _Mention]) -> None:
        """Short forms of a person's name; a later person with the same short form takes it over."""
        m = _Mention(e.kb_id, e.en, {k: v for k, v in e.extra.items() if k in ("romanized", "reading")}, n, e.end)
        if e.kb_id is None and len(form) >= 2:
            mentions[form] = m  # a name found by a rule is found again wherever it recurs (羅森斯坦)
        parts = [p for p in self.sep_re.split(form) if p]
        if len(parts) > 1:
            if len(parts[-1]) >= 2:
                mentions[parts[-1]] = m
            return
        words = form.split()
        if len(words) > 1 and all(w[:1].isupper() for w in words):
            mentions[words[-1]] = m  # Zoran Zaev ... Zaev
            return
        if not _HAN_WORD.fullmatch(form) or len(form) < 3:
            return
        entry = self.kb.get(e.kb_id) if e.kb_id and self.kb is not None else None
        if entry is not None and entry.country not in self.rules["surname_countries"]:
            return  # 梅克爾 is not 梅: surnames only for East Asian names (the KB's short forms still apply)
        jp = entry.country == "jp" if entry is not None else e.extra.get("reading") == "ja"
        if entry is None and not jp and not (e.extra.get("romanized") and self._surname_first(form)):
            return  # a rule name: surnames only for a romanised Chinese-looking name (朴炳錫) or a name
            # read in Japanese (森田浩二: 森田), not 派崔克
        if jp or len(form) >= 4:
            mentions[form[:2]] = m  # 安倍 (安倍晉三), 石破 (石破茂)
        if len(form) >= 4 and (jp or form[:2] in self.rules["compound_surnames"]):
            return
        if jp and self._japanese_names.surname(form[:2]):
            return  # 中谷元, 石破茂: a two-character surname, so 中 (in 其中, …中的) is no reference to him
        mentions[form[:1]] = m  # 尹 (尹錫悅), 李 (李容浩), 菅 (菅義偉)

    def _refs(self, u: _Unit, n_unit: int, mentions: dict[str, _Mention], backward: bool = False) -> None:
        """Tag the short references of ``mentions`` in this unit: after their full name, or with
        ``backward`` only before it (a headline naming someone the body introduces)."""
        if not mentions:
            return
        lens = self._mention_index(mentions)
        sh = u.sh
        for a, b in _longest_matches(sh, lens, mentions):
            m = mentions[sh[a:b]]
            if (m.unit <= n_unit) if backward else (m.unit == n_unit and a < m.end):
                continue
            if sh[a].isascii() and (re.search(r"[A-Za-z] ?$", sh[max(0, a - 2):a]) or sh[b:b + 1].isascii() and sh[b:b + 1].isalpha()):
                continue  # a Latin surname must be a word of its own (not May in "Theresa May"; Ricketts在 is one)
            if sh[a].isascii() and any(sh.startswith(x, b + (sh[b:b + 1] == " ")) for x in self.rules["place_suffixes"]):
                continue  # Lee 縣 is a county
            inside = [] if u.free(a, b) else [e for e in u.ents if e.start < b and a < e.end]
            # a longer reference replaces shorter names inside it (范斯坦 over the KB's 范斯)
            if any(e.start < a or e.end > b or (e.start, e.end) == (a, b) for e in inside):
                continue
            left, right = u.leftovers(a, b)
            if b - a == 1:  # a surname alone: only as a token of its own (李/表示, 尹/政府, 與/文/的)
                tok = u.token_at(a)
                nxt = u.token_at(b)
                ok = tok is not None and tok.start == a and tok.end == b and nxt is not None and nxt.start == b \
                    and (nxt.pos[:1] in "vdpcua" or nxt.pos == "m" or self._is_title(nxt.norm)
                         or nxt.norm in self.rules["surname_followers"])
                # ... and a verb, adverb, preposition, particle, title or government word after it
                # (李表示, 金與, 朴議員, 尹政府; not 金、銀 or 此文中)
                if not ok and tok is not None and (self._glued(sh[tok.start:a], sh[b:tok.end], tok.norm)
                                                   or tok.start == a and sh[b:tok.end] in self.rules["surname_followers"]):
                    ok = True  # ... or glued by jieba's guesser to a function word: 稱金為, 金已, 李在; or to
                    # a government word in one dictionary word (賴政府)
                    u.extra_spans += [x for x in ((tok.start, a), (b, tok.end)) if x[0] < x[1]]
            else:
                tok = u.token_at(a) if left else None
                # 塞申斯|於; 指高市: a function word glued by jieba's guesser to a short form (指|高市言論)
                ok = (not left or tok is not None and tok.start < a and tok.end >= b
                      and self._glued(sh[tok.start:a], sh[b:tok.end], tok.norm)) \
                    and (not right or right in self.rules["name_suffixes"] or right in self.rules["not_name_chars"])
            if ok:
                for e in inside:
                    u.remove(e)
                u.add(Entity(u.text[a:b], a, b, "PERSON", m.kb_id, m.en, "kb" if m.kb_id else "rule",
                             extra={**m.extra, "short_ref": True}))

    def _mention_index(self, mentions: dict[str, _Mention]) -> dict[str, tuple[int, ...]]:
        """Lengths of the mention forms by first character, kept up to date as the document adds
        mentions (keys are only added, so only the new ones are indexed)."""
        cached, seen, lens = self._ref_index
        if cached is not mentions:
            cached, seen, lens = mentions, 0, {}
        if seen < len(mentions):
            for form in itertools.islice(mentions, seen, None):
                old = lens.get(form[0], ())
                if len(form) not in old:
                    lens[form[0]] = tuple(sorted((*old, len(form)), reverse=True))
            self._ref_index = (cached, len(mentions), lens)
        return lens

    def _glued(self, left: str, right: str, token: str) -> bool:
        if len(token) > 3 or self._is_word(token):
            return False
        edge = self.rules["not_name_chars"]
        return all(not p or p in edge or (len(p) >= 2 and self._is_word(p)) for p in (left, right))

    # -- 4. unknown names (Chinese script; foreign names: pipeline.entity_foreign) ------------------
    def _bylines(self, u: _Unit) -> None:
        """Reporters and authors a byline names.  After 記者 (or 特派員, 編譯) the name runs to the
        first place, digit or punctuation: （中央社記者陳韻聿東京26日專電）, 〔記者吳書緯／台北報導〕,
        （记者董雪）; a byline that is only names (林大明, 文／王小明、李美華) names people too.
        A name must begin with a surname; jieba often cuts such names short (陳韻|聿)."""
        sh = u.sh
        places = sorted(e.start for e in u.ents if e.label in ("GPE", "LOC"))
        for m in _REPORTER.finditer(sh):
            a = m.end()
            stop = next((p for p in places if p > a), len(sh))
            run = _HAN_WORD.match(sh, a, stop)
            if run is None:
                continue
            for n in (3, 2, 4):  # the name ends where the run, a place or a 報導 word begins
                b = a + n
                if b <= run.end() and (b == run.end() or sh.startswith(_REPORT_WORDS, b)) \
                        and self._surname_first(sh[a:b], True):
                    self._byline_person(u, a, b)
                    # more reporters after a space or 、: （记者 李明 张伟）
                    for more in _MORE_NAMES.finditer(sh, b):
                        if more.start() != b or not self._surname_first(more.group(1), True):
                            break
                        self._byline_person(u, more.start(1), more.end(1))
                        b = more.end()
                    break
        m = _NAME_SLASH_REPORT.match(sh)
        if m and self._surname_first(m.group(1), True) and u.free(m.start(1), m.end(1)):
            self._byline_person(u, m.start(1), m.end(1))
        k = sh.find("发自")  # 特約撰稿人梁凱晴發自香港: the name right before 發自
        while k > 0 and sh[k - 1] == " ":
            k -= 1
        for n in (3, 2, 4) if k >= 2 else ():
            if k - n >= 0 and _HAN_WORD.fullmatch(sh[k - n:k]) and self._surname_first(sh[k - n:k], True) \
                    and u.free(k - n, k):
                self._byline_person(u, k - n, k)
                break
        for m in _NAME_REPORTS.finditer(sh):  # 新頭殼newtalk | 黃建豪 綜合報導
            if self._surname_first(m.group(1), True) and u.free(m.start(1), m.end(1)):
                self._byline_person(u, m.start(1), m.end(1))
        if LATIN_NAME_PAIRS.fullmatch(u.text.strip()):  # Wen-Yen Chang　　Pei-Shan Lee: the writers in English
            for m in _LATIN_PERSON.finditer(u.text):
                for e in [e for e in u.ents if e.start < m.end() and m.start() < e.end]:
                    u.remove(e)
                self._latin_byline(u, m.start(), m.end(), None)
            return
        bracket = _BRACKET_NOTE.search(sh)  # 文／林俊宏（東京特派員）: a place in the note is no name
        if not any(e.start < (bracket.start() if bracket else len(sh)) for e in u.ents):
            # names only, or labelled credits: 林大明; 文／王小明、李美華; 文／林珮萱　攝影／楊煥世
            labels = list(_CREDIT_LABEL.finditer(sh))
            if labels and labels[0].start() > 0 and sh[:labels[0].start()].strip():
                return  # text before the first label: not a credits line
            by = _BY.match(sh)
            cuts = [(m.end(), m.group(1)) for m in labels] or [(by.end() if by else len(sh) - len(sh.lstrip("◎●■ \u3000")), "")]  # ◎ 蘇紫雲, By 李大衛
            ends = [m.start() for m in labels[1:]] + [len(sh)]
            for (start, label), end in zip(cuts, ends):
                rest = sh[start:end]
                note = _BRACKET_NOTE.search(rest)  # 文／王大明（退休外交官）: the name, then who they are
                if note:
                    rest = rest[: note.start()]
                rest = rest.rstrip("＊*†‡ ｜|")  # 林書瑋＊: the mark of the writer's note; 陳怡婷｜攝影：…
                if _LATIN_NAME.fullmatch(rest.strip()) and label:
                    base = start + len(rest) - len(rest.lstrip())
                    self._latin_byline(u, base, base + len(rest.strip()), _CREDITS.get(label))
                    continue
                both = _NAME_AND_ENGLISH.fullmatch(rest.strip())
                if both is not None and self._surname_first(both.group(1), True):  # 李大衛 David Lee
                    base = start + len(rest) - len(rest.lstrip())
                    self._byline_person(u, base, base + both.end(1), _CREDITS.get(label))
                    for e in u.ents:
                        if (e.start, e.end) == (base, base + both.end(1)):
                            e.en = both.group(2)  # the writer's own English name, not a romanisation
                            e.extra.pop("romanized", None)
                            e.extra.pop("reading", None)
                            if u.free(base + both.start(2), base + both.end(2)):
                                u.add(Entity(both.group(2), base + both.start(2), base + both.end(2), "PERSON", None,
                                             both.group(2), "rule", extra=dict(e.extra)))
                    continue
                if not _NAMES_ONLY.fullmatch(rest.strip()):
                    continue
                base = start + len(rest) - len(rest.lstrip())
                credit = _CREDITS.get(label)
                for n in _HAN_WORD.finditer(rest.strip()):
                    if 2 <= len(n.group()) <= 4 and self._surname_first(n.group(), True):
                        self._byline_person(u, base + n.start(), base + n.end(), credit)
                    elif len(n.group()) in (3, 4) and self._japanese_full_name(u.text[base + n.start():base + n.end()]):
                        self._byline_person(u, base + n.start(), base + n.end(), credit, "jp")  # 作者：中村雅人

    def _name_after_outlet(self, u: _Unit) -> None:
        """The writer after a byline's outlet label, before a space and the place (日本經濟新聞（中文版：
        日經中文網）高橋浩之 東京): a Chinese or Japanese full name."""
        m = layout_patterns().match_byline(_traditional(u.text))
        run = _HAN_WORD.match(u.sh, m.end()) if m is not None and m.end() > 0 else None
        if run is None or not u.free(run.start(), run.end()) or not (run.end() == len(u.sh) or u.sh[run.end()] in " \u3000"):
            return
        a, b = run.span()
        if 2 <= b - a <= 4 and self._surname_first(u.sh[a:b], True):
            self._byline_person(u, a, b)
        elif 3 <= b - a <= 5 and self._japanese_full_name(u.text[a:b]):  # (a Chinese name has 3 characters, or a double surname)
            self._byline_person(u, a, b, None, "jp")

    def _caption_credits(self, u: _Unit) -> None:
        """The photographer a caption credits (（攝影／黃鼎翔）, （資料照，顏麟宇攝）): a person, credited
        with the photo; a name must begin with a surname (圖／路透 names an agency)."""
        for m in _CAPTION_CREDIT.finditer(u.sh):
            g = 1 if m.group(1) else 2
            if self._surname_first(m.group(g), True):
                self._byline_person(u, m.start(g), m.end(g), "photo")

    def _airports(self, u: _Unit) -> None:
        """An airport: the place before 機場 or 國際機場 (桃園國際機場, 羽田機場) is a LOC whose English
        is the place's (the entity's, else the dictionary's proper name) and "(International) Airport";
        a place no dictionary names in English is left alone (no guessed reading)."""
        if "机场" not in u.sh:
            return
        toks = u.tokens
        for k, t in enumerate(toks):
            head = next((h for h in _AIRPORT_HEADS if t.norm.endswith(h)), None)
            if head is None:
                continue
            if len(t.norm) > len(head):  # 羽田機場: one token
                a, name_end = t.start, t.end - len(head)
            elif k > 0 and toks[k - 1].end == t.start:  # 桃園|國際機場
                a, name_end = toks[k - 1].start, t.start
            else:
                continue
            name = u.sh[a:name_end]
            if not 2 <= len(name) <= 4 or not _HAN_WORD.fullmatch(name):
                continue
            inside = [e for e in u.ents if e.start < t.end and a < e.end]
            if any(e.start < a or e.end > t.end or e.label not in ("GPE", "LOC") for e in inside):
                continue  # a person or body there: not an airport's name
            place = next((e for e in inside if (e.start, e.end) == (a, name_end) and e.en), None)
            en = _place_name(place.en) if place is not None else None
            if en is None and self.glosser is not None:
                gloss = self.glosser.lookup(u.text[a:name_end], name, "ns")
                if gloss and gloss[:1].isupper() and not gloss.startswith("~"):
                    en = _place_name(_clean_gloss(gloss))
            if not en:
                continue
            for e in inside:
                u.remove(e)
            kind = "International Airport" if head == "国际机场" else "Airport"
            u.add(Entity(u.text[a:t.end], a, t.end, "LOC", None, f"{en} {kind}", "rule", extra={"translated": True}))

    def _roster(self, u: _Unit) -> None:
        """The people a record's header lists (出席委員：王定宇　陳永康　馬文君, 請假委員：…): every
        item that begins with a surname, whether or not the knowledge base knows it."""
        m = _ROSTER.match(u.sh)
        if m is None or _traditional(m.group("label")) not in layout_patterns().record_header_fields:
            return
        for n in _HAN_WORD.finditer(u.sh, m.start("names"), m.end("names")):
            if self._surname_first(n.group(), True):
                self._byline_person(u, n.start(), n.end())

    def _latin_byline(self, u: _Unit, a: int, b: int, credit: str | None) -> None:
        """A writer named in Latin letters (作者：Michael Chen): the knowledge base's entry when it
        knows the name, else the name as written."""
        if not u.free(a, b):
            return
        name = u.text[a:b]
        hits = self._english_entries(name, "PERSON")
        e = Entity(name, a, b, "PERSON", hits[0].id if len(hits) == 1 else None,
                   hits[0].en if len(hits) == 1 else name, "kb" if len(hits) == 1 else "rule")
        if credit:
            e.extra["credit"] = credit
        u.add(e)

    def _note_credits(self, u: _Unit) -> None:
        """The editors or translators a closing note credits: （編輯：林克倫）1141010, （责任编辑：王坤）,
        責任編輯：朱家儀, 責任編輯：朱家儀｜核稿編輯：翁世航."""
        for m in _NOTE_CREDIT.finditer(u.sh):
            credit = "translator" if m.group(1) in ("翻译", "编译") else "editor"
            for n in _HAN_WORD.finditer(u.sh, m.start(2), m.end(2)):
                if 2 <= len(n.group()) <= 4 and self._surname_first(n.group(), True):
                    self._byline_person(u, n.start(), n.end(), credit)

    def _japanese_full_name(self, text: str) -> bool:
        """Is ``text`` exactly a Japanese surname and given name MeCab reads (中村雅人)?"""
        parts = self._japanese_names.name_at(text)
        return parts is not None and parts.length == len(text)

    def _byline_person(self, u: _Unit, a: int, b: int, credit: str | None = None, country: str | None = "") -> None:
        for e in [e for e in u.ents if e.start < b and a < e.end]:
            if e.label != "PERSON" or e.kb_id:
                return  # a place or a known person there: leave the span alone
            u.remove(e)
        self._person(u, a, b, country)
        if credit:  # a photographer or editor, not the author (front_matter leaves them out)
            for e in u.ents:
                if (e.start, e.end) == (a, b):
                    e.extra["credit"] = credit

    def _titles(self, u: _Unit) -> None:
        toks, r = u.tokens, self.rules
        no_char = r["not_name_chars"]
        i = 0
        while (m := self.title_re.search(u.sh, i)) is not None:
            i = m.start() + 1  # overlapping: 部長官 holds 部長 and 長官 (韓國外交部|長官|趙顯)
            k = bisect_right(u.starts, m.end() - 1) - 1
            if k < 0 or toks[k].end != m.end() or not self._is_title(toks[k].norm):
                continue  # the title must end a token: 國防部長 / 外長, not 部長 inside 部長級
            t = toks[k]
            # after the title: an nr token, or surname + one or two single characters (or a two-character
            # word before a speech verb); past a party in brackets (立法委員（國民黨）陳永康：)
            close = next((j for j in range(k + 2, min(k + 6, len(toks))) if toks[j].text in ("）", ")")), None) \
                if k + 1 < len(toks) and toks[k + 1].text in ("（", "(") else None
            if close is not None and close + 1 < len(toks):
                t = Token(text="", start=toks[close].end, end=toks[close].end, pos="x", norm=t.norm)
                k = close
            nxt = toks[k + 1:k + 4]
            if nxt and nxt[0].start == t.end:
                n0 = nxt[0]
                country = self._clause_country(u, n0.start)
                if (country == "jp" or country is None and self._japanese_shape(u, n0.start)) and self._japanese_person(u, n0.start):
                    pass  # 日本自民黨幹事長森山|裕: MeCab's surname and given name
                elif country in self.rules["korean_countries"] and self._korean_person(u, n0.start):
                    pass  # 三星電子會長李在|鎔: a Korean name has three characters
                elif country == "vn" and self._vietnamese_person(u, n0.start):
                    pass  # 越南副總理黎明|凱: so has a Vietnamese one, mostly
                elif self._given_name_cut(nxt, r, len(u.sh)):
                    self._person(u, n0.start, nxt[1].end)  # 副部長林中|斌|分析, 立委賴士|葆|批評
                elif n0.pos.startswith("nr") and (self._plausible(n0.norm) or self._name_before_speech(n0, nxt)):
                    n1 = nxt[1] if len(nxt) > 1 and nxt[1].start == n0.end else None
                    if len(n0.norm) == 2 and n1 is not None and len(n1.norm) == 2 and n1.norm[1] in no_char \
                            and n1.norm[0] not in no_char and _HAN.match(n1.norm[0]) and not self._is_word(n1.norm) \
                            and self._surname_first(n0.norm):
                        self._person(u, n0.start, n0.end + 1)  # 執行長蕭旭|岑則認為: the HMM cut the name's last character off
                    else:
                        self._person(u, n0.start, n0.end)
                elif len(n0.norm) == 1 and n0.norm in r["surnames"] and len(nxt) > 1:
                    end = n0.end
                    for t2 in nxt[1:]:
                        if t2.start != end or len(t2.norm) != 1 or not _HAN.match(t2.norm) or t2.norm in no_char:
                            break
                        end = t2.end
                    if end - n0.start >= 2:
                        self._person(u, n0.start, end)
                    elif len(nxt) == 3 and nxt[1].start == end and len(nxt[1].norm) == 2 and _all_han(nxt[1].norm) \
                            and not self._no_given_name(nxt[1].norm) \
                            and (nxt[1].pos.startswith("nr") or nxt[2].start == nxt[1].end
                                 and (nxt[2].norm in r["speech_verbs"] or nxt[2].norm in no_char
                                      or nxt[2].norm in r["person_verbs"]
                                      or nxt[2].pos in ("d", "t") or nxt[2].norm in ("多次", "多度")
                                      or nxt[2].norm in _NAME_ENDS and self._is_title(t.norm))):
                        # 教授李|大明|表示, 議員田|北辰|則, 研究員蘇|紫雲(nr), 縣長陳|福海|多次|呼籲, 代表林|信義|會晤,
                        # 退役中將鍾(nr)|振華|，
                        self._person(u, n0.start, nxt[1].end)
                elif 3 <= len(n0.norm) <= 4 and n0.norm[-1] in no_char and self._surname_first(n0.norm[:-1]) \
                        and self._plausible(n0.norm[:-1]) and not self._is_word(n0.norm):
                    self._person(u, n0.start, n0.end - 1)  # jieba glued a word to the name: 朴贊大|則
            # before the title: an nr token
            if k > 0:
                p = toks[k - 1]
                if p.end == t.start and p.pos.startswith("nr") and self._plausible(p.norm) \
                        and not (p.start and u.sh[p.start - 1 : p.start + 1] in r["office_verbs"]):
                    self._person(u, p.start, p.end)  # (曾|任陸軍|副司令: 曾任 and 陸軍, no name)

    def _name_before_speech(self, n0, nxt) -> bool:
        """A three-character name jieba tagged as one, ending in a character that mostly ends no
        name (研究員劉大年提醒: 年), right before a speech verb."""
        r = self.rules
        n1 = nxt[1] if len(nxt) > 1 and nxt[1].start == n0.end else None
        return n1 is not None and n1.norm in r["speech_verbs"] and len(n0.norm) == 3 and _all_han(n0.norm) \
            and self._surname_first(n0.norm) and n0.norm not in r["not_people"] \
            and n0.norm[0] not in r["not_name_first_chars"] and not self._no_given_name(n0.norm[1:])

    def _given_name_cut(self, nxt, r, length: int) -> bool:
        """After a title: a two-character token that begins with a surname, then one Han character
        jieba cut off the name, then a speech or person verb, punctuation or the end of the text (林中|斌|分析,
        作者為…副教授林子|恆)."""
        if len(nxt) < 2 or nxt[1].start != nxt[0].end:
            return False
        n0, n1 = nxt[0], nxt[1]
        if len(nxt) == 2 or nxt[2].start != n1.end:
            follows = n1.end == length  # the name ends the line
        else:
            n2 = nxt[2]
            follows = n2.norm in r["speech_verbs"] or n2.norm in r["person_verbs"] or not _HAN.match(n2.norm[:1]) \
                or n2.norm in r["not_name_chars"]  # 副研究員鄭子|皓|則認為
        return follows and len(n0.norm) == 2 and _all_han(n0.norm) and self._surname_first(n0.norm) \
            and not n0.pos.startswith(("ns", "v", "a", "d")) and not self._is_word(n0.norm + n1.norm) \
            and len(n1.norm) == 1 and _HAN.match(n1.norm) is not None and n1.norm not in r["not_name_chars"]

    @cached_property
    def _holders_by_surname(self) -> dict[str, list[tuple[Any, str, int, int | None]]]:
        """Shadow surname -> (KB person, role, first year, last year or None) for the roles that
        ``title_roles`` names, of people of the countries that put the surname first."""
        wanted = {p for prefixes in self.rules.data["title_roles"].values() for p in prefixes}
        countries, compound = self.rules["surname_countries"], self.rules["compound_surnames"]
        out: dict[str, list] = {}
        for entry in self.kb:
            if entry.type != "PERSON" or entry.country not in countries or not entry.zh or not entry.roles:
                continue
            name = self.seg.shadow(entry.zh[0])
            surname = name[:2] if name[:2] in compound else name[:1]
            if not 2 <= len(name) <= 4 or not _all_han(name):
                continue
            for role in entry.roles:
                m = _ROLE_YEARS.search(role)
                if m and any(role.startswith(p) for p in wanted):
                    last = int(m.group(3)) if m.group(3) else (int(m.group(1)) if not m.group(2) else None)
                    out.setdefault(surname, []).append((entry, role, int(m.group(1)), last))
        return out

    def _office_holders(self, u: _Unit) -> None:
        """賴總統, 卓院長, 馬前總統: a surname before a title names the office's holder (see
        ``title_roles`` in entity_rules.yaml).  Only the surname becomes the PERSON, as a short
        reference; the title stays a word of its own."""
        roles = self.rules.data["title_roles"]
        holders = self._holders_by_surname
        if not holders:
            return
        for m in self._office_re.finditer(u.sh):
            a, b = m.span("surname")
            former = bool(m.group("former"))
            tok = u.token_at(a)
            if tok is None or tok.start != a or tok.end not in (b, m.end("former"), m.end()) \
                    or any(e.start < m.end() and a < e.end for e in u.ents):
                continue  # 信賴|總統: a piece of another word (馬前|總統 is not)
            prefixes = tuple(roles.get(m.group("title"), ()))
            held = [(x, first, last) for x, role, first, last in holders.get(m.group("surname"), ())
                    if role.startswith(prefixes)]
            y = self._year
            if former:  # left office by the article's year
                held = [h for h in held if h[2] is not None and (y is None or h[2] <= y)]
            elif y is not None:  # in office in the article's year
                held = [h for h in held if h[1] <= y and (h[2] is None or y <= h[2])]
            people = {x.id: x for x, _f, _l in held}
            if len(people) != 1:
                continue
            entry = next(iter(people.values()))
            u.add(Entity(u.text[a:b], a, b, "PERSON", entry.id, entry.en, "kb", extra={"short_ref": True}))
            if tok.end != b:
                u.extra_spans.append((b, tok.end))

    @cached_property
    def _office_re(self) -> re.Pattern:
        surnames = sorted(self._holders_by_surname, key=len, reverse=True) or ["(?!)"]
        titles = sorted(self.rules.data["title_roles"], key=len, reverse=True)
        return rx.compile(f"(?P<surname>{'|'.join(map(re.escape, surnames))})(?P<former>前)?"
                          f"(?P<title>{'|'.join(map(re.escape, titles))})")

    def _plausible(self, norm: str) -> bool:
        """A jieba nr token that can be a name: 2–4 Han characters, not a listed non-name, not
        beginning with a preposition (對梅) or ending in a function character (晉升為), and not a
        word the dictionary glosses as a common noun (保守派 'conservative faction')."""
        r = self.rules
        if not (2 <= len(norm) <= 4 and _HAN_WORD.fullmatch(norm) and norm not in r["not_people"]
                and norm[-1] not in r["not_name_chars"] and norm[0] not in r["not_name_first_chars"]):
            return False
        if len(norm) == 3 and self._no_given_name(norm[1:]):
            return False  # 都|公開: jieba's guesser glued an adverb to a surname-like character
        gloss = self.glosser.lookup(norm, norm, "nr") if self.glosser is not None else None
        return not (gloss and not gloss.startswith("~") and not gloss[:1].isupper())

    def _is_title(self, norm: str) -> bool:
        hit = self._title_memo.get(norm)
        if hit is None:
            hit = norm in self.titles or any(norm[-n:] in self.titles
                                             for n in range(2, min(len(norm), self.max_title + 1)))
            self._title_memo[norm] = hit
        return hit

    def _person(self, u: _Unit, a: int, b: int, country: str | None = "") -> None:
        """A person at [a, b); ``country`` decides how the name is read ("" for the clause's country)."""
        if b - a >= 3 and u.sh[b - 1] in "今昨" and _DAY_AFTER.match(u.sh, b):
            b -= 1  # 葉宗翰今（27）日表示: 今 opens the date
        if country == "":
            country = self._name_country(u, a, b)
        if country == "jp":  # the whole name where jieba cut it short (森山|裕)
            parts = self._japanese_names.name_at(u.text[a:a + 6])
            if parts is not None and parts.length > b - a and u.free(a, a + parts.length) and self._name_end(u, a + parts.length):
                b = a + parts.length
            elif parts is None and (nxt := u.token_at(b)) is not None and nxt.start == b and nxt.pos.startswith("nr") \
                    and 1 <= nxt.end - b <= 2 and _all_han(nxt.norm) and u.free(b, nxt.end) \
                    and self._japanese_names.surname(u.text[a:b]):
                b = nxt.end  # 藤田|文武: a given name UniDic cannot read alone, which jieba tags as a name
        elif b - a == 2 and (country == "vn" or self._korean(u, a, country)):  # three characters: 金成|南說
            nxt = u.token_at(b)
            if nxt is not None and nxt.start == b and nxt.end == b + 1 and _HAN.match(nxt.norm) \
                    and nxt.norm not in self.rules["not_name_chars"] and u.free(b, b + 1):
                b += 1
        if u.free(a, b):
            en, extra = self._person_english(u, a, b, country)
            u.add(Entity(u.text[a:b], a, b, "PERSON", None, en, "rule", extra=extra))

    def _person_english(self, u: _Unit, a: int, b: int, country: str | None = "") -> tuple[str, dict]:
        """English for a person the KB lacks, by the country the name's clause names last
        (``country``; "" to look it up): a Korean name in its Korean reading (朴元浩 -> Park
        Won-ho, ``reading: ko``), a Japanese one in its Japanese reading (森山裕 -> Hiroshi Moriyama,
        ``reading: ja``), a Hong Kong one in Hong Kong's Cantonese spelling (田北辰 -> Tin Pak-sun,
        ``reading: yue``; also any name without a country in an article from a Hong Kong outlet),
        a Vietnamese one in its Sino-Vietnamese reading (范明政 -> Pham Minh Chinh, ``reading: vi``),
        else :meth:`_pinyin`."""
        if country == "":
            country = self._name_country(u, a, b)
        if country is None and b - a >= 4 and self._japanese_shape(u, a):
            country = "jp"  # 所長松田隆之: a Japanese name's shape, with no country named
        if self._korean(u, a, country):
            en = self._korean_names.romanize(u.text[a:b], u.sh[a:b])
            if en:
                return en, {"romanized": True, "reading": "ko"}
        elif country == "jp":
            names, text = self._japanese_names, u.text[a:b]
            parts = names.name_at(text)
            # the whole name; a surname alone (佐藤: Sato); or only the surname of a name whose given
            # name UniDic cannot read (加藤馨祐: Kato, not a Mandarin reading of all four characters)
            en = names.english(text) or names.surname(text) or (parts.surname if parts is not None else None) \
                or (names.surname(text[:2]) if len(text) == 4 else None)  # 藤田文武: Fujita
            if en:
                return en, {"romanized": True, "reading": "ja"}
        elif country == "vn":
            en = self._vietnamese_names.romanize(u.text[a:b])
            if en:
                return en, {"romanized": True, "reading": "vi"}
        elif country in ("hk", "mo") or country is None and self._home_country() in ("hk", "mo"):
            en = self._cantonese_names.romanize(u.text[a:b])
            if en:
                return en, {"romanized": True, "reading": "yue"}
        return self._pinyin(u.sh[a:b], country=country), {"romanized": True}

    def _name_country(self, u: _Unit, a: int, b: int) -> str | None:
        """The country of the name at [a, b): its clause's (:meth:`_clause_country`), else that of a
        title only one country uses right after or right before it (小泉防衛大臣, 統合幕僚長吉田圭秀: Japan)."""
        country = self._clause_country(u, a)
        if country is None:  # 小泉防衛大臣, 統合幕僚長吉田圭秀: the title after or right before the name
            titles = self.rules.data.get("country_titles", {})
            country = next((c for title, c in titles.items() if u.sh.startswith(title, b) or u.sh.endswith(title, 0, a)), None)
        if country is None and b - a >= 2 and not self._surname_first(u.sh[a:b]) and self._japanese_names.surname(u.text[a:a + 2]):
            country = "jp"  # 官房副長官佐藤|啟: a Japanese surname no Chinese name begins with (not "Tso Teng")
        return country

    def _korean(self, u: _Unit, a: int, country: str | None) -> bool:
        """A surname only Koreans bear (朴), or Korea named last before the name in its clause."""
        sh = u.sh
        return sh[a:a + 1] in self.rules["korean_surnames"] or sh[a:a + 2] in self.rules["korean_surnames"] \
            or country in self.rules["korean_countries"] or country is None and self._korean_source

    def _clause_country(self, u: _Unit, a: int) -> str | None:
        """The country of the last linked entity before ``a`` in its clause: 南韓國會議長X,
        共同民主黨黨魁X, 首爾大學教授X are Korean, 日本自民黨幹事長X Japanese; in 韓國總統A與日本首相X
        the last one, Japan, counts.  A country that is a subject of study (社科院日本研究所研究員X,
        韓國問題專家X) or a posting (駐韓代表X, 旅日學者X) says nothing of the person's nationality.
        With no country in the clause, a title only one country uses decides (官房長官X: Japan)."""
        start = max(a - 24, 0)
        window = _LATIN_BRACKETS.sub(lambda m: " " * len(m.group()), u.sh[start:a])  # 研究所（JIIA）研究員X
        for m in _CLAUSE_MARK.finditer(window):
            start = max(a - 24, 0) + m.end()
        best, country = -1, None
        topics, posted = self.rules["country_topic_words"], self.rules["country_posting_before"]
        for e in u.ents:
            if not (start <= e.start and e.end <= a and e.end > best and e.kb_id and not e.members):
                continue
            entry = self.kb.get(e.kb_id) if self.kb is not None else None
            c = _country_of(entry) if entry is not None else None
            if c:
                # 日本|研究所研究員 (a subject), 駐|韓代表 (a posting): the last country, but no nationality
                # — except the sender's, right before 駐 (日本駐中國大使X: Japanese)
                silent = entry.type == "GPE" and ((topics and u.sh.startswith(tuple(topics), e.end))
                                                  or u.sh[e.start - 1:e.start] in posted)
                sender = silent and best == e.start - 1 and u.sh[best:e.start] == "驻"
                best, country = e.end, country if sender else None if silent else c
        if best < 0:  # no country named: a title only one country uses (官房長官, 防衛大臣)
            before = u.sh[start:a]
            for title, c in self.rules.data.get("country_titles", {}).items():
                if before.endswith(title):
                    return c
            # 該黨代表X, 該國外長X: the party or country the text named last (in an earlier sentence)
            ref = _THAT_BODY.search(before)
            if ref is not None:
                return self._last_country.get("GPE" if ref.group() == "该国" else "ORG")
        return country

    def _japanese_shape(self, u: _Unit, a: int) -> bool:
        """With no country in the clause: a name of four characters or more that opens with a
        two-character Japanese surname, no Chinese compound one (所長松田隆之: Matsuda, not 松 + 田隆之)."""
        parts = self._japanese_names.name_at(u.text[a:a + 6])
        return parts is not None and parts.length >= 4 and u.sh[a:a + 2] not in self.rules["compound_surnames"] \
            and self._japanese_names.surname(u.text[a:a + 2]) is not None

    def _japanese_person(self, u: _Unit, a: int) -> bool:
        """The Japanese name MeCab finds at ``a`` after a title, ending on a word boundary."""
        parts = self._japanese_names.name_at(u.text[a:a + 6])
        if parts is None or not u.free(a, a + parts.length) or not self._name_end(u, a + parts.length):
            return False  # a name that would end inside a word (鈴木馨|祐) is not this one
        b = a + parts.length
        nxt = u.token_at(b)
        if nxt is not None and nxt.end - nxt.start == 1 and _HAN.match(nxt.norm) \
                and nxt.norm not in self.rules["not_name_chars"] and u.free(b, b + 1):
            b += 1  # 加藤馨|祐表示: the given name goes on past what UniDic could read (no reading then)
        self._person(u, a, b)
        return True

    def _name_end(self, u: _Unit, end: int) -> bool:
        """A name may end here: at a word boundary, or before function characters jieba glued to
        it (神保謙|則, 森山裕|說)."""
        if end in u.endset:
            return True
        tok = u.token_at(end)
        return tok is not None and tok.start < end and all(c in self.rules["not_name_chars"] for c in u.sh[end:tok.end])

    def _korean_person(self, u: _Unit, a: int) -> bool:
        """Three Han characters after a title in a Korean clause, from a surname Koreans bear to a
        word boundary, not ending in a function character (在 is a common Korean given-name
        syllable, so only the last counts): 會長李在|鎔表示 -> 李在鎔."""
        names = self._korean_names
        return self._three_character_person(u, a, lambda text: names.split(text)[0] in names.surnames)

    def _vietnamese_person(self, u: _Unit, a: int) -> bool:
        """Three Han characters after a title in a Vietnamese clause, from a Vietnamese surname to a
        word boundary: 副總理黎明|凱與 -> 黎明凱 (jieba reads 黎明 "dawn")."""
        return self._three_character_person(u, a, lambda text: u.sh[a] in self.rules["vietnamese_surnames"])

    def _three_character_person(self, u: _Unit, a: int, surname_first: Callable[[str], bool]) -> bool:
        """A person of three Han characters at ``a`` (up to a word boundary, not ending in a function
        character) whose start ``surname_first`` (given the text as written) accepts."""
        b = a + 3
        name = u.sh[a:b]
        if len(name) < 3 or not _HAN_WORD.fullmatch(name) or name[-1] in self.rules["not_name_chars"] \
                or not self._name_end(u, b) or not u.free(a, b) or not surname_first(u.text[a:b]) \
                or self._no_given_name(name[1:]):
            return False
        self._person(u, a, b)
        return True

    def _no_given_name(self, given: str) -> bool:
        """Words that cannot be a given name after a surname: a speech verb (賴總統|表示：) or an
        adverb, preposition or conjunction (議員|都|公開說: 都 is a surname, 公開 no name)."""
        r = self.rules
        return given in r["speech_verbs"] or given in r["not_given_names"] or (
            len(given) >= 2 and given[-1] in r["count_measures"] and all(c in r["count_numerals"] for c in given[:-1])
        ) or (self._is_word(given) and self.seg.tag(given) in ("d", "ad", "p", "c", "u", "uj", "r"))

    # the name readers, each loaded at the first name it reads
    @cached_property
    def _japanese_names(self):
        from .japanese import JapaneseNames

        return JapaneseNames.load()

    @cached_property
    def _korean_names(self):
        from .korean import KoreanNames

        return KoreanNames.load(self.seg.converter.convert)

    @cached_property
    def _vietnamese_names(self):
        from .vietnamese import VietnameseNames

        return VietnameseNames.load()

    @cached_property
    def _cantonese_names(self):
        from .cantonese import CantoneseNames

        return CantoneseNames.load()

    @cached_property
    def _exercise_series(self) -> dict[str, str]:
        """The names of exercise series the KB holds one of, in the shadow script, with their English:
        海峡雷霆 -> Strait Thunder (from 海峽雷霆-2025A, Strait Thunder-2025A)."""
        out: dict[str, str] = {}
        if self.kb is None:
            return out
        for form, ids in self.kb.forms().items():
            zh = _SERIES_YEAR.match(form)
            entry = self.kb.get(ids[0]) if zh and len(ids) == 1 else None
            en = _SERIES_YEAR.match(entry.en) if entry is not None and entry.type == "EVENT" else None
            if zh and en:
                out.setdefault(zh.group(1), en.group(1))
        return out

    @cached_property
    def _infix_re(self) -> re.Pattern:
        r = self.rules
        surnames = "".join(sorted(s for s in r["surnames"] if len(s) == 1))
        titles = "|".join(sorted(r["infix_titles"], key=len, reverse=True)) or "(?!)"
        after = "|".join(sorted(r["infix_title_followers"], key=len, reverse=True)) or "(?!)"
        return rx.compile(f"(?:(?<=请)|(?<=主席)|(?<![\u3400-\u9fff]))([{surnames}])(?:{titles})([\u3400-\u9fff]{{1,2}}?)(?=[：:）)]|{after}|$)"
                          if surnames else "(?!)")

    def _infix_names(self, u: _Unit) -> None:
        """馬委員文君, 顧部長立雄: a surname, a title and a given name, opening a turn of a record
        (馬委員文君：, 主席（陳委員冠廷）：) or announced by the chair (請馬委員文君發言), or named
        after 主席 in the record's header (主席 陳召集委員冠廷), is one PERSON; its English is
        the person's (馬文君 -> Ma Wen-chun), with ``name`` the name without the title."""
        if "：" not in u.sh and ":" not in u.sh and "请" not in u.sh and "主席" not in u.sh:
            return
        for m in self._infix_re.finditer(u.sh):
            a, b = m.span()
            if not u.free(a, b) or self._no_given_name(m.group(2)):
                continue
            if u.sh[b : b + 1] not in ("：", ":") and self.seg.tag(m.group(2))[:1] in ("v", "a", "d"):
                continue  # 請馬委員尊重發言委員: a verb after the title, no given name
            if u.sh[a:b] in self.names:
                continue  # 韓總統室：: a body the knowledge base names, not 韓 + 總統 + a given name
            full = m.group(1) + m.group(2)
            name = u.text[m.start(1)] + u.text[m.start(2):m.end(2)]  # as written
            hit = self.names.get(full)
            entry = next((x for x in map(self.kb.get, hit[0]) if x is not None and x.type == "PERSON"), None) \
                if hit and self.kb is not None else None
            if entry is not None:
                u.add(Entity(u.text[a:b], a, b, "PERSON", entry.id, entry.en, "kb", extra={"name": name}))
            else:
                u.add(Entity(u.text[a:b], a, b, "PERSON", None, self._pinyin(full), "rule", extra={"name": name, "romanized": True}))

    def _speaks_later(self, u: _Unit, nxt) -> bool:
        """Does a speech verb end the clause that a time, place or manner phrase opens right after a
        guessed name (羅冠聰|在社交媒體發文批評, 羅冠聰|昨日在倫敦表示)?"""
        if nxt.pos[:1] not in ("p", "t", "d") or self._is_title(u.sh[nxt.start - 2 : nxt.start]):
            return False  # (李總統今天表示: a surname and a title)
        tokens = u.tokens
        k = tokens.index(nxt)
        for t in tokens[k + 1 : k + 9]:
            if _CLAUSE_MARK.fullmatch(t.norm) or t.pos == "nr":
                return False
            if t.norm in self.rules["speech_verbs"]:
                return True
        return False

    def _compound_surname_names(self, u: _Unit) -> None:
        """A two-character surname jieba keeps as a word of its own (歐陽|志遠, 司馬|文), then a
        given name of one or two characters, as the subject of a speech or person verb, before
        punctuation or after a title (學者歐陽志遠表示, 歐陽志遠則…)."""
        r = self.rules
        toks = u.tokens
        for i, t in enumerate(toks[:-1]):
            if t.norm not in r["compound_surnames"] or not u.free(t.start, t.end):
                continue
            n1 = toks[i + 1]
            if n1.start != t.end or not 1 <= len(n1.norm) <= 2 or not _all_han(n1.norm) or n1.norm[0] in r["not_name_chars"] \
                    or not (n1.pos.startswith("nr") or len(n1.norm) == 1 or not self._is_word(n1.norm)):
                continue
            n2 = toks[i + 2] if i + 2 < len(toks) and toks[i + 2].start == n1.end else None
            titled = i > 0 and toks[i - 1].end == t.start and self._is_title(toks[i - 1].norm)
            before_verb = n2 is not None and (n2.norm in r["speech_verbs"] or n2.norm in r["person_verbs"]
                                              or n2.norm in r["not_name_chars"] and n2.pos == "d")
            if titled and (n2 is None or not _HAN.match(n2.norm[:1]) or before_verb) or before_verb:
                self._person(u, t.start, n1.end)

    def _pos_names(self, u: _Unit) -> None:
        """jieba ``nr``/``ns``/``nt`` tokens.  jieba's tags are noisy (龍蝦/nr, 英里/ns), so a token
        counts only when the dictionary gives it a proper-noun gloss (capitalised: 雅典 Athens,
        李開復 Kai-Fu Lee) or, for a word the dictionary lacks, when its shape says so (a surname
        for a person, a place suffix such as 島/州, an organisation suffix such as 黨/基金會)."""
        r = self.rules
        for t in u.tokens:
            norm, pos = t.norm, t.pos
            if pos not in ("nr", "ns", "nt") or len(norm) < 2 or not _HAN_WORD.fullmatch(norm) \
                    or not u.free(t.start, t.end):
                continue
            if norm in r["not_people" if pos == "nr" else "not_places" if pos == "ns" else "not_orgs"]:
                continue
            if pos == "ns" and _numeric(norm) or day_of_date(u.sh, t.start):
                continue
            gloss = self.glosser.lookup(t.text, norm, pos) if self.glosser is not None else None
            if gloss and not gloss.startswith("~"):
                if not gloss[:1].isupper():
                    continue  # a common word: lobster, mile, non-governmental
                short_place = pos == "ns" and len(norm) == 2 and not any(norm.endswith(x) for x in r["place_suffixes"])
                en = _clean_gloss(gloss)
                label = self._label(pos, norm)
                if label == "PERSON":  # Kai-Fu Lee, not Gundam (高達), Tennessee or Emmy Award
                    words = en.split()
                    if len(norm) < 3 or not self._surname_first(norm) or len(words) < 2 \
                            or any(w in r["not_person_words"] for w in words) \
                            or any(w[:1].islower() and w not in _NAME_PARTICLES
                                   for w in re.split(r"\s*[(;,/]", gloss, maxsplit=1)[0].split()):
                        continue  # (韓若能 'South Korea if can': a gloss put together from words, no name)
                else:
                    hits = [e for e in self.kb.by_english(en) if _same_kind(e.type, label)] if self.kb is not None else []
                    if len(hits) == 1:
                        e = hits[0]
                        u.add(Entity(t.text, t.start, t.end, e.type, e.id, e.en, "rule"))
                        continue
                    if short_place:
                        continue  # two characters the KB does not know: 韓流 (Korean Wave), 福特, 金川
                u.add(Entity(t.text, t.start, t.end, label, None, en, "rule"))
                continue
            if pos == "nr":  # a guessed name: only as the subject of a speech verb, or alone (a byline)
                nxt = u.token_at(t.end)
                alone = t.start == 0 and t.end == len(u.sh)
                if len(norm) == 3 and self._surname_first(norm) and norm[-1] not in r["not_name_chars"] \
                        and (alone or _AGED_BEFORE.search(u.sh, max(0, t.start - 5), t.start) or _AGED_AFTER.match(u.sh, t.end)
                             or (nxt is not None and nxt.start == t.end
                                 and (nxt.norm in r["speech_verbs"] or self._speaks_later(u, nxt)))):
                    # (63歲的陳金水, 許雅婷（34歲）: a person's age says it is a person)
                    self._person(u, t.start, t.end)
            elif len(norm) < 3:
                continue
            elif pos == "ns":
                if any(norm.endswith(x) for x in r["place_suffixes"]):
                    self._romanized(u, t, self._label(pos, norm))
            elif any(norm.endswith(x) for x in r["org_suffixes"]) and not any(norm.endswith(x) for x in r["not_org_endings"]):
                self._romanized(u, t, "ORG")

    def _institutions(self, u: _Unit) -> None:
        """An institution the knowledge base lacks: nouns right before a head such as 研究所 or
        基金會 (國家安全研究所, 台灣民意基金會).  A country named inside becomes part of it.  The
        English is the words' glosses in title case (National Security Institute),
        marked ``translated``; pinyin where a word has no gloss."""
        heads, r = self.rules["institution_heads"], self.rules
        if not any(h in u.sh for h in heads):
            return
        toks, modifier_pos = u.tokens, r["institution_modifier_pos"]
        for k, t in enumerate(toks):
            if not u.free(t.start, t.end) or k == 0:
                continue
            if t.norm not in heads:  # 工業協會: a word that ends in a head, after a name (德國)
                if not t.norm.endswith(tuple(heads)) or not _HAN_WORD.fullmatch(t.norm) or \
                        not any(e.end == t.start and e.label == "GPE" for e in u.ents):
                    continue
            j = k
            joined = 0  # conjunctions passed (they do not count as words)
            while j > 0 and k - j < 4 + joined:
                p = toks[j - 1]
                inside = [e for e in u.ents if p.start < e.end and e.start < p.end]
                named = len(inside) == 1 and inside[0].label == "PERSON" and (inside[0].start, inside[0].end) == (p.start, p.end)
                if named and p.end == toks[j].start and t.end - p.start <= 12:
                    j -= 1  # a person the institution is named after, its first word: 李光耀|公共政策|學院
                    break
                if p.norm in ("与", "和", "及") and j > 1 and j < k and toks[j - 2].pos in modifier_pos \
                        and toks[j - 2].end == p.start and t.end - toks[j - 2].start <= 12 \
                        and not any(e.start < toks[j].end and toks[j - 2].start < e.end for e in u.ents):
                    j -= 1  # 國防資源與產業研究所: two fields (not two countries) joined in one name
                    joined += 1
                    continue
                if p.end != toks[j].start or not _HAN_WORD.fullmatch(p.norm) or p.pos not in modifier_pos \
                        or p.norm in r["institution_descriptors"] or p.norm[-1:] in _DETERMINERS \
                        or self._is_title(p.norm) or t.end - p.start > 12 \
                        or any(e.label not in ("GPE", "LOC") or e.start < p.start or e.end > p.end for e in inside):
                    break
                j -= 1
            if (j == k and t.norm in heads) or all(x.norm in r["institution_generic"] for x in toks[j:k]) \
                    and t.norm in heads:
                continue  # 頂尖大學, 美國大學: a description
            if t.norm in heads and all(any(e.members and e.start <= x.start and x.end <= e.end for e in u.ents)
                                       for x in toks[j:k]):
                continue  # 美日聯盟: a cluster of countries and a head describe
            if toks[j].norm in ("与", "和", "及"):
                j += 1  # the walk stopped right after a conjunction
            a = toks[j].start
            for e in [e for e in u.ents if a <= e.start and e.end <= t.end]:
                u.remove(e)
            words = [self._word_english(x) for x in toks[j:k + 1]]
            parts = [x.norm for x in toks[j:k + 1]]
            head = next((h for h in sorted(heads, key=len, reverse=True) if t.norm.endswith(h)), None)
            if t.norm not in heads and head is not None and words[-1] is None:
                # 布勒哲爾研究所 as one token: its name and its head (Bulezheer Institute)
                rest = t.norm[: -len(head)]
                g = self.glosser.lookup(rest, rest, "n") if self.glosser is not None else None
                words[-1:] = [re.split(r"[;,/(]", g)[0].strip() if g and not g.startswith("~") and g.isascii() else None,
                              self.rules.data["institution_words"].get(head)]
                parts[-1:] = [rest, head]
            en, extra = self._name_english(words, u.sh[a:t.end], keep_lower=("and", "of"), parts=parts)
            u.add(Entity(u.text[a:t.end], a, t.end, "ORG", None, en, "rule", extra=extra))

    def _party_branches(self, u: _Unit) -> None:
        """A party's branch: the party, the place it serves and 黨部 (國民黨金門縣黨部: KMT Kinmen
        branch; 國民黨中央黨部: KMT headquarters).  One ORG with ``part_of`` the party's id."""
        if "党部" not in u.sh:
            return
        for t in u.tokens:
            found = [e for e in u.ents if e.start < t.end and t.start < e.end]
            if not t.norm.endswith("党部") or any(e.kb_id or (e.start, e.end) != (t.start, t.end) for e in found):
                continue  # (中央黨部 as a name of its own, found by its tag, is replaced)
            place = next((e for e in u.ents if e.end == t.start and e.label == "GPE"), None) if t.norm == "党部" else None
            central = t.norm == "中央党部" or u.sh.endswith("中央", 0, t.start)  # (国民党中央|党部 as cut here)
            before = place.start if place is not None else t.start - 2 if t.norm == "党部" and central else t.start
            party = next((e for e in u.ents if e.end == before and e.label == "ORG" and e.kb_id
                          and u.sh[e.start:e.end].endswith("党")), None)
            entry = self.kb.get(party.kb_id) if party is not None and self.kb is not None else None
            if entry is None or (place is None and not central):
                continue
            short = next((a for a in entry.en_aliases if a.isupper()), entry.en)
            en = f"{short} {place.en} branch" if place is not None else f"{short} headquarters"
            for e in (party, place, *found):
                if e is not None:
                    u.remove(e)
            u.add(Entity(u.text[party.start:t.end], party.start, t.end, "ORG", None, en, "rule", extra={"part_of": entry.id}))

    def _schools(self, u: _Unit) -> None:
        """A school right after its university's name is part of that university, not the body the
        KB or the dictionary knows by the same short name: 喬治城大學|外交學院 is Georgetown's, not China
        Foreign Affairs University.  Its English comes from its words (Diplomacy College), ``translated``."""
        for e in list(u.ents):
            if e.label != "ORG" or e.extra.get("translated") or not e.text.endswith(("學院", "学院", "研究所", "學系", "学系")):
                continue
            if not any(x.end == e.start and x.label == "ORG" and "University" in (x.en or "") for x in u.ents):
                continue
            if e.kb_id and "University" not in (e.en or ""):
                continue  # the KB's own school of that university (李光耀公共政策學院)
            name = u.sh[e.start:e.end]
            head = next(h for h in ("学院", "研究所", "学系") if name.endswith(h))
            rest = name[: -len(head)]
            g = self.glosser.lookup(rest, rest, "n") if self.glosser is not None and rest else None
            words = [re.split(r"[;,/(]", g)[0].strip() if g and not g.startswith("~") else None,
                     self.rules.data["institution_words"].get(head) or "Department"]
            en, extra = self._name_english(words, name, keep_lower=("and", "of"))
            u.remove(e)
            u.add(Entity(e.text, e.start, e.end, "ORG", None, en, "rule", extra=extra))

    def _documents(self, u: _Unit) -> None:
        """A title in book-title marks ending in 法, 條例, 白皮書 … that the KB lacks is a named
        document (POLICY): 《經濟安全保障推進法》; English from the words' glosses, ``translated``."""
        if "《" not in u.sh and "「" not in u.sh:
            return
        heads, words = self.rules["document_heads"], self.rules.data["document_words"]
        quoted_heads, not_titles = self.rules["quoted_document_heads"], self.rules["quoted_document_not"]
        titles = [(m, heads) for m in _BOOK_TITLE.finditer(u.sh)] if "《" in u.sh else []
        if "「" in u.sh:  # 「強化防衛韌性及不對稱戰力計畫採購特別條例」: a law in quotation marks, not words quoted
            titles += [(m, quoted_heads) for m in _QUOTED_TITLE.finditer(u.sh)
                       if not any(c in not_titles for c in m.group(1))]
        for m, ends in titles:
            a, b = m.span(1)
            inner = m.group(1)
            if not any(inner.endswith(h) for h in ends) or a not in u.startset or b not in u.endset:
                continue
            if any(e.start < b and a < e.end and (e.label not in ("GPE", "LOC") or e.start < a or e.end > b) for e in u.ents):
                continue  # a name the KB knows, or one that runs past the marks
            owners = next((e for e in u.ents if e.end == m.start() and e.label == "GPE"), None)
            hit = self.names.get(u.sh[owners.start:owners.end] + inner) if owners is not None else None
            known = self._kb_entity(u, a, b, hit[0], set()) if hit is not None else None
            if known is not None:  # 美菲《共同防禦條約》: the KB's 美菲共同防禦條約, its countries outside the marks
                for e in [e for e in u.ents if a <= e.start and e.end <= b]:
                    u.remove(e)
                u.add(known)
                continue
            places = {}  # the English of places and clusters inside: 《美日韓大衛營協議》
            for e in [e for e in u.ents if a <= e.start and e.end <= b]:
                places[e.start, e.end] = e.en
                u.remove(e)
            toks = [t for t in u.tokens if a <= t.start and t.end <= b]
            toks = [t for k, t in enumerate(toks) if not (t.norm == "年" and k and toks[k - 1].norm.isdigit())]  # 2017 年 …法案: 2017
            modifiers = self.rules.data["document_modifiers"]
            english = [places.get((t.start, t.end)) or (k + 1 < len(toks) and modifiers.get(t.norm)) or words.get(t.norm)
                       or self._word_english(t) for k, t in enumerate(toks)]
            english = _literal_runs(english, toks)  # 9·19韓朝經濟協議: 9.19, then the words
            en, extra = self._name_english(english, inner, keep_lower=("and", "of"))
            u.add(Entity(u.text[a:b], a, b, "POLICY", None, en, "rule", extra=extra))

    def _name_english(self, words: list[str | None], simp: str, keep_lower: tuple[str, ...] = (),
                      parts: list[str] | None = None) -> tuple[str, dict]:
        """A name's English from its words' English in title case (marked ``translated``), or its
        pinyin (``romanized``) when a word has none.  Given the words themselves (``parts``), a
        name whose head has English keeps it and only the other words are in pinyin (布勒哲爾研究所:
        Bulezheer Institute; both marks)."""
        if all(words):
            titled = (w if w in keep_lower else w[:1].upper() + w[1:] for g in words for w in g.split())  # type: ignore[union-attr]
            return " ".join(titled), {"translated": True}
        if parts is not None and len(parts) == len(words) and words[-1]:
            mixed = [w or self._pinyin(p, person=False) for w, p in zip(words, parts)]
            titled = (w if w in keep_lower else w[:1].upper() + w[1:] for g in mixed for w in g.split())
            return " ".join(titled), {"translated": True, "romanized": True}
        return self._pinyin(simp, person=False), {"romanized": True}

    def _word_english(self, t: Token) -> str | None:
        """A word's English inside a name: a country's name, else its first gloss sense."""
        kb = self.kb.get(self.names[t.norm][0][0]) if self.kb is not None and t.norm in self.names else None
        if kb is not None and kb.type in ("GPE", "LOC"):
            return kb.en
        fixed = self.rules.data["institution_words"].get(t.norm)
        if fixed:
            return fixed
        g = self.glosser.lookup(t.text, t.norm, t.pos) if self.glosser is not None else None
        if not g or g.startswith("~") or not g.isascii():
            return None
        return re.split(r"[;,/(]| or (?=[A-Z])", g)[0].strip() or None  # Clark or Clarke: Clark

    def _surname_first(self, norm: str, byline: bool = False) -> bool:
        """Does ``norm`` begin with a surname (and is it short enough for a name)?  In a byline or a
        credit (``byline``) the surnames that are also everyday words count too."""
        r = self.rules
        return (len(norm) <= 3 and (norm[:1] in r["surnames"] or byline and norm[:1] in r["byline_surnames"])) \
            or (norm[:2] in r["compound_surnames"] and len(norm) <= 4)

    def _label(self, pos: str, norm: str) -> str:
        if pos == "nr":
            return "PERSON"
        if pos == "nt":
            return "ORG"
        return "LOC" if any(norm.endswith(s) for s in self.rules["loc_suffixes"]) else "GPE"

    def _romanized(self, u: _Unit, t: Token, label: str) -> None:
        """A place or organisation no dictionary knows, in pinyin; a place's administrative suffix
        is dropped (帕盧市 -> Palu, not Palushi), an organisation's kept."""
        stem = t.norm
        if label != "ORG":
            for suffix in sorted(self.rules["romanize_drop_suffixes"], key=len, reverse=True):
                if stem.endswith(suffix) and len(stem) - len(suffix) >= 2:
                    stem = stem[:-len(suffix)]
                    break
        u.add(Entity(t.text, t.start, t.end, label, None, self._pinyin(stem, person=False), "rule",
                     extra={"romanized": True}))

    def _elections(self, u: _Unit) -> None:
        """A year or a country/parliament right before an election word is one EVENT:
        2024 年大選, 美國國會選舉.  A bare 大選 is not tagged."""
        words = self.rules["election_words"]
        if not words or not self.election_re.search(u.sh):
            return
        for e in list(u.ents):
            if e.label == "DATE" and re.fullmatch(r"\d{4}", str(e.extra.get("value", ""))):
                head = f"{e.extra['value']}"
            elif e.label == "ORG" and e.kb_id and _LEGISLATURE.search(e.en or ""):  # 美國國會選舉 (not 美國選舉,
                head = e.en or ""  # nor 政治大學|選舉研究中心)
            else:
                continue
            tok = u.token_at(e.end)
            if tok is None or tok.start != e.end or tok.norm not in words:
                continue
            nxt = u.token_at(tok.end)
            if nxt is not None and nxt.start == tok.end and nxt.norm in _ELECTION_COMPOUNDS:
                continue  # 2021年選舉|制度改變後: the year the electoral system changed, no election
            u.remove(e)
            extra = {"value": e.extra["value"]} if e.label == "DATE" else {}
            kind = self.rules.data["election_english"].get(tok.norm, "election") if e.label == "DATE" else "election"
            entry = self._election_entry(head, kind, self._clause_country(u, e.start)) if e.label == "DATE" else None
            if entry is not None:  # 自民黨在2024年大選中: the KB's 2024 Japanese general election
                u.add(Entity(u.text[e.start:tok.end], e.start, tok.end, "EVENT", entry.id, entry.en, "kb", extra=extra))
                continue
            u.add(Entity(u.text[e.start:tok.end], e.start, tok.end, "EVENT", None, f"{head} {kind}", "rule",
                         extra=extra))

    @cached_property
    def _elections_by_country_year(self) -> dict[tuple[str, str], list]:
        """The KB's elections by (country, year): entries of type EVENT whose English name begins
        with the year and says election."""
        out: dict[tuple[str, str], list] = {}
        for entry in self.kb or ():
            year = entry.en[:4]
            if entry.type == "EVENT" and year.isdigit() and "election" in entry.en.lower() and _country_of(entry):
                out.setdefault((_country_of(entry), year), []).append(entry)
        return out

    def _election_entry(self, year: str, kind: str, country: str | None):
        """The one election the KB holds for the country named last in the clause in that year,
        or of that kind among several (presidential, general, local …)."""
        if not country:
            return None
        found = self._elections_by_country_year.get((country, year), [])
        fits = _ELECTION_KINDS.get(kind.split()[0])  # 大選 a general or presidential election, not 2025's upper house
        if fits is not None:
            found = [x for x in found if any(w in x.en for w in fits)]
        return found[0] if len(found) == 1 else None

    def _exercises(self, u: _Unit) -> None:
        """A named military exercise the KB lacks: a name and its year (and letter) before an
        exercise word, quoted or not (「正義使命-2025」演習 → EVENT "Justice Mission-2025")."""
        if "演" not in u.text:
            return
        words = self.rules["exercise_words"]
        for m in _EXERCISE.finditer(u.sh):
            a, b = m.span("name") if m.group("name") else m.span("bare")
            rest = u.sh[m.end():]
            if not any(rest.startswith(w) for w in words) or not u.free(a, m.end("year")) \
                    or m.group("bare") and a not in u.startset:
                continue  # a bare name starts a word: 舉行|海峽利刃-2026, not 行海峽利…
            name = self._exercise_series.get(u.sh[a:b])  # 海峽雷霆-2025B: the KB knows 海峽雷霆-2025A
            if name is None:
                gloss = self.glosser.lookup(u.text[a:b], u.sh[a:b], "nz") if self.glosser is not None else None
                if not gloss or gloss.startswith("~") or not gloss.isascii():
                    continue
                name = " ".join(w[:1].upper() + w[1:] for w in gloss.split())
            end = m.end("year")
            u.add(Entity(u.text[a:end], a, end, "EVENT", None, f"{name}-{m.group('year')}", "rule",
                         extra={"translated": True}))

    # -- English for names ------------------------------------------------------------------------
    def _pinyin(self, simp: str, person: bool = True, country: str | None = None) -> str:
        """Pinyin in Title Case, surname first: 李强 -> Li Qiang, 欧阳修 -> Ouyang Xiu.  A person in
        a Traditional-script (Taiwanese) article is written as Taiwan writes names in English:
        Wade-Giles without apostrophes, the given name hyphenated (陳韻聿 -> Chen Yun-yu) — unless
        the clause makes the person Mainland Chinese (``country`` cn: 東部戰區新聞發言人施毅 -> Shi
        Yi), whose names English writes in pinyin wherever they are quoted."""
        from .readings import lazy_pinyin

        han = "".join(c for c in simp if _HAN.match(c))
        if not han:
            return simp
        readings = self.rules.data.get("surname_readings", {})
        if not person or len(han) < 2:
            return "".join(lazy_pinyin(han, errors="ignore", v_to_u=True)).capitalize()
        k = 2 if han[:2] in self.rules["compound_surnames"] and len(han) > 2 else 1
        if self._home_country() == "tw" and country != "cn":
            return _taiwan_style(han[:k], han[k:], readings.get(han[:k]))
        sur = readings.get(han[:k]) or "".join(lazy_pinyin(han[:k], errors="ignore", v_to_u=True))
        given = "".join(lazy_pinyin(han[k:], errors="ignore", v_to_u=True))
        return f"{sur.capitalize()} {given.capitalize()}".strip()


def _taiwan_style(surname: str, given: str, reading: str | None) -> str:
    """陳 + 韻聿 -> Chen Yun-yu: Wade-Giles syllables without apostrophes or umlauts."""
    from .readings import lazy_pinyin

    def plain(syllable: str) -> str:
        return syllable.replace("'", "").replace("’", "").replace("v", "u").replace("ü", "u")

    if reading:  # a surname read its own way (曾 Zeng): its Wade-Giles form, unless not Mandarin (朴 Park)
        wg = _wade_giles(reading.lower())
        sur = plain(wg) if wg and wg != reading.lower() or reading.lower() in _MANDARIN_SAME else reading.lower()
    else:
        sur = "".join(plain(_wade_giles(x)) for x in lazy_pinyin(surname, errors="ignore", v_to_u=False))
    parts = [plain(_wade_giles(x)) for x in lazy_pinyin(given, errors="ignore", v_to_u=False)]
    name = "-".join(parts).capitalize()
    return f"{sur.capitalize()} {name}".strip()


#: syllables pypinyin's Wade-Giles conversion (0.55) gets wrong: spelled the same in both systems, it
#: converts them again by their final (海 hai -> "hei", 賴 lai -> "lei", 火 huo -> "ho")
_WADE_GILES_SAME = frozenset({"ai", "hai", "lai", "mai", "nai", "sai", "wai", "yai", "shai", "huo", "shuo"})


def _wade_giles(syllable: str) -> str:
    from .readings import pypinyin_module

    pypinyin_module()  # imported the program's way before its submodule is
    from pypinyin.style.wadegiles import to_wade_glides

    return syllable if syllable in _WADE_GILES_SAME else to_wade_glides(syllable)


# Mandarin readings whose Wade-Giles form is spelled the same (so an unchanged spelling is still
# Mandarin, not a foreign reading such as Park)
_MANDARIN_SAME = {"shan", "hua", "miao", "ou", "ren", "shen", "yu", "li", "lin", "wang", "huang", "chang"}



def _place_name(en: str) -> str | None:
    """A place's name without what the dictionary adds (Incheon Metropolitan City → Incheon)."""
    name = _PLACE_TAIL.sub("", en.split("/")[0].split(",")[0]).strip()
    return name if name[:1].isupper() else None


def _country_of(entry) -> str | None:
    """The country an entry belongs to: its ``country``, or itself for a country (a GPE without one)."""
    if entry.country:
        return entry.country
    return entry.id if entry.type == "GPE" else None


#: the elections of the KB each kind of election word (entity_rules.yaml's election_english) may
#: name; a bare 選舉 "election" may name any
_ELECTION_KINDS = {"general": ("general", "presidential"), "presidential": ("presidential",),
                   "parliamentary": ("general", "legislative", "parliamentary"), "House": ("general", "House"),
                   "Senate": ("Senate", "Councillors"), "local": ("local",), "midterm": ("midterm",)}
#: a body whose election is one: a parliament or a chamber of one (美國國會選舉, 眾議院選舉)
_LEGISLATURE = rx.compile(r"Congress|Parliament|House|Senate|Diet|Assembly|Legislat|Council|Yuan", re.I)


def _longest_matches(text: str, lens: dict[str, tuple[int, ...]], forms) -> list[tuple[int, int]]:
    """Leftmost-longest, non-overlapping occurrences of ``forms`` in ``text`` (units are short: a
    scan over the characters is cheaper than compiling a pattern per document)."""
    out = []
    end = 0
    for i, ch in enumerate(text):
        if i < end or ch not in lens:
            continue
        for n in lens.get(text[i], ()):
            if i + n <= len(text) and text[i:i + n] in forms:
                out.append((i, i + n))
                end = i + n
                break
    return out


def _clean_gloss(gloss: str) -> str:
    """A dictionary gloss as a name: 'Guiyang prefecture-level city and capital of ...' -> 'Guiyang',
    'US Department of Energy' stays whole."""
    gloss = re.split(r"\s*[(;,/]|\s+or\s+", gloss, maxsplit=1)[0].strip()
    words = gloss.split()
    if len(words) > 3:
        keep = []
        for w in words:
            if not (w[:1].isupper() or w in _NAME_GLUE):
                break
            keep.append(w)
        while keep and keep[-1] in _NAME_GLUE:
            keep.pop()
        gloss = " ".join(keep) or words[0]
    return gloss


_NAME_GLUE = {"of", "the", "and", "for", "de", "on", "in"}


def _all_han(w: str) -> bool:
    return _HAN_WORD.fullmatch(w) is not None


def _same_kind(kb_type: str, label: str) -> bool:
    return kb_type == label or {kb_type, label} <= {"GPE", "LOC"}


def _numeric(word: str) -> bool:
    return word[0] in "一二两三四五六七八九十百千万几各全本该我他其邻盟大强小友敌诸多"
