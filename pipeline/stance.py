"""Stance stage: does a body sentence take a position, whose, about which entities, how surely.

The scheme follows MPQA (holder → attitude → target, with intensity) and the NTCIR MOAT opinion
task; it is written out with examples in ``pipeline/data/stance/README.md``.  Every body unit gets

    {bearing, types, holder, targets: [{text, kb_id, en, polarity}], cues: [{text, start, end, kind}],
     score, certainty, rule_score[, model_score]}

How (all per sentence, dictionary look-ups over the unit's Simplified shadow):

1. **Cues.**  The lexicons of ``pipeline/data/stance/`` (evaluative words, modality and hedges,
   reporting and attitude verbs, negators, intensifiers, question words) are indexed by their
   Simplified form's first two characters; at each character the few candidates are compared and
   the longest non-overlapping matches win.  A two-character match must coincide with token
   boundaries unless it sits inside a long compound token (公開批評); a one-character term (將, 會,
   不, 很) must be a whole token.  Cues inside an EVENT name (俄羅斯入侵烏克蘭) are not cues.
2. **Negation scope.**  A negator flips the polarity of the first evaluative or attitude word that
   starts within its scope (``negation.tsv``, 2–4 tokens) in the same clause; clauses end at
   ，；：。！？ (not at 、) and at 但/但是/然而/不過.  Two negators over one word cancel.
3. **Evidence and score.**  Evaluative strength × intensifier, modal and hedge weights, attitude
   verbs, a question mark; neutral speech verbs (表示, 說) count only when another cue is present.
   ``rule_score = E / (E + 2.5)``: one strong cue (必須, 譴責, 暴舉) gives 0.5.  With a stance model
   (``annotate --stance-model``) ``score`` is the mean of ``rule_score`` and the model's BEARING
   probability; ``bearing`` is ``score >= 0.5``.
4. **Types**: evaluation (evaluative evidence ≥ 1.5), prediction, prescription (modal cues,
   demand verbs), attributed (a reporting or attitude verb with a subject other than the author),
   question (？).  **Certainty**: hedged, certain or neutral, whichever side of the hedges and
   certainty markers weighs more.
5. **Holder** (:func:`_holder`): the subject of a reporting verb outside quotations, attitudes
   toward an object (批評) first: the nearest PERSON, else ORG/GPE, before it in its clause with
   no other verb between (北韓的外交部長 when the entity only modifies a role noun); else a pronoun
   (resolved to the last person named) or a role noun (專家, 官員) in the clause; after a closing
   quote the name before the verb (」Kavadarkov 說道); else the topic that opens the sentence.
   No reporting verb: ``"AUTHOR"``.
6. **Targets** (:func:`_targets`): a word whose role is *object* (批評, 支持, 不喜歡) gives its
   polarity to ``對X`` before it or the first entity after it in the clause; a *subject* word
   (暴舉, 擴張野心, 穩固) to the head it modifies (富有魅力的總統 X), else the nearest entity before
   it in the clause not after 對/與/向/使/被/在 (``中國的擴張野心``, ``尹錫悅鋌而走險發動戒嚴暴舉``),
   else a named policy it is part of, else the first entity after it when that is a partner
   (改善與日韓的關係) or the word is positive, else the subject of the previous clause.  Entities no
   word binds take their clause's clear net polarity, or in a reported position's complement the
   reporting verb's own (質疑, 警告) or, inside a quotation, the sentence's, else are neutral
   targets; places, titles before a name (美國總統川普) and entities acted upon (對台灣的霸凌,
   削弱日本) do not inherit.  The holder is never its own target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from . import rx
from .entities import tagger_for
from .entity_foreign import is_english_sentence
from .model import Document, Entity, Token, Unit, empty_stance
from .patterns import _traditional
from .segment import disposal_markers
from .stance_lexicon import DATA, Cue, Entry, Lexicon, find_cues  # noqa: F401  (re-exported)
from .transcript import QUESTION_LABELS, header_field, is_interviewer, is_transcript, speaker_label

THRESHOLD = 2.5  # evidence that makes rule_score 0.5
TARGET_LABELS = {"PERSON", "GPE", "ORG", "POLICY", "NORP"}  # places (LOC) are settings and events (俄羅斯入侵烏克蘭, 2024 年大選) occasions, not targets
ACTOR_LABELS = {"PERSON", "GPE", "ORG", "POLICY", "NORP"}  # what unbound entities must be to inherit a polarity
HOLDER_LABELS = {"PERSON", "ORG", "GPE"}
CLAUSE_PUNCT = set("，,；;：:。！!？?")  # not 、, which lists coordinated items
CONTRAST = {"但", "但是", "然而", "不过"}  # Simplified shadow forms; 卻 and 而 are adverbs after a subject
#: 透過北京的外交管道, 依據《兩岸人民關係條例》: the way something goes or its grounds, not its target
_CHANNELS = {"通过", "透过", "经由", "借由", "藉由", "依据", "根据", "按照", "依照"}
PREPOSITIONS = {"对", "与", "向", "和", "跟", "同", "对于", "与其"} | _CHANNELS
LOCATIVE = {"在", "于", "从", "自"}  # 在聯合國大會中: a place or time, not a subject
VENUE_WORDS = {"会谈", "峰会", "会议", "会晤", "会面", "论坛", "举行", "召开",  # after a place: where, not whom
               "有事", "紧急", "危机", "事态", "局势", "情势"}  # (台灣有事, 台灣緊急狀態: where a crisis would be)
PATIENT_MARKERS = {"使", "让", "令", "被", "遭", "给", "把"}  # X after these is acted upon, not the doer
COERCION = {"逼迫", "迫使", "强迫", "逼使", "促使"}  # 逼迫日本…退讓: made to act, as after 使
WEAK_CAP = 1.0  # topical words (strength ≤ 1: 民主, 合作, 制裁) add at most this much evidence per sentence
LIGHT_VERBS = {"提出", "表達", "表达", "發表", "发表", "作出", "做出", "進行", "进行", "發出", "发出", "予以", "加以",
               "出聲", "出声", "出面"}  # 提出抗議; 出聲要求, 出面表示: the verb that follows says what
PRONOUNS = ("他们", "她们", "它们", "佢哋", "他", "她", "它", "佢", "我们")  # 佢: Cantonese he/she
_THIRD_PERSON = ("他", "她", "佢")
_IT = ("它", "它们")  # a body, a country or a document
_ABOUT = ("针对", "对于", "关于", "有关")  # a clause opening with these names what is spoken about (shadow)
_OPENING_QUOTES, _CLOSING_QUOTES = ("「", "“", "『"), ("」", "”", "』")
#: role nouns that are documents (報告指出, 社論指出): a holder, but not where someone says it (在報告中)
#: nor what someone issues (發表社論批評, 提出報告)
_PAPERS = ("报告", "社论", "社评")  # after a body's name, its own words: the body holds them (朝鮮日報8日社論指出)
_DOCUMENT_ROLES = (*_PAPERS, "民调", "白皮书", "蓝皮书")
#: a name (with its title) and a colon before a quotation that is the rest of the sentence
_LABELLED_QUOTE = rx.compile(r"^([^，,。「」“”：:]{2,24})[：:]\s*[「“]")
#: a sentence opening with a statement and a verb of saying (聯合聲明說, 聲明還寫道; shadow forms)
_STATEMENT_SAYS = rx.compile(r"(联合声明|共同声明|声明)(?:也|还|并|更|则|亦|同时|中)?(?=说|称|重申|指出|表示|强调|写道|提到|呼吁|认为)")
_STATEMENT_EN = {"联合声明": "joint statement", "共同声明": "joint statement", "声明": "statement"}
AUTHOR_WORDS = ("笔者", "本文", "本报", "本刊", "吾人")  # the writer speaking of itself: 筆者認為
_FIRST_PERSON = rx.compile(r"(?<![自])我(?:也|还|并|都|则|仍|只|更|并不|也不|不|却|一直|始终|必须|不得不|只能|想|要|确实){0,2}$")


# -- clauses -----------------------------------------------------------------------------------------------
def clause_ids(text: str, shadow: str, tokens) -> list[int]:
    """Clause number of every character (and of the end of the text)."""
    # a new clause starts after a clause punctuation mark (or an emoji, which ends a post's sentence:
    # …互不隶属🙄 真是痴人说梦) and at a contrastive conjunction
    breaks = sorted({k + 1 for k, ch in enumerate(text) if ch in CLAUSE_PUNCT or ch >= "\U0001F000"}
                    | {t.start for t in tokens if t.end - t.start <= 2 and shadow[t.start : t.end] in CONTRAST})
    ids: list[int] = []
    prev = 0
    for c, b in enumerate(breaks):
        ids.extend([c] * (b - prev))
        prev = b
    ids.extend([len(breaks)] * (len(text) + 1 - prev))
    return ids


# -- the stance of one unit --------------------------------------------------------------------------------
@dataclass
class Context:
    """What a sentence may refer back to: the previous holder and person."""

    holder: dict | None = None
    person: Entity | None = None
    speaker: dict | None = None  # in an interview's answers, the interviewee (else the writer speaks)
    label_end: int = 0  # the end of the speaker label (毛寧：) that opens this unit, if any
    quoted: dict | None = None  # who spoke last: a quotation that goes on in the next sentence is theirs
    holder_is_person: bool = False  # the previous holder is a person (他/她 opening a sentence continues them)
    titled: dict = field(default_factory=dict)  # a one-holder title (shadow) -> the people named with it so far
    reporting: dict | None = None  # whose reported words (王毅表示，…) the paragraph's next sentences go on with
    document: Entity | None = None  # the last named document (《香港政策法報告》) a later 報告 refers back to
    documents: list = field(default_factory=list)  # the named documents so far, the last one last
    in_quote: bool = False  # this sentence is inside a quotation an earlier one opened and left open
    country_of: Callable[[str], str | None] | None = None  # a KB id's country (cn-mao-ning, city-beijing: cn)
    thing: Entity | None = None  # the last document or body the previous sentence named (它 may refer to it)
    person_just_named: bool = False  # ``person`` was named in the sentence just before


def unit_stance(unit: Unit, shadow: str, lex: Lexicon, ctx: Context | None = None, prob: float | None = None,
                quoted_english: "EnglishQuotes | None" = None) -> dict[str, Any]:
    """The stance of one unit; ``prob`` is a stance model's BEARING probability, if one is used;
    ``quoted_english``: the English side's reading of what the sentence quotes in English
    (:func:`english_quotes`)."""
    ctx = ctx or Context()
    text, tokens = unit.text, unit.tokens
    # the speaker label of a turn (毛寧：) names who speaks, neither a holder nor a target inside
    cited = [m.span() for m in _CITATION.finditer(text)] if ("（" in text or "(" in text) else []
    ents = sorted((e for e in unit.entities if e.label in TARGET_LABELS and e.start >= ctx.label_end
                   and not any(a <= e.start and e.end <= b for a, b in cited)), key=lambda e: e.start)
    skip = [(e.start, e.end) for e in unit.entities if e.label == "EVENT"]
    cues = find_cues(text, shadow, tokens, lex, skip)
    if "？" not in text and "?" not in text:
        cues = [c for c in cues if c.entry.kind != "question"]  # (如何, 是否 weigh only in a question)
    # inside a name (自由開放的印太戰略, 四方安全對話) only strongly loaded words count (戰狼外交)
    named = [(e.start, e.end) for e in unit.entities]
    cues = [c for c in cues if c.entry.kind not in ("evaluative", "reporting") or c.entry.weight >= 3 and c.entry.kind == "evaluative"
            or not any(a <= c.start and c.end <= b for a, b in named)]
    if "被" in shadow or "遭" in shadow or "受到" in shadow:
        # 被拒絕, 不被歡迎, 遭到否認, 被視為: a stance or belief verb in the passive with no agent says
        # what was done to or thought of the subject, whose position it is not (被美國批評 keeps its agent)
        cues = [c for c in cues if not (c.entry.kind == "reporting" and c.entry.type in ("stance", "belief")
                                        and (shadow[c.start - 1 : c.start] in ("被", "遭") or shadow[max(0, c.start - 2) : c.start] in ("受到", "遭到")))]
    # a modal before 的 and its noun, or before a closing mark, governs no verb: the adjective (最好的辦法,
    # 「史上最好」; not 這是必須的。)
    cues = [c for c in cues if not (c.entry.kind == "modal" and c.end - c.start <= 2 and (
        shadow[c.end : c.end + 1] in _CLOSING_MARKS or shadow[c.end : c.end + 1] == "的" and _HAN_AFTER.match(shadow, c.end + 1)))]
    if "不要" in shadow:  # 不要 "don't" before a verb; not 要不要 (a question), 不要求 (not asking), 我不要任何… (not wanting)
        after = {t.start: t for t in tokens}
        cues = [c for c in cues if not (shadow[c.start : c.end] == "不要" and (
            shadow[c.start - 1 : c.start] == "要" or shadow[c.end : c.end + 1] == "求"
            or (t := after.get(c.end)) is None or t.pos[:1] in ("r", "m", "x") or t.pos == "eng"))]
    if "拒绝" in shadow:  # 拒絕評論立法院的審議前景: declining to speak judges nothing it would have spoken of
        for c in cues:
            if c.entry.kind == "reporting" and shadow[c.start : c.end] == "拒绝" and shadow.startswith(_COMMENTING, c.end):
                c.polarity = None
    if "之说" in shadow:  # 費城造船廠之說: the claim, a noun, and no one speaks
        cues = [c for c in cues if not (c.entry.kind == "reporting" and shadow[c.start - 1 : c.end] == "之说")]
    if "就" in shadow:  # 就日本首相高市早苗…發表涉台錯誤言論提出嚴正交涉: the words spoken of are the topic, no report
        spans = _topic_spans(tokens)
        cues = [c for c in cues if not (c.entry.kind == "reporting" and c.entry.type == "say"
                                        and any(a < c.start and c.end <= b for a, b in spans))]
    if "与其" in shadow:
        # 與其…，不如…: a recommendation only with its second half, and not as 與其說…不如說… (a rewording)
        cues = [c for c in cues if not (shadow[c.start : c.end] == "与其"
                                        and (shadow[c.end : c.end + 1] == "说" or not _RATHER.search(shadow, c.end)))]
    if "在" in shadow:
        # 只要美方在聯合聲明中出現…: a speech noun in a place phrase (在…聲明中, 在報告裡) says where, and no one speaks
        # (普拉博沃在國內抗議聲浪中仍赴北京: the noun a protest qualifies, then 中)
        inside = {t.start for t in tokens if t.end - t.start == 1 and shadow[t.start] in ("中", "里", "内")}
        cues = [c for c in cues if not (c.entry.kind == "reporting" and _IN_PLACE.search(shadow, max(0, c.start - 6), c.start)
                                        and (c.end in inside or any(shadow.startswith(h, c.end) and c.end + len(h) in inside
                                                                    for h in _NOMINAL_HEADS)))]
    if "名" in shadow or "为由" in shadow or "所谓" in shadow:
        # 以「和平」之名, 以所謂「基於規則的國際秩序」為名: words in quotation marks that name a pretext are
        # mentioned, not used
        pretexts = [m.span(1) for m in _PRETEXT.finditer(shadow)]
        cues = [c for c in cues if not (c.entry.kind == "evaluative" and any(a <= c.start and c.end <= b for a, b in pretexts))]
        # 舉行所謂「多邊海上合作活動」: a good word the writer calls so-called is mocked
        mocked = [m.span(1) for m in _SO_CALLED.finditer(shadow)]
        for c in cues:
            if c.entry.kind == "evaluative" and c.polarity == "positive" and any(a <= c.start and c.end <= b for a, b in mocked):
                c.polarity = "negative"
    if not cues and "？" not in text and "?" not in text and (prob is None or prob < 1.0) and not quoted_english:
        _remember(ctx, ents, "AUTHOR", None, text)  # nothing to weigh: a factual sentence
        if shadow.startswith(_WRITERS_TURN):
            ctx.reporting = None  # 加上…，…已布局完成: the writer takes over; the report before has ended
        speaker = _soundbite_speaker(text, ents)
        if speaker is not None:
            ctx.quoted = speaker  # 國防部發言人孫立方： on its own line: the quotation under it is his
        elif not (text[:1] in "「“" or _quote_tail(text) or unit.quoted or ctx.in_quote):
            ctx.quoted = None
        st = {**empty_stance(), "certainty": None, "rule_score": 0.0}
        if prob is not None:
            st.update(score=round(float(prob) / 2, 3), model_score=round(float(prob), 3))
        return st
    clause = clause_ids(text, shadow, tokens)
    # 美國同盟政策, 同盟關係視為交易: a topical word naming the domain of the noun after it is no praise
    # of anyone (家暴問題 still names a problem)
    heads = {t.start: t.norm for t in tokens}
    for c in cues:
        if c.entry.kind == "evaluative" and c.entry.weight <= 1 and c.polarity == "positive" and heads.get(c.end) in _TOPIC_HEADS:
            c.polarity = None
    if "若" in shadow or "如果" in shadow or "假如" in shadow or "要是" in shadow or "万一" in shadow:
        # 賴政府若仍以為…，恐怕是一廂情願: a belief or words supposed in a condition are no one's reported view
        for c in cues:
            if c.entry.kind == "reporting" and _CONDITION.search(shadow, clause.index(clause[c.start]), c.start):
                c.denied = True
    if _FORECAST.match(shadow):
        # 預判南韓將爭取…，美方則可能要求…: the writer forecasts; what those named will seek or say is
        # part of the forecast, no position reported
        cues = [c for c in cues if c.entry.kind != "reporting"]
    if "引" in shadow or "招致" in shadow or "激起" in shadow:
        # 其軍事動向引起亞洲鄰國的高度警惕: the alarm is caused, so it judges what causes it, not
        # those alarmed (警惕 otherwise judges its object)
        for k, c in enumerate(cues):
            if c.entry.kind == "evaluative" and c.entry.role == "object" and c.polarity == "negative" \
                    and _CAUSES_FEELING.search(shadow, max(0, c.start - 16), c.start):
                cues[k].entry = replace(c.entry, role="subject")
            elif c.entry.kind == "reporting" and shadow[c.start : c.end] in _REACTIONS \
                    and _CAUSES_FEELING.search(shadow, max(0, c.start - 16), c.start):
                c.denied = True  # 曾公開批評中國…，引發北京不滿: Beijing's displeasure is the consequence, not the report
    _breached_limits(cues, shadow, clause)
    _against_wrongs(cues, shadow, clause)
    _harmed_goods(cues, clause, shadow)
    _asked_restraint(cues, shadow, clause)
    _drop_charges(cues, shadow, clause)
    _manners(cues, shadow)
    _negate_and_intensify(cues, clause, tokens)
    if "而是" in shadow or "而非" in shadow or "而不是" in shadow:
        # 美方並非出於戰略信任而同意此案，而是…; …整合規劃，而非被動因應美方要求: what "not X but Y"
        # or "Y, not X" denies judges no one, and no one takes the position it names
        for m in _DENIED.finditer(shadow):
            a, b = m.span(1) if m.group(1) else m.span(2)
            for c in cues:
                if a <= c.start and c.end <= b:
                    c.denied, c.polarity = True, None
    if "否" in shadow:  # …的路線是否正確, 是否真如宣傳般順暢: a quality asked about, not asserted
        for c in cues:
            if c.entry.kind == "evaluative" and _WHETHER.search(shadow, max(0, c.start - 14), c.start) \
                    and not (shadow[c.end : c.end + 1] == "下" and "在" in shadow[max(0, c.start - 8) : c.start]):
                c.polarity = None  # (but 能否在中國威脅下生存: the threat is there, under it)

    evidence = {"evaluative": 0.0, "modal": 0.0, "reporting": 0.0, "question": 0.0}
    say = weak = 0.0
    types: set[str] = set()
    cert = {"hedged": 0.0, "certain": 0.0}
    has_q = "？" in text or "?" in text
    for c in cues:
        e = c.entry
        if e.kind == "evaluative":
            if e.weight <= 1:
                weak += 0.5 * e.weight * c.factor
            else:
                evidence["evaluative"] += e.weight * c.factor
        elif e.kind in ("modal", "hedge") or e.kind == "negation" and e.weight:
            w = e.weight
            evidence["modal"] += w
            if e.type and w >= 1:
                types.add(e.type)
            if e.certainty in cert and not c.negated:
                cert[e.certainty] += w
            if e.type == "prescription" and not c.negated and any(0 <= c.start - x.end <= 1 for x in ents):
                evidence["modal"] += 1.0  # 香港應密切留意…, 日方應…: a named party told what to do
        elif e.kind == "reporting":
            if e.type == "say":
                say += e.weight
            else:
                evidence["reporting"] += e.weight * c.factor
                if e.type == "demand" and shadow[c.start - 1 : c.start] != "的":  # not 流氓般的要求
                    types.add("prescription")
        elif e.kind == "question" and has_q:
            evidence["question"] += e.weight
    if has_q:
        types.add("question")
    evidence["evaluative"] += min(weak, WEAK_CAP)
    if quoted_english:  # 他直言：“Taiwan needs to be much more serious…”: the quoted words' own cues
        evidence["evaluative"] += quoted_english.evaluative
        evidence["modal"] += quoted_english.modal
        types |= quoted_english.types
    reported = "「" in text and any(c.entry.kind == "reporting" for c in cues) or text.startswith("「")
    # the writer stating its own view in so many words (筆者認為…) makes the sentence an opinion
    own = any(c.entry.kind == "reporting" and c.entry.type == "belief" and not c.negated
              and _author_word_before(shadow, c.start) for c in cues)
    core = sum(evidence.values())
    core += 1.0 if (reported or own) and core else 0.0
    total = core + (say if core > 0 else 0.0)
    rule_score = round(total / (total + THRESHOLD), 3)
    if evidence["evaluative"] >= 1.5:
        types.add("evaluation")
    if "prediction" in types and evidence["modal"] < 1:
        types.discard("prediction")

    quoted = _quoted(text, open_=ctx.in_quote and text[:1] not in "「“")
    holder, holder_ent, verb = _holder(unit, shadow, cues, clause, ents, ctx, lex.roles, quoted)
    if (holder == "AUTHOR" or isinstance(holder, dict) and holder.get("text") in ("我們", "我们")) \
            and (m := _STATEMENT_SAYS.match(shadow)) is not None:
        # 聯合聲明說，…; 聲明還寫道：… (a statement named before): the statement holds its words
        said = next((c for c in cues if c.entry.kind == "reporting" and c.start == m.end()), None)
        if said is not None:
            holder, verb = {"text": text[: m.end(1)], "kb_id": None, "en": _STATEMENT_EN[m.group(1)]}, said
    if holder == "AUTHOR" and (m := _LABELLED_QUOTE.match(text)) is not None:
        # 民眾黨主席黃國昌：「…」: a broadcast's soundbite, the person before the colon speaking
        person = next((e for e in reversed(ents) if e.label == "PERSON" and e.end <= m.end(1)), None)
        if person is not None:
            holder, holder_ent = _entity_dict(person), person
    if has_q and isinstance(holder, dict) and verb is not None and not _reports_words(verb, shadow) \
            and _writers_question(cues, clause, quoted, verb):
        holder, holder_ent, verb = "AUTHOR", None, None  # 民調顯示六成民眾支持…，政府難道可以視而不見？
    # a quotation with no speaker of its own (no speech verb outside its marks)
    speech = (text[:1] in "「“" or _quote_tail(text) or unit.quoted or ctx.in_quote) \
        and not any(c.entry.kind == "reporting" and not quoted[c.start] for c in cues)  # (a blockquote: 表態：> …)
    if holder == "AUTHOR" and ctx.speaker is not None:
        holder = ctx.speaker  # 答：我認為…: the interviewee, not the writer
    elif ctx.speaker is not None and holder_ent is not None and _speaker_frames(unit, shadow, cues, quoted, ctx, holder_ent):
        holder = ctx.speaker  # 王委員定宇：我也要提醒…，鄭麗文主席說「…」: the speaker reports her
    elif ctx.speaker is not None and holder_ent is not None and verb is not None and verb.entry.type == "say" \
            and not quoted[verb.start] and not _opens_words(verb, unit.entities, shadow) \
            and shadow[verb.end : verb.end + 1] not in ("「", "“", "『"):
        holder = ctx.speaker  # 彭慶恩：高市早苗公然發表涉台錯誤言論…: what someone said, judged by the speaker
        if _judged_words(verb, cues, shadow):
            holder_ent = None  # … and who said it is judged (日本領導人公然發表涉台錯誤言論: Japan)
    elif speech and ctx.quoted is not None and (holder == "AUTHOR" or holder_ent is not None and quoted[holder_ent.start]):
        # 「制裁可以讓我們屈服……」 after 李容浩說: the quotation goes on, and whom it names (「…美方的
        # 堅定承諾」) are the speaker's words
        holder, holder_ent, verb = ctx.quoted, None, None
    elif holder == "AUTHOR" and ctx.reporting is not None and not _writer_speaks(shadow, cues) \
            and not shadow.startswith(_WRITERS_TURN) and not _ON_THE_WORDS.match(shadow) and not _CONCLUDES.match(shadow) \
            and not _SUMMING_UP.match(shadow) \
            and not has_q and not _opens_with_home_city(ents, ctx):
        # 王毅表示，中韓互為重要近鄰。雙方應當…: the report goes on to the paragraph's end (but not
        # to a question: 據報道，馬科斯表示…。中方對此有何評論？ asks the reader or the one reported; nor
        # to the writer summing up: 這些互動或許難以立竿見影…)
        holder = ctx.reporting
    if verb is not None and isinstance(holder, dict) and holder_ent is not None and holder_ent.label in ("PERSON", "ORG") \
            and _reports_words(verb, shadow) and not quoted[verb.start] and _opens_words(verb, unit.entities, shadow) \
            and verb.entry.term not in _DISPUTED_CLAIMS and not shadow.endswith(("曾", "曾经"), 0, verb.start):
        ctx.reporting = holder  # (歐布萊恩曾說，…: words once said, cited; the writer goes on)
    elif holder is not ctx.reporting:
        ctx.reporting = None  # someone else's position, or the writer's own words (筆者認為)
    if verb is not None and isinstance(holder, dict) and ("「" in text or "“" in text or text.rstrip()[-1:] in "：:"):
        ctx.quoted = holder  # 「……，」他說道 / 他說：「……: the next sentence may go on quoting them
    elif not speech:
        ctx.quoted = None  # any other sentence ends the quotation
    if holder != "AUTHOR":
        types.add("attributed")
        if verb is not None and any(c.entry.kind == "modal" and c.entry.type == "prediction" and c.start > verb.end
                                    and not c.negated for c in cues):
            types.add("prediction")  # a reported future (X表示…將…) is the holder's prediction
    comment = _writers_comment(cues, clause, ents, shadow, quoted) or _belied(cues, clause, shadow, quoted, verb) \
        or _seeming(cues, clause, shadow, quoted) or _verdict(cues, clause, shadow, quoted, verb) \
        or _pejorative_manner(shadow, quoted, verb) or _hyping(cues, clause, shadow, quoted, verb) \
        if isinstance(holder, dict) and holder_ent is not None and ctx.speaker is None else None
    spoken = None
    hyped = comment is not None and shadow.startswith(_HYPING, comment.start)
    if comment is not None:  # 川普表示將對台灣課徵關稅，令人憂心: the writer judges what was said
        holder, spoken, holder_ent, verb = "AUTHOR", holder_ent, None, None
        types.discard("attributed")
        ctx.reporting = ctx.quoted = None
    st = empty_stance()
    score = rule_score if prob is None else round((rule_score + float(prob)) / 2, 3)
    bearing = score >= 0.5
    own = _own_part(ents, cues, clause, tokens, quoted, holder_ent, verb, shadow) if bearing else ents
    anaphors = [a for a in (_document_anaphor(shadow, unit.entities, ctx.documents) if bearing and ctx.documents else None,
                            _person_anaphor(shadow, tokens, ents, ctx, quoted, holder) if bearing else None) if a is not None]
    if anaphors:
        own = sorted(own + anaphors, key=lambda e: e.start)
    targets = _targets(cues, clause, own, text, shadow, holder_ent, verb, lex.roles, quoted, _disposed(tokens),
                       tokens) if bearing else []
    for anaphor in anaphors:  # (報告罔顧事實: the report named before, as 報告; 她一再挑釁中國: the person, as 她)
        targets = [{**t, "mention": text[anaphor.start : anaphor.end]} if t["text"] == anaphor.text and t["kb_id"] == anaphor.kb_id
                   and "mention" not in t else t for t in targets]
    if spoken is not None and bearing and comment.polarity:
        targets = [t for t in targets if t["text"] != spoken.text and not hyped] + [{**_entity_dict(spoken), "polarity": comment.polarity}]
        # (what a hyped claim says is the claim's, not the writer's: 渲染所謂「中國軍事威脅」，聲稱解放軍…)
    if quoted_english and bearing:  # names inside the English words, with the English side's polarity
        known = {t["kb_id"] or t["text"] for t in targets}
        targets += [t for t in quoted_english.targets if (t["kb_id"] or t["text"]) not in known
                    and not (holder_ent is not None and t["text"] == holder_ent.text)]
    if targets and isinstance(holder, dict):  # the speaker of a turn (顧部長立雄：我們樂觀其成) is no target of it
        members = {m["kb_id"] for m in holder.get("members", ()) if m.get("kb_id")}  # (nor one of several speaking)
        employers = _affiliations(ents, holder_ent, shadow, -1 if holder_ent is not None or holder.get("kb_id") else text.find(holder["text"]))
        targets = [t for t in targets if not (t["text"] == holder["text"] or holder.get("kb_id") and t["kb_id"] == holder["kb_id"]
                                              or t["kb_id"] in members or t["text"] in employers)]
    if not types and bearing:
        types.add("evaluation")
    certainty = "hedged" if cert["hedged"] > cert["certain"] else "certain" if cert["certain"] > cert["hedged"] else "neutral"
    st.update(
        bearing=bearing,
        types=[t for t in ("evaluation", "prediction", "prescription", "attributed", "question") if t in types] if bearing else [],
        holder=holder if bearing else None,
        targets=targets if bearing else [],
        cues=sorted([{"text": text[c.start : c.end], "start": c.start, "end": c.end, "kind": _cue_kind(c)} for c in cues
                     if c.entry.kind != "question" or has_q] + (quoted_english.cues if quoted_english else []),
                    key=lambda c: c["start"]),
        score=score,
        certainty=certainty if bearing else None,
        rule_score=rule_score,
    )
    if prob is not None:
        st["model_score"] = round(float(prob), 3)
    _remember(ctx, ents, holder, holder_ent, text)
    return st


#: the heads of named documents that a later sentence refers back to by the head alone, and the
#: kind of document each names (Traditional and Simplified): 《香港政策法報告》… 報告罔顧事實
_DOCUMENT_HEADS = {"報告": "report", "报告": "report", "法案": "law", "法": "law", "條例": "law", "条例": "law",
                   "白皮書": "white paper", "白皮书": "white paper", "聲明": "statement", "声明": "statement",
                   "協議": "agreement", "协议": "agreement", "決議": "resolution", "决议": "resolution"}
_DOCUMENT_ENDINGS = tuple(_DOCUMENT_HEADS)
#: … and the other endings of a named document 它 may refer to (「國家安全戰略」, 《美日安保條約》)
_NAMED_DOCUMENTS = _DOCUMENT_ENDINGS + ("戰略", "战略", "條約", "条约", "協定", "协定", "宣言", "公報", "公报")
#: a clause opening with such a head (shadow forms); a bare 法 only after a demonstrative (該法, not 法國)
_DOCUMENT_REF = rx.compile(r"(?:(?:该|此|这|这份|这项|这部|此份|此项|该份|该项|这个)\s*)(报告|法案|法|条例|白皮书|声明|协议|决议)"
                           r"|(报告|法案|条例|白皮书|声明|协议|决议)")


def _document_anaphor(shadow: str, entities: list[Entity], documents: list[Entity]) -> Entity | None:
    """The document named in an earlier sentence, where this one opens a clause with its head alone
    (報告罔顧事實, 該法案…): an entity at the head's place with the document's name and English.  The
    last document of the head's kind, one with the very head first (條例 is the 《維護國家安全條例》
    named before the 《基本法》, both laws)."""
    for m in _DOCUMENT_REF.finditer(shadow):
        a, head = m.start(), m.group(1) or m.group(2)
        if not (a == 0 or shadow[a - 1] in CLAUSE_PUNCT) or any(e.start < m.end() and a < e.end for e in entities) \
                or shadow[m.end() : m.end() + 1] in ("书", "人"):
            continue
        kind = _DOCUMENT_HEADS[head]
        same = [d for d in documents if _DOCUMENT_HEADS[_document_head(d.text)] == kind]
        exact = [d for d in same if d.text.endswith((head, _HEAD_FORMS.get(head, head)))]
        if same:
            d = (exact or same)[-1]
            return Entity(d.text, a, m.end(), "POLICY", d.kb_id, d.en, d.source)
    return None


def _person_anaphor(shadow: str, tokens: list[Token], ents: list[Entity], ctx: Context, quoted: list[bool],
                    holder) -> Entity | None:
    """The person 他 or 她 opening a clause refers to, where the sentence names no one, the pronoun is
    not its holder and the sentence before named the person (高市早苗…。她一再挑釁中國: Takaichi; 但他的
    關稅政策嚴重損害…: Trump): an entity at the pronoun's place with that person's name and English,
    so that what they do or own may be judged.  Not inside quotation marks, whose 他 the speaker's
    words may point anywhere, nor inside a clause (盟友堅持她會…), nor further back: without gender
    or syntax the last person named is only a good guess right after the name."""
    if ctx.person is None or not ctx.person_just_named or any(e.label == "PERSON" for e in ents) \
            or isinstance(holder, dict) and holder.get("mention"):
        return None
    for m in _CLAUSE_PRONOUN.finditer(shadow):
        a = m.start(1)
        if not quoted[a] and (a == 0 or shadow[a - 1] in CLAUSE_PUNCT or m.start() > 0 and shadow[m.start() - 1] in CLAUSE_PUNCT
                              or m.start() == 0):
            p = ctx.person
            return Entity(p.text, a, a + 1, "PERSON", p.kb_id, p.en, p.source)
    return None


#: 他 or 她 opening a clause, maybe after a conjunction or an adverb (但他的關稅政策…, 她一再挑釁…), shadow forms
_CLAUSE_PRONOUN = rx.compile(r"(?:但是?|而且?|不过|然而|可是|只是|因此|所以|并且?|也|却|更|则|就)?(他|她)(?![们人国方日])")


def _document_head(name: str) -> str:
    """The longest of ``_DOCUMENT_HEADS`` ``name`` ends with (條例, not 例)."""
    return max((h for h in _DOCUMENT_HEADS if name.endswith(h)), key=len)


#: the Traditional form of a head in the shadow script
_HEAD_FORMS = {"报告": "報告", "条例": "條例", "白皮书": "白皮書", "声明": "聲明", "协议": "協議", "决议": "決議"}


def _writers_question(cues: list[Cue], clause: list[int], quoted: list[bool], verb: Cue) -> bool:
    """A rhetorical question (難道, 豈能) outside quotation marks in a clause after the holder's verb,
    with no reporting verb of its own: the writer asks it of what the sentence reports."""
    asked = [c for c in cues if c.entry.kind == "question" and c.entry.type == "rhetorical" and not quoted[c.start]
             and clause[c.start] > clause[verb.start]]
    return bool(asked) and not any(c.entry.kind == "reporting" and clause[c.start] == clause[asked[-1].start] for c in cues)


def _writers_comment(cues: list[Cue], clause: list[int], ents: list[Entity], shadow: str, quoted: list[bool]) -> Cue | None:
    """The evaluative word of a closing clause that only comments, with 令人/讓人 and no name of its
    own (…，令人憂心; …，令人難以放心): the writer's judgement of what the sentence reports."""
    end = len(shadow.rstrip("。！？!?；;…」”） \n"))
    if end == 0:
        return None
    last = clause[end - 1]
    start = clause.index(last)
    if start == 0 or any(clause[e.start] == last for e in ents):
        return None
    for c in cues:
        if c.entry.kind != "evaluative" or clause[c.start] != last or quoted[c.start]:
            continue
        before = shadow[start:c.start].strip("，, ")
        if shadow.startswith(_CAUSE_FEELING, c.start) and not before or _COMMENT_LEAD.fullmatch(before):
            return c
    return None


