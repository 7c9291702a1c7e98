// zhgloss review UI.  Plain JS, no build step.
// Article text is untrusted: everything from the server is rendered with DOM text APIs
// (createElement / textContent / value); innerHTML is never used.
"use strict";

const S = {
  token: document.querySelector('meta[name="zhgloss-token"]').content,
  session: null,
  progress: null,
  queue: [],
  qi: -1,
  doc: null,        // current article id
  units: [],        // units of the current article: {record, version, review, others}
  byId: new Map(),
  cur: null,        // current record id
  drafts: new Map(),  // record id -> {annotation, note}: unsaved changes
  undo: [],         // [{id, prev}] decisions this session, newest last
  order: "document",
  allKinds: false,
  drag: null,       // {anchor, focus, onEntity}
  picker: null,     // {start, end, index}  index = entity index or -1 for a new span
  busy: false,
};

// ---------------------------------------------------------------- helpers

// An entity's English made by rule (a romanisation or a word-by-word translation): say so, so
// that the reviewer checks it.
function guessNote(e) {
  if (!e.romanized && !e.translated) return null;
  const how = e.romanized ? "romanised" + (e.reading ? ` (${e.reading})` : "") : "translated";
  return h("span", { class: "guess", title: "English made by rule, not from the knowledge base or a dictionary: check it", text: how });
}

function h(tag, props, ...children) {
  const el = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") el.className = v;
      else if (k === "dataset") Object.assign(el.dataset, v);
      else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else if (k === "text") el.textContent = v;
      else if (k in el && k !== "list") el[k] = v;
      else el.setAttribute(k, v === true ? "" : String(v));
    }
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function clone(x) { return x === undefined ? undefined : JSON.parse(JSON.stringify(x)); }
function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }
const $ = (id) => document.getElementById(id);

async function api(method, url, body) {
  const opt = { method, headers: { "Accept": "application/json" } };
  if (body !== undefined) {
    opt.headers["Content-Type"] = "application/json";
    opt.headers["X-Zhgloss-Token"] = S.token;
    opt.body = JSON.stringify(body);
  }
  let res;
  try { res = await fetch(url, opt); }
  catch (e) { return { ok: false, status: 0, data: { detail: "the review server cannot be reached", fix: "is `zhgloss review` still running?" } }; }
  let data = null;
  try { data = await res.json(); } catch (e) { data = { detail: res.statusText }; }
  return { ok: res.ok, status: res.status, data };
}

function banner(text, kind) {
  const b = $("banner");
  $("banner-text").textContent = text;
  b.className = kind || "error";
  b.hidden = !text;
}

function status(text) { banner(text, "info"); }

// ---------------------------------------------------------------- annotations

function machineAnnotation(u) {
  return { entities: clone(u.record.entities || []), stance: clone(u.record.stance || {}) };
}

function savedAnnotation(u) {
  if (u.review && u.review.annotation) return clone(u.review.annotation);
  return machineAnnotation(u);
}

function draft(id) {
  let d = S.drafts.get(id);
  if (!d) {
    const u = S.byId.get(id);
    const note = (u.review && u.review.note) || "";
    d = { annotation: savedAnnotation(u), note, base: savedAnnotation(u), baseNote: note };
    S.drafts.set(id, d);
  }
  return d;
}

function isDirty(id) {
  const d = S.drafts.get(id);
  if (!d) return false;
  return !same(d.annotation, d.base) || d.note !== d.baseNote;
}

function currentAnnotation(u) {
  const d = S.drafts.get(u.record.id);
  return d ? d.annotation : savedAnnotation(u);
}

function changed() {
  renderUnit(S.cur);
  renderPanelStatus();
}

// ---------------------------------------------------------------- loading

async function loadSession() {
  const r = await api("GET", "/api/session");
  if (!r.ok) { banner(`Cannot start: ${r.data.detail}`); return false; }
  S.session = r.data;
  $("reviewer").textContent = `reviewer: ${S.session.reviewer}` + (S.session.blind ? " (blind)" : "");
  return true;
}

async function loadProgress() {
  const r = await api("GET", `/api/articles?all_kinds=${S.allKinds ? 1 : 0}`);
  if (!r.ok) { banner(`Cannot load articles: ${r.data.detail}`); return; }
  S.progress = r.data;
  renderArticles();
}

