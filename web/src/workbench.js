// The workbench page: a case editor validated as you type, the reading's controls,
// the conclusions with their justification trees, and the scenario views.
// Everything is computed by the server's API (/api/v1); this module only asks and shows.
import { EditorView, basicSetup } from "codemirror";
import { yaml } from "@codemirror/lang-yaml";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import { getLanguage, setLanguage, t, translatePage } from "./messages.js";
import { el, renderExplanation } from "./tree.js";

const API = "/api/v1";
// Result keys in order, with the output predicate each row stands for (aigc_kb/result.py SECTIONS).
const SECTIONS = [
  ["infringements", "infringement"], ["liable", "liable"], ["joint_and_several", "joint_and_several"],
  ["not_liable", "not_liable"],
  ["defenses", "defense"], ["grounds", "provider_ground"], ["copyright", "copyright"],
  ["tangible_owner", "tangible_owner"], ["limitations", "limitation"], ["remedies", "remedy"],
  ["insurance", "insurance"], ["recourse", "recourse"], ["assessors", "assessor"],
  ["provenance_conflicts", "provenance_conflict"], ["protection_undefined", "protection_undefined"],
];

const state = {
  vocab: null, doctrines: {}, fileName: "case.yaml", summary: null,
  regime: null, positions: {}, engine: "prolog", assume: {}, result: null, tree: null, treeRequest: null,
  validateSeq: 0, evaluateSeq: 0, view: "conclusions",
};
const $ = (id) => document.getElementById(id);
let editor = null;

// ------------------------------------------------------------------ API --
async function call(path, body) {
  const response = await fetch(API + path, body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  const type = response.headers.get("content-type") || "";
  const data = type.includes("json") ? await response.json() : await response.text();
  return { ok: response.ok, status: response.status, data };
}

function problemText(data) {
  if (data && Array.isArray(data.problems)) return data.problems.map((p) => p.text).join("\n");
  return String(data && data.message ? data.message : data);
}

function caseBody(extra = {}) {
  return { case: editor.state.doc.toString(), file: state.fileName, ...extra };
}

// The language of the rendered results: asked of the server only when it is not English.
function langBody() {
  return getLanguage() === "en" ? {} : { lang: getLanguage() };
}

function readingBody(extra = {}) {
  return caseBody({ regime: state.regime, positions: { ...state.positions }, ...langBody(), ...extra });
}

function assumptions() {
  return Object.entries(state.assume).filter(([, v]) => v !== "unknown")
    .map(([fact, v]) => ({ fact, value: v === "true" }));
}

// ------------------------------------------------------------- atoms --
const PLAIN = /^[a-z][A-Za-z0-9_]*$/;
function quote(value) {
  if (value === null || value === undefined) return "none";
  if (value === "_") return "_";
  return PLAIN.test(value) ? value : `'${String(value).replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

// The output atom a result row stands for, `_` where the row does not fix an argument.
function rowAtom(pred, row) {
  const names = state.vocab.outputs[pred].arg_names;
  const args = names.map((name) => {
    if (pred === "liable" && name === "right") return "_";
    return name in row ? quote(row[name]) : "_";
  });
  return `${pred}(${args.join(", ")})`;
}

function rowText(key, row, index) {
  // the server words the rows in the language asked for (`display`), the entities by their display names
  const display = state.result && state.result.lang === getLanguage() && state.result.display;
  if (display && display[key] && display[key].lines[index] !== undefined) return display[key].lines[index];
  const skip = new Set(["doctrines", "why", "for"]);
  if (key === "liable") return t("rowLiable", row.subject, row.kind, row.rights.join(", "), row.stage) + forText(row);
  if (key === "infringements") return t("rowInfringement", row.subject, row.right, row.work ?? t("none"), row.output ?? t("none"), row.stage);
  const parts = Object.entries(row).filter(([k]) => !skip.has(k))
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") || t("none") : v === null ? t("none") : v}`);
  return parts.join(" · ") + forText(row);
}

// the infringements a summary row is for (its `for` list: work through output; a training copy
// names the systems or models it was copied to train, its `artefacts`)
function forItemText(f) {
  if (f.work != null && f.output != null) return t("forItem", f.work, f.output);
  if (f.work != null && f.artefacts && f.artefacts.length) return t("forTraining", f.work, f.artefacts.join(t("itemSep")));
  return f.work ?? f.output;
}