def _verdict(cues: list[Cue], clause: list[int], shadow: str, quoted: list[bool], verb: Cue | None) -> Cue | None:
    """The writer's verdict on an act the sentence reports as done, not said: a later clause that
    opens with 這是/此舉 (美國政府近日宣布…對台軍售計畫，這是美方再次嚴重違反…): its first evaluative word."""
    if verb is None or verb.entry.type != "say" or quoted[verb.start] \
            or shadow[verb.end : verb.end + 1] in ("，", ",", "：", ":", "「", "“"):
        return None  # (表示，這是…: the speaker's words)
    m = _VERDICT.search(shadow, verb.end)
    if m is None:
        return None
    return next((c for c in cues if c.entry.kind == "evaluative" and c.polarity and clause[c.start] == clause[m.end()]
                 and c.start >= m.end() and not quoted[c.start]), None)


#: a clause that opens by naming what was just reported (，這是…, ，此舉…), shadow forms
_VERDICT = rx.compile(r"(?<=[，,；;])(?:这是|这无疑是|这显然是|此举|此举无疑|这种做法)")


def _belied(cues: list[Cue], clause: list[int], shadow: str, quoted: list[bool], verb: Cue | None = None) -> Cue | None:
    """A claim the writer distances itself from (聲稱, 宣稱, 口口聲聲), then a clause opened by 卻/但
    that judges (美方一邊聲稱不支持「台獨」，一邊卻不斷加大對台軍售，言行不一，背信棄義); or the
    holder's demand, then 卻 and what it never did (川普一再要求台灣支付「保護費」，卻從未清楚承諾協防
    台灣): the writer's judgement of the one reported; its strongest word after the turn."""
    claim = next((c for c in cues if c.entry.kind == "reporting" and c.entry.term in _DISTANCING and not quoted[c.start]), None)
    never = False
    if claim is None and verb is not None and verb.entry.type in ("demand", "stance") and not quoted[verb.start]:
        claim, never = verb, True
    if claim is None:
        return None
    turn = next((k for k in range(claim.end, len(shadow)) if shadow[k] in "却但" and clause[k] != clause[claim.start]), None)
    if turn is None and not never:  # 高市一方面宣稱…，一方面拒絕撤回…，顯然自相矛盾: the other side of the pair
        side = next((w for w in _TWO_SIDES if shadow.rfind(w, clause.index(clause[claim.start]), claim.start) >= 0), None)
        k = shadow.find(side, claim.end) if side else -1
        turn = k if k >= 0 and clause[k] != clause[claim.start] else None
    if turn is None or never and not shadow.startswith(_NEVER, turn + 1):
        return None
    if never:  # what was asked of others and never done oneself: the demand judges its maker
        return replace(claim, polarity="negative")
    judged = [c for c in cues if c.start > turn and c.entry.kind == "evaluative" and c.polarity and not quoted[c.start]]
    return max(judged, key=lambda c: c.entry.weight * c.factor, default=None)


def _pejorative_manner(shadow: str, quoted: list[bool], verb: Cue | None) -> Cue | None:
    """A position reported in a manner the writer condemns (民進黨當局頑固堅持「台獨」立場, 高市早苗公然
    聲稱…): the writer's judgement of the one reported, negative."""
    if verb is None or quoted[verb.start] or verb.entry.type not in ("stance", "say", "demand"):
        return None
    before = shadow[max(0, verb.start - 5) : verb.start].rstrip("地")
    return replace(verb, polarity="negative") if before.endswith(_PEJORATIVE_MANNERS) else None


#: adverbs of a manner the writer condemns, right before a verb of saying or holding (shadow forms)
_PEJORATIVE_MANNERS = ("顽固", "公然", "悍然", "执意", "肆意", "蛮横", "无理", "死硬", "一意孤行")


def _hyping(cues: list[Cue], clause: list[int], shadow: str, quoted: list[bool], verb: Cue | None) -> Cue | None:
    """A word for hyping or smearing that the writer puts before what the holder says (美國國防部…再次
    渲染所謂「中國軍事威脅」，聲稱…; 炒作, 鼓吹, 抹黑, 叫囂): the writer's judgement of the one reported."""
    if verb is None or quoted[verb.start] or verb.entry.type not in ("say", "stance", "belief"):
        return None
    # after the verb too when it opens no words (美國國務院日前發表所謂《…報告》，再次抹黑…: the writer narrates)
    narrated = shadow[verb.end : verb.end + 1] not in ("，", ",", "：", ":", "「", "“")
    return next((replace(c, polarity="negative") for c in cues if c.entry.kind == "evaluative"
                 and (c.end <= verb.start and clause[c.start] >= clause[verb.start] - 1 or narrated and c.start >= verb.end)
                 and not quoted[c.start] and shadow.startswith(_HYPING, c.start)), None)


#: words for hyping or smearing, which the writer uses of what others say (shadow forms)
_HYPING = ("渲染", "炒作", "鼓吹", "抹黑", "叫嚣", "散布", "散播", "污蔑", "诬蔑", "大肆")


def _seeming(cues: list[Cue], clause: list[int], shadow: str, quoted: list[bool]) -> Cue | None:
    """What the writer says something only seems to be, then what it really is (聽來像是在監督預算，
    實際上卻是在拆解台灣…的國防工程): the writer's judgement, its strongest word after the turn."""
    m = _SEEMS.search(shadow)
    if m is None or quoted[m.start()]:
        return None
    turn = next((k for k in (shadow.find(w, m.end()) for w in _REALLY) if k >= 0 and clause[k] != clause[m.start()]
                 and shadow[k - 1 : k] in CLAUSE_PUNCT), None)
    if turn is None:
        return None
    judged = [c for c in cues if c.start > turn and c.entry.kind == "evaluative" and c.polarity and not quoted[c.start]]
    return max(judged, key=lambda c: c.entry.weight * c.factor, default=None)


#: what something seems, and what the writer says it really is (shadow forms)
_SEEMS = rx.compile(r"听来像是?|听起来像是?|看来像是?|看似|表面上|表面看|乍看之下")
_REALLY = ("实际上", "其实", "事实上", "实则")


#: the two sides of what someone does at once (一方面…，一方面…; 一邊…，一邊…), shadow forms
_TWO_SIDES = ("一方面", "一边")

#: what a turn says was never done (卻從未…, 卻始終不…), shadow forms
_NEVER = ("从未", "从不", "未曾", "不曾", "始终未", "始终不", "并未", "迟迟未", "迟迟不")


#: verbs of claiming that the writer does not vouch for (Traditional, as in the lexicon)
_DISTANCING = frozenset({"聲稱", "宣稱", "自稱", "號稱", "標榜", "口口聲聲"})

_CAUSE_FEELING = ("令人", "让人", "叫人", "使人")
#: what may stand before the evaluative word of a writer's closing comment
_COMMENT_LEAD = rx.compile(r"(?:更|实在|着实|确实|真|颇|相当|十分|非常|不免|难免)?(?:令人|让人|叫人|使人)(?:难以|无法|不能|不禁|不得不|颇为|十分|非常|更加|相当)?")


#: a reference in brackets, author and year: （外務省，2021）, (Green, 2025), （Kim, 2024a）: a source, no actor
_CITATION = rx.compile(r"[（(][^（）()，,]{1,40}[，,]\s*(?:19|20)\d\d[a-z]?(?:[：:]\s*\d{1,4}(?:-\d{1,4})?)?[）)]")
_TURN_WORDS = ("但", "而", "不过", "然而", "可是", "只是")


def _own_part(ents: list[Entity], cues: list[Cue], clause: list[int], tokens, quoted: list[bool],
              holder_ent: Entity | None, verb: Cue | None, shadow: str) -> list[Entity]:
    """The entities of the clauses the holder speaks.  A sentence may report two speakers (賴清德呼籲
    中國克制…；鄭麗文則批評執政當局…, 格拉斯公開聲援日本…，但川普本人未…表態): from the clause where
    another speaker is the subject of a speech or attitude verb to where the holder speaks again, the
    names are the other's, not the holder's targets.  What the holder says (…表示，持續制裁正加深北韓
    對美國的不信任) is the holder's, whoever it names: a speaker after the holder's verb counts only
    after a semicolon or as a new subject (但川普…, 國務院也…, 鄭麗文則…)."""
    if holder_ent is None or verb is None:
        return ents
    holders = [e for e in ents if e.label in HOLDER_LABELS and not quoted[e.start] and not _after_preposition(shadow, e)
               and shadow[max(0, e.start - 1) : e.start] not in LOCATIVE and not _in_adverbial(shadow, e)]
    starts: list[tuple[int, bool]] = [(clause.index(clause[holder_ent.start]), True)]  # (the start of a speaker's clause, whether the speaker is the holder)
    for c in cues:
        if c.entry.kind != "reporting" or quoted[c.start] or c is verb or _ACCORDING_TO.search(shadow, 0, c.start):
            continue  # (據 Washington Examiner 報導: a source, not a speaker)
        subj = _subjects(holders, tokens, clause, c)
        if not subj:
            continue
        e = next((x for x in reversed(subj) if x.label == "PERSON"), subj[-1])
        same = e is holder_ent or bool(e.kb_id) and e.kb_id == holder_ent.kb_id
        a = clause.index(clause[e.start])  # the start of the speaker's clause
        lead = "".join(ch for k, ch in enumerate(shadow[a : e.start], a) if not any(x.start <= k < x.end for x in ents))
        opens = lead.strip("，, 与和及、跟") in ("",) + _TURN_WORDS  # (但川普…: the clause's subject; 日本與菲律賓則…)
        last = e  # (日本與菲律賓則…: the subject's last name, then 則)
        while (nxt := next((x for x in ents if x.start > last.end and shadow[last.end : x.start] in ("与", "和", "及", "、", "跟")), None)) is not None:
            last = nxt
        if not same and e.start > verb.start and not ("；" in shadow[verb.end : e.start] or ";" in shadow[verb.end : e.start]
                                                      or opens and (shadow.startswith(_TURN_WORDS, a) or shadow[last.end : last.end + 1] in ("则", "也", "亦"))):
            continue  # in what the holder says
        starts.append((a, same))
    if all(same for _, same in starts):
        return ents
    if verb.entry.type == "stance" and verb.polarity and _ends_clause(shadow, clause, verb) \
            and not any(a > starts[0][0] and not same for a, same in starts):
        return ents  # 日本發表挑釁言論，中國對此堅決反對: the holder answers what the one before said
    starts.sort()
    keep = []
    for x in ents:
        owner = [same for a, same in starts if a <= x.start]
        if not owner or owner[-1]:
            keep.append(x)
    return keep


#: openings with which the writer takes the paragraph back from the one it reported (shadow forms)
_WRITERS_TURN = ("然而", "但是", "不过", "因此", "同时", "此外", "另外", "另一方面", "事实上", "值得注意的是", "首先", "其次",
                 "最后", "总之", "换言之", "整体而言", "总的来说", "由此可见", "显然", "加上", "再加上", "据了解", "据悉", "只是，")

#: claims the writer reports to dispute them (高市早苗公然宣稱…。這是…性質極其惡劣！): what follows is the
#: writer's answer, not more of the claim
_DISPUTED_CLAIMS = frozenset(("宣稱", "聲稱", "揚言", "妄稱", "叫囂", "鼓吹", "狡稱", "詭稱", "放話", "妄言"))

#: the writer turning to the words just reported, as words (這樣的要求…, 此番言論…): a speaker does not
#: call their own words so
_ON_THE_WORDS = rx.compile(r"(?:这样的|这种|此种|如此的|此一|这番|此番|上述)(?:要求|说法|言论|表态|谈话|主张|论调|发言|声明|言辞|表述)"
                           r"|(?:这|此)(?:句|番|段)话")  # (這句話方向正確: the writer on the words just quoted)


#: verbs of showing, which a clause of the writer's may open (…，顯示北京企圖…), shadow forms
_SHOWING = ("显示", "说明", "表明", "反映", "凸显", "突显", "意味着", "证明", "显见", "可见")
#: what may stand before one in its clause: adverbs only
_SHOWING_OPENS = rx.compile(r"[也又更再亦则都已正恰恰充分]*")


#: the writer drawing a conclusion from what it just reported (這再次暴露了美國…, 此舉恰恰說明…): what
#: the report shows is the writer's reading, not the words reported
_CONCLUDES = rx.compile(r"(?:这|此|此举|此事|这一|这些|这种做法|这样的做法)(?:也|又|再次|再度|更|更加|恰恰|正|正好|充分|"
                        r"无疑|清楚地|进一步|已|已经|都)*(?:暴露|说明|证明|显示|表明|反映|凸显|突显|揭示|揭露|意味着|显露|印证)")


def _reports_words(verb: Cue, shadow: str) -> bool:
    """A verb that reports someone's words (表示, 告訴記者), or a view that a comma opens right after
    it (認為，, 強調，) — not an attitude toward an object (批評, 不喜歡中國)."""
    if verb.entry.type == "say":
        return True
    return (verb.entry.type == "belief" or verb.entry.type == "stance" and verb.entry.polarity is None) \
        and shadow[verb.end : verb.end + 1] in ("，", ",", "：", ":")


def _opens_with_home_city(ents: list[Entity], ctx: Context) -> bool:
    """Does the sentence open with a city of the reported speaker's own country (北京的算盤很清楚：…
    after 毛寧表示…)?  A spokesperson calls their side 中方, not 北京: the writer speaks of it."""
    first = ents[0] if ents else None
    if first is None or first.start > 1 or not (first.kb_id or "").startswith("city-") or ctx.country_of is None \
            or ctx.reporting is None or not ctx.reporting.get("kb_id"):
        return False
    home = ctx.country_of(ctx.reporting["kb_id"])
    return home is not None and ctx.country_of(first.kb_id) == home


def _writer_speaks(shadow: str, cues: list[Cue]) -> bool:
    """Does the writer name itself as the subject of a verb of the sentence (筆者認為, 我認為)?"""
    return any(c.entry.kind == "reporting" and _author_word_before(shadow, c.start) for c in cues) \
        or any(w in shadow for w in AUTHOR_WORDS)


def _author_word_before(shadow: str, start: int) -> bool:
    """The writer names itself as the subject of the verb at ``start``: 筆者認為, 本文則主張."""
    before = shadow[max(0, start - 6) : start]
    if _FIRST_PERSON.search(before):
        return True  # 我認為, 我也不認為 (not 我國認為, 我們認為: those are the country's, the speaker's)
    for word in AUTHOR_WORDS:
        k = before.rfind(word)
        if k >= 0 and len(before) - k - len(word) <= 3 and not any(ch in CLAUSE_PUNCT for ch in before[k:]) \
                and not shadow[: max(0, start - 6) + k].endswith(_TO_THE_WRITER):
            return True  # (not 接受本報訪問時指出, 向本報表示: the paper is the one spoken to)
    return False