async function loadQueue() {
  const r = await api("GET", `/api/queue?order=${S.order}&all_kinds=${S.allKinds ? 1 : 0}`);
  if (!r.ok) { banner(`Cannot load the queue: ${r.data.detail}`); return; }
  S.queue = r.data;
}

async function loadArticle(docId) {
  const r = await api("GET", `/api/articles/${encodeURIComponent(docId)}`);
  if (!r.ok) { banner(`Cannot load article: ${r.data.detail}`); return false; }
  S.doc = docId;
  S.units = r.data.units;
  S.byId = new Map(S.units.map((u) => [u.record.id, u]));
  renderDoc(r.data.article);
  renderArticles();
  return true;
}

async function goto(id, docId) {
  closePicker();
  if (docId && docId !== S.doc) {
    if (!(await loadArticle(docId))) return;
  }
  if (!S.byId.has(id)) return;
  const prev = S.cur;
  S.cur = id;
  const qi = S.queue.findIndex((q) => q.id === id);
  if (qi >= 0) S.qi = qi;
  if (prev && S.byId.has(prev)) renderUnit(prev);
  renderUnit(id);
  renderPanel();
  const el = document.querySelector(`.unit[data-id="${CSS.escape(id)}"]`);
  if (el) el.scrollIntoView({ block: prev ? "nearest" : "center" });
  location.hash = encodeURIComponent(id);
}

async function move(step) {
  if (!S.queue.length) return;
  let i = S.qi + step;
  if (S.qi < 0) i = step > 0 ? 0 : S.queue.length - 1;
  if (i < 0 || i >= S.queue.length) { status(step > 0 ? "End of the queue." : "Start of the queue."); return; }
  const q = S.queue[i];
  S.qi = i;
  await goto(q.id, q.doc_id);
}

function firstPending() {
  const i = S.queue.findIndex((q) => !q.status || q.status === "stale");
  return i >= 0 ? i : 0;
}

// ---------------------------------------------------------------- rendering: articles and progress

function renderArticles() {
  const nav = $("articles");
  nav.replaceChildren();
  if (!S.progress) return;
  const p = S.progress;
  $("progress").textContent = `${p.reviewed} / ${p.total} reviewed` + (p.stale ? ` · ${p.stale} stale` : "");
  nav.append(h("h2", { text: "Articles" }));
  const meta = document.querySelector(".doc-meta");
  const here = p.articles.find((a) => a.doc_id === S.doc);
  if (meta && here) meta.textContent = `${here.doc_id} · ${here.reviewed} / ${here.total} reviewed` + (here.stale ? ` · ${here.stale} stale` : "");
  for (const a of p.articles) {
    const pct = a.total ? Math.round((100 * a.reviewed) / a.total) : 100;
    const bar = h("span", { class: "bar" }, h("span", { class: "fill" }));
    bar.firstChild.style.width = `${pct}%`;
    const item = h("button", {
      type: "button",
      class: "article" + (a.doc_id === S.doc ? " active" : ""),
      title: a.source || a.doc_id,
      dataset: { doc: a.doc_id },
      onclick: () => openArticle(a.doc_id),
    },
      h("span", { class: "title", text: a.title || a.doc_id }),
      h("span", { class: "count", text: `${a.reviewed} / ${a.total}` + (a.stale ? ` · ${a.stale} stale` : "") }),
      bar);
    nav.append(item);
  }
}

async function openArticle(docId) {
  if (!(await loadArticle(docId))) return;
  const q = S.queue.find((x) => x.doc_id === docId && (!x.status || x.status === "stale")) || S.queue.find((x) => x.doc_id === docId);
  const id = q ? q.id : S.units.length ? S.units[0].record.id : null;
  if (id) await goto(id, docId);
}