function forText(row) {
  const items = (row.for || [])
    .map(forItemText)
    .filter((item) => item != null);
  const unique = [...new Set(items)];
  return unique.length ? t("forList", unique.join(", ")) : "";
}

function doctrineBadges(ids) {
  const span = el("span", { class: "cite" });
  (ids || []).forEach((id, i) => {
    if (i) span.append(" ");
    const d = state.doctrines[id];
    const name = d && d.text ? d.text.name : d && d.name;
    span.append(el("abbr", { class: "doctrine", title: d ? `${name} (§${d.sections.join(", §")})` : id }, id));
    if (d && d.ext) span.append(el("span", { class: "ext", title: t("extTitle") }, t("ext")));
  });
  return span;
}

// ------------------------------------------------------------ editor --
function setProblems(problems) {
  const box = $("problems");
  box.replaceChildren();
  const diagnostics = [];
  const doc = editor.state.doc;
  for (const p of problems) {
    const lineNo = Math.min(Math.max(p.line || 1, 1), doc.lines);
    const line = doc.line(lineNo);
    diagnostics.push({ from: line.from, to: Math.max(line.to, line.from), severity: "error", message: p.problem });
  }
  editor.dispatch(setDiagnostics(editor.state, diagnostics));
  if (!problems.length) return;
  const list = el("ul", { class: "problems" });
  for (const p of problems) {
    const button = el("button", { type: "button", class: "problem", "data-line": p.line ?? "" }, p.text);
    button.addEventListener("click", () => {
      if (!p.line) return;
      const line = editor.state.doc.line(Math.min(p.line, editor.state.doc.lines));
      editor.dispatch({ selection: { anchor: line.from }, scrollIntoView: true });
      editor.focus();
    });
    list.append(el("li", {}, button));
  }
  box.append(el("h3", {}, t("problemsHeading")), list);
}

let validateTimer = null;
function scheduleValidate(delay = 350) {
  clearTimeout(validateTimer);
  validateTimer = setTimeout(validate, delay);
}

async function validate() {
  const seq = ++state.validateSeq;
  const { data } = await call("/validate", caseBody());
  if (seq !== state.validateSeq) return; // an older answer
  setProblems(data.problems || []);
  if (!data.valid) {
    state.summary = null;
    $("status").textContent = t("invalidCase");
    $("conclusions").replaceChildren();
    return;
  }
  const changed = JSON.stringify(state.summary && state.summary.unknown) !== JSON.stringify(data.case.unknown)
    || JSON.stringify(state.summary && state.summary.expect) !== JSON.stringify(data.case.expect);
  state.summary = data.case;
  $("case-title").textContent = data.case.title;
  if (changed) renderCaseControls();
  evaluate();
}

function loadText(text, name) {
  state.fileName = name;
  state.summary = null;
  state.assume = {};
  state.positions = {};
  state.regime = state.vocab.default_regime;
  editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: text } });
  validate();
}

// ---------------------------------------------------------- controls --
function option(value, label, selected) {
  const o = el("option", { value }, label);
  o.selected = selected;
  return o;
}

function renderReadingControls() {
  const regime = $("regime-select");
  regime.replaceChildren(...state.vocab.regimes.map((r) => option(r, r, r === state.regime)));
  const points = $("points");
  points.replaceChildren();
  for (const [name, point] of Object.entries(state.vocab.choice_points)) {
    const id = `point-${name}`;
    const select = el("select", { id, "data-point": name });
    const current = state.positions[name] ?? point.default;
    for (const p of point.positions) select.append(option(p, p === point.default ? t("defaultPosition", p) : p, p === current));
    select.addEventListener("change", () => { state.positions[name] = select.value; $("reading-select").value = ""; evaluate(); });
    const label = el("label", { for: id, title: point.meaning }, `${name} `, el("span", { class: "muted" }, `(${point.doctrine})`));
    points.append(el("div", { class: "row" }, label, select));
  }
}