#: what makes the paper the one spoken to (接受本報訪問, 向本報表示; shadow forms)
_TO_THE_WRITER = ("接受", "向", "对", "告诉", "跟")


def _soundbite_speaker(text: str, ents: list[Entity]) -> dict | None:
    """The person a short line ending in a colon names (立法委員（民進黨）王定宇：, a broadcast's
    soundbite label above the quotation), or None."""
    if len(text) > 40 or text.rstrip()[-1:] not in ("：", ":") or any(ch in "。！？!?" for ch in text):
        return None
    people = [e for e in ents if e.label == "PERSON"]
    return _entity_dict(people[-1]) if people else None


def _remember(ctx: Context, ents: list[Entity], holder, holder_ent: Entity | None, text: str = "") -> None:
    """What the next sentence's pronouns may refer to: its last person, its holder, its last document."""
    documents = [e for e in ents if e.label == "POLICY" and e.text.endswith(_DOCUMENT_ENDINGS)]
    if documents:
        ctx.document = documents[-1]
        names = {d.text for d in documents}
        ctx.documents = [d for d in ctx.documents if d.text not in names][-8:] + documents
    persons = [e for e in ents if e.label == "PERSON" and not (text and _restated(e, ents, text))]
    if persons:  # (金正恩 (Kim Jong Un): the name in the sentence's own script)
        ctx.person = persons[-1]
    ctx.person_just_named = bool(persons)
    things = [e for e in ents if e.label == "POLICY" and e.text.endswith(_NAMED_DOCUMENTS)] \
        or [e for e in ents if e.label == "ORG"]
    ctx.thing = things[-1] if things else None  # (公布「國家安全戰略」。它強調…: what 它 names next)
    person_role = isinstance(holder, dict) and holder.get("text", "").endswith(_PERSON_ROLES) \
        and _ONE_PERSON.search(holder.get("text", "")) is not None  # (one of them: 專家 may be many)
    ctx.holder = holder if isinstance(holder, dict) and (holder.get("kb_id") or holder_ent is not None or person_role) else None
    ctx.holder_is_person = ctx.holder is not None and (
        holder_ent is not None and holder_ent.label == "PERSON" or ctx.holder.get("mention") in _THIRD_PERSON
        or person_role  # 日本防衛研究所的一位研究人員分析稱…。但他也表示: the researcher
        or ctx.holder.get("kb_id") is not None and any(  # 總統提到… after 賴清德總統: the person the title names
            p.get("kb_id") == ctx.holder["kb_id"] for named in ctx.titled.values() for p in named.values()))


def _cue_kind(c: Cue) -> str:
    k = c.entry.kind
    if k == "modal":
        return "modal"
    if k == "hedge":
        return "hedge"
    return k


def _manners(cues: list[Cue], shadow: str) -> None:
    """A judging adjective used as the manner of the act right after it (嚴厲警告, 嚴厲地批評) judges no
    one itself: it strengthens that act, as an intensifier does."""
    for c, d in zip(cues, cues[1:]):
        if c.entry.kind == "evaluative" and shadow[c.start : c.end] in _MANNER_WORDS and d.entry.kind in ("evaluative", "reporting") \
                and shadow[c.end : d.start] in ("", "地"):
            c.polarity = None
            d.factor *= _MANNER_WORDS[shadow[c.start : c.end]]


#: judging adjectives that may be the manner of an act (shadow forms) and how much they strengthen it
_MANNER_WORDS = {"严厉": 1.3}


def _negate_and_intensify(cues: list[Cue], clause: list[int], tokens: list[Token] | None = None) -> None:
    cancelled: set[int] = set()
    for i, c in enumerate(cues):
        if c.entry.kind == "negation" and i not in cancelled:
            if c.entry.type == "presupposes" and _asked_for(cues[:i], clause, clause[c.start], _opens_clause(clause, c.start)):
                continue  # 呼籲中共停止挑釁, 日方應當反省歷史，停止挑釁: the provocation is there
            skipped = 0  # tokens of object phrases passed over: the scope goes on after them
            passed: Cue | None = None  # the last cue passed over as an object phrase's noun
            negator = tokens[c.tok].norm if tokens and c.tok < len(tokens) else ""
            for k, d in enumerate(cues[i + 1 :], i + 1):
                if clause[d.start] != clause[c.start] or d.tok - c.tok - skipped > c.entry.scope:
                    break
                if d.entry.kind == "negation":  # 沒有放棄, 不是不: two negators cancel
                    cancelled.add(k)
                    break
                if negator in _EXISTENTIAL_NEGATORS and d.tok + 1 < len(tokens) and tokens[d.tok + 1].norm == "的" \
                        and not any(t.pos[:1] == "v" for t in tokens[c.tok + 1 : d.tok]):  # (沒有|提出|令人信服的證據)
                    continue  # 缺乏|對話|的|誠意: what there is none of is the noun after 的
                if tokens and (_in_object_phrase(tokens, c.tok, d.tok) or _modifies_denied_noun(tokens, c.tok, d.tok)
                               or _embedded_clause(tokens, c.tok, d.tok)
                               or passed is not None and all(t.norm in _NOUN_JOINERS for t in tokens[passed.tok + 1 : d.tok])):
                    skipped, passed = d.tok - c.tok, d
                    continue  # 不會因為中國的恫嚇而退讓, 不會容忍北韓的挑釁: the verb is negated, not the noun
                    # (nor 不會屈服於中共的威脅與恐嚇: the noun joined to it)
                if c.entry.type == "presupposes" and d.entry.kind == "evaluative" and tokens and d.tok > 0 \
                        and tokens[d.tok - 1].norm == "的" and tokens[d.tok].start == d.start:
                    break  # 降低中國的軍事威脅: the threat is China's all the same; lowering it judges no one better
                if d.entry.kind == "reporting" and d.entry.raises:
                    _raise_negation(cues, k, clause, tokens)  # 不相信中國會遵守: what is believed is denied
                    break
                if d.entry.kind != "evaluative" and negator in _LACKING:
                    break  # 缺少教育機會將…: what is lacking is a thing; the modal after it is not denied
                if d.entry.kind == "evaluative" and d.polarity or d.entry.kind in ("reporting", "modal", "hedge"):
                    if d.polarity:
                        d.polarity = "positive" if d.polarity == "negative" else "negative"
                    d.negated = not d.negated
                    break
        elif c.entry.kind == "intensifier":
            for d in cues[i + 1 :]:
                if clause[d.start] != clause[c.start] or d.tok - c.tok > 3:
                    break
                if d.entry.kind == "evaluative" or d.entry.kind == "reporting" and d.entry.type != "say":
                    d.factor *= c.entry.weight  # 極其困難, 嚴正抗議, 強烈反對
                    break


#: what joins two nouns (威脅與恐嚇), shadow forms
_NOUN_JOINERS = frozenset({"与", "和", "及", "、", "以及", "或"})
#: how many tokens after a negated belief verb what it believes may run (不認為|中國|的|威脅|會|減少)
_RAISED_SCOPE = 8


def _raise_negation(cues: list[Cue], k: int, clause: list[int], tokens: list[Token] | None) -> None:
    """A negated belief verb (不認為, 不相信) believes the opposite of what it introduces: the first
    judgement in its clause within ``_RAISED_SCOPE`` tokens of it is turned (不認為日本會支持台灣), and the verb
    stays the holder's own belief.  A word joined by 的 before a modal or a verb of lessening is in
    the subject, not the judgement; so is an aside in brackets or dashes; and a second negation
    before any judgement (不認為…不會) cancels the first."""
    v = cues[k]
    later = [d for d in cues[k + 1 :] if clause[d.start] == clause[v.start] and d.tok - v.tok <= _RAISED_SCOPE]
    for i, d in enumerate(later):
        if d.entry.kind == "negation":
            return
        if tokens and _aside(tokens, v.tok, d.tok):
            continue  # 不認為 Morales —拉丁美洲最受歡迎的總統之一—將…: the dashes describe him, they are not believed
        if tokens and d.tok > 0 and any(e.entry.kind in ("modal", "negation") for e in later[i + 1 :]) \
                and (tokens[d.tok - 1].norm == "的" and tokens[d.tok].start == d.start
                     or d.tok + 1 < len(tokens) and tokens[d.tok + 1].norm == "的" and tokens[d.tok + 1].start == d.end):
            continue  # the subject of what is believed: 不認為中國的威脅會減少 (but 不相信北京的善意, 不覺得北京是可靠的夥伴)
        if d.entry.kind == "modal" and d.entry.type == "prescription":
            d.negated = not d.negated  # 不認為台灣應該…改變立場: Taiwan should not
            return
        if d.entry.kind in ("evaluative", "reporting") and d.polarity:
            d.polarity = "positive" if d.polarity == "negative" else "negative"
            return


def _aside(tokens: list[Token], a: int, b: int) -> bool:
    """Is token ``b`` inside an aside opened after token ``a``: brackets or dashes not yet closed?"""
    between = [t.norm for t in tokens[a + 1 : b]]
    dashes = sum(1 for n in between if n and set(n) <= set("—-－─"))
    return dashes % 2 == 1 or between.count("（") + between.count("(") > between.count("）") + between.count(")")


#: prepositions of the one addressed (向記者透露, 对他说, 跟媒体表示) in the shadow script
_ADDRESSED = ("向", "对", "跟", "给", "请")
#: 接受媒體採訪: the interviewer; 召見菲律賓駐華大使提出抗議: whom a body summons (shadow forms)
_SUMMONING = ("接受", "召见", "约见", "约谈", "传唤")
#: a count of people before their role (一名國際關係學者, 多位官員), in the shadow script
_COUNTED_PEOPLE = ("一名", "一位", "多名", "多位", "两名", "两位", "数名", "数位")


#: resultative complements after a speech verb (說清楚, 講明白, 說成): how it is said, not a report
_RESULTATIVE = ("清楚", "明白", "成", "完")
#: what a declaration does rather than says (台北宣布獨立, 宣布戒嚴, 宣佈斷交), in the shadow script
_DECLARED_ACTS = ("独立", "戒严", "停火", "破产", "退出", "参选", "辞职", "退选", "下台", "解散", "紧急状态",
                  "断交", "建交", "投降", "休会", "结束")
_CLEFT = rx.compile("的(?:不是|并非|并不是|是)")


def _in_cleft(shadow: str, clause: list[int], c: Cue, ents: list[Entity]) -> bool:
    """Is the cue in the focus of a cleft sentence in its clause (最重要的不是選邊喊話, 關鍵的是…呼籲),
    with no one named between the cleft and the cue?"""
    m = None
    for m in _CLEFT.finditer(shadow, clause.index(clause[c.start]), c.start):
        pass
    return m is not None and not any(m.end() <= e.start < c.start for e in ents)


def _addressed(shadow: str, ents: list[Entity], at: int) -> bool:
    """Is the role word at ``at`` (with the name that qualifies it) whom something is said to (向記者
    透露, 向西維吉尼亞支持者表示) or who interviews the speaker (接受媒體採訪時表示)?"""
    owner = next((e for e in ents if e.end == at), None)
    if owner is not None and shadow[owner.start - 1 : owner.start] == "驻":  # 菲律賓駐華大使: the sending country's name opens it
        owner = next((e for e in ents if e.end == owner.start - 1), owner)
    start = owner.start if owner is not None else at
    # 接受媒體採訪時表示: the interviewer, not who speaks
    return start > 0 and (shadow[start - 1 : start] in _ADDRESSED or shadow[max(0, start - 2) : start] in _SUMMONING)


#: actors named without a name (外國勢力的干預, 台獨分子的挑釁): a word they are the doer of
#: judges them, not an entity of an earlier clause
_UNNAMED_ACTORS = tuple(f"{w}的" for w in ("势力", "分子", "份子", "集团", "团体", "政客", "极端组织", "恐怖组织"))

#: an entity's followers (尹錫悅的支持者): a word they are the doer of does not judge the entity
_FOLLOWERS = ("的支持者", "的拥护者", "的追随者", "的粉丝", "的选民", "的支持群众", "的信徒")

#: going beyond these is a breach, not a breakthrough: 突破「專守防衛」原則, 突破底線, 超越紅線
_LIMIT_NOUNS = ("原则", "底线", "红线", "禁区", "界限", "规定", "承诺", "共识", "宪法")
_BREACH_VERBS = frozenset({"突破", "超越", "超出", "跨越"})


def _breached_limits(cues: list[Cue], shadow: str, clause: list[int]) -> None:
    """A verb of going beyond (突破, 超越) turns negative when what it goes beyond, in the same
    clause and within a few characters, is a limit (a principle, a red line, a constitution):
    日本不斷突破「專守防衛」原則 is a breach."""
    for c in cues:
        if c.entry.kind != "evaluative" or c.polarity != "positive" or shadow[c.start:c.end] not in _BREACH_VERBS:
            continue
        if any(noun in shadow[c.end : _window_end(shadow, clause, c)] for noun in _LIMIT_NOUNS):
            c.polarity = "negative"


def _window_end(shadow: str, clause: list[int], c: Cue, width: int = 14) -> int:
    """Where what follows the cue's word in its clause ends, ``width`` characters at most: the words
    it acts on (突破「專守防衛」原則, 打擊危害國家安全的行為)."""
    end = c.end
    while end < len(shadow) and end - c.end < width and clause[end] == clause[c.start]:
        end += 1
    return end


def _asked_restraint(cues: list[Cue], shadow: str, clause: list[int]) -> None:
    """Restraint or compliance urged on someone (美國敦促北京保持克制, 他要求美國履行…承諾, 敦促美方恪守…,
    美方應恪守…) says they show none: after a demand verb in its clause or right after a modal of
    obligation, such a word judges the one urged, as an act asked to stop does."""
    demands = [c for c in cues if c.entry.kind == "reporting" and c.entry.type == "demand"]
    musts = [c for c in cues if c.entry.kind == "modal" and c.entry.type == "prescription" and not c.negated]
    for c in cues:
        if c.entry.kind == "evaluative" and c.polarity == "positive" and shadow[c.start : c.end] in _RESTRAINT \
                and (any(d.end <= c.start and clause[d.start] == clause[c.start] for d in demands)
                     or any(0 <= c.start - m.end <= 2 for m in musts)):  # (美方應恪守一個中國原則: a modal right before)
            c.polarity = "negative"


#: words of restraint and of keeping one's word (shadow forms)
_RESTRAINT = frozenset({"克制", "自制", "节制", "冷静", "履行", "兑现", "遵守", "恪守", "信守"})


def _harmed_goods(cues: list[Cue], clause: list[int], shadow: str) -> None:
    """A good a harmful act is done to (中共踐踏以規則為基礎的國際秩序, 破壞區域和平穩定) speaks
    well of no one: a topical positive word a dozen characters or less after a negative evaluative
    word in its clause carries no polarity — unless it is a second act joined to the first
    (抵擋了希特勒並支援捷克斯洛伐克)."""
    harms = [c for c in cues if c.entry.kind == "evaluative" and c.polarity == "negative"]
    for c in cues:
        if c.entry.kind == "evaluative" and c.polarity == "positive" and c.entry.weight <= 1 and any(
                h.end <= c.start and c.start - h.end <= 12 and clause[h.start] == clause[c.start]
                and not _JOINED_ACT.search(shadow, h.end, c.start) for h in harms):
            c.polarity = None


#: a second predicate joined to the one before (並支援…, 同時協助…), shadow forms
_JOINED_ACT = rx.compile(r"并且|并|而且|同时|进而")


def _against_wrongs(cues: list[Cue], shadow: str, clause: list[int]) -> None:
    """Fighting a wrong is no aggression: 打擊, 遏止 or 取締 turn positive when what they act on, in
    their clause and within a dozen characters, is a crime (特區政府會依法嚴厲打擊危害國家安全的行為,
    打擊詐騙集團); 打擊台灣經濟 stays a blow."""
    for c in cues:
        if c.entry.kind == "evaluative" and shadow[c.start:c.end] in _DETER_VERBS and shadow.startswith(_AGGRESSION, c.end):
            # 有能力嚇阻侵略的台灣, 抵禦入侵: deterring aggression itself, with no aggressor named, judges no one
            for o in cues:
                if o is c or o.start == c.end and o.entry.kind == "evaluative":
                    o.polarity = None
            continue
        if c.entry.kind == "evaluative" and c.polarity == "negative" and shadow[c.start:c.end] in _COUNTER_VERBS \
                and any(o.entry.kind == "evaluative" and o.polarity == "negative" and 0 <= o.start - c.end <= 8
                        and clause[o.start] == clause[c.start] and shadow.startswith(_THREATS, o.start) for o in cues):
            c.polarity = None  # 對抗中國威脅, 應對朝鮮核導威脅: countering a bad thing is no bad act (its doer stays judged)
            continue
        if c.entry.kind != "evaluative" or c.polarity != "negative" or shadow[c.start:c.end] not in _FIGHT_VERBS:
            continue
        end = _window_end(shadow, clause, c)
        if any(w in shadow[c.end:end] for w in _WRONGS):
            c.polarity = "positive"
            for o in cues:  # the words for the wrong, and the manner of fighting it (嚴厲打擊), judge no actor
                if o is not c and o.entry.kind == "evaluative" and (c.end <= o.start < end or 0 <= c.start - o.end <= 1):
                    o.polarity = None


_FIGHT_VERBS = frozenset({"打击", "遏止", "取缔", "严惩", "查缉"})
#: what one counters someone's doing of (shadow forms)
_THREATS = ("威胁", "军事威胁", "扩张", "侵略", "挑衅", "渗透", "胁迫", "霸凌", "恫吓", "恐吓", "施压", "入侵", "灰色地带")
#: verbs of countering what someone does (shadow forms)
_COUNTER_VERBS = frozenset({"对抗", "应对", "反制", "遏制", "抵御", "抵抗", "因应", "对付"})
#: verbs of deterring or resisting, and the aggression they may act on with no aggressor named (shadow forms)
_DETER_VERBS = frozenset({"吓阻", "遏止", "遏制", "抵御", "抵抗", "抵挡", "阻止", "防范", "反制"})
_AGGRESSION = ("侵略", "入侵", "侵犯", "攻击", "武力犯台", "犯台", "进犯", "胁迫")
#: what it is right to fight (shadow forms)
_WRONGS = ("犯罪", "恐怖", "走私", "诈骗", "贪腐", "腐败", "违法", "非法", "危害", "毒品", "洗钱", "间谍", "黑金",
           "假讯息", "假消息", "罪犯", "黑道", "暴力")


def _drop_charges(cues: list[Cue], shadow: str, clause: list[int]) -> None:
    """What someone is charged with or suspected of (黎智英被控違反《國安法》「勾結外國勢力」等罪,
    涉嫌洩密) is the charge, nobody's judgement in the sentence: its evaluative words go — unless
    a court rules on it there (…，高等法院裁定罪名成立: the court's judgement)."""
    if any(w in shadow for w in _RULINGS):
        return
    starts = [(k, k + len(w)) for w in _CHARGE_WORDS if w in shadow for k in _occurrences(shadow, w)
              if shadow[k + len(w) : k + len(w) + 1] != "制"]  # (被控制: controlled)
    if starts:
        cues[:] = [c for c in cues if not (c.entry.kind == "evaluative" and any(
            end <= c.start and clause[c.start] == clause[k] for k, end in starts))]


def _occurrences(s: str, w: str) -> list[int]:
    out, k = [], s.find(w)
    while k >= 0:
        out.append(k)
        k = s.find(w, k + 1)
    return out


#: a clause comparing someone with the subject (不像他們…, 有別於…): its verbs are the others'
_COMPARED = rx.compile(r"[，,；;\s]*(?:且|而|但|并|并且)?\s*(?:却|也|则|并)?(?:不像|未像|不同于|有别于|不似|不如|相较于|相较|相比于|相对于|比起)")
_COMPARING = rx.compile(r"不像|未像|不同于|有别于|不似|不如|相较于|相较|相比于|相对于|比起")

def _compares(shadow: str) -> bool:
    """Does the sentence compare someone with its subject (不像他們…)?  與其…不如… prefers one course
    to another (與其在國內爭論不休，不如正視美國保護主義): no one is compared."""
    m = _COMPARING.search(shadow)
    return m is not None and not (m.group() == "不如" and "与其" in shadow[: m.start()])


#: a "while doing …" frame (在樂見其成的同時, 在肯定日本之餘)
_WHILE_FRAME = rx.compile(r"在[^，。；：,;]{1,20}?(?:的同时|同时|之际|之余)")


def _quote_around(shadow: str, e: Entity) -> tuple[int, int] | None:
    """The opening and closing marks of a quotation holding the entity, each within ten characters
    of it (「一國兩制台灣方案」, ‘中國威脅’ inside “…”), or None."""
    opened = max(shadow.rfind(q, max(0, e.start - 10), e.start) for q in "「“『‘")
    if opened < 0:
        return None
    closing = min((k for k in (shadow.find(q, e.end, e.end + 10) for q in "」”』’") if k >= 0), default=-1)
    return (opened, closing) if closing >= 0 else None


def _hyped_term(shadow: str, e: Entity) -> bool:
    """Is the entity inside a short quoted term that someone is said to hype or peddle (渲染「大陸
    威脅」, 所謂「台灣地位未定論」)?  The term is what is judged, not the place it names."""
    quote = _quote_around(shadow, e)
    return quote is not None and quote[1] - quote[0] <= 12 and (
        shadow.endswith(_HYPE, 0, quote[0]) or shadow.startswith(_CLAIM_NOUNS, quote[1] + 1))


#: what before a country's one-character name makes a word for someone's leaning (親中, 疏日, 反美, 媚日)
_LEANING = frozenset("亲疏反仇媚哈抗友联")


#: passive markers (shadow forms), which _PASSIVE and _AGENT_PASSIVE complete
_PASSIVE_MARKERS = ("受到", "遭到", "遭受", "被")


def _agent_passive(shadow: str, tokens, clause: list[int], c: Cue, ents: list[Entity]) -> int | None:
    """Where a passive marker with its agent right after it stands before the cue in its clause
    (遭到|中國|阻撓, 被|北京|打壓): the subject before it suffers the act; None when there is none."""
    starts = {t.start for t in tokens}
    start = clause.index(clause[c.start])
    for m in _AGENT_PASSIVE.finditer(shadow, start, c.start):
        if m.start() in starts and any(x.start == m.end() and x.end <= c.start for x in ents) \
                and c.start - m.end() <= 12:
            return m.start()
    return None


#: passive markers that an agent may follow (遭到中國阻撓, 被北京打壓): those of _PASSIVE, with 遭 for
#: its 受 (shadow forms)
_AGENT_PASSIVE = rx.compile("|".join((*_PASSIVE_MARKERS, "遭")))


def _agentless_passive(shadow: str, c: Cue, ents: list[Entity] = ()) -> bool:
    """Is the cue's word right after a passive marker (受到侵蝕, 被掏空), or after a verb of suffering
    and a few characters that describe the act (遭受武裝攻擊, 遭到嚴重破壞): done by no one named?"""
    if any(m.end() == c.start for m in _PASSIVE.finditer(shadow, max(0, c.start - 2), c.start)):
        return True
    return any(0 < c.start - m.end() <= 4 and not any(ch in CLAUSE_PUNCT or ch in "的被" for ch in shadow[m.end() : c.start])
               and not any(m.end() <= x.start < c.start for x in ents)  # (受到中國嚴重威脅: China does it)
               for m in _SUFFERED.finditer(shadow, max(0, c.start - 7), c.start))


#: verbs of suffering an act that may come before the words that describe it (遭受|武裝|攻擊)
_SUFFERED = rx.compile(r"遭受|遭到|受到|蒙受")


def _between_parties(e: Entity, ents: list[Entity], shadow: str) -> bool:
    """Is the entity one of the parties of what is between them (柏林和莫斯科之間的雙邊協議, 中美之間的
    貿易戰, 令首爾與東京的關係倒退)?  That is judged, not either of them."""
    end = e.end
    nxt = next((x for x in ents if x.start > end and shadow[end : x.start] in _COORDINATORS), None)
    prev = next((x for x in ents if x.end < e.start and shadow[x.end : e.start] in _COORDINATORS - {""}), None)
    first = prev if prev is not None else e
    if (nxt is not None or prev is not None) and shadow[first.start - 1 : first.start] in ("令", "使", "让") \
            and shadow.startswith(("的关系", "关系"), nxt.end if nxt is not None else end):
        return True  # 令首爾與東京的關係倒退: what makes the relation go backwards is judged, neither party
    if nxt is not None:
        end = nxt.end
    return shadow.startswith(("之间的", "间的"), end)  # (俄羅斯與土耳其之間最近達成一項協議: they act)


#: verbs of going or sending before where to (率團赴華府談判, 送交立法院審議): a destination, no target
_DESTINATIONS = ("赴", "前往", "抵达", "飞往", "飞抵", "转往", "送交", "送往", "移送", "转交")

#: what an entity names when it is written right before these (白宮記者會: the briefing, not the
#: White House acting), shadow forms
_NAMED_OCCASIONS = ("记者会", "简报会", "例行记者会", "听证会")