function renderDoc(article) {
  const doc = $("doc");
  doc.replaceChildren();
  doc.append(h("h1", { class: "doc-title", text: article.title || article.doc_id }),
    h("p", { class: "doc-meta", text: `${article.doc_id} · ${article.reviewed} / ${article.total} reviewed` }));
  for (const u of S.units) {
    const box = h("article", { class: "unit", dataset: { id: u.record.id } });
    box.addEventListener("click", (ev) => {
      if (u.record.id !== S.cur) { ev.preventDefault(); goto(u.record.id); }
    });
    doc.append(box);
    renderUnit(u.record.id);
  }
}

function unitStatus(u) {
  if (isDirty(u.record.id)) return ["unsaved", "changed, not saved (a to save)"];
  if (!u.review) return ["todo", "not reviewed"];
  if (u.review.stale) return ["stale", `stale: machine output ${u.review.stale_reason} since your ${u.review.decision}`];
  return [u.review.decision, { accept: "accepted", reject: "rejected", edit: "edited" }[u.review.decision]];
}

function needsReview(u) { return S.allKinds || u.record.kind === "body"; }

function renderUnit(id) {
  const u = S.byId.get(id);
  const box = document.querySelector(`.unit[data-id="${CSS.escape(id)}"]`);
  if (!u || !box) return;
  const rec = u.record;
  const ann = currentAnnotation(u);
  const [st, stText] = unitStatus(u);
  box.className = `unit kind-${rec.kind}` + (needsReview(u) ? "" : " greyed") + (id === S.cur ? " current" : "") + ` st-${st}`;
  const score = (rec.stance || {}).score;
  const head = h("div", { class: "unit-head" },
    h("span", { class: "n", text: `#${rec.n}` }),
    h("span", { class: "kind", text: rec.kind }),
    rec.section ? h("span", { class: "section", text: rec.section }) : null,
    h("span", { class: `badge b-${st}`, text: stText }),
    typeof score === "number" ? h("span", { class: "score", title: "machine confidence (stance.score)", text: `conf ${score.toFixed(2)}` }) : null);
  const text = h("div", { class: "text", lang: "zh-Hant" });
  fillText(text, rec.text, ann.entities || [], ((ann.stance || {}).cues) || []);
  if (id === S.cur) attachMouse(text);
  const gloss = h("div", { class: "gloss", lang: "en", text: rec.gloss_en || "" });
  box.replaceChildren(head, text, gloss, stanceLine(ann.stance || {}));
  if (rec.translation_en) box.append(h("div", { class: "translation", lang: "en", text: rec.translation_en }));
}

function stanceLine(st) {
  const line = h("div", { class: "stance-line" });
  if (!st.bearing) { line.append(h("span", { class: "no-stance", text: "no stance" })); return line; }
  const holder = st.holder === "AUTHOR" ? "AUTHOR" : st.holder ? (st.holder.en || st.holder.text || "?") : "?";
  line.append(h("span", { class: "holder-name", text: holder }), " → ");
  (st.targets || []).forEach((t, i) => {
    if (i) line.append(", ");
    line.append(h("span", { class: `pol pol-${t.polarity}`, title: t.polarity, text: `${t.en || t.text || "?"} (${t.polarity})` }));
  });
  if (!(st.targets || []).length) line.append(h("span", { class: "no-stance", text: "no target" }));
  return line;
}

function fillText(container, text, entities, cues) {
  const chars = Array.from(text);  // offsets are code points (Python str indices)
  const owner = new Array(chars.length).fill(-1);
  const order = entities.map((e, i) => i).sort((a, b) =>
    (entities[a].start - entities[b].start) || ((entities[b].end - entities[b].start) - (entities[a].end - entities[a].start)));
  for (const i of order) {
    const e = entities[i];
    let free = true;
    for (let k = e.start; k < e.end; k++) if (k >= chars.length || owner[k] !== -1) free = false;
    if (free) for (let k = e.start; k < e.end; k++) owner[k] = i;
  }
  const cue = new Array(chars.length).fill(false);
  for (const c of cues) for (let k = c.start; k < c.end && k < chars.length; k++) if (k >= 0) cue[k] = true;
  let k = 0;
  while (k < chars.length) {
    const ei = owner[k];
    if (ei === -1) { container.append(charSpan(chars[k], k, cue[k])); k++; continue; }
    const e = entities[ei];
    const mark = h("mark", {
      class: "ent", dataset: { label: e.label, index: String(ei) },
      title: `${e.label}` + (e.en ? ` · ${e.en}` : "") + (e.kb_id ? ` · ${e.kb_id}` : ""),
    });
    while (k < chars.length && owner[k] === ei) { mark.append(charSpan(chars[k], k, cue[k])); k++; }
    mark.append(h("span", { class: "lbl", text: e.label }));
    container.append(mark);
  }
}