function renderCaseControls() {
  const summary = state.summary;
  state.positions = { ...summary.positions };
  const readings = $("reading-select");
  readings.replaceChildren(option("", t("noReading"), true));
  summary.expect.forEach((r, i) => readings.append(option(String(i), `${r.reading}${r.regime ? ` (${r.regime})` : ""}`, false)));
  const unknowns = $("unknowns");
  unknowns.replaceChildren();
  const keep = {};
  if (!summary.unknown.length) unknowns.append(el("p", { class: "muted" }, t("noUnknown")));
  summary.unknown.forEach((fact, i) => {
    keep[fact] = state.assume[fact] || "unknown";
    const group = el("div", { class: "tristate", role: "radiogroup", "aria-label": fact, "data-fact": fact });
    group.append(el("code", {}, fact));
    for (const value of ["unknown", "true", "false"]) {
      const id = `fact-${i}-${value}`;
      const input = el("input", { type: "radio", name: `fact-${i}`, id, value });
      input.checked = keep[fact] === value;
      input.addEventListener("change", () => { state.assume[fact] = value; evaluate(); });
      group.append(input, el("label", { for: id }, t(value)));
    }
    unknowns.append(group);
  });
  state.assume = keep;
  renderReadingControls();
}

// --------------------------------------------------------- conclusions --
async function evaluate() {
  if (!state.summary) return;
  const seq = ++state.evaluateSeq;
  $("status").textContent = t("evaluating");
  const body = readingBody({ engine: state.engine, assume: assumptions() });
  const { ok, data } = await call("/evaluate", body);
  if (seq !== state.evaluateSeq) return;
  if (!ok) {
    $("status").textContent = t("error", problemText(data));
    $("conclusions").replaceChildren();
    return;
  }
  state.result = data;
  $("status").textContent = t("evaluated", data.case, data.regime, data.engine);
  renderConclusions(data);
  if (state.view !== "conclusions") showView(state.view);
}

function renderConclusions(result) {
  const box = $("conclusions");
  box.replaceChildren();
  for (const [key, pred] of SECTIONS) {
    const rows = result[key];
    if (!rows.length && key !== "liable") continue;
    const section = el("section", { class: `conclusions-${key}`, "data-section": key });
    section.append(el("h3", {}, t(`section_${key}`)));
    const list = el("ul");
    if (!rows.length) list.append(el("li", { class: "muted" }, t("noLiability")));
    for (const [index, row] of rows.entries()) {
      const atom = rowAtom(pred, row);
      const button = el("button", { type: "button", class: "why", "data-atom": atom }, t("why"));
      button.addEventListener("click", () => openTree({ query: atom }, t("treeFor", atom)));
      list.append(el("li", { class: "conclusion", "data-subject": row.subject ?? row.against ?? "" },
        el("span", {}, rowText(key, row, index)), " ", doctrineBadges(row.doctrines), " ", button));
    }
    section.append(list);
    box.append(section);
  }
  // "why not" for every party that is not liable at all
  const liable = new Set(result.liable.map((r) => r.subject));
  const others = (state.summary.parties || []).filter((p) => !liable.has(p));
  if (others.length) {
    const list = el("ul", { class: "whynot-parties" });
    for (const party of others) {
      const atom = `liable(${quote(party)}, _, _, _)`;
      const button = el("button", { type: "button", class: "whynot", "data-atom": atom }, `${t("whyNotLiable")} ${party}`);
      button.addEventListener("click", () => openTree({ why_not: atom }, t("whyNotFor", atom)));
      list.append(el("li", {}, button));
    }
    box.append(list);
  }
}

async function openTree(request, heading) {
  const body = readingBody({ assume: assumptions(), ...request });
  state.tree = body;
  state.treeRequest = { request, heading };
  $("tree-pane").hidden = false;
  $("tree-heading").textContent = heading;
  $("tree").replaceChildren(el("p", { class: "muted" }, t("loading")));
  const { ok, data } = await call("/explain", body);
  if (state.tree !== body) return;
  $("tree").replaceChildren(ok ? renderExplanation(data, state.doctrines) : el("p", { class: "error" }, problemText(data)));
  const first = $("tree").querySelector("summary");
  if (first) first.focus();
}

// ------------------------------------------------------------- views --
async function showView(name) {
  state.view = name;
  for (const tab of document.querySelectorAll("[role=tab]")) {
    const selected = tab.id === `tab-${name}`;
    tab.setAttribute("aria-selected", String(selected));
    tab.tabIndex = selected ? 0 : -1;
    $(tab.getAttribute("aria-controls")).hidden = !selected;
  }
  if (!state.summary) return;
  if (name === "compare") renderCompare();
  if (name === "enumerate") renderEnumerate();
}

function table(head, rows) {
  const thead = el("thead", {}, el("tr", {}, ...head.map((h) => el("th", { scope: "col" }, h))));
  const tbody = el("tbody", {}, ...rows);
  return el("table", {}, thead, tbody);
}