#: 在 opening a place phrase a few characters before a word (在聯合聲明中, 在報告裡)
_IN_PLACE = rx.compile(r"在[^，。；：]{0,5}$")
#: an attitude's object named before it, other than by a pronoun (對台海局勢的關切; not 對其…的質疑, 對於此舉)
_NAMED_OBJECT = rx.compile(r"对(?:于(?![其他她此这该])|(?![于其他她此这该]))")
#: what 對X makes a noun of (對日政策, 對台軍售, 對美關係): X is no object of an attitude to it
_POLICY_TOWARD = ("政策", "关系", "态度", "立场", "方针", "路线", "战略", "外交", "军售", "贸易", "投资", "出口")
#: nouns a speech or attitude noun qualifies (抗議聲浪, 批評聲音; shadow forms)
_NOMINAL_HEADS = ("声浪", "声音", "浪潮", "活动", "行动", "风潮", "潮")
#: whether, right before the quality asked about or with an adverb or a comparison between (shadow forms)
_WHETHER = rx.compile(r"(?:是否|能否|可否)(?:真的?|会|能|还|仍|如[^，。；]{0,6}?般|如)*$")
#: a sentence opening with the writer's forecast, with no subject before it (shadow forms)
_FORECAST = rx.compile(r"(?:[（(][一二三四五六七八九十\d]{1,3}[）)])?\s*(?:预判|研判|预料|预估|预计|可以预见|可预见|可以预期|可预期)(?![的者])")
#: a concession and the main clause that answers it (雖…，但…; shadow forms)
_CONCEDING = rx.compile(r"虽然|虽|尽管")
_BUT = rx.compile(r"[，,]\s*(?:但是|但|却|可是|然而)")
#: reactions someone has to what is caused (引發北京強烈反彈; shadow forms)
_REACTIONS = frozenset({"反弹", "不满", "愤怒", "愤慨", "抗议", "反感", "谴责", "强烈不满", "众怒", "公愤", "批评", "抨击", "指责",
                        "不安", "担忧", "忧虑", "疑虑", "担心", "忧心", "恐慌"})
#: what marks the agent of a passive right before it (遭中共威脅, 被中國打壓), shadow forms
_AGENT_MARKERS = ("遭", "被", "遭到", "受到")
#: between those who feel and the feeling: a short noun for them (日本|經濟界的|不安), no clause
#: (美日安保|是否會出現變數的|疑慮: what the doubt is about), shadow forms
_FEELERS_OF = rx.compile(r"(?:(?!是否|会|将|能)[\u4e00-\u9fff]){0,4}的")
#: what names the topic of a feeling (引發對美日安保的疑慮, 關於…的擔憂; shadow forms)
_ABOUT_BEFORE = rx.compile(r"对|关于|针对|就")
#: what causes the feeling named right after it (引起…的高度警惕; shadow forms)
_CAUSES_FEELING = rx.compile(r"(?:引起|引发|招致|激起)[^，。；！？]{0,12}$")
#: role nouns that name a person (as written, both scripts): a holder so named is who 他 refers to next
_PERSON_ROLES = ("人士", "學者", "学者", "專家", "专家", "研究員", "研究员", "研究人員", "研究人员", "官員", "官员", "議員", "议员",
                 "發言人", "发言人", "分析師", "分析师", "教授", "幕僚", "外交官", "經濟學家", "经济学家")
#: a count of one before a role (一位研究人員, 該名官員; as written, both scripts, and in the shadow)
_ONE_PERSON = rx.compile(r"一位|一名|該名|该名|這位|这位|該位|该位")
_ONE_BEFORE = rx.compile(r"(?:一位|一名|该名|这位|该位)$")
#: the end of a sentence inside a unit (a quotation of several sentences)
_SENTENCE_END = rx.compile(r"[。！？!?]")
#: nouns whose domain a topical word before them names (同盟政策, 安全需求; shadow forms)
_TOPIC_HEADS = frozenset({"政策", "关系", "体系", "架构", "机制", "议题", "问题", "需求", "观", "事务", "领域", "层面",
                          "框架", "格局", "态势", "环境", "局势", "形势", "利益"})
#: verbs of commenting one declines (拒絕評論, 拒絕回應; shadow forms)
_COMMENTING = ("评论", "置评", "回应", "透露", "证实", "说明", "表态", "回答", "答复")
#: what opens a condition (shadow forms)
_CONDITION = rx.compile(r"如果|假如|倘若|要是|万一|若(?!干)")
_CLOSING_MARKS = frozenset("」”』")
_HAN_AFTER = rx.compile(r"[\u4e00-\u9fff]")
#: the second half of 與其…不如… (shadow forms)
_RATHER = rx.compile(r"不如|宁可|宁愿")
#: a body whose figures the sentence cites (國防部統計，…; 國防部的數據顯示): a source, not a target
_DATA_SOURCE = rx.compile(r"(?:的)?(?:最新)?(?:统计|数据|资料|调查|民调)(?:结果)?(?:显示|指出|发现|[，,：:])")


def _in_named_plan(e: Entity, ents: list[Entity], shadow: str) -> bool:
    """Is the place inside a short quoted name of a plan or policy, with the policy the knowledge
    base knows (「一國兩制台灣方案」: 台灣 names the plan, it is not what the sentence judges)?"""
    quote = _quote_around(shadow, e) if e.label in ("GPE", "LOC") else None
    return quote is not None and any(x.label == "POLICY" and quote[0] < x.start and x.end <= quote[1] for x in ents)


#: verbs of pushing a notion, before its quoted term (shadow forms)
_HYPE = ("渲染", "炒作", "鼓吹", "所谓", "宣扬", "散布", "散播", "兜售", "大肆渲染", "编造", "捏造", "抛出", "营造", "制造")

#: what names the quoted words before it as a claim (「台灣是中國一部分」的假象): the claim is judged
_CLAIM_NOUNS = ("的假象", "的谎言", "的说法", "的论调", "的神话", "的叙事", "的谬论", "的迷思", "的口号", "的印象", "的假新闻")

#: what follows a quoted word that names a pretext (以「和平」之名, 以「安全」為由)
_IN_THE_NAME = ("之名", "名义", "的名义", "为名", "为由")
#: words in quotation marks called so-called (所謂「多邊海上合作活動」, 所謂的「民主」; shadow forms)
_SO_CALLED = rx.compile("所谓的?[「“]([^「」“”]{1,30})[」”]")
#: a pretext in quotation marks (以「和平」之名, 以所謂「…」為名; shadow forms)
_PRETEXT = rx.compile("[「“]([^「」“”]{1,30})[」”](?=" + "|".join(_IN_THE_NAME) + ")")

#: a clause opening with a demonstrative, a classifier and a noun, or with 任何: its own subject (但這種
#: 平衡極為脆弱, 任何企圖…的圖謀; not 此舉 or 這是, which point back to the earlier clause's act)
_DEMONSTRATIVE_SUBJECT = rx.compile(r"[，,；;\s]*(?:但是?|而且?|然而|不过|可是|只是|因此|所以|其实)?\s*(?:(?:这|那|此|该)(?:种|个|项|些|样的|类)(?!是)|任何)[\u4e00-\u9fff]")

#: a clause opening with a noun of two or three characters and a modal (但預算不能變成無底洞, 但經費
#:應該…): the noun is its subject, what it says is not of the earlier clause's subject (shadow forms)
_NOUN_BEFORE_MODAL = rx.compile(r"[，,；;\s]*(?:但是?|而且?|然而|不过|可是|只是|因此|所以)?\s*"
                                r"(?![我你他她它这那此该仍也还都就更却又才再])(?!绝对|决不|千万|万万|恐怕|当然|显然|根本|完全|同样|一定|因而|从而|从此)"
                                r"[\u4e00-\u9fff]{2,3}(?:不能|不可|不应|不得|应该|应当|必须|需要)")

#: a sentence opening with the writer summing up what it reported (這些互動…, 這種做法…)
_SUMMING_UP = rx.compile(r"[，,\s]*(?:但是?|而且?|然而|不过|可是|只是|其实)?\s*(?:这|那|此)(?:些|种|样的|类)[\u4e00-\u9fff]")

#: a clause opening with a consequence (…受到削弱，進而影響…的安全情勢): what follows from the event
#: before, no act of its subject (shadow forms)
_CONSEQUENCE = ("进而", "从而", "因而", "继而")
#: a clause opening with an elaboration of what the clause before named (…的行為，包括武力或脅迫手段)
_ELABORATION = ("包括", "包含", "例如", "比如", "诸如")

#: what makes the entity before it a topic of the sentence, not its subject (美國方面，…)
_TOPIC_PHRASE = ("方面，", "方面,", "而言", "来说")

#: 問題/議題 after a name, maybe with what the issue is about between (台灣問題, 北韓核問題, 台灣安全議題):
#: the name is a topic (shadow forms)
_ISSUE_AFTER_NAME = rx.compile(r"(?:等(?:重大|敏感|核心|相关)?)?"  # (歷史和台灣等重大問題)
                               r"(?:核|核武|人权|主权|安全|统一|独立|领土|移民|难民|债务|经济|贸易|关税|能源|历史|人质|绑架|脱北者)?(?:问题|议题)")


def _names_issue(shadow: str, end: int) -> bool:
    """Does an issue named after a country or person begin at ``end`` (台灣問題, 北韓核問題)?"""
    return _ISSUE_AFTER_NAME.match(shadow, end) is not None
_RULINGS = ("裁定", "判决", "裁决", "判定", "认定")
#: words that make what follows in their clause a charge (shadow forms)
_CHARGE_WORDS = ("被控", "被疑", "遭控", "被指控", "遭指控", "涉嫌", "被起诉", "遭起诉", "被控告", "遭控告", "被判刑", "被判处", "罪名")


def _asked_for(before: list[Cue], clause: list[int], cl: int, opens: bool = False) -> bool:
    """Is a demand verb or a prescriptive modal earlier in clause ``cl`` (呼籲…停止, 應放棄) — or,
    when the verb opens its clause, in the clause before, whose subject and modal it shares
    (應當深刻反省歷史，停止挑釁)?"""
    return any((clause[p.start] == cl or opens and clause[p.start] == cl - 1) and not p.negated
               and (p.entry.kind == "reporting" and p.entry.type == "demand"
                    or p.entry.kind == "modal" and p.entry.type == "prescription") for p in before)


def _opens_clause(clause: list[int], start: int) -> bool:
    return start > 0 and clause[start - 1] != clause[start]


def _in_object_phrase(tokens: list[Token], neg: int, k: int) -> bool:
    """Is the cue at token ``k`` the head of a 的-phrase governed by a verb or preposition that
    stands between it and the negation at token ``neg``?  Then that word is what is negated (不會|
    容忍|北韓|的|挑釁); after a copula the noun is (不是|真正|的|威脅)."""
    if k < 1 or tokens[k - 1].norm != "的":
        return False
    copular = _copular(tokens, neg)  # 不是, 並非: the noun phrase is what is denied
    between = tokens[neg + 1 : k - 1]
    if tokens[neg].norm in _EXISTENTIAL_NEGATORS and between and all(
            t.pos[:1] != "v" and t.pos not in ("p", "c") for t in between[:-1]):
        return False  # 沒有|停戰|的|誠意: a noun a verb describes, and the noun is what there is none of
    return any((t.pos[:1] == "v" and t.norm not in _COPULAS) or (t.pos in ("p", "c") and not _passive_copula(between, j))
               or (t.pos == "a" and not copular)  # 不會|容忍 (tagged a)
               or (len(t.norm) >= 2 and t.norm.endswith("于") and t.norm not in _COPULAS)  # 不會|屈服於 (tagged nr)
               for j, t in enumerate(between))


def _embedded_clause(tokens: list[Token], neg: int, k: int) -> bool:
    """Is the cue at token ``k`` the verb of a clause with its own named subject, governed by a verb
    the negation denies (絕不|配合|中共|濫用: the cooperation is refused, the abuse stays one)?"""
    verb = next((j for j in range(neg + 1, k) if tokens[j].pos[:1] == "v" and tokens[j].norm not in _COPULAS
                 and tokens[j].norm not in _AUXILIARIES), None)
    return verb is not None and tokens[k].pos[:1] == "v" and any(tokens[j].pos in _NAME_POS for j in range(verb + 1, k))


_NAME_POS = frozenset({"nr", "nrt", "ns", "nt", "nz", "j"})
#: negations that deny a thing exists (shadow forms): what they deny is a noun (沒有…的誠意)
_EXISTENTIAL_NEGATORS = frozenset({"没有", "无", "毫无", "缺乏", "缺少", "欠缺"})
#: … those that only deny a thing (缺乏誠意), never a verb or modal after it
_LACKING = frozenset({"缺乏", "缺少", "欠缺"})
_AUXILIARIES = frozenset({"要", "想", "愿意", "打算", "准备", "试图", "企图", "想要", "需要", "必须", "应该", "应"})


def _opens_with_attitude(cues: list[Cue], clause: list[int], cl: int, c: Cue, shadow: str) -> bool:
    """Does clause ``cl`` open with an attitude verb before the cue (美國支持…，反對任何片面改變現狀的
    行為; …，堅決反對以武力或脅迫…), its adverbs aside: the clause goes on with its subject's attitude,
    and what it names is its object, no act of that subject's."""
    start = clause.index(cl)
    return any(r.entry.kind == "reporting" and r.entry.type in ("stance", "demand") and r.end <= c.start
               and clause[r.start] == cl and _ATTITUDE_ADVERBS.fullmatch(shadow, start, r.start) for r in cues)


#: what may stand before a clause's attitude verb: one character, or adverbs (並堅決反對, 也一貫支持), shadow forms
_ATTITUDE_ADVERBS = rx.compile(r"[^，,。；;：:]?"
                               r"|(?:也|并|亦|更|还|则|仍|仍然|一贯|始终|一向|坚决|强烈|明确|再次|再度|同时|并且)+")


def _leads_relative_clause(tokens: list[Token], at: int) -> bool:
    """Do a verb and 的 follow ``at`` (在野黨|主導|的|立法院): the word before is the subject of a
    clause that describes a noun, not of the sentence."""
    k = next((i for i, t in enumerate(tokens) if t.start == at), None)
    return k is not None and k + 1 < len(tokens) and tokens[k].pos[:1] in ("v", "b", "a") and tokens[k + 1].norm == "的"


def _copular(tokens: list[Token], neg: int) -> bool:
    """Is the negation at token ``neg`` a negated copula (不是, 並非)?"""
    return tokens[neg].norm.endswith(("是", "非"))


#: verbs of changing what is there (shadow forms): denied, they leave their object as it is
_ALTERING = frozenset({"改变", "动摇", "撼动", "逆转", "扭转", "阻挡", "阻止", "影响"})


def _modifies_denied_noun(tokens: list[Token], neg: int, k: int) -> bool:
    """After a copular negation (並非, 不是), is the cue at token ``k`` inside the 的-phrase that
    modifies the denied noun (台灣並非|中共跨國鎮壓|的|唯一受害者: the repression stays; being the
    only victim is denied)?  So is one in the object of a denied change (無法改變香港良好發展的大勢)."""
    if not _copular(tokens, neg) and not any(t.norm in _ALTERING for t in tokens[neg + 1 : k]):
        return False  # (無法|改變|香港|良好|發展|的|大勢: what cannot be changed keeps its polarity; not 沒有|提出|令人信服的)
    for t in tokens[k + 1 : k + 4]:
        if t.norm == "的":
            return True
        if t.pos == "x":
            return False
    return False


def _passive_copula(tokens: list[Token], j: int) -> bool:
    """被 before a copula (不願|被|視為|美國|的|盟友): being called or seen as the noun is what is denied."""
    return tokens[j].norm == "被" and j + 1 < len(tokens) and tokens[j + 1].norm in _COPULAS


_COPULAS = frozenset({"是", "为", "成为", "算", "算是", "属于", "会", "能", "可能", "视为", "视作", "看作", "当作", "当成",
                      "列为", "称为", "作为"})


def _entity_dict(e: Entity) -> dict[str, Any]:
    return {"text": e.text, "kb_id": e.kb_id, "en": e.en}