function charSpan(ch, i, isCue) {
  return h("span", { class: "ch" + (isCue ? " cue" : ""), dataset: { i: String(i) }, text: ch });
}

// ---------------------------------------------------------------- mouse: spans

function attachMouse(text) {
  text.addEventListener("mousedown", (ev) => {
    if (ev.button !== 0) return;
    const ch = ev.target.closest(".ch");
    if (!ch) return;
    ev.preventDefault();
    closePicker();
    const i = Number(ch.dataset.i);
    const mark = ch.closest("mark.ent");
    S.drag = { anchor: i, focus: i, entity: mark ? Number(mark.dataset.index) : -1, box: text };
    paintDrag();
  });
  text.addEventListener("mousemove", (ev) => {
    if (!S.drag) return;
    const ch = ev.target.closest(".ch");
    if (!ch) return;
    S.drag.focus = Number(ch.dataset.i);
    paintDrag();
  });
}

document.addEventListener("mouseup", (ev) => {
  if (!S.drag) return;
  const d = S.drag;
  S.drag = null;
  const ch = ev.target.closest && ev.target.closest(".ch");
  if (ch && d.box.contains(ch)) d.focus = Number(ch.dataset.i);
  const start = Math.min(d.anchor, d.focus), end = Math.max(d.anchor, d.focus) + 1;
  if (d.anchor === d.focus && d.entity >= 0) openPicker({ start, end, index: d.entity }, d.box);
  else openPicker({ start, end, index: -1 }, d.box);
});

function paintDrag() {
  const d = S.drag;
  if (!d) return;
  const lo = Math.min(d.anchor, d.focus), hi = Math.max(d.anchor, d.focus);
  for (const ch of d.box.querySelectorAll(".ch")) {
    const i = Number(ch.dataset.i);
    ch.classList.toggle("sel", i >= lo && i <= hi && !(d.anchor === d.focus && d.entity >= 0));
  }
}

function labels() {
  const set = new Set(S.session.labels);
  for (const u of S.units) for (const e of currentAnnotation(u).entities || []) set.add(e.label);
  return Array.from(set);
}

function openPicker(p, box) {
  const u = S.byId.get(S.cur);
  const ann = draft(S.cur).annotation;
  const chars = Array.from(u.record.text);
  S.picker = p;
  const pk = $("picker");
  pk.replaceChildren();
  const existing = p.index >= 0 ? ann.entities[p.index] : null;
  pk.append(h("div", { class: "pk-title" },
    existing ? "Entity " : "New entity ",
    h("q", { lang: "zh-Hant", text: chars.slice(p.start, p.end).join("") }),
    existing ? ` (${existing.label})` : ""));
  const row = h("div", { class: "pk-labels" });
  labels().forEach((lab, i) => {
    row.append(h("button", {
      type: "button", class: "pk-label", dataset: { label: lab },
      title: i < 9 ? `key ${i + 1}` : lab,
      onclick: () => pickLabel(lab),
    }, i < 9 ? h("kbd", { text: String(i + 1) }) : null, lab));
  });
  pk.append(row);
  const actions = h("div", { class: "pk-actions" });
  if (existing) actions.append(h("button", { type: "button", class: "pk-delete", onclick: deleteEntity, text: "Delete span (Del)" }));
  actions.append(h("button", { type: "button", class: "pk-cancel", onclick: closePicker, text: "Cancel (Esc)" }));
  pk.append(actions);
  pk.hidden = false;
  const chEl = box.querySelector(`.ch[data-i="${p.start}"]`) || box;
  const r = chEl.getBoundingClientRect();
  pk.style.left = `${Math.max(8, Math.min(window.innerWidth - 360, r.left + window.scrollX))}px`;
  pk.style.top = `${r.bottom + window.scrollY + 6}px`;
}