async function renderCompare() {
  const box = $("compare");
  box.replaceChildren(el("p", { class: "muted" }, t("loading")));
  const { ok, data } = await call("/compare", caseBody({ positions: { ...state.positions } }));
  if (!ok) { box.replaceChildren(el("p", { class: "error" }, problemText(data))); return; }
  const rows = data.rows.map((r) => el("tr", { class: r.divergent ? "divergent" : "" },
    el("th", { scope: "row" }, el("code", {}, r.conclusion), r.divergent ? el("span", { class: "badge" }, ` ${t("divergent")}`) : null),
    ...data.regimes.map((g) => el("td", {}, r.regimes[g] ? doctrineBadges(r.regimes[g]) : t("absent")))));
  box.replaceChildren(table([t("conclusion"), ...data.regimes], rows));
  if (data.unknown.length) {
    const burden = data.unknown.map((u) => el("tr", {}, el("th", { scope: "row" }, el("code", {}, u.fact)),
      ...data.regimes.map((g) => el("td", {}, u.burden[g]))));
    box.append(el("h3", {}, t("unknownBurden")), table(["", ...data.regimes], burden));
  }
}

async function renderEnumerate() {
  const box = $("enumerate");
  box.replaceChildren(el("p", { class: "muted" }, t("loading")));
  const { ok, data } = await call("/enumerate", readingBody());
  if (!ok) { box.replaceChildren(el("p", { class: "error" }, problemText(data))); return; }
  box.replaceChildren();
  for (const regime of data.regimes) {
    box.append(el("h3", {}, t("outcomesFor", regime.regime, t("worlds", regime.worlds ?? "?"))));
    const list = el("ol", { class: "outcomes" });
    for (const outcome of regime.outcomes) {
      const conditions = outcome.condition.map((c) => c.text).join(" | ");
      list.append(el("li", {},
        el("p", {}, el("strong", {}, `${t("condition")}: `), conditions, " ", el("span", { class: "muted" }, t("worlds", outcome.worlds ?? "?"))),
        el("ul", {}, ...outcome.conclusions.map((c) => el("li", {}, el("code", {}, c))))));
    }
    box.append(list);
    const status = { always: "alwaysLiable", necessarily: "alwaysLiable", possibly: "sometimesLiable", never: "neverLiable" };
    const subjects = el("ul", { class: "subjects" }, ...regime.subjects.map((s) => el("li", { "data-subject": s.subject },
      el("strong", {}, s.subject), `: ${status[s.status] ? t(status[s.status]) : s.status}`,
      ...[...new Set([...s.necessarily, ...s.possibly])].map((c) => el("span", {}, " ", el("code", {}, c))))));
    box.append(subjects);
  }
}

async function mustProve(event) {
  event.preventDefault();
  const box = $("mustprove");
  const goal = $("goal-input").value.trim();
  if (!goal) return;
  const mode = $("goal-mode").value;
  box.replaceChildren(el("p", { class: "muted" }, t("loading")));
  const { ok, data } = await call("/must-prove", readingBody({ [mode]: goal }));
  if (!ok) { box.replaceChildren(el("p", { class: "error" }, problemText(data))); return; }
  const verb = t(data.mode === "avoid" ? "fail" : "hold");
  box.replaceChildren();
  if (!data.possible) box.append(el("p", {}, t("cannot", verb)));
  else if (!data.sets.length) box.append(el("p", {}, t("noSet", verb)));
  else box.append(el("p", {}, t("setsHeading")), el("ol", {}, ...data.sets.map((s) => el("li", {}, el("code", {}, s.text)))));
}

// ---------------------------------------------------------- downloads --
function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function stem() {
  return (state.summary && state.summary.id) || state.fileName.replace(/\.[^.]*$/, "") || "case";
}

async function downloadSvg() {
  if (!state.tree) return;
  const { ok, data } = await call("/explain", { ...state.tree, format: "svg" });
  if (ok) download(`${stem()}-tree.svg`, "image/svg+xml", data);
  else $("tree").prepend(el("p", { class: "error" }, problemText(data)));
}

// ----------------------------------------------------------- language --
// The page's language: ?lang=zh|en, else the one chosen before, else the browser's (中文 for zh-*).
function initialLanguage() {
  const asked = new URLSearchParams(location.search).get("lang");
  let saved = null;
  try { saved = localStorage.getItem("aigc-kb-lang"); } catch { saved = null; }
  const browser = (navigator.language || "").toLowerCase().startsWith("zh") ? "zh" : "en";
  return [asked, saved, browser].find((l) => l === "en" || l === "zh");
}