def _holder(unit: Unit, shadow: str, cues: list[Cue], clause: list[int], ents: list[Entity], ctx: Context,
            roles: tuple[str, ...] = (), quoted: list[bool] | None = None):
    text, tokens = unit.text, unit.tokens
    quoted = quoted or _quoted(text)
    credit = _DASH_CREDITED.search(text)
    if credit is not None:  # 「我們不會拿台灣做交易。」——美國國務卿魯比歐: the speaker credited after the quote
        after = [x for x in ents if x.start >= credit.end() and x.label in HOLDER_LABELS]
        e = next((x for x in after if x.label == "PERSON"), after[0] if after else None)
        if e is not None:
            return _entity_dict(e), e, None
    verbs = [c for c in cues if c.entry.kind == "reporting" and not (c.negated and c.entry.type == "say")  # 沒有回應: nothing said
             and not _scare_quoted(text, c) and not c.denied]
    # (「制中」不是「反制」、「抵制」: a verb alone in quotation marks is a word mentioned, no one's act)
    # 華府的期待, 美國的承諾: a noun.  Its owner holds the attitude (我們的不信任) unless the writer
    # weighs the sentence (台灣若過度依賴美國的承諾，恐怕…: the writer's hedged prediction)
    nominal = {id(c) for c in verbs if shadow[c.start - 1 : c.start] == "的" or _after_modified(tokens, c)
               or _predicated(tokens, c, cues) or shadow.startswith(_NOMINAL_HEADS, c.end)  # (反對聲浪不斷: a noun)
               or c.entry.type == "say" and shadow[c.end : c.end + 1] == "的"}  # (…總領事館近期發表的聲明: a clause on a noun)
    # 高市早苗11月7日的發言之後: remarks as a noun are no one's attitude, only what is talked about;
    # nor is a word kept or broken (菲方違背承諾: the Philippines is judged, it judges nothing)
    verbs = [c for c in verbs if not (id(c) in nominal and c.entry.type == "say") and not _kept_or_broken(tokens, c)
             and not _domain_compound(tokens, c)]  # (以關稅與安全承諾作為籌碼: a noun)
    # 把模糊說清楚: saying something clearly is no report; 最重要的不是選邊喊話: what a cleft sentence
    # names as the point is no one's act
    verbs = [c for c in verbs if not (c.entry.type == "say" and shadow.startswith(_RESULTATIVE, c.end))
             and not _in_cleft(shadow, clause, c, ents)
             and not (shadow[c.start : c.end] in ("宣布", "宣告") and shadow.startswith(_DECLARED_ACTS, c.end))]
    # (以嚇阻…台北宣布獨立: declaring independence is an act, no report of words)
    # 爭取美國國會支持: support sought from someone is no one's stance in the sentence
    verbs = [c for c in verbs if not _SOUGHT.search(shadow, max(0, c.start - 10), c.start)]
    # …參與演習，顯示北京企圖…: a clause opening with 顯示 (說明, 反映) draws the writer's conclusion from
    # the one before; no one speaks
    verbs = [c for c in verbs if not (shadow.startswith(_SHOWING, c.start) and clause[c.start] > 0
                                      and _SHOWING_OPENS.fullmatch(shadow, clause.index(clause[c.start]), c.start))]
    # 對於中國駐日大使日前批評日本…，茂木回應說: what a clause opening with 對於/針對 names is what is
    # answered, when a verb of a later clause answers it
    verbs = [c for c in verbs if not (shadow.startswith(_ABOUT, clause.index(clause[c.start]))
                                      and any(w.start > c.end and clause[w.start] > clause[c.start] for w in verbs))]
    if _compares(shadow):  # 不像他們公開表示支持臺灣: what those compared with say is not the sentence's position
        verbs = [c for c in verbs if not _COMPARED.match(shadow, clause.index(clause[c.start]))]
    # 中方如何回應？ 日本是否支持…？: what a question asks someone to say is not said yet
    asked = [q for q in cues if q.entry.kind == "question" and not quoted[q.start]]
    if asked and ("？" in text or "?" in text):
        verbs = [c for c in verbs if not any(q.start < c.start and clause[q.start] == clause[c.start] for q in asked)]
    # … or judges the noun itself (菲方的所謂抗議完全站不住腳: the protest is judged, not the Philippines')
    judged = any(c.entry.kind == "evaluative" and c.polarity and c.entry.role == "subject" and not quoted[c.start]
                 and any(id(n) in nominal and n.end <= c.start and clause[n.start] == clause[c.start] for n in verbs)
                 for c in cues)
    if nominal and (judged or any(c.entry.kind in ("modal", "hedge") for c in cues)) and not _quote_tail(text):
        verbs = [c for c in verbs if id(c) not in nominal]
    # the verb whose subject holds the stance: outside quotations; an attitude toward an object
    # (批評, 支持) before other speech verbs; a real speech verb before 報導, 提及; then the first
    # … but a verb in what a speaker says (林劍表示，美方…，中方對此堅決反對) is the speaker's words
    # 日本方面雖官方低調回應，但國內已有政界人士主張…: the main clause's verb before the conceded one's
    but = _BUT.search(shadow) if "虽" in shadow or "尽管" in shadow else None
    conceded = {id(c) for c in verbs if but is not None and c.end <= but.start()
                and _CONCEDING.search(shadow, clause.index(clause[c.start]), c.start)}
    if conceded and not any(c.start >= but.end() and not quoted[c.start] for c in verbs) \
            and any(c.start >= but.end() and c.entry.kind in ("evaluative", "modal", "hedge") for c in cues):
        # 雖然行政院已宣布調高…，但問題恐怕不只是待遇: the main clause, no one's words, is the writer's
        # (a conceded stance of the subject's own stays, not one it reports: 工黨政府雖然堅定支持AUKUS，但…
        # still supports AUKUS; 雖然美國表示支持台灣，但… does not)
        reports = [c.start for c in verbs if id(c) in conceded and c.entry.polarity is None]
        verbs = [c for c in verbs if id(c) not in conceded
                 or c.entry.polarity is not None and not any(r < c.start for r in reports)]
    frame = next((c for c in verbs if (c.entry.type == "say" or c.entry.polarity is None and c.entry.type in ("stance", "belief"))
                  and not quoted[c.start] and id(c) not in nominal and id(c) not in conceded
                  and _opens_words(c, unit.entities, shadow) and not _ACCORDING_TO.search(shadow, 0, c.start)), None)
    reported = {id(c) for c in verbs if frame is not None and c.start > frame.end}
    verbs.sort(key=lambda c: (quoted[c.start], id(c) in nominal, id(c) in reported, id(c) in conceded,
                              c.entry.polarity is None, c.entry.weight < 1, c.start))
    for v in verbs:  # 筆者認為, 本文則主張: the author
        if not quoted[v.start] and _author_word_before(shadow, v.start):
            return "AUTHOR", None, v
    disposed = _disposed(tokens)
    topics = _topic_spans(tokens) if "就" in shadow else []  # (就…高市早苗…言論: whom the topic names speaks not)
    holders = [e for e in ents if e.label in HOLDER_LABELS and not _after_preposition(shadow, e) and not _in_toward_phrase(tokens, clause, e.start)
               and not any(a < e.start and e.end <= b for a, b in topics)
               and shadow[max(0, e.start - 2) : e.start] not in _SUMMONING and shadow[e.start - 1 : e.start] != "驻"
               and shadow[max(0, e.start - 1) : e.start] not in LOCATIVE and not _in_adverbial(shadow, e)
               and not _restated(e, ents, text) and e.start not in disposed]
    predicted: set[int] = set()
    for v in verbs:
        # 「……，」他說道 / 」Zárate 說道: the speaker stands between the closing quote and the verb
        close = text.rfind("」", 0, v.start)
        gap = text[close + 1 : v.start].lstrip("，, ")
        opened = text.rfind("「", 0, close) if close >= 0 else -1
        words = close >= 0 and (text[close - 1 : close] in _SPEECH_END or close - opened > 16)  # not a term: 「存亡危機事態」的發言
        region_start = close + 1 if words and text.find("「", close, v.start) < 0 \
            and not any(ch in CLAUSE_PUNCT for ch in gap) else 0  # not across another clause (「務實外交」，一方面表示…)
        # the subject: before the verb in its clause, with no other verb in between
        # (回應說, 補充說: 說's subject is the speech verb's right before it)
        head = next((w for w in verbs if w.end == v.start and w.entry.kind == "reporting"), v) if v.entry.type == "say" else v
        cands = [e for e in _subjects(holders, tokens, clause, head, region_start)
                 if not quoted[e.start] or quoted[v.start] or _scare_quoted(text, e)]
        # (針對「台灣有事」情境表示: a quoted term is no subject; a name alone in quotation marks is)
        if not region_start and _after_time_clause(shadow, v.start):
            # 李家超出席行政會議前見記者時表示: the subject comes before the time clause's first verb
            names = {e.start for e in holders if e.label == "PERSON"}
            first = next((t.start for t in tokens if t.end <= v.start and clause[t.start] == clause[v.start]
                          and t.pos[:1] == "v" and t.pos != "vn" and t.text not in LIGHT_VERBS and t.text not in ("駐", "驻")
                          and not (t.end in names and t.norm in roles)  # (處長|谷立言: a title)
                          and not shadow.startswith(roles, t.start)  # (助理|教授: a title's first word)
                          and not any(x.start <= t.start and t.end <= x.end for x in ents)), None)  # (…戰略|研究所)
            if first is not None:
                cands = [e for e in holders if e.end <= first and clause[e.start] == clause[v.start]]
                start_v = clause.index(clause[v.start])
                if not cands and clause[v.start] > clause[0] and first - start_v <= 1:
                    # 高市早苗在眾議院預算委員會上，回答…的質詢時表示: the time clause opens its clause, the
                    # subject is the previous clause's
                    start_p = clause.index(clause[v.start] - 1)
                    cands = [e for e in holders if clause[e.start] == clause[v.start] - 1
                             and not _verb_between(tokens, start_p, e.start)]
        if not cands and not region_start and clause[v.start] > clause[0]:
            start_v = clause.index(clause[v.start])
            if _after_time_clause(shadow, start_v) and not _verb_between(tokens, start_v, v.start) \
                    and not any(w in shadow[start_v : v.start] for w in roles):  # (…時，政府也說: its own subject; 他 is the one before)
                # 郭嘉昆在…記者會時，就日本防衛預算問題答問表示: the time clause before the comma has the
                # subject, before its first verb
                start_p = clause.index(clause[v.start] - 1)
                first = next((t.start for t in tokens if start_p <= t.start and t.end <= start_v
                              and (t.norm in ("在", "于", "当") or t.pos[:1] == "v" and t.pos != "vn" and t.text not in LIGHT_VERBS
                                   and t.norm != "驻" and not any(x.start <= t.start and t.end <= x.end for x in ents))), start_v)
                cands = [e for e in holders if clause[e.start] == clause[v.start] - 1 and e.end <= first]
        if v.entry.partner and len(cands) >= 2:
            # 美國與我們的盟友菲律賓站在一起: who stands with whom, not the one stood with
            cands = [x for x in cands if not any(ch in _WITH for ch in shadow[cands[0].end : x.start])] or cands
        person = [e for e in cands if e.label == "PERSON"]
        e = (person or cands)[-1] if person or cands else None  # the verb's subject, if it has one
        if v.entry.type == "belief" and _makes_feel(shadow, tokens, e.end if e is not None else 0, v.start, clause):
            predicted.add(id(v))  # 「交易外交」，讓盟友普遍感到不安: the cause makes others feel; it feels nothing
            continue
        if e is not None and _in_prediction(e, v, cues, clause, tokens, quoted):
            predicted.add(id(v))  # 北京的施壓可能強化日本國內支持…的聲音: what the writer predicts
            continue
        if not quoted[v.start] and any(
                c.entry.kind == "modal" and c.entry.type == "prescription" and not c.negated and c.start < v.start
                and (e is None or e.end <= c.start) and clause[c.start] == clause[v.start] and not quoted[c.start]
                and not any(c.end <= h.start < v.start for h in holders) for c in cues):
            predicted.add(id(v))  # 台灣應在肯定日本…的同時: what the writer says the subject should do
            continue
        frame = _WHILE_FRAME.search(shadow, max(0, v.start - 24), v.end + 24)
        if frame is not None and frame.start() < v.start and v.end <= frame.end() and not quoted[v.start] and any(
                c.entry.kind == "modal" and c.entry.type == "prescription" and not c.negated and c.start >= frame.end()
                and not quoted[c.start] for c in cues):
            predicted.add(id(v))  # 台灣在樂見其成的同時，更應思考…: the same, the modal after the frame
            continue
        if e is not None and shadow[e.start - 1 : e.start] != "的" \
                and any(w is not v and clause[w.start] == clause[v.start] and w.end <= e.start
                        and not quoted[w.start] and w.entry.weight >= 1 for w in verbs):  # (not 報導, 顯示)
            # 重申美國對菲律賓的同盟承諾: a subject inside another verb's complement, whose own subject
            # holds it (but …毀滅北韓的川普大讚: a relative clause before its head, the subject)
            continue
        if e is not None:
            if e.label != "PERSON" or shadow[e.end : e.end + 1] == "的":
                # 北韓的外交部長, 美國專家, 尹錫悅的律師團: the entity only modifies the speaker
                after = shadow[e.end : min(v.start, e.end + 14)]
                for role in roles:
                    k = after.find(role) if role not in _PAPERS else -1
                    if after[k + len(role) : k + len(role) + 1] in ("馆", "处"):
                        continue  # 大使館官員: the embassy, then the role
                    if (0 <= k <= 4 or 0 <= k <= 8 and after.startswith("驻")  # 中國駐美大使館官員
                            or 0 <= k <= 10 and ("「" in after[:k] or after.startswith(_COUNTED_PEOPLE))) \
                            and not any(p in after[:k] for p in ("对", "向", "替")):  # (美國對台灣政府表示支持: whom)
                        # 麻州「可能」投票民眾: a quoted word between; 嶺南大學一名國際關係學者: a count of people
                        a, end = e.end + k, e.end + k + len(role)
                        if any(x.start < end and a < x.end for x in unit.entities):
                            continue  # 民眾 inside 民眾黨: a name, not a role
                        sender = next((x for x in ents if x.end == e.start - 1 and shadow[x.end] == "驻"), None)
                        first = sender or e  # 美國駐中國大使: the role is the United States'
                        if shadow[max(0, first.start - 2) : first.start] in _SUMMONING:
                            break  # 召見菲律賓駐華大使: whom Beijing summons, not who speaks
                        group = _coordination(e, ents, shadow) if after.startswith("等") else [e]
                        if len(group) > 1:  # 英、美、加等國政府: all the governments listed
                            return {**_group_holder(group, text), "text": text[group[0].start:end]}, group[0], v
                        begin = first.start - 1 if text[first.start - 1 : first.start] == "《" else first.start
                        close = next((t for t in tokens if t.end == begin and t.norm in ("接近", "亲近")), None)
                        begin = close.start if close is not None else begin  # 接近馬英九的人士: those close to him
                        return {"text": text[begin:end], "kb_id": None, "en": None}, first, v  # 《讀賣新聞》最新民調
            group = _coordination(e, ents, shadow) if not v.entry.partner else [e]  # (日本與美國站在同一陣線: with)
            if len(group) > 1:  # 美國、日本與南韓隨即發表聯合聲明: the three, not the last named
                return _group_holder(group, text), e, v
            if e.label == "GPE" and v.entry.term in _DESIRE and not quoted[v.start] and "「" not in text and "“" not in text \
                    and not any(c.entry.type == "say" for c in verbs):
                # 中國希望透過改善對首爾關係，製造…隔閡: a country's wish the writer reads into what it
                # does, with no words of its own reported, is the writer's analysis (and the country its target)
                return "AUTHOR", None, None
            country = next((x for x in ents if x.end == e.start and x.label == "GPE"), None) \
                if e.label == "ORG" and e.kb_id is None and e.extra.get("country") else None
            if country is not None:
                # 俄羅斯外交部則呼籲: the body of the country named right before it, with that country
                return {"text": text[country.start : e.end], "kb_id": None, "en": f"{e.en} ({country.en})"}, e, v
            return _entity_dict(e), e, v
        if region_start > 0:  # 」Kavadarkov 說道: an unrecognised name between the quote and the verb
            name = re.split(r"[在於于向對对曾已也亦將将並并]", text[region_start : v.start])[0].strip(" ，,")
            name_tok = [t for t in tokens if region_start <= t.start and t.end <= v.start and t.text.strip()]
            if len(name_tok) == 1 and name_tok[0].pos in ("nr", "nrt") and 2 <= len(name_tok[0].text) <= 5:
                return {"text": name_tok[0].text, "kb_id": None, "en": None}, None, v  # 」沃特斯堅稱: a name jieba knows as one
            if 0 < len(name) <= 30 and re.search(r"[A-Za-z]", name) and not any(ch in name for ch in "，,。「"):
                return {"text": name, "kb_id": None, "en": None}, None, v
        # a pronoun or a role noun in the clause before the verb (他不但曾公開批評, 專家表示)
        a = max(region_start, min((k for k in range(v.start) if clause[k] == clause[v.start]), default=v.start))
        before = shadow[a : v.start]
        best: tuple[int, str] | None = None
        for word in PRONOUNS + roles:
            k = before.rfind(word)
            while k >= 0 and (not _whole_word(tokens, a + k, a + k + len(word)) or _addressed(shadow, ents, a + k)
                              or any(ta < a + k < tb for ta, tb in topics)  # (就日本首相…言論: the topic's)
                              or any(x.start < a + k + len(word) and a + k < x.end for x in ents)
                              or before[k + len(word) : k + len(word) + 1] == "的" and not before[:k].strip("但而且然也，, ")
                              and _verb_between(tokens, a + k, v.start)
                              or any(c.end == a + k and c.entry.type == "demand" for c in cues)
                              or word in _DOCUMENT_ROLES and (before[k + len(word) : k + len(word) + 1] in ("中", "里") or any(
                                  t.end == a + k and t.pos[:1] == "v" for t in tokens))
                              or _leads_relative_clause(tokens, a + k + len(word))
                              or _in_toward_phrase(tokens, clause, a + k)
                              or before[k + len(word) : k + len(word) + 1] == "时"  # (擔任在野黨黨魁時曾說: the office, then)
                              or _owns_a_trait(tokens, a + k + len(word), v.start)  # 川普總統的風格…重視
                              or word == "分析" and any(before[:k].endswith(r) for r in roles)  # 專家|分析後認為: their act
                              or any(w is not v and w.entry.type == "demand" and 0 <= a + k - w.end <= 4
                                     and "的" not in shadow[w.end : a + k] for w in verbs)):
                # 記者 inside 記者會, 他 inside 其他, 法院 inside 立法院 (a name); 向記者透露: whom it is told to;
                # 他在報告中指出: where he says it, not who says it; 建議美國政府要…視為: whom a
                # demand addresses;
                # 但他的交易性格也讓外界懷疑: the owner of the clause's subject, with another verb before this one;
                # 遊說他們支持…: whom someone urges, not who holds it
                k = before.rfind(word, 0, k + len(word) - 1)
            if k >= 0 and (m := _CAUSED.search(before, 0, k)) is not None \
                    and any(t.start == a + m.start() and t.end == t.start + 1 for t in tokens):
                continue  # 不能讓一般民眾覺得被針對: whom the clause makes feel holds nothing (not 大使|館官員)
            if k >= 0 and (best is None or k + len(word) > best[0] + len(best[1])
                           or k + len(word) == best[0] + len(best[1]) and k < best[0]):  # 分析人士, not 人士
                best = (k, word)
        if best is not None:
            k, word = best
            at = a + k
            if word in _THIRD_PERSON:
                prev = [e for e in ents if e.label == "PERSON" and e.end <= at and (not quoted[e.start] or _scare_quoted(text, e))
                        and not shadow.startswith(_ABOUT, clause.index(clause[e.start]))]
                # (赫塞斯在「雷根國防論壇」說明…，他同時表示: not a name inside a quoted term; 針對習近平…
                # 的言論，他開玩笑地表示: not whose words a clause opening with 針對 names)
                if prev:  # 李在明的立場完全不同，他不但曾公開批評日本: the antecedent holds it
                    return {**_entity_dict(prev[-1]), "mention": text[at : at + len(word)]}, prev[-1], v
                if (_SENTENCE_OPENER.fullmatch(shadow, 0, at) or shadow[:at].rstrip().endswith(("」", "”", "』")))\
                        and ctx.holder is not None and ctx.holder_is_person:  # (「……。」他說。: the last speaker)
                    # 朱鳳蓮指出，賴清德…。她強調 / 但他也提醒: the last speaker goes on
                    return {**ctx.holder, "mention": text[at : at + len(word)]}, None, v
                if ctx.person is not None:  # the last person named in an earlier sentence
                    return {**_entity_dict(ctx.person), "mention": text[at : at + len(word)]}, None, v
                if ctx.holder:
                    return {**ctx.holder, "mention": text[at : at + len(word)]}, None, v
            if word in _IT:  # 國務院發表報告。它強調…: the body or document named last, no person
                prev = [e for e in ents if e.label in ("ORG", "GPE", "POLICY") and e.end <= at and not quoted[e.start]]
                if prev:
                    return {**_entity_dict(prev[-1]), "mention": text[at : at + len(word)]}, prev[-1], v
                if ctx.holder is not None and not ctx.holder_is_person:
                    return {**ctx.holder, "mention": text[at : at + len(word)]}, None, v
                if ctx.thing is not None:
                    return {**_entity_dict(ctx.thing), "mention": text[at : at + len(word)]}, None, v
                if ctx.document is not None:
                    return {**_entity_dict(ctx.document), "mention": text[at : at + len(word)]}, None, v
                continue
            speaking = ctx.quoted or ctx.reporting or (ctx.holder if text[:1] in "「“" else None)
            if word == "我们" and quoted[at] and speaking:
                # 林劍表示，…。“我們敦促菲方…”: the one reported (or, for a quotation standing alone,
                # the last holder: 中方…表達強烈不滿。“我們再次敦促日方…”) goes on speaking, for their side
                return {**speaking, "mention": text[at : at + len(word)]}, None, v
            if word == "我们" and not quoted[at] and not _quote_tail(text):
                speaker = next((subj[-1] for w in verbs if w.start < at and not quoted[w.start]
                                if (subj := _subjects(holders, tokens, clause, w))), None)
                if speaker is not None:  # 陳斌華回應說，…我們對此堅決反對: the speaker's "we"
                    return _entity_dict(speaker), speaker, v
                return "AUTHOR", None, v  # 我們認為 outside quotation marks: the writer (an editorial's "we")
            named = next((e for e in ents if e.label == "PERSON" and at + len(word) <= e.start <= at + len(word) + 1
                          and e.end <= v.start and shadow[at + len(word) : e.start] not in ("对", "向", "与", "和", "跟")), None)
            # (議員對高市的言論提出批評: whom the role speaks of, not the role's name)
            if named is not None and shadow[named.end : named.end + 1] == "的":
                continue  # 回答立憲民主黨議員岡田克也的質詢時表示: whose question it is, not who answers
            if named is not None:  # 發言人毛寧在記者會上回應稱: the role is the named person's title
                return _entity_dict(named), named, v
            owner = next((e for e in ents if (e.end == at or e.end == at - 1 and shadow[e.end] == "的")  # 川普的顧問
                          and e.label in HOLDER_LABELS and word not in PRONOUNS), None)
            if owner is not None and owner.label == "PERSON" and any(c.start == at and c.entry.kind == "reporting" for c in cues):
                return _entity_dict(owner), owner, v  # 呂耀東分析認為: the person; 分析 is what he does
            if owner is not None:  # 南韓政府表示強烈反對: the role with the name that qualifies it
                return {"text": text[owner.start : at + len(word)], "kb_id": None, "en": None}, owner, v
            known = ctx.titled.get(word, {})
            if len(known) == 1 and shadow[at - 1 : at] not in ("副", "前", "任"):
                # 總統表示… after 賴清德總統: the one person the article has named with the title
                return {**next(iter(known.values())), "mention": text[at : at + len(word)]}, None, v
            # 政界人士, 外交人士: the whole compound the role word ends; 日本防衛研究所的一位研究人員: one of
            # them, and whose
            start = next((t.start for t in tokens if t.start < at < t.end and t.end == at + len(word)), at)
            group = next((t for t in tokens if t.end == start and t.norm.endswith(("党", "派", "界", "阵营"))), None)
            start = group.start if group is not None else start  # 反對黨人士: the opposition's people
            one = _ONE_BEFORE.search(shadow, max(0, start - 3), start)
            if one is not None:
                start = one.start()
                whose = next((e for e in ents if e.end == start - 1 and shadow[e.end] == "的" and e.label in HOLDER_LABELS), None)
                start = whose.start if whose is not None else start
            return {"text": text[start : at + len(word)], "kb_id": None, "en": None}, None, v
    found = _topic_holder(verbs, holders, tokens, clause, quoted, predicted, shadow)
    if found is not None and found[1] is not None and found[1].label != "PERSON":
        e = found[1]  # 立法會議員則關注…，促請…: the members, not the council
        end = max((e.end + len(r) for r in roles if shadow.startswith(r, e.end)), default=0)
        if end and not any(x.start < end and e.end < x.end for x in unit.entities):
            return {"text": text[e.start:end], "kb_id": None, "en": None}, e, found[2]
    if found is None:
        found = _pronoun_topic(verbs, predicted, quoted, shadow, ents, ctx) \
            or _role_topic(verbs, predicted, quoted, text, shadow, tokens, roles)
    return found if found is not None else ("AUTHOR", None, None)


def _role_topic(verbs: list[Cue], predicted: set[int], quoted: list[bool], text: str, shadow: str, tokens,
                roles: tuple[str, ...]):
    """The sentence opens with a role word as the subject of a clause before the verb's own (報告引用
    …的公開發言，強調…): the role holds it."""
    m = _SENTENCE_OPENER.match(shadow)
    at = m.end() if m else 0
    if not shadow.startswith(roles, at):
        return None  # (most sentences: no role word opens them)
    opening = sorted((r for r in roles if shadow.startswith(r, at)), key=len, reverse=True)
    word = next((r for r in opening if _whole_word(tokens, at, at + len(r))), None)
    if word is None or not any(t.start == at + len(word) and t.pos[:1] == "v" for t in tokens):
        return None  # (a role followed by its verb: 報告|引用)
    v = next((c for c in verbs if id(c) not in predicted and not quoted[c.start] and c.start > at + len(word)), None)
    if v is None:
        return None
    return {"text": text[at : at + len(word)], "kb_id": None, "en": None}, None, v


def _pronoun_topic(verbs: list[Cue], predicted: set[int], quoted: list[bool], shadow: str, ents: list[Entity], ctx: Context):
    """The sentence opens with 他 or 她 as the subject of a clause before the verb's own (然而，他在
    …會議中改變立場，公開表示…): the pronoun holds it, resolved as an opening pronoun is."""
    m = _OPENING_PRONOUN.match(shadow)
    v = next((c for c in verbs if id(c) not in predicted and not quoted[c.start] and c.start > m.end()), None) if m else None
    if v is None or any(e.label == "PERSON" and e.end <= v.start for e in ents):
        return None
    word = m.group(1)
    if ctx.holder is not None and ctx.holder_is_person:
        return {**ctx.holder, "mention": word}, None, v
    if ctx.person is not None:
        return {**_entity_dict(ctx.person), "mention": word}, None, v
    return None


def _topic_holder(verbs: list[Cue], holders: list[Entity], tokens, clause: list[int], quoted: list[bool],
                  predicted: set[int], shadow: str = ""):
    """No verb has a subject of its own: a topic chain, the subject of the sentence's first clause
    (石破茂師承田中角榮，對田中…肯定推崇，並屢次強調…).  A quoted term is nobody's subject."""
    holders = [e for e in holders if not quoted[e.start]]
    for v in verbs:
        if id(v) in predicted:
            continue
        if not quoted[v.start] and not any(clause[e.start] == clause[v.start] and e.end <= v.start for e in holders):
            # a clause with no subject: the person who is the subject of the nearest clause before
            # that has one (…，日本外相岩屋毅應邀訪問北京，先後與…會面，強調…)
            for cl in range(clause[v.start] - 1, clause[0], -1):
                start = clause.index(cl)
                subj = [e for e in holders if clause[e.start] == cl and not quoted[e.start]
                        and not _verb_between(tokens, start, e.start)
                        and not any(t.pos == "p" and start <= t.start and t.end <= e.start for t in tokens)]
                if subj:
                    # (日本外相岩屋毅: the person; 黎智英的兒子黎崇恩: not the father, whose son it is)
                    person = next((e for e in subj if e.label == "PERSON" and not _possessor(e, tokens)), None)
                    if person is not None:
                        return _entity_dict(person), person, v
                    if (subj[0].start == start or subj[0].start == start + 1 and any(t.start == start and t.text == "有" for t in tokens)) \
                            and not _possessor(subj[0], tokens):  # (有立法會議員…: some members)
                        return _entity_dict(subj[0]), subj[0], v  # …事件後，中國海警便以…為藉口，宣布…: the body opening its clause
                    break
        if clause[v.start] != clause[0] and any(clause[e.start] == clause[v.start] and e.end <= v.start for e in holders):
            continue  # …之後，北京對日本祭出旅遊、留學提醒: the clause has its own subject, the word is its object
        topic = [e for e in holders if e.start <= 12 and clause[e.start] == clause[0] and e.end <= v.start and not quoted[e.start]
                 and not (_possessor(e, tokens) and _verb_between(tokens, e.end, v.start))  # 川普的交易性格也讓外界懷疑
                 and (not _verb_between(tokens, 0, e.start) or _EXISTENTIAL.fullmatch(shadow, 0, e.start)  # 恰逢川普…: an object, not the topic; 有議員…: some members
                      or e.label == "PERSON" and _after_title(tokens, e))  # (中國常駐聯合國代表傅聰: 常駐 is no verb there)
                 and not any(t.pos == "p" and t.end <= e.start for t in tokens[:3])]  # 自…金門…事件後: in an adverbial
        if topic and not quoted[v.start]:
            # a person named right after the body they lead is the subject (國安會秘書長吳釗燮…), and
            # a person named after whose son or spokesman they are (黎智英的兒子黎崇恩…)
            if _possessor(topic[0], tokens):
                topic = [e for e in topic if e.start >= topic[0].end] or topic
            subject = next((e for e in topic if e.label == "PERSON" and (e.start <= topic[0].end + 6 or e.start <= topic[0].end + 12
                            and _after_title(tokens, e))), topic[0])  # 中國常駐聯合國代表傅聰
            return _entity_dict(subject), subject, v
    return None


def _scare_quoted(text: str, e: Entity | Cue) -> bool:
    """Is the entity (or word) alone inside quotation marks (台「行政院」也宣布…: a name the writer will
    not grant, still the subject; 「反制」: a verb mentioned), not part of a quoted term (「台灣有事」)?"""
    return text[e.start - 1 : e.start] in _OPENING_QUOTES and text[e.end : e.end + 1] in _CLOSING_QUOTES


#: verbs of wishing and intending (Traditional, as listed in the lexicon)
_DESIRE = frozenset({"希望", "期望", "盼望", "企圖", "試圖", "意圖"})

#: "there are" before a sentence's subject (有立法會議員…, 也有學者…), shadow forms
_EXISTENTIAL = rx.compile(r"(?:也|亦|另|还|则)?有")


def _possessor(e: Entity, tokens) -> bool:
    """Is ``e`` followed by 的/之, naming whose the next noun is (黎智英的兒子)?"""
    return any(t.start == e.end and t.text in ("的", "之") for t in tokens)


def _opens_words(c: Cue, entities: list[Entity], shadow: str) -> bool:
    """Does a comma or colon open the speech verb's words, right after it or after whom it
    addresses (林劍表示，…; 美國官員告訴路透社，…; 他告訴記者：…)?"""
    e = next((x for x in entities if x.start == c.end and x.label in ("ORG", "PERSON", "GPE")), None)
    end = e.end if e is not None else c.end + len(next((w for w in _ADDRESSEES if shadow.startswith(w, c.end)), ""))
    return shadow[end : end + 1] in ("，", ",", "：", ":")


#: a causative verb right before a role word (让一般民众, 使他们): its object, not the speaker
_CAUSATIVE = "让使令叫"
_CAUSED = rx.compile(f"[{_CAUSATIVE}][^，。；：]{{0,3}}$")


def _makes_feel(shadow: str, tokens: list[Token], a: int, b: int, clause: list[int]) -> bool:
    """Is there a causative 讓/令/使 of its own in the feeling verb's clause, after ``a`` and before
    the verb at ``b`` (讓盟友普遍感到不安; not 使用, 命令)?"""
    starts = {t.start for t in tokens if t.end == t.start + 1}
    return any(shadow[k] in _CAUSATIVE and k in starts for k in range(max(a, clause.index(clause[b])), b))


#: whom a speech verb may address before its words begin
_ADDRESSEES = ("记者", "媒体", "外媒", "本报", "本台")
#: 據《華盛頓觀察家報》報導，…: a source cited, not a speaker whose words the sentence reports
_ACCORDING_TO = rx.compile(r"(?:据|根据|依据)[^，。；：]*$")


def _after_modified(tokens, c: Cue) -> bool:
    """Is the cue's word the head of 的 + adjective or a modifier (中國的強硬回應, 美國的堅定支持,
    菲方的所謂抗議)?  A noun."""
    k = c.tok  # the token the cue starts in: its word when the token starts with it
    return 2 <= k < len(tokens) and tokens[k].start == c.start \
        and (tokens[k - 1].pos in ("a", "ad", "an") or tokens[k - 1].norm in _NOUN_MODIFIERS) and tokens[k - 2].norm == "的"


def _domain_compound(tokens, c: Cue) -> bool:
    """Is the cue's word the head of a compound naming its domain (安全承諾, 防衛承諾, 軍事支持)?  A noun."""
    k = c.tok
    return 1 <= k < len(tokens) and tokens[k].start == c.start and tokens[k - 1].norm in _DOMAINS


#: the domains of commitments and support, as the first word of a compound noun (shadow forms)
_DOMAINS = frozenset({"安全", "防卫", "安保", "同盟", "军事", "防务", "经济", "外交"})


def _kept_or_broken(tokens, c: Cue) -> bool:
    """Is the cue's word the object of a verb that keeps, breaks or ignores a word given (違背承諾,
    兌現承諾, 作出保證, 不顧中方嚴正交涉)?  A noun."""
    k = c.tok
    if not (1 <= k < len(tokens) and tokens[k].start == c.start):
        return False
    for j in range(k - 1, max(-1, k - 4), -1):  # (不顧|中|方|嚴正交涉: whose, between)
        if tokens[j].norm in _KEEP_OR_BREAK:
            return True
        if tokens[j].pos[:1] in ("v", "p", "c", "d", "x") or len(tokens[j].norm) > 3:
            return False
    return False


#: verbs whose object is a pledge or a statement (shadow forms)
_KEEP_OR_BREAK = frozenset({"违背", "违反", "背弃", "背离", "兑现", "履行", "信守", "恪守", "遵守", "打破", "撕毁",
                            "落实", "作出", "做出", "食言", "推翻", "不顾", "无视", "罔顾", "漠视"})  # (不顧中方嚴正交涉)