function closePicker() {
  S.picker = null;
  const pk = $("picker");
  if (pk) pk.hidden = true;
  for (const ch of document.querySelectorAll(".ch.sel")) ch.classList.remove("sel");
}

function pickLabel(label) {
  const p = S.picker;
  if (!p) return;
  const u = S.byId.get(S.cur);
  const ann = draft(S.cur).annotation;
  if (p.index >= 0) {
    const e = ann.entities[p.index];
    if (e.label !== label) { e.label = label; e.source = "review"; }
  } else {
    const chars = Array.from(u.record.text);
    const removed = ann.entities.filter((e) => e.start < p.end && p.start < e.end);
    ann.entities = ann.entities.filter((e) => !(e.start < p.end && p.start < e.end));
    const ent = { text: chars.slice(p.start, p.end).join(""), start: p.start, end: p.end, label, kb_id: null, en: null, source: "review" };
    if (removed.length === 1) {
      // a boundary fix: keep the knowledge-base link of the span it replaces
      const old = removed[0];
      ent.kb_id = old.kb_id == null ? null : old.kb_id;
      ent.en = old.en == null ? null : old.en;
      if (old.members) ent.members = clone(old.members);
    }
    ann.entities.push(ent);
    ann.entities.sort((a, b) => a.start - b.start || a.end - b.end);
    if (removed.length) status(`Replaced ${removed.map((e) => `${e.text} (${e.label})`).join(", ")} by ${ent.text} (${label}).`);
  }
  closePicker();
  changed();
  renderPanel();
}

function deleteEntity() {
  const p = S.picker;
  if (!p || p.index < 0) return;
  const ann = draft(S.cur).annotation;
  ann.entities.splice(p.index, 1);
  closePicker();
  changed();
  renderPanel();
}

// ---------------------------------------------------------------- the side panel

function field(label, value, oninput, props) {
  return h("label", { class: "field" }, h("span", { text: label }),
    h("input", Object.assign({ type: "text", value: value == null ? "" : value, oninput: (ev) => oninput(ev.target.value) }, props || {})));
}

function polaritySelect(value, onchange) {
  const sel = h("select", { class: "polarity", onchange: (ev) => onchange(ev.target.value) });
  for (const p of ["positive", "negative", "neutral"]) sel.append(h("option", { value: p, text: p, selected: p === value }));
  return sel;
}