function applyLanguage(lang) {
  setLanguage(lang);
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  $("lang-select").value = lang;
  translatePage();
}

// The doctrines' names and statements in the page's language (the badges' and the trees' tooltips).
async function loadDoctrines() {
  const { ok, data } = await call(getLanguage() === "en" ? "/doctrines" : `/doctrines?lang=${getLanguage()}`);
  if (!ok) return;
  state.doctrines = {};
  for (const d of data.doctrines) state.doctrines[d.id] = d;
}

async function switchLanguage(lang) {
  applyLanguage(lang);
  try { localStorage.setItem("aigc-kb-lang", lang); } catch { /* private mode: not remembered */ }
  await loadDoctrines();
  if (!state.summary) return;
  renderReadingControls();
  await evaluate();
  if (state.tree && state.treeRequest) openTree(state.treeRequest.request, state.treeRequest.heading);
}

// -------------------------------------------------------------- start --
async function start() {
  applyLanguage(initialLanguage());
  $("lang-select").addEventListener("change", (e) => switchLanguage(e.target.value));
  const [vocab, cases] = await Promise.all([call("/vocabulary"), call("/cases"), loadDoctrines()]);
  state.vocab = vocab.data;
  state.regime = state.vocab.default_regime;
  const select = $("case-select");
  select.append(option("", t("chooseCase"), true));
  for (const c of cases.data.cases) select.append(option(c.name, `${c.id} — ${c.title}`.slice(0, 110), false));
  renderReadingControls();

  editor = new EditorView({
    parent: $("editor"),
    extensions: [basicSetup, yaml(), lintGutter(), EditorView.lineWrapping,
      EditorView.updateListener.of((update) => { if (update.docChanged) scheduleValidate(); })],
  });

  select.addEventListener("change", async () => {
    if (!select.value) return;
    const { ok, data } = await call(`/cases/${encodeURIComponent(select.value)}`);
    if (ok) loadText(data.text, select.value);
  });
  $("case-upload").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    if (file) { select.value = ""; loadText(await file.text(), file.name); }
  });
  $("regime-select").addEventListener("change", (e) => { state.regime = e.target.value; $("reading-select").value = ""; evaluate(); });
  $("engine-select").addEventListener("change", (e) => { state.engine = e.target.value; evaluate(); });
  $("reading-select").addEventListener("change", (e) => {
    if (e.target.value === "" || !state.summary) return;
    const reading = state.summary.expect[Number(e.target.value)];
    state.regime = reading.regime || state.vocab.default_regime;
    state.positions = { ...reading.positions };
    renderReadingControls();
    evaluate();
  });
  // A YAML or JSON case (JSON is YAML too) downloads as it is edited; a fact file keeps its own name.
  $("download-case").addEventListener("click", () => download(
    /\.(pl|lp|ya?ml)$/.test(state.fileName) ? state.fileName : `${stem()}.yaml`,
    /\.(pl|lp)$/.test(state.fileName) ? "text/plain" : "application/yaml", editor.state.doc.toString()));
  $("download-result").addEventListener("click", () => state.result
    && download(`${stem()}-${state.result.regime}.json`, "application/json", `${JSON.stringify(state.result, null, 2)}\n`));
  $("download-svg").addEventListener("click", downloadSvg);
  $("close-tree").addEventListener("click", () => { $("tree-pane").hidden = true; state.tree = null; state.treeRequest = null; });
  $("whynot-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const atom = $("whynot-input").value.trim();
    if (atom) openTree({ why_not: atom }, t("whyNotFor", atom));
  });
  $("mustprove-form").addEventListener("submit", mustProve);
  const tabs = [...document.querySelectorAll("[role=tab]")];
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => showView(tab.id.slice(4)));
    tab.addEventListener("keydown", (e) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
      if (!step) return;
      const next = tabs[(i + step + tabs.length) % tabs.length];
      next.focus();
      showView(next.id.slice(4));
    });
  });

  const wanted = new URLSearchParams(location.search).get("case");
  if (wanted && cases.data.cases.some((c) => c.name === wanted)) {
    select.value = wanted;
    select.dispatchEvent(new Event("change"));
  }
  document.body.dataset.ready = "true";
}

start();