def _predicated(tokens, c: Cue, cues: list[Cue]) -> bool:
    """Is the cue's word the subject of an adjective, after an adverb (兩黨對台支持|仍然|穩固, 美國的
    承諾|並不|可靠)?  A noun."""
    j = c.tok
    while j < len(tokens) and tokens[j].end < c.end:
        j += 1
    j += 1  # the token after the cue's word
    adverbs = 0
    while j < len(tokens) and tokens[j].pos == "d" and adverbs < 2:
        j += 1
        adverbs += 1
    if not adverbs or j >= len(tokens):
        return False
    t = tokens[j]
    return t.pos in ("a", "ad", "an") or any(x.start == t.start and x.entry.kind == "evaluative" for x in cues)


#: words between 的 and a noun they qualify (菲方的所謂抗議: the protest, so called)
_NOUN_MODIFIERS = frozenset({"所谓", "一贯", "一再", "多次", "最新", "强烈", "正式"})


def _in_prediction(e: Entity, v: Cue, cues: list[Cue], clause: list[int], tokens, quoted: list[bool]) -> bool:
    """Is the subject ``e`` of ``v`` inside the object of a verb the writer hedges or predicts (…
    可能強化|日本國內支持…)?  A modal or hedge earlier in the clause, then a verb, then ``e``."""
    cl = clause[v.start]
    if tokens and any(t.end == e.start and t.norm == "的" for t in tokens):
        return False  # 去年曾要脅將「徹底毀滅」北韓的川普大讚…: the subject heads a 的-phrase
    for c in cues:
        if c.entry.kind in ("modal", "hedge") and clause[c.start] == cl and c.end <= e.start and not quoted[c.start]:
            if _verb_between(tokens, c.end, e.start):
                return True
    return False


#: how quoted words end (「……，」他說道), where a quoted term does not
_SPEECH_END = frozenset("，,。.！!？?…；;")


def _subjects(holders: list[Entity], tokens, clause: list[int], v: Cue, region_start: int = 0) -> list[Entity]:
    """The candidate subjects of the verb ``v``: before it with no other verb in between, in its
    clause — or anywhere after ``region_start`` (the end of a quotation the verb reports), where the
    name right after the quotation speaks whatever it does meanwhile (」川普指著眼前站著的人群說道)."""
    return [e for e in holders if region_start <= e.start and e.end <= v.start
            and (clause[e.start] == clause[v.start] or region_start > 0)
            and (not _verb_between(tokens, e.end, v.start) or region_start > 0 and e.start - region_start <= 1)
            and not _owns_a_trait(tokens, e.end, v.start)]


#: what a person has rather than is (川普總統的風格比較重視交易: the style values, as the speaker describes it)
_TRAITS = frozenset({"风格", "作风", "性格", "个性", "本性", "习惯", "思维", "本能", "直觉"})


def _owns_a_trait(tokens, a: int, b: int) -> bool:
    """Is the subject between ``a`` and ``b`` a trait the entity has (…的風格|比較重視)? Then the
    verb describes the trait; the entity voices nothing."""
    between = [t for t in tokens if a <= t.start and t.end <= b]
    return any(t.norm == "的" and k + 1 < len(between) and between[k + 1].norm in _TRAITS for k, t in enumerate(between))


def _after_time_clause(shadow: str, at: int) -> bool:
    """The verb at ``at`` follows a time clause ending in 時 or 後 (…見記者時表示, …時也強調, …上任後也一再強調,
    …黨魁時曾說)."""
    return shadow[max(0, at - 5) : at].rstrip("也亦则并更又再一曾还，, ").endswith(("时", "时候", "后", "之后", "以后"))


def _whole_word(tokens, a: int, b: int) -> bool:
    """[a, b) ends a token and starts one, or ends a compound of three or more characters
    (國防官員): not a piece of another word (記者 in 記者會, 他 in 其他)."""
    for t in tokens:
        if t.start <= a < t.end:
            if t.start == a:
                return any(x.end == b for x in tokens)
            return t.end == b and t.end - t.start >= 3
    return True


def _quote_tail(text: str) -> bool:
    """The sentence ends a quotation opened in an earlier one: a closing mark before any opening."""
    for open_, close in (("「", "」"), ("“", "”")):
        k = text.find(close)
        if k >= 0 and not 0 <= text.find(open_) < k:
            return True
    return False


def _verb_between(tokens, a: int, b: int) -> bool:
    """A verb between the subject and the verb, outside an adverbial 在…時/後/中 (在國會答詢時強調),
    a means 以…為… (以「維護漁民權益」為藉口，宣布) and quotation marks."""
    inside = False
    means = quoted = topic = False
    prev = ""
    span = [t for t in tokens if a <= t.start and t.end <= b]
    for k, t in enumerate(span):
        if t.text in ("「", "『", "“"):
            quoted = True
        elif t.text in ("」", "』", "”"):
            quoted = False
        elif quoted:
            pass
        elif t.norm == "就" and t.pos == "p":
            topic = True  # 就日本防衛預算問題答問表示: what the words are on
        elif topic:
            topic = not (t.norm.endswith(_TOPIC_ENDS) or t.text in ("，", ","))
        elif t.text in ("在", "於", "于"):
            inside = True
        elif inside and t.text[-1:] in ("時", "时", "後", "后", "中", "上", "間", "间") and t.pos[:1] != "d":  # (not 隨後 "then")
            inside = False
        elif t.text == "以" and t.pos == "p":
            means = True
        elif means and t.text in ("為", "为", "作為", "作为"):
            means = False
        elif t.pos[:1] == "v" and not inside and not means and t.text not in LIGHT_VERBS and not (t.pos == "vn" and prev == "的") \
                and t.text not in ("駐", "驻") and t.norm not in _THROUGH and t.norm not in _VERB_MODIFIERS and not _publishes(span, k) \
                and not (t.norm in _OCCASIONS and t.end == b):  # 賴清德國慶演說表示: the speech it is said in
            return True  # (蘭德公司的研究指出: 研究 after 的 is a noun; 駐 is part of a title: 中國駐日大使吳江浩;
            # 透過書面表示: how it is said)
        prev = t.text
    return False


#: speeches named right before the verb that reports what they said (國慶演說表示, 答問表示, 受訪表示; shadow forms)
_OCCASIONS = frozenset({"演说", "演讲", "致词", "致辞", "讲话", "谈话", "文告", "答问", "答询", "受访"})
#: the nouns that end the topic of 就… (就…問題, 就此事; shadow forms)
_TOPIC_ENDS = ("问题", "议题", "事", "案", "事宜", "情况", "报道", "提问", "言论", "表态", "动向")
#: words tagged as verbs that only qualify the speaker's noun (韓國外交部|相關|人士表示)
_VERB_MODIFIERS = frozenset({"相关", "有关", "涉及", "主管", "负责", "接近", "亲近", "知情"})
#: channels that only say by what means something is done (陸委會透過書面表示), not those that are
#: also verbs of their own (通過 a bill, 根據 …)
_THROUGH = _CHANNELS - {"通过", "依据", "根据", "按照", "依照"}


#: what a body publishes as its own findings or views and then "points out": 戰略與國際研究中心日前發布的
#: 兵推報告指出 (the centre holds it).  Not a press release or a news report, which carry others' words
#: (北京發布的新聞稿指出，習近平強調…: Xi's)
DOCUMENT_NOUNS = {"报告", "研究", "文章", "声明", "调查", "民调", "评估", "分析", "白皮书", "社论", "评论", "论文", "专文", "投书"}


def _publishes(span, k: int) -> bool:
    """The verb ``span[k]`` makes a relative clause for a document (發布|的|兵推|報告): its subject is
    the document's author, and the document says what the sentence's verb reports."""
    rest = span[k + 1 : k + 4]
    return bool(rest) and rest[0].norm == "的" and any(x.norm in DOCUMENT_NOUNS for x in rest[1:])


#: a verb of going right before an institution (到立法院, 赴聯合國, 前往國會), not 提到/受到/遭到…
_DESTINATION = rx.compile(r"(?:(?<![提受遭看感达得谈说想听见做拿找遇碰及])到|赴|前往|抵达)$")
#: a quotation closed, then a dash and who said it
_DASH_CREDITED = rx.compile(r"[」”』][ \u3000]*(?:——|──|—|－－|--)(?=[ \u3000]*[^。！？!?「」『』“”；;]{1,40}$)")


def _titles(ents: list[Entity], shadow: str, roles: tuple[str, ...] = (), tokens=()) -> set[int]:
    """Entities that only qualify a person's title: 美國總統川普, 北京外交部發言人汪文斌, and, with
    no name after it, a person's role: 美國駐中國大使, 愛荷華前州長 (not 中國政府: a body, not a person)."""
    out = set()
    for x in ents:
        if x.label in ("GPE", "ORG") and _PERSON_ROLE.match(shadow, x.end):
            out.add(id(x))
            continue
        for y in ents:
            gap = y.start - x.end
            if y.label == "PERSON" and 0 < gap <= 10 and (gap <= 4 or any(r in shadow[x.end : y.start] for r in roles)) \
                    and not any(ch in "，,；;。：:" for ch in shadow[x.end : y.start]) \
                    and not any(x.end <= t.start and t.end <= y.start and (t.pos == "p" and t.norm in _OBJECT_MARKERS
                                                                          or x.label == "PERSON" and t.pos[:1] == "v")
                                for t in tokens):
                # (支持美國，但總理艾班尼斯: another clause; 習近平邀請李在明: a person acting on another;
                # 北京對賴清德政府的施壓: a preposition between)
                out.add(id(x))
    # 美國駐中國大使: the country sending the ambassador qualifies the role as well
    for x in ents:
        if id(x) not in out and shadow[x.end : x.end + 1] == "驻" and any(y.start == x.end + 1 and id(y) in out for y in ents):
            out.add(id(x))
    return out


#: prepositions that mark what someone acts on (北京對賴清德政府的施壓): no title stands before them
_OBJECT_MARKERS = frozenset({"对", "向", "把", "被", "给", "对于"})

#: roles that stand for one person (Simplified, as matched on the shadow), after 前 or 駐…
PERSON_ROLES = ("大使", "总统", "副总统", "总理", "首相", "州长", "部长", "外长", "防长", "发言人", "官员", "外交官", "议员", "参议员", "众议员")
_PERSON_ROLE = rx.compile("[前驻]*(?:" + "|".join(PERSON_ROLES) + ")")


def _topic_spans(tokens) -> list[tuple[int, int]]:
    """The spans of 就 (a preposition, "on") to the noun that ends its topic (就…言論, 就…問題)."""
    out = []
    for k, t in enumerate(tokens):
        if t.norm == "就" and t.pos == "p":
            end = next((x.end for x in tokens[k + 1 : k + 25] if x.norm.endswith(_TOPIC_ENDS)), None)
            if end is not None:
                out.append((t.start, end))
    return out


def _affiliations(ents: list[Entity], holder_ent: Entity | None, shadow: str, role_at: int = -1) -> set[str]:
    """The bodies the holder is introduced with (中國社會科學院亞太…研究院研究員李曉東認為, 新加坡國立大學
    …高級研究員黃啟明表示): an ORG in the holder's own noun phrase, named nowhere else in the sentence,
    is no target of what the holder says.  ``role_at``: where a holder named only by a role starts
    (新加坡國立大學東南亞研究學者指出: 學者)."""
    if holder_ent is not None and holder_ent.label == "PERSON":
        at = holder_ent.start
    elif holder_ent is None and role_at > 0:
        at = role_at
    else:
        return set()
    out = set()
    for e in ents:
        if e.label in ("ORG", "GPE") and e.end <= at and at - e.end <= 24 \
                and not _PHRASE_BREAK.search(_ACRONYM.sub(lambda m: "_" * len(m.group()), shadow[e.end : at])) \
                and sum(x.text == e.text for x in ents) == 1:
            out.add(e.text)  # (美國智庫德國馬歇爾基金會（GMF）亞洲計畫主任葛來儀: the country and the fund)
    return out


#: an acronym in brackets after a body's name (德國馬歇爾基金會（GMF）): no break in the phrase
_ACRONYM = rx.compile(r"[（(][A-Za-z][A-Za-z .&-]{0,12}[）)]")


#: what ends a noun phrase between a body and the person it introduces
_PHRASE_BREAK = rx.compile(r"[，,。；;：:「」“”（）()]|[的对向在]")


def _label_after(units: list[Unit], k: int) -> dict | None:
    """The person a bracketed label right after unit ``k`` names (（國民黨立委 賴士葆）), or None."""
    if k + 1 >= len(units) or not _SOUNDBITE_LABEL.fullmatch(units[k + 1].text.strip()):
        return None
    people = [e for e in units[k + 1].entities if e.label == "PERSON"]
    return _entity_dict(people[-1]) if people else None


#: a speaker's label in brackets under a broadcast's soundbite: （國民黨立委 賴士葆）, （國防部長 顧立雄）
_SOUNDBITE_LABEL = rx.compile(r"[（(][^（）()，。]{0,16}[\s\u3000]?[\u4e00-\u9fff·]{2,8}[）)]")


def _closed_later(doc: Document, k: int, limit: int = 8) -> bool:
    """Does a later sentence close the quotation unit ``k`` leaves open: in its paragraph, or in
    the next ones as long as they open with 「 (a quotation over paragraphs)?  (A mark left open by
    mistake quotes nothing after it.)"""
    last_end = doc.units[k].end
    for unit in doc.units[k + 1 : k + 1 + limit]:
        new_paragraph = "\n" in doc.text[last_end : unit.start]
        if new_paragraph and unit.text[:1] not in "「“":
            return False
        last_end = unit.end
        if _quote_tail(unit.text) or new_paragraph and not _leaves_open(unit.text, False):
            return True  # (a paragraph that opens with 「 again and closes it: the last of the quotation)
    return False


def _leaves_open(text: str, was_open: bool) -> bool:
    """Is a quotation open after ``text``: one it opens and does not close (「首先，…。 over several
    sentences and paragraphs), or one open before it that it does not close?"""
    depth = 1 if was_open and text[:1] not in "「“" else 0
    for ch in text:
        if ch in "「“":
            depth += 1
        elif ch in "」”" and depth:
            depth -= 1
    return depth > 0


def _quoted(text: str, open_: bool = False) -> list[bool]:
    """Whether each character is inside 「…」 or “…” (``open_``: inside one from the start, which an
    earlier sentence opened)."""
    if "「" not in text and "“" not in text and not open_:
        return [False] * (len(text) + 1)
    out, depth = [], int(open_)
    for ch in text:
        if ch in "「“":
            depth += 1
        out.append(depth > 0)
        if ch in "」”" and depth:
            depth -= 1
    out.append(False)
    return out


def _venue(shadow: str, e: Entity) -> bool:
    """A place named as where something happens, not what a stance is about: 在新加坡會談中,
    新加坡峰會, 於華府舉行 (but 在北京的施壓下, 在中國威脅下: Beijing and China act)."""
    if e.label == "ORG" and _in_adverbial(shadow, e):
        return True  # 在今年的聯合國大會中: an assembly as the occasion
    if e.label == "ORG" and _DESTINATION.search(shadow, max(0, e.start - 3), e.start):
        return True  # 要求國防部長到立法院專案報告: where someone is to go, not what is judged
    if e.label not in ("GPE", "LOC"):
        return False
    after = shadow[e.end : e.end + 2]
    if after[:1] == "的" or _UNDER_ITS.match(shadow, e.end):
        return False  # (在中國威脅下: under what China does)
    return shadow[max(0, e.start - 1) : e.start] in LOCATIVE or after in VENUE_WORDS


#: 在 X …下 with X's act between (在中國威脅下, 在美國施壓下), shadow forms
_UNDER_ITS = rx.compile(r"[\u4e00-\u9fff]{1,4}下(?![午旬周个次届])")


def _in_adverbial(shadow: str, e: Entity) -> bool:
    """The entity stands inside a time or place adverbial, 在/於 … 中/後/時: 在今年的聯合國大會中,
    在離開平壤後, 在與習近平通話後 — not the subject of the clause."""
    a = e.start
    k = a - 1
    while k >= 0 and a - k <= 12 and shadow[k] not in CLAUSE_PUNCT:
        if shadow[k] in ("在", "于"):
            after = shadow[e.end : e.end + 3]
            if after and after[0] in _ADVERBIAL_ENDS or after[:2] in ("期间", "之后", "之前", "以后", "以前"):
                return True
            # 在與 X 通話後, 在會見 X 時: X is the partner or object of the adverbial's own verb
            return shadow[k + 1 : k + 2] in _WITH and bool(_ADVERBIAL_VERB_END.match(shadow, e.end)) \
                or shadow[k + 1 : e.start].endswith(_MEETING_VERBS) and bool(_ADVERBIAL_VERB_END.match(shadow, e.end))
        k -= 1
    return False


_ADVERBIAL_ENDS = set("中后时上前内间")
# what may stand before 他/她 that opens a sentence and still continues the last speaker (shadow script)
_SENTENCE_OPENER = rx.compile(r"(?:但是?|而且?|不过|然而|同时|另外|此外|并且?)?[，,\s]*")
#: a sentence whose subject is a pronoun at its start, after such an opener (shadow forms)
_OPENING_PRONOUN = rx.compile(_SENTENCE_OPENER.pattern + r"(他|她)(?!们)")
_WITH = ("与", "和", "跟", "同")
_MEETING_VERBS = ("会见", "会晤", "接见", "会面", "会谈", "通话", "访问", "出访", "拜会", "见")
# after the partner: a verb of one or two characters, then the adverbial's end (通話後, 會面時, 會談期間)
_ADVERBIAL_VERB_END = rx.compile(r"[^，。；：！？、「」『』\s]{1,4}?(?:期间|之后|之前|以后|以前|后|时)")
_SOUGHT = rx.compile(r"(?:争取|获得|赢得|寻求|取得|失去|得到|需要|仰赖|依赖|吸引|拉拢|争得)[^，,。；;：:！？!?]{0,8}$")


_PASSIVE = rx.compile("|".join((*_PASSIVE_MARKERS, "受")))
#: words that make their subject a victim (shadow forms)
_VICTIM_WORDS = frozenset({"受害", "受害者", "受害国"})
_COPULA_BEFORE_VICTIM = rx.compile(r"并非|不是|是|成为|沦为|作为")
#: words of suffering before an act and the 的 of a phrase describing who suffers it (shadow forms)
_SUFFERING = rx.compile(r"饱受|深受|备受|屡受|屡遭|惨遭|遭受|受到|遭到")


def _ends_clause(shadow: str, clause: list[int], c: Cue) -> bool:
    """Does the cue's word end its clause (提出嚴正抗議。): nothing it governs after it?"""
    return c.end >= len(shadow) or clause[c.end] != clause[c.start] or shadow[c.end : c.end + 1] in "。！？；，,;!?」”"


def _caused_feelings(cues: list[Cue], ents: list[Entity], shadow: str, clause: list[int]) -> dict[int, tuple]:
    """Worries a cause gives (A令B擔憂, A讓B擔心: belief verbs): cue id -> (cue, A: the entity before
    令/讓/使 in the clause, or None; the entities between it and the feeling, who feel it)."""
    out: dict[int, tuple] = {}
    for c in cues:
        feeling = c.entry.kind == "evaluative" and c.polarity and shadow.endswith(_FEEL, 0, c.start)  # 讓盟友感到不安
        if not (c.entry.kind == "reporting" and c.entry.type == "belief" and c.polarity or feeling):
            continue
        start = clause.index(clause[c.start])
        k = max(shadow.rfind(w, start, c.start) for w in ("令", "让", "使"))
        if k < 0 or c.start - k > 12:
            continue
        felt = [x for x in ents if k < x.start and x.end <= c.start]
        if not felt and not feeling:
            continue  # (讓盟友普遍感到不安: those who feel are named by a noun, the cause before)
        cause = next((x for x in reversed(ents) if start <= x.start and x.end <= k), None)
        if cause is None and k == start and feeling:  # 川普…的「交易外交」，讓盟友…感到不安: the clauses before
            cause = next((x for x in reversed(ents) if x.end <= k and x.label in ACTOR_LABELS), None)
        out[id(c)] = (c, cause, felt)
    return out


#: verbs of feeling before the word that names the feeling (感到不安, 深感失望), shadow forms
_FEEL = ("感到", "觉得", "深感", "倍感", "感觉")


def _patients(cues: list[Cue], ents: list[Entity], shadow: str) -> set[int]:
    """Ids of the entities a negative act is done to: the one right after a negative evaluative
    word (削弱日本, 傷害到美國) and those coordinated with it (違反一個中國原則和中美三個聯合公報), and
    one inside a word that judges its doer (擾|台)."""
    out: set[int] = set()
    ordered = sorted(ents, key=lambda x: x.start)
    for c in cues:
        caused = _CAUSES_FEELING.search(shadow, max(0, c.start - 16), c.start) if shadow[c.start : c.end] in _REACTIONS else None
        if caused is not None:  # 引發北京強烈反彈, 引發中方嚴厲批評: they react; the reaction judges what caused it
            # (not 引發對美日安保的疑慮, 引發美日安保是否會出現變數的疑慮: doubts about the alliance);
            # 引發日本經濟界的不安: Japan's business community feels it
            out.update(id(x) for x in ordered if caused.start() < x.start and x.end <= c.start
                       and ("的" not in shadow[x.end : c.start] or _FEELERS_OF.fullmatch(shadow, x.end, c.start)
                            and not _ABOUT_BEFORE.search(shadow, caused.start(), x.start)))
        if c.polarity != "negative" or c.entry.kind != "evaluative" or shadow[c.start : c.end] in _CLAUSE_TAKING:
            continue  # (坐視中國擴張: China acts, it is no patient)
        if c.entry.role == "subject":  # 擾|台: the one harassed, inside the word
            out.update(id(x) for x in ordered if c.start < x.start and x.end <= c.end)
        cause = max(shadow.rfind(w, max(0, c.start - 16), c.start) for w in _CAUSING)
        if cause >= 0 and not any(ch in CLAUSE_PUNCT for ch in shadow[cause : c.start]):
            # 製造南韓和美國之間的隔閡: those between whom the rift is made suffer it
            out.update(id(x) for x in ordered if cause < x.start and x.end <= c.start)
        given = _GIVEN_HARM.search(shadow, max(0, c.start - 40), c.start)
        if given is not None and not any(ch in CLAUSE_PUNCT for ch in given.group()):
            # 給包括中國、菲律賓在內的亞洲各國人民帶來深重災難: those it is brought to suffer it
            out.update(id(x) for x in ordered if given.start() < x.start and x.end <= given.start(1))
        prev = next((x for x in ordered if 0 <= x.start - c.end <= 1 and _object_gap(shadow[c.end : x.start])), None)
        while prev is not None:
            out.add(id(prev))
            prev = next((x for x in ordered if x.start >= prev.end
                         and (shadow[prev.end : x.start] in _COORDINATORS or _HEAD_THEN_AND.fullmatch(shadow, prev.end, x.start))),
                        None)
    return out


#: a short head noun, then a coordinator (干涉香港|事務和|中國內政: China's affairs are interfered with too)
_HEAD_THEN_AND = rx.compile(r"[^\W\d_a-zA-Z的是在]{1,3}(?:和|与|及|以及|或)")


#: 給 X 帶來 / 造成 right before a harm (group 1: the verb), shadow forms
_GIVEN_HARM = rx.compile(r"给[^，。；！？]{1,30}?(带来|造成)[^，。；！？]{0,6}$")
#: verbs that make the harm their object names (製造…隔閡, 挑起…衝突), shadow forms
_CAUSING = ("制造", "挑起", "煽动", "激化")

#: negative words whose object is a clause, its subject acting (坐視中國在南海擴張, 縱容北京…)
_CLAUSE_TAKING = frozenset({"坐视", "放任", "纵容", "容忍", "默许"})


def _coordination(e: Entity, ents: list[Entity], shadow: str) -> list[Entity]:
    """The countries or bodies named together with ``e`` as one subject (美國、日本與南韓; 國民黨與
    民眾黨), in order; just ``e`` when there are none.  People joined by 與 alone are left apart
    (川普與習近平通話後表示: Trump speaks, Xi is whom he spoke with)."""
    ordered = sorted((x for x in ents if x.label in HOLDER_LABELS), key=lambda x: x.start)
    if e not in ordered:
        return [e]
    k = ordered.index(e)
    lo = hi = k
    while lo > 0 and shadow[ordered[lo - 1].end : ordered[lo].start] in _JOINERS:
        lo -= 1
    while hi + 1 < len(ordered) and shadow[ordered[hi].end : ordered[hi + 1].start] in _JOINERS:
        hi += 1
    group = ordered[lo : hi + 1]
    listed = any(shadow[a.end : b.start] == "、" for a, b in zip(group, group[1:]))
    if len(group) > 1 and (listed or all(x.label in ("GPE", "ORG") for x in group)):
        return group
    return [e]


_JOINERS = ("、", "与", "和", "及", "以及")


def _after_judged_doer(x: Entity, cues: list[Cue], clause: list[int], ents: list[Entity], shadow: str) -> bool:
    """Is ``x`` the object of the verb right after a word that judges a doer named before it in
    their clause (中國無權|代表|台灣, 以雙重標準|看待|香港)?  Then ``x`` is what the judged act is done
    to, and the clause's weight is not on it (not 中國擴張軍事威脅、北韓試射: a second doer)."""
    cl = clause[x.start]
    return any(c.entry.kind == "evaluative" and c.entry.role == "subject" and c.polarity == "negative"
               and clause[c.start] == cl and c.end <= x.start and _VERB_GAP.fullmatch(shadow, c.end, x.start)
               and any(y is not x and y.end <= c.start and clause[y.start] == cl for y in ents)
               for c in cues)