function renderPanel() {
  const panel = $("panel");
  panel.replaceChildren();
  const u = S.byId.get(S.cur);
  if (!u) { panel.append(h("p", { class: "empty", text: "No sentence selected." })); return; }
  const d = draft(S.cur);
  const ann = d.annotation;
  const stance = ann.stance || (ann.stance = {});
  const rec = u.record;

  panel.append(h("div", { class: "actions" },
    h("button", { type: "button", id: "btn-accept", class: "accept", onclick: () => decide("accept"), title: "a" }, "Accept ", h("kbd", { text: "a" })),
    h("button", { type: "button", id: "btn-reject", class: "reject", onclick: () => decide("reject"), title: "x" }, "Reject ", h("kbd", { text: "x" })),
    h("button", { type: "button", id: "btn-undo", onclick: undo, title: "u or Ctrl+Z" }, "Undo ", h("kbd", { text: "u" })),
    h("button", { type: "button", id: "btn-prev", onclick: () => move(-1), title: "k or ←" }, "‹ ", h("kbd", { text: "k" })),
    h("button", { type: "button", id: "btn-next", onclick: () => move(1), title: "j or →" }, h("kbd", { text: "j" }), " ›")));
  panel.append(h("div", { id: "panel-status" }));

  const score = typeof (rec.stance || {}).score === "number" ? rec.stance.score : null;
  if (score !== null) {
    const meter = h("meter", { min: 0, max: 1, value: score, low: 0.4, high: 0.7, optimum: 1 });
    panel.append(h("div", { class: "confidence" }, h("span", { text: `Machine confidence ${score.toFixed(2)}` }), meter));
  }

  // entities
  const ents = h("section", { class: "entities" }, h("h3", { text: "Entities" }));
  if (!ann.entities.length) ents.append(h("p", { class: "hint", text: "None. Drag over characters in the sentence to add one." }));
  ann.entities.forEach((e, i) => {
    const sel = h("select", {
      class: "label", title: "label", onchange: (ev) => { e.label = ev.target.value; e.source = "review"; changed(); renderPanel(); },
    });
    for (const lab of labels()) sel.append(h("option", { value: lab, text: lab, selected: lab === e.label }));
    const row = h("div", { class: "ent-row", dataset: { index: String(i) } },
      h("span", { class: "ent-text", lang: "zh-Hant", dataset: { label: e.label }, text: e.text }),
      sel,
      field("kb_id", e.kb_id, (v) => { e.kb_id = v.trim() || null; e.source = "review"; changed(); }, { class: "kb", size: 10 }),
      field("en", e.en, (v) => {
        e.en = v.trim() || null;
        delete e.romanized; delete e.translated; delete e.reading;  // a reviewer's English is no guess
        changed();
      }, { class: "en", size: 14 }),
      guessNote(e),
      h("button", { type: "button", class: "add-target", title: "add as stance target", text: "+target",
        onclick: () => { (stance.targets = stance.targets || []).push({ text: e.text, kb_id: e.kb_id, en: e.en, polarity: "negative" }); changed(); renderPanel(); } }),
      h("button", { type: "button", class: "del", title: "delete this entity", text: "×",
        onclick: () => { ann.entities.splice(i, 1); changed(); renderPanel(); } }));
    if (e.members) row.append(h("div", { class: "members", text: "members: " + e.members.map((m) => m.en || m.kb_id).join(", ") }));
    ents.append(row);
  });
  panel.append(ents);

  // stance
  const st = h("section", { class: "stance" }, h("h3", { text: "Stance" }));
  st.append(h("label", { class: "check" },
    h("input", { type: "checkbox", id: "bearing", checked: !!stance.bearing, onchange: (ev) => { stance.bearing = ev.target.checked; changed(); } }),
    " bearing (the sentence takes a stance) ", h("kbd", { text: "b" })));
  if ((stance.types || []).length) st.append(h("p", { class: "hint", text: `types: ${stance.types.join(", ")}` }));
  const holder = stance.holder;
  const kind = holder == null ? "none" : holder === "AUTHOR" ? "AUTHOR" : "other";
  const hsel = h("select", { id: "holder-kind", onchange: (ev) => {
    const v = ev.target.value;
    stance.holder = v === "none" ? null : v === "AUTHOR" ? "AUTHOR" : { text: "", kb_id: null, en: null };
    changed(); renderPanel();
  } });
  for (const [v, t] of [["none", "— none"], ["AUTHOR", "AUTHOR"], ["other", "someone named in the text"]]) hsel.append(h("option", { value: v, text: t, selected: v === kind }));
  const hrow = h("div", { class: "holder" }, h("span", { class: "k", text: "holder" }), hsel);
  if (kind === "other") {
    hrow.append(field("text", holder.text, (v) => { holder.text = v; changed(); }, { size: 8 }),
      field("kb_id", holder.kb_id, (v) => { holder.kb_id = v.trim() || null; changed(); }, { size: 8 }),
      field("en", holder.en, (v) => { holder.en = v.trim() || null; changed(); }, { size: 12 }));
  }
  st.append(hrow);
  const tg = h("div", { class: "targets" }, h("span", { class: "k", text: "targets" }));
  (stance.targets || []).forEach((t, i) => {
    tg.append(h("div", { class: "target-row", dataset: { index: String(i) } },
      field("text", t.text, (v) => { t.text = v; changed(); }, { size: 8 }),
      field("kb_id", t.kb_id, (v) => { t.kb_id = v.trim() || null; changed(); }, { size: 8 }),
      field("en", t.en, (v) => { t.en = v.trim() || null; changed(); }, { size: 12 }),
      polaritySelect(t.polarity, (v) => { t.polarity = v; changed(); }),
      h("button", { type: "button", class: "del", title: "remove target", text: "×", onclick: () => { stance.targets.splice(i, 1); changed(); renderPanel(); } })));
  });
  tg.append(h("button", { type: "button", class: "add", text: "+ add target",
    onclick: () => { (stance.targets = stance.targets || []).push({ text: "", kb_id: null, en: null, polarity: "negative" }); changed(); renderPanel(); } }));
  st.append(tg);
  if ((stance.cues || []).length) {
    st.append(h("p", { class: "hint" }, "cues (underlined): ",
      ...stance.cues.flatMap((c, i) => [i ? ", " : "", h("span", { class: "cue-text", lang: "zh-Hant", text: c.text }), ` (${c.kind || "cue"})`])));
  }
  panel.append(st);

  // note
  panel.append(h("section", { class: "note" }, h("h3", { text: "Note" }),
    h("textarea", { id: "note", rows: 3, maxLength: 10000, placeholder: "optional (n)", value: d.note,
      oninput: (ev) => { d.note = ev.target.value; renderUnit(S.cur); renderPanelStatus(); } })));

  // who else
  if (u.others && u.others.length) {
    const o = h("section", { class: "others" }, h("h3", { text: "Other reviewers" }));
    for (const x of u.others) o.append(h("div", { text: `${x.reviewer}: ${x.decision}${x.stale ? " (stale)" : ""}${x.note ? ` — ${x.note}` : ""}` }));
    panel.append(o);
  }
  panel.append(h("p", { class: "meta", text: `id ${rec.id} · version ${u.version}` }));
  renderPanelStatus();
}

