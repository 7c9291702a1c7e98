"""The comparison report: ``index.html`` (one self-contained page: inline CSS, no script, no
external asset; every piece of article text escaped) and four CSV tables written with pandas:

* ``actors.csv`` — one row per actor and pair: counts and forms in each text, shared or not;
* ``stance.csv`` — one row per stance-bearing sentence and actor, with the pair's agreement
  (``score``: signed valence from the lexicons, or the stance stage's strength 0–1 — see ``source``)
  (``role``: ``target`` — a stance toward the actor, ``holder`` — a stance the actor takes);
* ``passages.csv`` — for each sentence of the first text, its top related sentences with scores;
* ``coverage.csv`` — actors and topic words only one text of a pair has, and passages (``n``) that
  relate to no sentence of the other text.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import Comparison

TOP_LINKS = 3
MAX_STANCE_ITEMS = 6
MAX_SAID = 3

CSS = """
body{font-family:system-ui,"Noto Sans CJK TC","WenQuanYi Micro Hei",sans-serif;margin:0 auto;max-width:1200px;padding:1em 1.5em;color:#1d2430;line-height:1.45}
h1{font-size:1.5em;margin-bottom:.2em}h2{border-bottom:2px solid #d0d7e2;padding-bottom:.2em;margin-top:1.8em}
h3{margin:1.2em 0 .4em}nav a{margin-right:1em}
table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:.92em}
th,td{border:1px solid #d8dee8;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#eef2f7}td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.only-first td:first-child{border-left:4px solid #3b82c4}tr.only-other td:first-child{border-left:4px solid #c47f3b}
tr.shared td:first-child{border-left:4px solid #4a9d5b}
.zh{font-size:1.05em}.gloss{color:#4d5a6e;font-size:.88em;font-style:italic}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1em}.pair>div{background:#f7f9fc;border:1px solid #e1e6ee;border-radius:6px;padding:.5em .8em}
.pol{display:inline-block;border-radius:4px;padding:0 .4em;font-size:.82em;font-weight:600}
.positive{background:#dcf2e0;color:#1f6b30}.negative{background:#f8dcdc;color:#8a1f1f}.neutral{background:#e8ebf0;color:#454f5e}
.mixed{background:#f6ecd2;color:#7a5a12}.disagree{background:#8a1f1f;color:#fff}.differ{background:#f6ecd2;color:#7a5a12}
.agree{background:#dcf2e0;color:#1f6b30}.one-sided{background:#e8ebf0;color:#454f5e}
.cues,.meta{color:#5d6878;font-size:.85em}.score{font-variant-numeric:tabular-nums;color:#334}
.aligned{font-size:.78em;background:#e3edf9;color:#23518a;border-radius:4px;padding:0 .3em}
ul.links{margin:.3em 0 .8em 1em;padding:0}ul.links li{margin:.25em 0}
.terms span{display:inline-block;background:#eef2f7;border-radius:4px;padding:0 .4em;margin:.15em}
details summary{cursor:pointer}.unmatched-unit{margin:.4em 0}.said{border-top:1px dashed #c9d1dc;margin-top:.5em;padding-top:.3em}
"""


def _e(s: object) -> str:
    return escape("" if s is None else str(s), quote=True)


def _pol(p: str) -> str:
    return f'<span class="pol {_e(p)}">{_e(p)}</span>'


def _unit_html(rec: dict, lang: str) -> str:
    if lang == "zh":
        return f'<div class="zh" lang="zh-Hant">{_e(rec.get("text"))}</div><div class="gloss">{_e(rec.get("gloss_en"))}</div>'
    return f'<div lang="en">{_e(rec.get("text"))}</div>'


def _score(it) -> str:
    """A lexicon score is signed valence; the stance stage's is the strength of the stance (0–1)."""
    if it.source == "stance-stage":
        return f'<span class=score title="stance strength (0–1)">{it.score:.2f}</span>'
    return f'<span class=score title="valence (-1 to 1)">{it.score:+.2f}</span>'


def _forms(actor) -> str:
    return ", ".join(f"{f} ({n})" for f, n in actor.forms.most_common()) if actor else ""


def write_report(results: list["Comparison"], outdir: Path) -> Path:
    """Write index.html and the CSV tables for every comparison; return the HTML path."""
    import pandas as pd

    from ..records import write_atomic

    outdir = Path(outdir)
    tables = {name: [] for name in ("actors", "stance", "passages", "coverage")}
    for c in results:
        _rows(c, tables)
    for name, rows in tables.items():
        write_atomic(outdir / f"{name}.csv", pd.DataFrame(rows, columns=_COLUMNS[name]).to_csv(index=False))
    html = render(results)
    path = outdir / "index.html"
    write_atomic(path, html)
    return path


_COLUMNS = {
    "actors": ["first", "other", "actor_key", "actor", "type", "count_first", "count_other", "forms_first", "forms_other", "in"],
    "stance": ["first", "other", "actor_key", "actor", "text", "n", "sentence", "gloss", "polarity", "score", "cues",
               "holder", "source", "overall", "agreement", "role"],
    "passages": ["first", "other", "n", "sentence", "gloss", "rank", "other_n", "other_sentence", "score", "similarity",
                 "aligned", "shared_actors", "shared_words"],
    "coverage": ["first", "other", "kind", "item", "only_in", "count", "n"],
}


def _rows(c: "Comparison", t: dict) -> None:
    A, B = c.first.doc_id, c.other.doc_id
    for key in [*c.shared, *(a.key for a in c.only("first")), *(a.key for a in c.only("other"))]:
        fa, fb = c.actors_first.get(key), c.actors_other.get(key)
        where = "both" if fa and fb else "first" if fa else "other"
        t["actors"].append([A, B, key, c.name(key), (fa or fb).label, fa.count if fa else 0, fb.count if fb else 0,
                            _forms(fa), _forms(fb), where])
    for key in c.shared:
        agree = c.agreement(key)
        for doc, st in ((A, c.stance_first.get(key)), (B, c.stance_other.get(key))):
            if st is None:
                continue
            for role, items in (("target", st.items), ("holder", st.said)):
                for it in items:
                    t["stance"].append([A, B, key, c.name(key), doc, it.n, it.text, it.gloss, it.polarity, it.score,
                                        "; ".join(it.cues), it.holder, it.source, st.overall, agree, role])
    ua, ub = c.first.units, c.other.units
    for i, links in enumerate(c.alignment.ranked):
        for rank, l in enumerate(links[:TOP_LINKS], 1):
            t["passages"].append([A, B, ua[i].get("n"), ua[i].get("text"), ua[i].get("gloss_en", ""), rank,
                                  ub[l.j].get("n"), ub[l.j].get("text"), round(l.score, 4), round(l.similarity, 4),
                                  l.aligned, "; ".join(l.shared_actors), "; ".join(l.shared_words)])
    for which, doc in (("first", A), ("other", B)):
        for a in c.only(which):
            t["coverage"].append([A, B, "actor", a.name, doc, a.count, ""])
    for doc, terms in ((A, c.terms_only[0]), (B, c.terms_only[1])):
        for w, n in terms:
            t["coverage"].append([A, B, "term", w, doc, n, ""])
    for which, doc, units in (("first", A, c.first.units), ("other", B, c.other.units)):
        for i in c.unmatched(which):
            t["coverage"].append([A, B, "passage", units[i].get("text"), doc, 1, units[i].get("n")])


# ----------------------------------------------------------------------------------------- HTML
def render(results: list["Comparison"]) -> str:
    first = results[0].first
    title = f"zhgloss compare: {first.doc_id} and " + ", ".join(c.other.doc_id for c in results)
    parts = [f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
             f'<meta name="viewport" content="width=device-width, initial-scale=1">'
             f"<title>{_e(title)}</title><style>{CSS}</style></head><body>",
             f"<h1>{_e(title)}</h1>", '<table class="texts"><tr><th>text</th><th>language</th><th>title</th>'
             "<th>source</th><th>units compared</th><th>stance from</th></tr>"]
    seen = set()
    for c in results:
        for text, src in ((c.first, c.stance_source[0]), (c.other, c.stance_source[1])):
            if text.doc_id in seen:
                continue
            seen.add(text.doc_id)
            parts.append(f"<tr><td>{_e(text.doc_id)}</td><td>{'Chinese' if text.lang == 'zh' else 'English'}</td>"
                         f"<td>{_e(text.title)}</td><td>{_e(text.source)}</td><td class=num>{len(text.units)}</td>"
                         f"<td>{_e(src)}</td></tr>")
    parts.append("</table>")
    parts.append('<p class="meta">Tables: actors.csv, stance.csv, passages.csv, coverage.csv next to this page. '
                 "Actors are linked through the knowledge base (English names and aliases, Chinese forms); "
                 "capitals and demonyms count for their country.</p>")
    for k, c in enumerate(results, 1):
        parts.append(_pair(c, k, len(results) > 1))
    parts.append("</body></html>\n")
    return "".join(parts)


def _pair(c: "Comparison", k: int, several: bool) -> str:
    A, B = c.first, c.other
    out = [f'<article class="comparison" id="pair-{k}">']
    if several:
        out.append(f"<h2>{_e(A.doc_id)} and {_e(B.doc_id)}</h2>")
    out.append(f'<nav><a href="#actors-{k}">Actors</a><a href="#stance-{k}">Stance by actor</a>'
               f'<a href="#passages-{k}">Related passages</a><a href="#coverage-{k}">Coverage</a></nav>')
    out += _actors(c, k) + _stance(c, k) + _passages(c, k) + _coverage(c, k)
    out.append("</article>")
    return "".join(out)


def _actors(c: "Comparison", k: int) -> list[str]:
    A, B = c.first.doc_id, c.other.doc_id
    out = [f'<section class="actors" id="actors-{k}"><h2>Actors</h2>',
           f"<p>{len(c.shared)} shared actors; {len(c.only('first'))} only in {_e(A)}, "
           f"{len(c.only('other'))} only in {_e(B)}.</p>",
           f"<table><tr><th>actor</th><th>type</th><th>{_e(A)}</th><th>{_e(B)}</th><th>forms in {_e(A)}</th>"
           f"<th>forms in {_e(B)}</th></tr>"]
    head = out[-1]
    out += _actor_rows(c, [(key, "shared") for key in c.shared])
    out.append("</table>")
    for which, doc in (("first", A), ("other", B)):
        only = c.only(which)
        if only:
            out.append(f'<details class="only-{which}"><summary>{len(only)} actors only in {_e(doc)}</summary>{head}')
            out += _actor_rows(c, [(a.key, f"only-{which}") for a in only])
            out.append("</table></details>")
    out.append("</section>")
    return out


def _actor_rows(c: "Comparison", rows: list[tuple[str, str]]) -> list[str]:
    out = []
    for key, cls in rows:
        fa, fb = c.actors_first.get(key), c.actors_other.get(key)
        out.append(f'<tr class="{cls}"><td>{_e(c.name(key))}</td><td>{_e((fa or fb).label)}</td>'
                   f"<td class=num>{fa.count if fa else 0}</td><td class=num>{fb.count if fb else 0}</td>"
                   f'<td lang="zh-Hant">{_e(_forms(fa))}</td><td>{_e(_forms(fb))}</td></tr>')
    return out


def _summary(st) -> str:
    if st is None or not st.items:
        return '<span class="meta">no stance-bearing sentence</span>'
    cnt = st.counts()
    return f"{_pol(st.overall)} <span class=meta>{cnt['positive']}+ / {cnt['negative']}− / {cnt['neutral']}·</span>"


def _stance(c: "Comparison", k: int) -> list[str]:
    A, B = c.first, c.other
    out = [f'<section class="stance" id="stance-{k}"><h2>Stance by actor</h2>',
           f'<p class="meta">Polarity in {_e(A.doc_id)} from {_e(c.stance_source[0])}, in {_e(B.doc_id)} from '
           f"{_e(c.stance_source[1])}. Disagree: one text positive, the other negative; differ: one signed, "
           "the other neutral or mixed.</p>"]
    contested = [key for key in c.shared if c.agreement(key) in ("disagree", "differ")]
    out.append("<h3>Where the texts disagree</h3>")
    if contested:
        out.append(f"<table class=disagreements><tr><th>actor</th><th>{_e(A.doc_id)}</th><th>{_e(B.doc_id)}</th><th></th></tr>")
        for key in sorted(contested, key=lambda x: c.agreement(x) != "disagree"):
            out.append(f"<tr><td>{_e(c.name(key))}</td><td>{_summary(c.stance_first.get(key))}</td>"
                       f"<td>{_summary(c.stance_other.get(key))}</td><td>{_pol(c.agreement(key))}</td></tr>")
        out.append("</table>")
    else:
        out.append("<p>No shared actor on which the texts take different stances.</p>")
    for key in c.shared:
        sa, sb = c.stance_first.get(key), c.stance_other.get(key)
        agree = c.agreement(key)
        out.append(f'<details class="actor-stance" open><summary><strong>{_e(c.name(key))}</strong> {_pol(agree)}</summary>'
                   f'<div class="pair">')
        for text, st in ((A, sa), (B, sb)):
            out.append(f"<div><div><strong>{_e(text.doc_id)}</strong>: {_summary(st)}</div>")
            for it in (st.items if st else [])[:MAX_STANCE_ITEMS]:
                rec = {"text": it.text, "gloss_en": it.gloss}
                out.append(f"<p>{_pol(it.polarity)} {_score(it)}{_unit_html(rec, text.lang)}"
                           f'<span class="cues">cues: {_e(", ".join(it.cues[:8]))}'
                           f'{"; holder: " + _e(it.holder) if it.holder and it.holder != "AUTHOR" else ""}</span></p>')
            if st and len(st.items) > MAX_STANCE_ITEMS:
                out.append(f'<p class="meta">… {len(st.items) - MAX_STANCE_ITEMS} more in stance.csv</p>')
            if st and st.said:
                out.append(f'<div class="said"><strong>{_e(c.name(key))} says</strong> '
                           f'<span class="meta">(the stance it holds, not counted above)</span>')
                for it in st.said[:MAX_SAID]:
                    rec = {"text": it.text, "gloss_en": it.gloss}
                    out.append(f"<p>{_pol(it.polarity)} {_score(it)}{_unit_html(rec, text.lang)}</p>")
                out.append("</div>")
            out.append("</div>")
        out.append("</div></details>")
    out.append("</section>")
    return out


def _passages(c: "Comparison", k: int) -> list[str]:
    A, B = c.first, c.other
    al = c.alignment
    out = [f'<section class="passages" id="passages-{k}"><h2>Related passages</h2>',
           f'<p class="meta">For each sentence of {_e(A.doc_id)}, the {TOP_LINKS} most related sentences of '
           f"{_e(B.doc_id)}: IDF-weighted cosine over shared actors and gloss vocabulary. "
           + ("The texts look near-parallel: the monotonic alignment pairs sentences one to one and aligned "
              "pairs are ranked first." if al.parallel else "The texts are not parallel; no alignment bonus.")
           + "</p>"]
    ua, ub = A.units, B.units
    for i, links in enumerate(al.ranked):
        out.append(f'<div class="passage"><div class="pair"><div>{_unit_html(ua[i], A.lang)}</div><div>')
        if not links:
            out.append('<span class="meta">no related sentence</span>')
        else:
            out.append('<ul class="links">')
            for l in links[:TOP_LINKS]:
                why = ", ".join([*l.shared_actors, *l.shared_words[:6]])
                out.append(f"<li><span class=score>{l.score:.2f}</span> "
                           f"{'<span class=aligned>aligned</span> ' if l.aligned else ''}"
                           f"{_unit_html(ub[l.j], B.lang)}<span class=cues>shared: {_e(why)}</span></li>")
            out.append("</ul>")
        out.append("</div></div></div>")
    out.append("</section>")
    return out


def _coverage(c: "Comparison", k: int) -> list[str]:
    A, B = c.first.doc_id, c.other.doc_id
    out = [f'<section class="coverage" id="coverage-{k}"><h2>Coverage</h2><div class="pair">']
    for doc, which, terms in ((A, "first", c.terms_only[0]), (B, "other", c.terms_only[1])):
        out.append(f"<div><h3>Only in {_e(doc)}</h3><p><strong>Actors:</strong> ")
        out.append(", ".join(f"{_e(a.name)} ({a.count})" for a in c.only(which)) or "none")
        out.append('</p><p class="terms"><strong>Topic words</strong> (used twice or more, never in the other): ')
        out.append("".join(f"<span>{_e(w)} ({n})</span>" for w, n in terms) or "none")
        text = c.first if which == "first" else c.other
        lonely = c.unmatched(which)
        out.append(f"</p><p><strong>Passages with no counterpart</strong> ({len(lonely)} of {len(text.units)} "
                   "sentences relate to no sentence of the other text)</p>")
        if lonely:
            out.append('<details class="unmatched"><summary>show them</summary>')
            out += [f"<div class=unmatched-unit>{_unit_html(text.units[i], text.lang)}</div>" for i in lonely]
            out.append("</details>")
        out.append("</div>")
    out.append("</div></section>")
    return out