#: a verb of one or two characters between a judging word and its object (無權|代表|台灣; shadow forms)
_VERB_GAP = rx.compile(r"[^\W\d_a-zA-Z与和及、的]{1,3}")


def _group_holder(group: list[Entity], text: str) -> dict[str, Any]:
    """One holder for several named together: their words, their English joined, and each as a member."""
    names = [x.en or x.text for x in group]
    en = ", ".join(names[:-1]) + " and " + names[-1]
    return {"text": text[group[0].start : group[-1].end], "kb_id": None, "en": en,
            "members": [{"kb_id": x.kb_id, "en": x.en} for x in group]}


def _coordinated_after(e: Entity, ents: list[Entity], shadow: str) -> list[Entity]:
    """The entities joined to ``e`` by 與, 和, 及 or 、 right after it (國民黨與民眾黨, 美、日、韓)."""
    out, prev = [], e
    for x in sorted(ents, key=lambda x: x.start):
        if x.start < prev.end:
            continue
        if shadow[prev.end : x.start] in (*_JOINERS, "跟"):
            out.append(x)
            prev = x
        else:
            break
    return out


def _listed_objects(e: Entity, ents: list[Entity], shadow: str) -> list[Entity]:
    """The entities listed after a verb's object ``e`` as its objects too: a list with 、 (感謝美國、
    日本與歐盟), or two joined by 與/和/及 that end the phrase (譴責中國和俄羅斯的挑釁); not a partner
    of what follows (支持台灣與美國合作: the US is whom Taiwan works with)."""
    chain = _coordinated_after(e, ents, shadow)
    if not chain:
        return []
    joins = [shadow[a.end : b.start] for a, b in zip([e, *chain], chain)]
    ends = shadow[chain[-1].end : chain[-1].end + 1]
    return chain if "、" in joins or not ends or ends in "的等，。；：、！？" else []


def _quoted_after_object(gap: str) -> bool:
    """Does ``gap`` (between a verb and an entity) hold the verb's object, a noun for words or deeds,
    and then an opening quotation mark: a quotation about the object (譴責報告「…」, 批評這種做法「…」)?"""
    k = max(gap.rfind("「"), gap.rfind("“"), gap.rfind("『"))
    return k > 0 and gap[:k].rstrip().endswith(_DESCRIBED_NOUNS)


#: nouns a quotation after them describes (shadow forms)
_DESCRIBED_NOUNS = ("报告", "声明", "言论", "说法", "指控", "行为", "做法", "论调", "文章", "决定", "举动", "行径")


def _object_gap(gap: str) -> bool:
    """What may stand between a verb and its object: nothing, or one character such as 到 (傷害到美國),
    not a comma (威脅、北韓試射: the next item of a list)."""
    return not gap or "\u4e00" <= gap <= "\u9fff" or gap in ("「", "“", "『", "《")  # 突破「專守防衛」原則


_COORDINATORS = {"", "和", "与", "及", "、", "以及", "或", "跟"}


#: the rest of a charge's name after a word in it (勾結|外國勢力罪, 煽動|顛覆國家政權罪成)
_CHARGE = rx.compile(r"[^，。；：、！？「」『』（）()\s]{0,12}?罪(?:[成名嫌，。；、」）)]|$)")
#: between a speaker and its verb: 方 and an adverb, then what the verb is about (美方對修訂「深表關注」)
_SPEAKER_GAP = rx.compile(r"方?[也亦则并都还已曾再更]*(?:[对向][^，。；！？「」]{1,8})?[「『“]?")
#: Reporting verbs whose subject speaks, asks or believes (表示, 呼籲, 認為); an attitude verb's
#: subject (感謝日本支持) may be what the sentence is about, and so may the subject of a demand verb
#: that is conduct, not speech (reporting.tsv's conduct column: 賴清德當局頑固堅持…).
_SPEECH_TYPES = ("say", "demand", "belief")


def _speakers(cues: list[Cue], ents: list[Entity], clause: list[int], shadow: str, quoted_actor: bool = True,
              types: tuple[str, ...] | None = None, at: bool = False):
    """Ids of the entities right before a speech verb (布魯斯指出，美國反對…: Bruce speaks; the
    holder is the United States her words name; 外交部長林佳龍也呼籲…: a second speaker): who
    speaks is not what the words are about.  In the author's own sentence only a speech verb's
    subject is left out: who the author says believes or should do something (北京若真心希望…，就應
    放棄…) is what the sentence is about.  With ``types``, the subjects of those verbs; with ``at``, a
    dict from each subject's id to where its verb starts."""
    out: dict[int, int] = {}
    types = types or (_SPEECH_TYPES if quoted_actor else ("say",))
    for c in cues:
        if c.entry.kind != "reporting" or c.entry.type not in types or c.negated or c.entry.conduct:
            continue  # (北京沒有回應: Beijing says nothing, and its conduct may be judged)
        if _judged_words(c, cues, shadow):
            continue  # 日方領導人公然發表涉台挑釁言論: the words are judged, and so is who spoke them
        before = [x for x in ents if x.end <= c.start and clause[x.start] == clause[c.start]
                  and (c.start - x.end <= 4 or _SPEAKER_GAP.fullmatch(shadow, x.end, c.start))
                  and x.label in HOLDER_LABELS and "的" not in shadow[x.end : c.start]  # (華盛頓的壓制表示: no speaker)
                  and not _after_preposition(shadow, x)]  # (對美國「感到親近」: what is felt about)
        if before and not _opens_criticised_words(before[-1], cues, clause):
            out.setdefault(id(before[-1]), c.start)
    return out if at else set(out)


def _judged_words(c: Cue, cues: list[Cue], shadow: str) -> bool:
    """Is the speech verb's object a noun for words that a judging word qualifies (發表…挑釁言論,
    發表錯誤談話)?"""
    m = _WORDS_OBJECT.match(shadow, c.end)
    return m is not None and any(c.end <= d.start and d.end <= m.start(1) and d.entry.kind == "evaluative" and d.polarity
                                 for d in cues)


#: a speech verb's object: a few words, then a noun for words (shadow forms)
_WORDS_OBJECT = rx.compile(r"[^，,。；;：:「」“”]{1,10}?(言论|谈话|讲话|声明|说法|论调|发言)")


def _opens_criticised_words(x: Entity, cues: list[Cue], clause: list[int]) -> bool:
    """Does ``x`` open the words of a verb that criticises (鄭麗文批評，賴清德口口聲聲說要維持現狀，
    實際上卻…)?  Then what x says is what is criticised: x is the target, not another speaker."""
    a = clause.index(clause[x.start])
    return x.start - a <= 1 and any(h.entry.kind == "reporting" and h.entry.term in _CRITICISE and h.end == a - 1 for h in cues)


#: verbs of criticism whose words a comma opens (批評，…), as listed in the lexicon (Traditional)
_CRITICISE = frozenset({"批評", "批判", "抨擊", "指責", "痛批", "質疑", "斥責", "怒批", "砲轟", "炮轟", "狠批", "譴責", "嘲諷"})


_BRACKETED = rx.compile(r"[（(][^（）()]{1,40}[)）]")


def _qualifies_holder(x: Entity, holder: Entity | None, shadow: str) -> bool:
    """A country or a body named in the holder's description (北韓國營媒體朝中社, 日本東京大學教授川島真,
    輝達（NVIDIA）執行長黃仁勳, 美國國務院亞太事務助理國務卿康達): whose it is, not what the stance
    is about."""
    if holder is None or x.label not in ("GPE", "ORG") or not 0 <= holder.start - x.end <= 20:
        return False
    between = _BRACKETED.sub("", shadow[x.end : holder.start])  # 輝達（NVIDIA）執行長黃仁勳
    return len(between) <= 10 and all("\u4e00" <= ch <= "\u9fff" for ch in between) and "的" not in between


#: a judgement whose object a "not X but Y" frame names (真正值得擔心的不是…，而是…; 威脅不在美國，而在中國)
_NOT_BUT = rx.compile(r"的?(?:不是|并非|并不是|不在于?)[^。；！？]{0,40}?[，,]\s*(?:而是|而在于?|反而是)")


#: the X that "not X but Y" denies (group 1), from the negator to the comma before 而是, or that
#: "Y, not X" denies (group 2), to the clause's end (not 以實力而非對抗嚇阻中國: no clause of its own)
_DENIED = rx.compile(r"(?:不是|并非|并不是)([^。；！？，,「」“”『』]{1,40})[，,]\s*(?:而是|反而是)"
                     r"|[，,]\s*(?:而非|而不是)([^。；！？，,「」“”『』]{1,40})")


def _refocus(frame: re.Match, clause: list[int], ents: list[Entity]) -> Entity | None:
    """Whom the Y of a "not X but Y" frame names first (within a few characters of 而是, in its clause)."""
    end = frame.end()
    return next((x for x in ents if 0 <= x.start - end <= 4 and clause[x.start] == clause[end]), None)


def _token_before(tokens, at: int) -> Token | None:
    return next((t for t in tokens if t.end == at), None)


def _owned_by_a_setting(tokens, ents: list[Entity], c: Cue) -> bool:
    """Does a place that is no target (a sea, a region: 台海|安全) stand right before the cue's word,
    making a compound of it?"""
    prev = _token_before(tokens, c.start)
    return prev is not None and prev.pos == "ns" and not any(x.end == c.start for x in ents)


def _object_of_a_verb(tokens, x: Entity, verb: Cue) -> bool:
    """Is ``x`` right after a verb other than ``verb`` (協防|台灣): the object of an act the words
    name, not one whom the speech verb's attitude is about."""
    prev = _token_before(tokens, x.start)
    return prev is not None and prev.pos[:1] == "v" and prev.start >= verb.end


def _governed_between(cues: list[Cue], c: Cue, x: Entity) -> bool:
    """Does a word with a polarity of its own that governs an object stand between the cue and the
    entity after it (有效|抵擋|中國的外交封鎖: China is what is resisted, not what is effective), or is
    the entity the doer of a bad act named right after it (強化對中共統戰滲透的反制)?"""
    return any(c.end <= d.start and d.end <= x.start and d.polarity and d.entry.role == "object"
               and d.entry.kind in ("evaluative", "reporting") for d in cues) \
        or any(x.end <= d.start <= x.end + 2 and d.polarity == "negative" and d.entry.kind == "evaluative"
               and d.entry.role == "subject" for d in cues)  # 強化對中共統戰滲透的反制, 協助遭中共威脅的國人: its bad act

#: what stands between a name and its restatement: a bracket, perhaps after a title (惠普斯總統（Surangel…）
_BRACKET_AFTER_TITLE = rx.compile(r"[\u4e00-\u9fff]{0,4}\s*[（(]\s*")


def _restated(e: Entity, ents: list[Entity], text: str) -> bool:
    """The entity restates, in brackets, the one right before it: 艾班尼斯（Anthony Albanese）,
    容安瀾（Alan Romberg), 惠普斯總統（Surangel Whipps Jr.）.  The name in the sentence's own script
    holds the stance."""
    if e.start == 0 or text[e.start - 1] not in "（(":
        return False
    return any(x is not e and x.end < e.start and _BRACKET_AFTER_TITLE.fullmatch(text, x.end, e.start)
               and (x.kb_id == e.kb_id if x.kb_id and e.kb_id else (x.en or "").rstrip(".") == (e.en or "").rstrip("."))
               for x in ents)


def _after_preposition(shadow: str, e: Entity) -> bool:
    before = _two_before(shadow, e)
    if before in _TITLES_ENDING_LIKE_MARKERS:
        return False  # 駐日大使吳江浩, 印太司令部司令帕帕羅: a title, not 使 or 令 "make"
    if before in _VERBS_ENDING_IN_DUI:
        return False  # 應對美國…的侵略威脅: the verb's object, not the preposition 對
    return before in PREPOSITIONS or before[-1:] in PREPOSITIONS or before[-1:] in PATIENT_MARKERS or before in COERCION


def _in_toward_phrase(tokens, clause: list[int], at: int) -> bool:
    """Is the name or role at ``at`` further inside a phrase opened by 對 or 向 in its clause, with only
    names, nouns and conjunctions between (外交部對惠普斯總統及帛琉政府的堅定立場表示…: the government
    is what the ministry speaks of, not who speaks)?"""
    for t in reversed([t for t in tokens if t.end <= at and clause[t.start] == clause[at]]):
        if t.pos == "p" and t.norm in ("对", "向", "对于"):
            return True
        if t.pos[:1] not in ("n", "c") and t.norm not in ("、", "的"):
            return False
    return False


def _two_before(shadow: str, e: Entity) -> str:
    """The two characters before the entity, past an opening mark (依據《…》, 對「…」)."""
    return shadow[max(0, e.start - 3) : e.start].rstrip("《「“ ")[-2:]


_VERBS_ENDING_IN_DUI = {"应对", "面对", "反对", "绝对", "相对", "敌对", "核对"}
_TITLES_ENDING_LIKE_MARKERS = {"大使", "特使", "公使", "专使", "密使", "司令"}


def _disposed(tokens: list[Token]) -> set[int]:
    """Where the object of a disposal marker starts (將中國視為…, 將金門周邊水域「灰色地帶化」: acted
    upon, as after 把)."""
    markers = disposal_markers()
    return {t.end for t in tokens if t.pos == "p" and t.norm in markers}


def _targets(cues: list[Cue], clause: list[int], ents: list[Entity], text: str, shadow: str, holder_ent: Entity | None,
             verb: Cue | None = None, roles: tuple[str, ...] = (), quoted: list[bool] | None = None,
             disposed: set[int] | frozenset[int] = frozenset(), tokens=()):
    scores: dict[tuple, dict] = {}
    quoted = quoted or _quoted(text)

    hkey = (holder_ent.kb_id or holder_ent.text,) if holder_ent is not None else None
    # the holder's own country (a KB id's prefix: us-state-department is the United States'), which
    # a body speaks for (美國國務院發言人表示，美方一貫支持…) and a person calls its side (美方)
    home = holder_ent.kb_id.split("-")[0] if holder_ent is not None and holder_ent.kb_id and "-" in holder_ent.kb_id else None

    def add(e: Entity, pol: str, w: float) -> None:
        key = (e.kb_id or e.text,)
        if key == hkey or home and e.label == "GPE" and e.kb_id == home \
                and (holder_ent.label == "ORG" or shadow[e.end : e.end + 1] == "方"):
            return
        if pol != "neutral" and _names_issue(shadow, e.end):
            pol = "neutral"  # 在…北韓核問題上加強合作: the issue is a topic, and its name is judged by nothing here
        slot = scores.setdefault(key, {"e": e, "positive": 0.0, "negative": 0.0, "neutral": 0.0})
        slot[pol] += w

    titles = _titles(ents, shadow, roles, tokens)
    comparing = _compares(shadow)
    speakers = _speakers(cues, ents, clause, shadow, quoted_actor=holder_ent is not None)
    voiced = _speakers(cues, ents, clause, shadow, types=("stance",), at=True)
    ents = [x for x in ents if id(x) not in titles and not _venue(shadow, x) and not _restated(x, ents, text)
            and not _qualifies_holder(x, holder_ent, shadow) and id(x) not in speakers and not _hyped_term(shadow, x)
            and not _in_named_plan(x, ents, shadow) and not _between_parties(x, ents, shadow)
            and not shadow.startswith(_NAMED_OCCASIONS, x.end) and not shadow.endswith(_DESTINATIONS, 0, x.start)
            and not _DATA_SOURCE.match(shadow, x.end)
            and not (x.end - x.start == 1 and shadow[x.start - 1 : x.start] in _LEANING)  # 「親中疏日」: a label for someone
            and not (comparing and _COMPARED.match(shadow, clause.index(clause[x.start])))]  # (不像他們…支持臺灣: theirs)
    # 值得擔心的不是川普出賣台灣，而是…: a judgement before "not X but Y"; what the frame denies is
    # judged by nothing in it
    frames = {id(c): m for c in cues if c.polarity and (m := _NOT_BUT.match(shadow, c.end)) is not None}
    for c in cues:
        if id(c) in frames:
            ents = [x for x in ents if not (c.end <= x.start and x.end <= frames[id(c)].end())]
    patients = _patients(cues, ents, shadow) | {id(x) for x in ents if x.start in disposed}
    suffered = set()  # clauses whose subject suffers an agentless passive: their words judge no one before
    for c in cues:  # 香港的自治和自由持續受到侵蝕: the subject of an agentless passive suffers it
        if c.entry.kind == "evaluative" and shadow[c.start : c.end] in _VICTIM_WORDS:
            # 台灣並非中共跨國鎮壓的唯一受害者: the victim suffers, the one named after the copula acts
            start = clause.index(clause[c.start])
            copula = max((m.start() for m in _COPULA_BEFORE_VICTIM.finditer(shadow, start, c.start)), default=c.start)
            patients.update(id(x) for x in ents if clause[x.start] == clause[c.start] and x.end <= copula)
            c.polarity = None  # being a victim judges no one
            continue
        if c.entry.kind == "evaluative" and c.polarity == "negative" and _agentless_passive(shadow, c, ents):
            patients.update(id(x) for x in ents if clause[x.start] == clause[c.start] and x.end <= c.start)
            suffered.add(clause[c.start])
        elif c.entry.kind == "evaluative" and c.polarity == "negative":
            marker = _agent_passive(shadow, tokens, clause, c, ents)
            if marker is not None:  # 台灣申請加入CPTPP遭到中國阻撓: Taiwan suffers it, China does it
                patients.update(id(x) for x in ents if clause[x.start] == clause[c.start] and x.end <= marker)
    sufferers: set[int] = set()
    for c in cues:  # 飽受中國侵擾的日本: the one a 的-phrase of suffering describes suffers it (China does it)
        if c.entry.kind == "evaluative" and c.polarity == "negative" and shadow[c.end : c.end + 1] == "的":
            m = _SUFFERING.search(shadow, max(0, c.start - 12), c.start)
            if m is not None and not any(ch in CLAUSE_PUNCT for ch in shadow[m.end() : c.start]):
                sufferers.update(id(x) for x in ents if x.start == c.end + 1)
    patients |= sufferers
    caused = _caused_feelings(cues, ents, shadow, clause)
    feeling = {id(x) for _c, _cause, felt in caused.values() for x in felt}  # they feel it; it is not about them
    patients |= feeling
    charges = {id(c) for c in cues if c.entry.kind == "evaluative" and _CHARGE.match(shadow, c.end)}
    signed_clauses = set()
    described: set[int] = set()  # entities named in a quotation that describes a verb's object
    reported_at = {c.end for c in cues if c.entry.kind == "reporting" and c.entry.type == "say"}  # 指出|北京
    for c in cues:
        e = c.entry
        if not c.polarity or e.kind not in ("evaluative", "reporting"):
            continue
        if id(c) in charges:
            continue  # 違反《港區國安法》勾結外國勢力罪: the name of a charge judges no one
        if id(c) in caused:  # 川普對盟友的態度令東京和首爾擔憂: the cause is judged, not who feels it
            cause = caused[id(c)][1]
            if cause is not None and cause is not holder_ent:
                add(cause, c.polarity, e.weight * c.factor)
                signed_clauses.add(clause[c.start])
            continue
        if id(c) in frames:  # 值得擔心的不是川普…，而是北京…: the judgement goes to what 而是 names, none to what 不是 denies
            focus = _refocus(frames[id(c)], clause, ents)
            if focus is not None:
                add(focus, c.polarity, e.weight * c.factor)
                signed_clauses.add(clause[focus.start])
            continue
        w = e.weight * c.factor * (0.3 if e.kind == "evaluative" and e.weight <= 1 else 1.0)  # topical words bind weakly
        cl = clause[c.start]
        same = [x for x in ents if clause[x.start] == cl and not (x.start <= c.start and c.end <= x.end)]
        inside = [x for x in ents if x.start <= c.start and c.end <= x.end and x.label == "POLICY"]
        target = None
        if e.kind == "reporting" and e.partner:
            # 不打算在台海議題上與日本站在一起: whom the subject (does not) stand with, named after 與
            partner = [x for x in same if x.end <= c.start and x is not holder_ent and shadow[x.start - 1 : x.start] in _WITH]
            if partner:
                add(partner[-1], c.polarity, w)
                signed_clauses.add(cl)
                continue
        if e.role == "object":
            pre = [x for x in same if x.end <= c.start and _after_preposition(shadow, x) and shadow[x.start - 1] in "对向"
                   and not shadow.startswith(_POLICY_TOWARD, x.end)]  # (對政府的對日政策表達不滿: the policy, not Japan)
            # 譴責報告「…抹黑香港」: a quotation after the object describes it; what it names is not the object
            described.update(id(x) for x in same if x.start >= c.end and _quoted_after_object(shadow[c.end : x.start]))
            # (批評西方政客抹黑香港: Hong Kong is smeared, the critic's object is who smears it)
            post = [x for x in same if x.start >= c.end and id(x) not in described
                    and not (e.kind == "reporting" and c.polarity == "negative" and id(x) in patients)
                    and shadow[x.start - 1 : x.start] not in _CAUSATIVE]  # (支持讓尹錫悅暫停…: what he is made to do is supported)
            target = pre[-1] if pre else (post[0] if post else None)
            if target is None and e.kind == "reporting" and e.type == "stance" and c.polarity == "negative" \
                    and shadow[c.end : c.end + 1] in ("，", "：", ":") \
                    and shadow[c.start - 1 : c.start] not in ("的", "与", "和", "及"):  # (引起…的關注與譴責，: a noun)
                # 呂特警告，中國正在協助俄羅斯…: what is warned of (criticised, alleged) is done by the
                # subject that opens the words
                opening = [x for x in ents if clause[x.start] == cl + 1 and x.start - clause.index(cl + 1) <= 1
                           and x is not holder_ent] if cl + 1 in clause else []
                target = opening[0] if opening else None
            elif target is None and e.kind == "reporting" and c.polarity == "negative" and _ends_clause(shadow, clause, c) \
                    and not _PASSIVE.search(shadow, clause.index(cl), c.start) \
                    and not _NAMED_OBJECT.search(shadow, clause.index(cl), c.start):
                # 中國海警船隻進入釣魚台周邊海域，日方已…提出嚴正抗議: a protest with no object is
                # against the subject of the sentence's earlier clause (not 受到…批評: a passive)
                earlier = [x for x in ents if clause[x.start] < cl and x.label in ACTOR_LABELS and x is not holder_ent
                           and x.start - clause.index(clause[x.start]) <= 1 and id(x) not in patients]
                target = earlier[-1] if earlier else None
        else:
            pre = [x for x in same if x.end <= c.start and x is not holder_ent
                   and (not _after_preposition(shadow, x) or _two_before(shadow, x) in _ABOUT and c.start - x.end <= 2
                        or x.end == c.start and c.polarity == "negative" and shadow.endswith(_AGENT_MARKERS, 0, x.start))
                   # (協助遭中共威脅的國人: the agent of a passive does the bad act)
                   # (針對中共跨國鎮壓: what the phrase is about is the act, and its doer right before it)
                   and (shadow[max(0, x.start - 1) : x.start] not in LOCATIVE
                        or x.end == c.start and shadow[c.end : c.end + 1] == "下")  # (在中國威脅下: under China's threat)
                   and id(x) not in patients
                   and shadow[x.end : x.end + 1] != "案"  # 黎智英案是政治檢控: the case, not its defendant
                   and not _names_issue(shadow, x.end)  # 借台灣問題干涉…: a topic, not a doer (北韓核問題)
                   and not shadow.startswith(_FOLLOWERS, x.end)  # 尹錫悅的支持者…抗議: they protest, not he
                   and not voiced.get(id(x), c.start) < c.start]  # 美國反對任何一方片面改變: who objects to it
            if e.weight <= 1 and _owned_by_a_setting(tokens, ents, c):
                pre = []  # 中共軍方的人事變化…對台海安全的影響: the strait's security, no one's before it
            post = [x for x in same if x.start >= c.end and x.start - c.end <= 6 and x is not holder_ent and id(x) not in feeling]
            head = [x for x in post if shadow[c.end : c.end + 1] == "的" and x.start - c.end <= 8 and id(x) not in sufferers]
            framed = shadow.startswith(("的是，", "的是,"), c.end) and not pre
            if framed:  # 更令人憂心的是，國民黨…刪減國防預算: what the writer judges is done by the next clause's subject
                nxt = [x for x in ents if clause[x.start] == cl + 1 and x is not holder_ent and x.label in ACTOR_LABELS
                       and id(x) not in patients and not _after_preposition(shadow, x)]
                target = nxt[0] if nxt and nxt[0].start - (c.end + 3) <= 2 else None
            elif head:  # 富有魅力的原住民裔總統 Evo Morales: the word modifies the head
                target = head[0]
            elif pre:
                target = pre[-1]
            elif inside:
                target = inside[0]
            elif post and (c.polarity == "positive" and not _governed_between(cues, c, post[0])
                           or shadow[post[0].start - 1 : post[0].start] in "与和同跟"):
                target = post[0]  # 改善與日韓的關係; but in 危害到穆勒 the one after is the victim
            elif not any(voiced.get(id(x), c.start) < c.start for x in same if x.end <= c.start) \
                    and not shadow.endswith(_UNNAMED_ACTORS, 0, c.start) and cl not in suffered \
                    and not shadow.startswith(_CONSEQUENCE, clause.index(cl)) \
                    and not _opens_with_attitude(cues, clause, cl, c, shadow) \
                    and not shadow.startswith(_ELABORATION, clause.index(cl)) \
                    and not _DEMONSTRATIVE_SUBJECT.match(shadow, clause.index(cl)) \
                    and not _NOUN_BEFORE_MODAL.match(shadow, clause.index(cl)):  # 外國勢力的干預: its doer is named there;
                # 但這種平衡極為脆弱: the clause has a subject of its own, a thing named before
                # a clause without a subject continues the previous one (…中國政府利用…，來散布…政治宣傳)
                earlier = [x for x in ents if clause[x.start] < cl and not _after_preposition(shadow, x)
                           and not _SENTENCE_END.search(shadow, x.end, c.start)  # (not past 。 in a quotation of two sentences)
                           and not (quoted[x.start] and not quoted[c.start])  # (说什么“中华民国台湾”…: a term the words mock)
                           and shadow[max(0, x.start - 1) : x.start] not in LOCATIVE and id(x) not in patients
                           and x.label in HOLDER_LABELS]  # (a law does nothing: 依據《…條例》，…統戰活動)
                if earlier:  # when that subject is the holder, the word is what the holder speaks of
                    # a clause's subject, or the subject of reported words (指出北京…), before what its
                    # clause mentions (馬科斯政府上台以來，一改前任杜特爾特的務實路線，不斷…挑釁: Marcos
                    # provokes, not Duterte); a topic phrase (美國方面，) is no subject
                    subjects = [x for x in earlier if not shadow.startswith(_TOPIC_PHRASE, x.end) and (
                        x.start - clause.index(clause[x.start]) <= 1 or x.start in reported_at)]
                    if subjects:
                        target = max(subjects, key=lambda x: (clause[x.start], x.start))
                    else:
                        last = max(clause[x.start] for x in earlier)
                        target = next(x for x in earlier if clause[x.start] == last)
                    if holder_ent is not None and (target.kb_id or target.text) == (holder_ent.kb_id or holder_ent.text):
                        target = None
        if target is not None and target is not holder_ent:
            add(target, c.polarity, w)
            if target.start - clause.index(clause[target.start]) <= 1 and e.role != "object":
                for x in _coordinated_after(target, ents, shadow):  # 國民黨與民眾黨聯手…: both subjects
                    if x is not holder_ent:
                        add(x, c.polarity, w)
            elif e.role == "object" and target.start >= c.end:
                for x in _listed_objects(target, ents, shadow):  # 感謝美國、日本、澳洲與歐盟…: every one thanked
                    if x is not holder_ent:
                        add(x, c.polarity, w)
            if shadow[target.end : target.end + 1] == "等":  # 對中、俄等專制國家: every example the list gives
                for x in _coordination(target, ents, shadow):
                    if x is not target and x is not holder_ent:
                        add(x, c.polarity, w)
            signed_clauses.add(cl)
        for x in inside:  # 戰狼外交: the named policy itself carries the word's polarity
            if x is not target:
                add(x, c.polarity, w)
    for c in cues:
        if c.entry.kind in ("modal",) and c.entry.weight >= 1 and clause[c.start] not in signed_clauses:
            subj = [x for x in ents if clause[x.start] == clause[c.start] and x is not holder_ent
                    and not _after_preposition(shadow, x)]
            if subj:
                add(subj[0], "neutral", 0.5)
    # entities no word binds take the net polarity of their clause, or, in the complement of a
    # reported position, of the sentence; else they are neutral targets of that position
    net: dict[int, float] = {}
    for c in cues:
        if c.polarity and c.entry.kind in ("evaluative", "reporting") and id(c) not in charges:
            net[clause[c.start]] = net.get(clause[c.start], 0.0) + (1 if c.polarity == "positive" else -1) * c.entry.weight * c.factor
    whole = sum(net.values())
    for x in ents:
        marker = shadow[max(0, x.start - 1) : x.start]
        if (x.kb_id or x.text,) in scores or x is holder_ent or x.label not in ACTOR_LABELS \
                or marker in PATIENT_MARKERS or x.start in disposed or shadow[x.end : x.end + 1] == "案" \
                or shadow.startswith(_FOLLOWERS, x.end) or (marker and marker in "对向") or _two_before(shadow, x) in _CHANNELS:
            continue  # places, what the clause describes as acted upon (對台灣的霸凌, 使北韓屈服), a channel (透過北京)
        if _names_issue(shadow, x.end):
            add(x, "neutral", 0.3)  # 台灣問題與韓國有什麼關係: what the words are about, a topic
            continue
        if any(c.entry.kind == "modal" and c.entry.type == "prescription" and 0 <= c.start - x.end <= 2 for c in cues):
            add(x, "neutral", 0.3)  # 台灣應遏止中共的滲透: whom the writer tells what to do, not what is judged
            continue
        if id(x) in patients or id(x) in described:
            continue  # 削弱日本, 傷害到美國, 違反一個中國原則和中美三個聯合公報: what a negative act is done to
        if shadow[x.end : x.end + 1] != "的" and any(
                c.entry.kind in ("evaluative", "reporting") and c.entry.role == "object" and c.polarity
                and clause[c.start] == clause[x.start] and x.end <= c.start and not _after_preposition(shadow, x)
                for c in cues):
            continue  # 美方對判決深感失望, 中方對此堅決反對: who feels or voices an attitude is not what it is
            # about (民主黨的憤怒 is theirs)
        v = net.get(clause[x.start], 0.0)
        if v <= -1.5 and marker and marker in "与同跟":
            continue  # 避免與中國正面衝突: the other side of a conflict is not judged by it (a partnership's is)
        if _after_judged_doer(x, cues, clause, ents, shadow):
            continue  # 中國無權代表台灣: what the judged doer acts on is not judged
        if abs(v) >= 1.5:
            add(x, "positive" if v > 0 else "negative", 0.4)
        elif verb is not None and (x.start >= verb.end or quoted[x.start] and x.end <= verb.start) \
                and x.label in HOLDER_LABELS | {"POLICY"}:  # after the verb, or the quotation before it
            # the attitude of the last speech verb before it (質疑：桑德斯…, 警告…中國; 批評川普…，認為
            # 華府應…承諾協防台灣: 承諾's, not 批評's)
            last = max((c for c in cues if c.entry.kind == "reporting" and verb.start <= c.start and c.end <= x.start
                        and not quoted[c.start]), key=lambda c: c.start, default=verb)
            if last.polarity and (last is verb or clause[last.start] == clause[x.start]) \
                    and not (last is verb and x.start > verb.end and _object_of_a_verb(tokens, x, last)):
                add(x, last.polarity, 0.3)  # (質疑，川普政府是否願意協防台灣: Taiwan is what is defended, not questioned)
            elif last is verb and abs(whole) >= 1.5 and quoted[x.start]:  # inside a quotation the sentence is one position
                add(x, "positive" if whole > 0 else "negative", 0.3)
            # else: a name the report merely mentions (白宮表示…川普與羅森斯坦的會面…) is no target
    out = []
    for slot in scores.values():
        pol = max(("negative", "positive", "neutral"), key=lambda p: slot[p])
        if slot["positive"] and slot["negative"] and abs(slot["positive"] - slot["negative"]) < 0.5:
            pol = "neutral"
        out.append({**_entity_dict(slot["e"]), "polarity": pol})
    return out