function renderPanelStatus() {
  const el = $("panel-status");
  const u = S.byId.get(S.cur);
  if (!el || !u) return;
  const [st, text] = unitStatus(u);
  el.className = `st-${st}`;
  el.textContent = text + (u.review && !isDirty(u.record.id) ? ` by you at ${u.review.updated_at}` : "");
}

// ---------------------------------------------------------------- decisions

function applyState(u, state) {
  u.version = state.version;
  u.review = state.review;
  u.others = (state.reviews || []).filter((r) => r.reviewer !== S.session.reviewer)
    .map((r) => ({ reviewer: r.reviewer, decision: r.decision, note: r.note, stale: r.stale, updated_at: r.updated_at }));
  const q = S.queue.find((x) => x.id === u.record.id);
  if (q) q.status = u.review ? (u.review.stale ? "stale" : u.review.decision) : null;
}

function conflict(u, r) {
  if (r.data && r.data.current) applyState(u, r.data.current);
  const fix = r.data.fix ? r.data.fix[0].toUpperCase() + r.data.fix.slice(1) + "." : "";
  banner(`Not saved: ${r.data.detail}. ${fix}`.trim(), "conflict");
  renderUnit(u.record.id);
  renderPanel();
  loadProgress();
}

async function decide(decision) {
  if (S.busy || !S.cur) return;
  const id = S.cur;
  const u = S.byId.get(id);
  const d = draft(id);
  const prev = u.review ? { decision: u.review.decision, annotation: u.review.annotation, note: u.review.note } : null;
  S.busy = true;
  const r = await api("POST", `/api/records/${encodeURIComponent(id)}/review`,
    { decision, annotation: d.annotation, note: d.note, base_version: u.version });
  S.busy = false;
  if (r.status === 409) { conflict(u, r); return; }
  if (!r.ok) { banner(`Not saved: ${r.data.detail}` + (r.data.fix ? ` — ${r.data.fix}` : "")); return; }
  applyState(u, r.data);
  S.drafts.delete(id);
  S.undo.push({ id, doc: u.record.doc_id, prev });
  banner("");
  renderUnit(id);
  loadProgress();
  await move(1);
  if (S.cur === id) renderPanel();
}

async function undo() {
  if (S.busy) return;
  const last = S.undo.pop();
  if (!last) { status("Nothing to undo."); return; }
  await goto(last.id, last.doc);
  const u = S.byId.get(last.id);
  if (!u) return;
  S.busy = true;
  const url = `/api/records/${encodeURIComponent(last.id)}/` + (last.prev ? "review" : "clear");
  const body = last.prev ? { ...last.prev, base_version: u.version } : { base_version: u.version };
  const r = await api("POST", url, body);
  S.busy = false;
  if (r.status === 409) { S.undo.push(last); conflict(u, r); return; }
  if (!r.ok) { S.undo.push(last); banner(`Undo failed: ${r.data.detail}`); return; }
  applyState(u, r.data);
  S.drafts.delete(last.id);
  status(last.prev ? `Undone: back to ${last.prev.decision}.` : "Undone: the sentence is unreviewed again.");
  renderUnit(last.id);
  renderPanel();
  loadProgress();
}

