"""The English side of ``zhgloss compare``: sentences, entities, stance cues and word normalisation.

An English article (.txt, .md, .html, .pdf) becomes a list of records shaped like the Chinese
ones (``id``, ``doc_id``, ``n``, ``kind``, ``section``, ``text``, ``start``, ``end``, ``tokens``,
``entities``, ``stance``) plus ``lang: "en"``, so the comparison code treats both alike.

* **Sentences**: paragraphs (blank-line separated; hard-wrapped lines re-joined) split by
  :func:`pipeline.sentences.split_sentences`, which knows Latin-script abbreviations.
* **Entities**: every English name and alias of the knowledge base through a spaCy
  ``PhraseMatcher`` on ``spacy.blank("en")`` (case-sensitive; lowercase single-word aliases are
  left out: *rebalance* is a word first), demonyms (``data/english/demonyms.tsv``) as mentions of
  their country, then capitalised multiword names not in the KB by a spaCy ``Matcher`` rule
  (``source: "rule"``; titles such as *Prime Minister* from ``data/english/titles.tsv`` are stripped
  and make the name a PERSON).  If a statistical English pipeline happens to be installed
  (``en_core_web_sm``) its entities fill what the KB and the rule missed (``source: "model"``);
  nothing is ever downloaded.
* **Stance**: sentiment words from VADER's lexicon (read from the installed ``vaderSentiment``
  package, MIT licence), flipped by a negator up to three words before; reporting verbs, modals and
  hedges from ``data/english/cues.tsv``.  The score is VADER's normalisation of the summed valence,
  ``x / sqrt(x² + 15)``; polarity is positive above 0.05, negative below -0.05.  VADER's social-media
  valences are corrected for political prose by ``data/english/valence_overrides.tsv``.  The
  holder is the actor just before a reporting verb (at most three words, no comma between: *Beijing
  condemned*, *China's foreign ministry said*), else ``"AUTHOR"``; every other actor is a target
  with the sentence's polarity.
* **Words**: :func:`lemma` is a small rule-based lemmatiser (irregular forms from
  ``data/english/irregular.tsv``, then inflection suffixes); :func:`match_key` goes further and
  conflates derivations (*cooperation* / *cooperate*), for bilingual matching through glosses.
  Stopwords are spaCy's English stop list.

The word and cue functions (:func:`lemma`, :func:`match_key`, :func:`score_cues` …) live in
:mod:`pipeline.compare.lexicon` and are re-exported here.

Build :class:`English` once (it loads spaCy, the KB matcher and the lexicons on first use) and call
:meth:`English.analyse_file` (or :meth:`English.analyse_text`) per article.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Iterable

from . import rx
from .errors import InputError
from .compare.lexicon import (ACTOR_LABELS, DATA, Lexicons, content_words, english_stance, lemma, match_key,
                              polarity, read_table, score_cues, vader_lexicon)

__all__ = ["English", "Paragraph", "paragraphs", "read_english",
           # the word and cue functions live in pipeline.compare.lexicon; re-exported here
           "ACTOR_LABELS", "DATA", "Lexicons", "content_words", "english_stance", "lemma", "match_key",
           "polarity", "read_table", "score_cues", "vader_lexicon"]


# -------------------------------------------------------------------------------- reading
@dataclass
class Paragraph:
    kind: str  # title | heading | body
    text: str
    start: int


def read_english(path: Path, max_bytes: int = 50 * 1024 * 1024):
    """Read an English article like :func:`pipeline.readers.read_article` (Markdown front matter,
    ``title:`` and ``date:``, becomes hints instead of text).  Returns a ``RawArticle``."""
    from .readers import read_article

    return read_article(path, max_bytes=max_bytes)


#: A block with a line longer than this is not hard-wrapped: each of its lines is a paragraph.
WRAP_WIDTH = 100


def paragraphs(raw) -> list[Paragraph]:
    """Paragraphs of an English article: blank lines separate them; a block whose lines are all
    at most :data:`WRAP_WIDTH` long is hard-wrapped and re-joined, otherwise each line is a
    paragraph (one paragraph per line, as in news dumps); rules (``----``) dropped; Markdown
    headings keep their kind (level 1 first = title)."""
    out: list[Paragraph] = []
    title = raw.hints.get("title")
    if title:
        out.append(Paragraph("title", title, -1))
    text = raw.text
    for m in re.finditer(r"[^\n](?:.|\n(?![ \t\f]*\n))*", text):
        lines = [line.strip() for line in m.group(0).replace("\f", "\n").split("\n") if line.strip()]
        if not lines:
            continue
        if max(len(line) for line in lines) > WRAP_WIDTH and raw.format != "pdf":
            offset = m.start()  # long lines: the text is not hard-wrapped, every line is a paragraph
            for line in lines:
                at = text.find(line, offset)
                offset = at + len(line)
                _add_paragraph(out, raw, line, at, title)
            continue
        joined = " ".join(lines)
        joined = re.sub(r"(\w)- (\w)", r"\1-\2", joined) if "- " in joined and raw.format == "pdf" else joined
        _add_paragraph(out, raw, joined, m.start(), title)
    return out


def _add_paragraph(out: list[Paragraph], raw, joined: str, start: int, title: str | None) -> None:
    if not joined or re.fullmatch(r"[-=*_ ]{3,}", joined):
        return
    level = raw.headings.get(joined)
    if level is not None:
        kind = "title" if level == 1 and not any(p.kind == "title" for p in out) else "heading"
        if kind == "title" or joined != title:
            out.append(Paragraph(kind, joined, start))
        return
    if title and joined == title:
        return
    out.append(Paragraph("body", joined, start))


# ------------------------------------------------------------------------------- analysis
class English:
    """Loads spaCy, the knowledge-base matcher and the lexicons once; analyses English articles."""

    def __init__(self, kb=None):
        self._kb = kb

    @cached_property
    def kb(self):
        if self._kb is None:
            from .kb import KnowledgeBase

            self._kb = KnowledgeBase.load()
        return self._kb

    @cached_property
    def lex(self) -> Lexicons:
        return Lexicons.load()

    @cached_property
    def given_names(self) -> frozenset[str]:
        """First names of the knowledge base's people who write the given name first (Richard,
        Malcolm, Elbridge): a capitalised name that starts with one is a person's."""
        out = set()
        for entry in self.kb:
            words = entry.en.split()
            if entry.type == "PERSON" and entry.country not in _SURNAME_FIRST and len(words) >= 2 \
                    and len(words[0]) >= 3 and words[0].isalpha() and words[0][0].isupper():
                out.add(words[0])
        return frozenset(out)

    @cached_property
    def nlp(self):
        import spacy
        from spacy.util import compile_infix_regex

        nlp = spacy.blank("en")
        # "U.S.-Japan", "U.S.-ROK": split the hyphen after an abbreviation point, like "US-Japan".
        infixes = list(nlp.Defaults.infixes) + [r"(?<=\.)-(?=[A-Za-z])", r"(?<=[A-Z]{2})-(?=[A-Z])", r"[—–]"]
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        return nlp

    @cached_property
    def matchers(self):
        from spacy.matcher import Matcher, PhraseMatcher

        nlp = self.nlp
        phrases = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._names: dict[str, list[str]] = {}  # match key -> KB ids (several for ambiguous names)
        patterns: dict[str, list] = {}
        for entry in self.kb:
            if entry.type not in ACTOR_LABELS:
                continue
            names = {entry.en, *entry.en_aliases}
            if entry.type == "PERSON" and entry.country == "jp" and len(entry.en.split()) == 2:
                a, b = entry.en.split()
                names.add(f"{b} {a}")
            for name in names:
                if not name or (name[0].islower() and " " not in name) or len(name) < 2:
                    continue
                forms = {name, name[0].upper() + name[1:]} if name[0].islower() else {name}
                forms |= {f.replace("'", "’") for f in forms}  # People’s Republic of China
                for form in forms:
                    key = "KB:" + form
                    ids = self._names.setdefault(key, [])
                    if entry.id not in ids:
                        ids.append(entry.id)
                    patterns.setdefault(key, []).append(form)
        for key, forms in patterns.items():
            phrases.add(key, list(nlp.tokenizer.pipe(sorted(set(forms)))))
        for form, kb_id in self.lex.demonyms.items():
            phrases.add("DEM:" + kb_id, [nlp.tokenizer(form)])
        rules = Matcher(nlp.vocab)
        connect = {"LOWER": {"IN": ["of", "for", "and", "the", "de"]}, "OP": "?"}
        title = {"IS_TITLE": True, "IS_SENT_START": False}
        rules.add("NAME", [[title, {"IS_TITLE": True, "OP": "+"}],
                           [title, {"IS_TITLE": True, "OP": "*"}, connect, {"IS_TITLE": True, "OP": "+"}],
                           [{"IS_UPPER": True, "LENGTH": {">=": 2}, "IS_SENT_START": False}, {"IS_TITLE": True, "OP": "+"}],
                           # a known first name may open the sentence (Richard J. Samuels, Securing Japan …)
                           [{"ORTH": {"IN": sorted(self.given_names)}}, {"IS_TITLE": True, "OP": "+"}]],
                  greedy="LONGEST")
        return phrases, rules

    @cached_property
    def model(self):
        """A statistical English pipeline if one is installed (never downloaded), else None."""
        import spacy

        for name in ("en_core_web_sm", "en_core_web_md", "en_core_web_lg"):
            if spacy.util.is_package(name):
                try:
                    return spacy.load(name, disable=["parser", "lemmatizer"])
                except Exception:  # a broken or incompatible install: fall back to rules
                    return None
        return None

    # -- one sentence --------------------------------------------------------------------
    def entities(self, text: str, doc=None, names: bool = True) -> list[dict[str, Any]]:
        """Entities of one English sentence: KB names, demonyms, then (``names``) capitalised names."""
        doc = doc if doc is not None else self.nlp(text)
        phrases, rules = self.matchers
        spans = []
        for match_id, a, b in phrases(doc):
            spans.append((a, b, self.nlp.vocab.strings[match_id]))
        spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
        taken: set[int] = set()
        out: list[dict[str, Any]] = []
        for a, b, key in spans:
            if any(i in taken for i in range(a, b)):
                continue
            span = doc[a:b]
            if key.startswith("DEM:"):
                kb_id = key[4:]
                entry = self.kb.get(kb_id)
                out.append(self._entity(span, entry.type if entry else "GPE", kb_id, entry.en if entry else span.text, "demonym"))
            else:
                ids = self._names[key]
                entry = self._pick(ids, span.text)
                rec = self._entity(span, entry.type, entry.id, entry.en, "kb")
                if entry.id in self.lex.capitals:
                    rec["metonymy_of"] = self.lex.capitals[entry.id]
                if len(ids) > 1:
                    rec["candidates"] = list(ids)
                out.append(rec)
            taken.update(range(a, b))
        for _mid, a0, b0 in rules(doc) if names else ():
            # the runs of the match not already taken by a KB name ("U.S. | Disruptive Technology Strike Force")
            runs, a = [], a0
            for i in range(a0, b0 + 1):
                if i == b0 or i in taken:
                    if i > a:
                        runs.append((a, i))
                    a = i + 1
            for a, b in runs:
                titled = a > 0 and doc[a - 1].text.rstrip(".") in self.lex.titles
                while a < b and (doc[a].lower_ in _CONNECTORS or doc[a].text.rstrip(".") in self.lex.titles
                                 or not doc[a].is_title and not doc[a].is_upper):
                    titled = titled or doc[a].text.rstrip(".") in self.lex.titles
                    a += 1
                inner = [i for i in range(a, b) if doc[i].text.rstrip(".") in self.lex.titles]
                if inner:  # "Energy Secretary Rick Perry": the name follows the last title
                    a, titled = inner[-1] + 1, True
                while b > a and doc[b - 1].lower_ in _CONNECTORS:
                    b -= 1
                if b - a < 2 or b < len(doc) and doc[b].text == "-" and not doc[b - 1].whitespace_:
                    continue  # "Collective Self-Defense": the words go on past a hyphen
                span = doc[a:b]
                if all(w in _NEWSROOM_WORDS for w in span.text.split()):
                    continue  # By Staff Writer, Foreign Desk: no one's name
                label = _guess_label(span.text, self.given_names)
                if titled and label == "PERSON" or titled and len(span) <= 4 and label == "ORG" and \
                        not any(w in _LABEL_HEADS["ORG"] for w in span.text.split()):
                    label = "PERSON"
                out.append(self._entity(span, label, None, span.text, "rule"))
                taken.update(range(a, b))
        if self.model is not None:
            for ent in self.model(text).ents:
                if ent.label_ in ("PERSON", "GPE", "LOC", "ORG", "NORP", "EVENT", "FAC", "LAW"):
                    chars = range(ent.start_char, ent.end_char)
                    if any(o["start"] < ent.end_char and ent.start_char < o["end"] for o in out) or not chars:
                        continue
                    out.append({"text": ent.text, "start": ent.start_char, "end": ent.end_char,
                                "label": {"LAW": "POLICY"}.get(ent.label_, ent.label_), "kb_id": None,
                                "en": ent.text, "source": "model"})
        out.sort(key=lambda e: e["start"])
        return out

    def _pick(self, ids: list[str], text: str):
        """One entry for an ambiguous English name: countries first, then the first listed."""
        entries = [self.kb.get(i) for i in ids]
        entries = [e for e in entries if e is not None]
        for wanted in ("GPE", "ORG", "LOC", "PERSON"):
            for e in entries:
                if e.type == wanted and e.en == text:
                    return e
        for wanted in ("GPE", "ORG", "LOC", "PERSON"):
            for e in entries:
                if e.type == wanted:
                    return e
        return entries[0]

    @staticmethod
    def _entity(span, label: str, kb_id: str | None, en: str, source: str) -> dict[str, Any]:
        return {"text": span.text, "start": span.start_char, "end": span.end_char, "label": label,
                "kb_id": kb_id, "en": en, "source": source}

    def sentence(self, text: str) -> dict[str, Any]:
        """Tokens, entities and stance of one English sentence (offsets relative to ``text``)."""
        doc = self.nlp(text)
        tokens = [{"text": t.text, "start": t.idx, "end": t.idx + len(t.text), "pos": "", "gloss": None,
                   "lemma": lemma(t.text) if t.is_alpha else t.text.lower()} for t in doc if not t.is_space]
        words = [t for t in doc if t.is_alpha and t.lower_ not in self.lex.stopwords]
        headline = len(words) >= 3 and not text.rstrip().endswith((".", "!", "?", '"', "”", "'", "’")) \
            and sum(t.is_title or t.is_upper for t in words) >= 0.8 * len(words)
        ents = self.entities(text, doc, names=not headline)  # Title Case Headline: every word looks like a name
        words = [(t["text"], t["start"], t["end"]) for t in tokens if t["text"][:1].isalnum() or t["text"] in ("n't",)]
        return {"tokens": tokens, "entities": ents, "stance": english_stance(text, ents, self.lex, words)}

    # -- whole articles ------------------------------------------------------------------
    def analyse_paragraphs(self, paras: Iterable[Paragraph], doc_id: str, split: bool = True) -> list[dict[str, Any]]:
        """Records of an article given as paragraphs; ``split=False`` keeps one record per
        paragraph (for line-aligned text such as NTREX)."""
        from .sentences import split_sentences

        records: list[dict[str, Any]] = []
        seen: dict[str, int] = {}
        section = None
        for para in paras:
            if para.kind == "heading":
                section = para.text
            spans = split_sentences(para.text) if split and para.kind == "body" else [(0, len(para.text))]
            for a, b in spans:
                text = para.text[a:b]
                k = seen.get(text, 0)
                seen[text] = k + 1
                digest = hashlib.sha1(f"{doc_id}\x1f{text}\x1f{k}".encode("utf-8")).hexdigest()
                rec = {"id": f"{doc_id}:{digest[:12]}", "doc_id": doc_id, "n": len(records), "kind": para.kind,
                       "section": section if para.kind in ("body", "heading") else None, "text": text,
                       "start": para.start + a if para.start >= 0 else -1,
                       "end": para.start + b if para.start >= 0 else -1, "lang": "en"}
                rec.update(self.sentence(text))
                rec["gloss_en"] = text
                records.append(rec)
        return records

    def analyse_text(self, text: str, doc_id: str = "text", split: bool = True) -> list[dict[str, Any]]:
        from .readers import RawArticle, normalize_newlines

        return self.analyse_paragraphs(paragraphs(RawArticle(text=normalize_newlines(text), format="txt")), doc_id, split)

    def analyse_file(self, path: Path, doc_id: str | None = None) -> tuple[list[dict[str, Any]], dict[str, str]]:
        """Records and metadata (title, format, source) of an English article file."""
        from .annotate import doc_id_for

        raw = read_english(path)
        records = self.analyse_paragraphs(paragraphs(raw), doc_id or doc_id_for(path))
        if not records:
            raise InputError("no English text found", "give an article with prose", where=str(path))
        meta = {"format": raw.format, "source": str(path), **raw.hints}
        return records, meta