# -- the stage ---------------------------------------------------------------------------------------------
def stance_stage(doc: Document, res) -> None:
    """Fill ``stance`` of every body unit; other units keep the empty stance."""
    lex = res.stance_lexicon
    model = res.stance_model
    kb = res.kb
    ctx = Context(country_of=lambda kb_id: getattr(kb.get(kb_id), "country", None) if kb is not None else None)
    shadow_all = doc.shadow or res.segmenter.shadow(doc.text)
    interviewee = _interviewee(doc)
    turns = _turns(doc) if interviewee is None else {}
    last_end = 0
    for k, unit in enumerate(doc.units):
        if "\n" in doc.text[last_end : unit.start]:
            ctx.reporting = None  # reported words go on to the end of their paragraph only
            ctx.in_quote = ctx.in_quote and unit.text[:1] in "「“"  # a quotation goes on into a paragraph opening with 「
        last_end = unit.end
        if unit.kind != "body":
            unit.stance = empty_stance()
            continue
        if interviewee is not None:
            m = _QA_MARK.match(unit.text)
            if m is not None:  # 答： the interviewee speaks until the next 問：
                ctx.speaker = interviewee if m.group(1) in ("答", "A") else None
                unit.speaker = ctx.speaker
        elif id(unit) in turns:  # 馬委員文君：… the speaker holds the turn's opinions, until the next turn
            ctx.speaker, ctx.label_end = turns[id(unit)]
            unit.speaker = ctx.speaker
        if is_english_sentence(unit.text):  # an English quotation or passage: the English cues
            unit.stance = english_unit_stance(unit, tagger_for(res).english, ctx)
            continue
        _note_titles(unit, ctx)
        if unit.text[:1] in "「“" and (speaker := _label_after(doc.units, k)) is not None:
            ctx.quoted = speaker  # 「我們支持國防…」 / （國民黨立委 賴士葆）: a soundbite, its speaker under it
        prob = model.probability(unit) if model is not None else None
        quoted_english = english_quotes(unit, tagger_for(res).english) if _ENGLISH_QUOTE.search(unit.text) else None
        unit.stance = unit_stance(unit, shadow_all[unit.start : unit.end], lex, ctx, prob, quoted_english)
        ctx.label_end = 0
        ctx.in_quote = _leaves_open(unit.text, ctx.in_quote) and ctx.quoted is not None and _closed_later(doc, k)


#: a question or an answer of an interview: 問：, 答：, Q:, 【答】
_QA_MARK = rx.compile(r"^\s*[【\[（(]?\s*(問|问|答|Q|A)\s*[】\]）)]?\s*[：:]")
# a person who gives the interview: 李大維日前接受本報專訪, 李大維接受《中央社》訪問
_GIVES_INTERVIEW = rx.compile(r"\s*(?:日前|近日|昨天|昨日|今天|日昨|於\S{1,10})?\s*(?:接受|受)[^，。]{0,12}(?:專訪|专访|訪問|访问|採訪|采访)")
_INTERVIEW_ROLE = rx.compile(r"^[【\[]?\s*(?:專訪|专访)\s*[】\]／/：:｜|]?\s*(?P<role>[^：:，,「」]{2,16})[：:]")


@dataclass
class EnglishQuotes:
    """What the English words a Chinese sentence quotes weigh (他直言：“Taiwan needs to be much more
    serious about its own defense.”), read by the English side's cues, in the Chinese rules' terms."""

    evaluative: float = 0.0
    modal: float = 0.0
    types: set[str] = field(default_factory=set)
    cues: list[dict[str, Any]] = field(default_factory=list)
    targets: list[dict[str, Any]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.cues)


#: English words in quotation marks inside a Chinese sentence: three words or more
_ENGLISH_QUOTE = rx.compile(r"[“\"「『]\s*([A-Za-z][A-Za-z0-9'’,;:\-\s.!?]{10,}?[A-Za-z.!?])\s*[”\"」』]")


def english_quotes(unit: Unit, english) -> EnglishQuotes | None:
    """The evidence of the English quotations of a Chinese sentence (:class:`EnglishQuotes`), or
    None when it quotes none: an evaluative English word weighs as a strong Chinese one (2), a modal
    as 應 or 將 (1)."""
    from .compare.lexicon import english_stance

    # three words or more, not all capitalised (「Leave Means Leave」 names a campaign, it says nothing)
    found = [m for m in _ENGLISH_QUOTE.finditer(unit.text)
             if len(words := m.group(1).split()) >= 3 and not all(w[:1].isupper() for w in words)]
    if not found:
        return None
    out = EnglishQuotes()
    for m in found:
        a, b = m.span(1)
        ents = [{"text": e.text, "start": e.start - a, "end": e.end - a, "label": e.label, "kb_id": e.kb_id, "en": e.en}
                for e in unit.entities if a <= e.start and e.end <= b]
        st = english_stance(m.group(1), ents, english.lex)
        for c in st["cues"]:
            kind = {"positive": "evaluative", "negative": "evaluative", "report": "reporting"}.get(c["kind"], c["kind"])
            if kind == "evaluative":
                out.evaluative += 2.0
                out.types.add("evaluation")
            elif kind == "modal":
                out.modal += 1.0
                out.types.add("prescription" if c["text"].lower() in _EN_PRESCRIPTIVE else "prediction")
            elif kind != "hedge":
                continue
            out.cues.append({"text": unit.text[a + c["start"] : a + c["end"]], "start": a + c["start"], "end": a + c["end"], "kind": kind})
        out.targets += [t for t in st["targets"] if t["polarity"] != "neutral"]
    out.evaluative = min(out.evaluative, 4.0)
    return out if out.cues else None


def english_unit_stance(unit: Unit, english, ctx: Context | None = None) -> dict[str, Any]:
    """The stance of an English sentence inside a Chinese article, from the English side's cues
    (:func:`pipeline.compare.lexicon.english_stance`: VADER's valences, reporting verbs, modals),
    in the terms of the Chinese records: valence words are ``evaluative`` cues, reporting verbs
    ``reporting`` (their subject holds it, ``attributed``), must/should/need ``prescription`` and
    will/may/could ``prediction``; the score is 0.5 + |valence| / 2 for a bearing sentence."""
    from .compare.lexicon import english_stance

    ents = [{"text": e.text, "start": e.start, "end": e.end, "label": e.label, "kb_id": e.kb_id, "en": e.en}
            for e in unit.entities]
    st = english_stance(unit.text, ents, english.lex)
    kinds = {"positive": "evaluative", "negative": "evaluative", "report": "reporting"}
    cues, seen, types = [], set(), set()
    for c in st["cues"]:
        kind = kinds.get(c["kind"], c["kind"])
        if (c["start"], kind) in seen:
            continue
        seen.add((c["start"], kind))
        cues.append({"text": c["text"], "start": c["start"], "end": c["end"], "kind": kind})
        if kind == "evaluative":
            types.add("evaluation")
        elif kind == "modal":
            types.add("prescription" if c["text"].lower() in _EN_PRESCRIPTIVE else "prediction")
    bearing = bool(st["bearing"])
    holder = st["holder"] if bearing else None
    pronoun = _EN_PRONOUN.match(unit.text)
    if holder == "AUTHOR" and pronoun and ctx is not None and ctx.person is not None \
            and any(c["kind"] == "reporting" for c in cues):  # He added that…: the person named before
        holder = {**_entity_dict(ctx.person), "mention": pronoun.group(1)}
    elif holder == "AUTHOR" and ctx is not None and ctx.speaker is not None:
        holder = ctx.speaker  # in a turn or an answer: the speaker's English words
    elif holder == "AUTHOR" and ctx is not None and ctx.quoted is not None \
            and (unit.quoted or unit.text.lstrip()[:1] in "「“\"'"):
        holder = ctx.quoted  # 赫格塞斯…上說： > "The threat China poses is real.": whoever introduced it
    if ctx is not None and not (unit.quoted or unit.text.lstrip()[:1] in "「“\"'"):
        ctx.quoted = None
    if ctx is not None:
        _remember(ctx, [e for e in unit.entities if e.label in TARGET_LABELS], holder, None)
    if isinstance(holder, dict):
        types.add("attributed")
    if "?" in unit.text:
        types.add("question")
    valence = abs(float(st["score"]))
    score = round(min(1.0, 0.5 + valence / 2), 3) if bearing else round(valence / 2, 3)
    hedged = any(c["kind"] == "hedge" for c in cues)
    return {**empty_stance(), "bearing": bearing,
            "types": [t for t in ("evaluation", "prediction", "prescription", "attributed", "question") if t in types] if bearing else [],
            "holder": holder, "targets": st["targets"] if bearing else [], "cues": cues, "score": score,
            "certainty": ("hedged" if hedged else "neutral") if bearing else None, "rule_score": score}


_EN_PRESCRIPTIVE = {"must", "should", "ought", "need", "needs", "shall"}
_EN_PRONOUN = rx.compile(r"(He|She)\b")


def _speaker_frames(unit: Unit, shadow: str, cues: list[Cue], quoted: list[bool], ctx: Context, holder_ent: Entity) -> bool:
    """In a turn, does the speaker's own speech verb, with only 我/我們 (or nothing) before it, come
    before the person the sentence reports (王委員定宇：我也要提醒…，鄭麗文主席說…)?"""
    first = next((c for c in cues if c.entry.kind == "reporting" and not quoted[c.start] and c.start >= ctx.label_end), None)
    if first is None or first.end > holder_ent.start:
        return False
    before = shadow[ctx.label_end : first.start].strip("：: ")
    return not any(ctx.label_end <= e.start < first.start for e in unit.entities) \
        and re.fullmatch(r"(?:我们?|本席|本人)?[也亦还再更都要想必须先]{0,4}", before) is not None


def _turns(doc: Document) -> dict[int, tuple[dict, int]]:
    """In a record of speaker turns (:mod:`pipeline.transcript`), the speaker of each unit that
    opens a turn and where its label ends, by ``id(unit)``: the person the label names (顧部長立雄
    -> Wellington Koo), the chair the header names for 主席 (主席：王委員定宇), else the label
    itself (法新社記者)."""
    openers = [u for u in doc.units if u.kind == "body" and doc.text[u.start - 1 : u.start] in ("", "\n")]
    if not is_transcript(u.text for u in openers):
        return {}
    chair = None
    described: list[tuple[str, dict]] = []  # 主持人：外交部發言人蕭光偉: 發言人 is 蕭光偉
    for u in doc.units:
        if u.kind != "note" or not u.entities or (field := header_field(u.text)) is None:
            continue
        person = next((e for e in u.entities if e.label == "PERSON"), None)
        if person is None:
            continue
        if field in ("主席", "主持人") and chair is None:
            chair = _entity_dict(person)
        described.append((u.text[len(field) : person.start], _entity_dict(person)))
    out: dict[int, tuple[dict, int]] = {}
    named: dict[str, Entity] = {}  # the people named so far, by surname (林: the interviewee 林正崑)
    people: list[Entity] = []
    for u in doc.units:
        for e in u.entities:
            if e.label == "PERSON" and 2 <= len(e.text) <= 5 and not e.text.isascii():
                named.setdefault(_traditional(e.text[0]), e)
                people.append(e)
    for u in openers:
        label = speaker_label(u.text)
        if label is None:
            continue
        end = u.text.index(label) + len(label)
        person = next((e for e in u.entities if e.label == "PERSON" and e.end <= end), None)
        if person is not None:
            speaker = _entity_dict(person)
        elif _traditional(label) in QUESTION_LABELS:
            speaker = {"text": label, "kb_id": None, "en": "the questioner"}
        elif len(label) == 1 and (who := named.get(_traditional(label))) is not None:
            speaker = {**_entity_dict(who), "mention": label}  # 林：… the 林正崑 the introduction names
        elif len(label) >= 3 and (who := named.get(_traditional(label[0]))) is not None and who.text + label[1:] in doc.text:
            speaker = {**_entity_dict(who), "mention": label}  # 梁副主委：… after 梁文傑副主委：
        elif len(label) == 2 and (who := next((e for e in people if len(e.text) >= 4 and e.text.startswith(label)), None)) is not None:
            speaker = {**_entity_dict(who), "mention": label}  # 松田：… the 松田隆之 the introduction names
        elif is_interviewer(label):
            speaker = {"text": label, "kb_id": None, "en": "the interviewer"}
        elif chair is not None and label in ("主席", "主持人"):
            speaker = {**chair, "mention": label}
        elif (who := next((p for role, p in described if label in role), None)) is not None:
            speaker = {**who, "mention": label}  # 發言人：… in a record whose header names the spokesperson
        else:
            speaker = {"text": label, "kb_id": None, "en": None}
        out[id(u)] = (speaker, end)
    return out


def _note_titles(unit: Unit, ctx: Context) -> None:
    """Remember who the unit names with a title one person holds (賴清德總統, 總統賴清德), for a
    later sentence whose holder is that title alone (總統表示…)."""
    titles = single_holder_titles()
    people = {e.start: e for e in unit.entities if e.label == "PERSON"}
    ends = {e.end: e for e in unit.entities if e.label == "PERSON"}
    for t in unit.tokens:
        if t.norm in titles:
            named = people.get(t.end) or ends.get(t.start)
            if named is not None:
                ctx.titled.setdefault(t.norm, {})[named.kb_id or named.text] = _entity_dict(named)


def _after_title(tokens, e: Entity) -> bool:
    """Does a title end right before the person (…常駐聯合國代表|傅聰)?"""
    prev = next((t for t in tokens if t.end == e.start), None)
    return prev is not None and prev.norm.endswith(title_words())


@lru_cache(maxsize=None)
def _shadow_rule_words(key: str) -> tuple[str, ...]:
    """A word list of entity_rules.yaml, as matched on the shadow."""
    from .entities import rules_file_data
    from .patterns import t2s_converter

    convert = t2s_converter().convert
    return tuple(sorted({convert(str(w)) for w in rules_file_data().get(key) or []}))


def title_words() -> tuple[str, ...]:
    """entity_rules.yaml's titles, as matched on the shadow."""
    return _shadow_rule_words("titles")


@lru_cache(maxsize=1)
def single_holder_titles() -> frozenset[str]:
    """entity_rules.yaml's titles one person holds at a time, as matched on the shadow."""
    return frozenset(_shadow_rule_words("single_holder_titles"))


def _interviewee(doc: Document) -> dict | None:
    """Who answers in an interview (answers marked 答： after questions marked 問：): the one person
    the title names, else the role before the title's colon (專訪／前國安會秘書長：…), else
    "the interviewee".  None for an article that is no interview."""
    marks = {m.group(1) for u in doc.units if u.kind == "body" and (m := _QA_MARK.match(u.text))}
    if not marks & {"答", "A"} or not marks & {"問", "问", "Q"}:
        return None
    front = [u for u in doc.units if u.kind in ("title", "lead")]
    people = {(e.text, e.kb_id, e.en) for u in front for e in u.entities if e.label == "PERSON"}
    if len(people) == 1:
        text, kb_id, en = next(iter(people))
        return {"text": text, "kb_id": kb_id, "en": en}
    title = next((u.text for u in front if u.kind == "title"), "")
    m = _INTERVIEW_ROLE.match(title)
    role = m.group("role").strip() if m is not None else ""
    # the introduction before the first question: 前國安會秘書長李大維日前接受本報專訪
    for u in doc.units:
        if _QA_MARK.match(u.text):
            break
        if u.kind not in ("body", "lead"):
            continue
        for e in u.entities:
            if e.label == "PERSON" and (role and u.text[: e.start].endswith(role[-4:])
                                        or _GIVES_INTERVIEW.match(u.text, e.end)):
                return _entity_dict(e)
    if role:
        return {"text": role, "kb_id": None, "en": None}
    return {"text": "受訪者", "kb_id": None, "en": "the interviewee"}


def combine(st: dict[str, Any], prob: float) -> dict[str, Any]:
    """Combine a finished stance with a model probability after the fact (for records already
    written): the mean of ``rule_score`` and ``prob``, bearing at 0.5.  A sentence the model alone
    makes bearing gets ``evaluation`` by AUTHOR; :func:`unit_stance` with ``prob`` does better, as it
    still has the rules' holder and targets."""
    st["model_score"] = round(float(prob), 3)
    st["score"] = round((st["rule_score"] + float(prob)) / 2, 3)
    was = st["bearing"]
    st["bearing"] = st["score"] >= 0.5
    if st["bearing"] and not was:
        st["types"] = ["evaluation"]
        st["holder"] = "AUTHOR"
        st["certainty"] = "neutral"
    elif not st["bearing"] and was:
        st.update(types=[], holder=None, targets=[], certainty=None)
    return st


class StanceModel:
    """A spaCy pipeline with a text classifier that has a ``BEARING`` label (``zhgloss train --stance``)."""

    def __init__(self, nlp, label: str = "BEARING"):
        self.nlp = nlp
        self.label = label

    @classmethod
    def load(cls, path: Path) -> "StanceModel":
        from .errors import ZhglossError

        try:
            import spacy
        except ImportError as exc:  # pragma: no cover - spaCy is a dependency
            raise ZhglossError("spaCy is not installed", "pip install spacy", where="--stance-model") from exc
        path = Path(path)
        if not path.is_dir():
            raise ZhglossError("stance model folder not found", "pass the folder written by zhgloss train --stance",
                               where=str(path))
        try:
            nlp = spacy.load(path)
        except Exception as exc:  # noqa: BLE001 - any load failure is a user-fixable path problem
            raise ZhglossError(f"cannot load the stance model ({exc.__class__.__name__})",
                               "pass a spaCy pipeline folder with a textcat component", where=str(path)) from exc
        labels = set()
        for name in nlp.pipe_names:
            labels |= set(getattr(nlp.get_pipe(name), "labels", ()) or ())
        if "BEARING" not in labels:
            raise ZhglossError("the stance model has no BEARING label",
                               "train it with zhgloss train --stance (a textcat with the label BEARING)", where=str(path))
        return cls(nlp)

    def probability(self, unit: Unit) -> float:
        from .spacy_bridge import unit_to_spacy

        doc = unit_to_spacy(unit, self.nlp.vocab) if unit.tokens else self.nlp.make_doc(unit.text)
        for name, proc in self.nlp.pipeline:  # the classifier and what it may listen to; not the NER
            if name in ("tok2vec", "transformer") or self.label in (getattr(proc, "labels", ()) or ()):
                doc = proc(doc)
        return float(doc.cats.get(self.label, 0.0))