// ---------------------------------------------------------------- keyboard

function toggleHelp() {
  const dlg = $("help");
  if (dlg.open) dlg.close(); else dlg.showModal();
}

document.addEventListener("keydown", (ev) => {
  const t = ev.target;
  const typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  if ($("help").open) { if (ev.key === "?" ) { ev.preventDefault(); toggleHelp(); } return; }
  if (typing) {  // keys go to the field (a note typed while the span picker is open is no label choice)
    if (ev.key === "Escape") { if (S.picker) closePicker(); t.blur(); }
    return;
  }
  if (S.picker) {
    if (ev.key === "Escape") { ev.preventDefault(); closePicker(); return; }
    if (/^[1-9]$/.test(ev.key)) {
      const lab = labels()[Number(ev.key) - 1];
      if (lab) { ev.preventDefault(); pickLabel(lab); }
      return;
    }
    if ((ev.key === "Delete" || ev.key === "Backspace") && S.picker.index >= 0) { ev.preventDefault(); deleteEntity(); return; }
    return;
  }
  if (ev.altKey || ev.metaKey && ev.key !== "z") return;
  if ((ev.ctrlKey || ev.metaKey) && (ev.key === "z" || ev.key === "Z")) { ev.preventDefault(); undo(); return; }
  if (ev.ctrlKey) return;
  switch (ev.key) {
    case "a": ev.preventDefault(); decide("accept"); break;
    case "x": ev.preventDefault(); decide("reject"); break;
    case "u": ev.preventDefault(); undo(); break;
    case "j": case "ArrowRight": ev.preventDefault(); move(1); break;
    case "k": case "ArrowLeft": ev.preventDefault(); move(-1); break;
    case "?": ev.preventDefault(); toggleHelp(); break;
    case "n": { const n = $("note"); if (n) { ev.preventDefault(); n.focus(); } break; }
    case "b": {
      if (!S.cur) break;
      ev.preventDefault();
      const stance = draft(S.cur).annotation.stance;
      stance.bearing = !stance.bearing;
      changed(); renderPanel();
      break;
    }
    case "Escape": banner(""); break;
    default: break;
  }
});

// ---------------------------------------------------------------- start

async function restart() {
  await loadQueue();
  await loadProgress();
  S.qi = -1;
  if (!S.queue.length) {
    if (S.progress && S.progress.articles.length) await openArticle(S.progress.articles[0].doc_id);
    else $("doc").replaceChildren(h("p", { class: "empty", text: "Nothing to review: import annotations with `zhgloss review annotations/`." }));
    return;
  }
  const i = firstPending();
  S.qi = i;
  await goto(S.queue[i].id, S.queue[i].doc_id);
}

async function main() {
  $("helpbtn").addEventListener("click", toggleHelp);
  $("help-close").addEventListener("click", () => $("help").close());
  $("banner-close").addEventListener("click", () => banner(""));
  $("order").addEventListener("change", async (ev) => { S.order = ev.target.value; ev.target.blur(); await restart(); });
  $("allkinds").addEventListener("change", async (ev) => { S.allKinds = ev.target.checked; ev.target.blur(); renderAllUnits(); await restart(); });
  window.addEventListener("beforeunload", (ev) => {
    if (Array.from(S.drafts.keys()).some(isDirty)) { ev.preventDefault(); ev.returnValue = ""; }
  });
  if (!(await loadSession())) return;
  await loadQueue();
  await loadProgress();
  const want = decodeURIComponent(location.hash.slice(1));
  const q = want && S.queue.find((x) => x.id === want);
  if (q) { S.qi = S.queue.indexOf(q); await goto(q.id, q.doc_id); return; }
  await restart();
}

function renderAllUnits() { for (const u of S.units) renderUnit(u.record.id); }

document.body.dataset.ready = "loading";
main().then(() => { document.body.dataset.ready = "yes"; });