_CONNECTORS = ("the", "of", "and", "for", "on", "de")
#: capitalised words a byline uses for the newsroom, not a person (By Staff Writer, Our Correspondent)
_NEWSROOM_WORDS = frozenset({"Staff", "Writer", "Writers", "Reporter", "Reporters", "Correspondent", "Correspondents",
                             "Editor", "Editors", "Our", "Foreign", "News", "Desk", "Wire", "Wires", "Special"})

_LABEL_HEADS = {
    "ORG": ("Department", "Ministry", "Council", "Agency", "Party", "Institute", "University", "Bank", "Forum",
            "Committee", "Commission", "Office", "Administration", "Command", "Force", "Forces", "Army", "Navy",
            "Corporation", "Company", "Association", "Foundation", "Court", "Assembly", "Parliament", "Group",
            "Times", "Post", "News", "Center", "Centre", "Service", "Guard", "Bureau", "Senate", "House",
            "Union", "Alliance", "Coalition", "Register", "Journal", "Network", "Club", "Fund", "Organization",
            "Organisation", "Authority", "Board", "Labs", "Ministry"),
    "LOC": ("Sea", "Strait", "Ocean", "Peninsula", "Island", "Islands", "Gulf", "Bay", "River", "Mountains", "Region",
            "Lake", "Zone", "Valley", "Coast", "Province", "County", "Mountain", "Desert", "Basin"),
    "EVENT": ("Summit", "War", "Conference", "Dialogue", "Games", "Olympics", "Exercise", "Crisis", "Talks"),
    "POLICY": ("Act", "Treaty", "Agreement", "Accord", "Strategy", "Doctrine", "Initiative", "Declaration",
               "Statement", "Principles", "Framework", "Law", "Charter", "Commitment"),
}


#: countries whose people's names are written in English surname first (Xi Jinping, Lee Jae-myung)
_SURNAME_FIRST = frozenset({"cn", "tw", "hk", "mo", "kr", "kp", "jp", "vn", "sg", "kh", "hu"})
_INITIAL = rx.compile(r"[A-Z]\.")


def _guess_label(text: str, given_names: frozenset[str] = frozenset()) -> str:
    """Label of a capitalised name not in the KB from its head word; PERSON for 2–3 plain words,
    or for a name that starts with a known first name or has a middle initial (Richard J. Samuels)."""
    words = text.split()
    for label, heads in _LABEL_HEADS.items():
        if any(w in heads for w in words):
            return label
    if 2 <= len(words) <= 4 and (words[0] in given_names or any(_INITIAL.fullmatch(w) for w in words[1:-1])):
        return "PERSON"
    if words[-1].endswith("s") and not words[-1].endswith(("ss", "'s", "’s")):
        return "ORG"  # a plural head: National Labs, Armed Forces
    if 2 <= len(words) <= 4 and all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha() for w in words):
        return "PERSON"
    return "ORG"
