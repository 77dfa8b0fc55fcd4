// Justification trees (the JSON of `aigc-kb explain --format json`) as nested,
// collapsible <details> lists: every node a line of words with its rule, doctrines,
// sections, [ext] mark and, on an unproven condition, who bore the burden.
import { t } from "./messages.js";

const OPEN_LEVELS = 2;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function sections(section) {
  if (!section) return "";
  return section.split(",").map((s) => s.trim()).filter(Boolean).map((s) => `§${s}`).join(", ");
}

export function citation(node, doctrines) {
  const ids = node.doctrines || [];
  if (!ids.length && !node.section) return null;
  const span = el("span", { class: "cite" });
  ids.forEach((id, i) => {
    if (i) span.append(", ");
    const d = doctrines[id];
    const words = d && d.text ? d.text : d;   // in the page's language when the server gave it (`text`)
    span.append(el("abbr", { title: d ? `${id} ${words.name}: ${words.statement}` : id }, id));
  });
  const secs = sections(node.section);
  if (secs) span.append(ids.length ? `; ${secs}` : secs);
  return span;
}

function lineOf(node, doctrines) {
  const line = el("span", { class: `node node-${node.kind}` });
  const prefix = {
    fact: "prefixFact",
    absent: "prefixAbsent",
    underived: "prefixAbsent",
    absent_all: "prefixAbsentAll",
    present: "prefixPresent",
  }[node.kind];
  if (node.kind === "attempt") line.append(t("prefixAttempt", node.rule));
  else if (prefix) line.append(t(prefix));
  line.append(el("span", { class: "node-text" }, node.text));
  if (node.rule && node.kind !== "attempt") line.append(" ", el("code", { class: "rule" }, node.rule));
  const cite = citation(node, doctrines);
  if (cite) line.append(" [", cite, "]");
  if (node.ext) line.append(" ", el("span", { class: "ext", title: t("extTitle") }, t("ext")));
  const notes = [];
  if (node.burden) notes.push(t("burden", node.burden));
  if (node.open) notes.push(t("openFact"));
  if (notes.length) line.append(" ", el("span", { class: "burden" }, `(${notes.join("; ")})`));
  if (node.truncated) line.append(" ", el("span", { class: "muted" }, t("notGoneInto")));
  return line;
}

export function renderNode(node, doctrines, level = 0) {
  const kids = [...(node.children || [])];
  const item = el("li", { class: "tree-item" });
  if (!kids.length && !node.failed) {
    item.append(lineOf(node, doctrines));
    return item;
  }
  const details = el("details", { open: level < OPEN_LEVELS });
  details.append(el("summary", {}, lineOf(node, doctrines)));
  const list = el("ul");
  for (const child of kids) list.append(renderNode(child, doctrines, level + 1));
  if (node.failed) {
    const failed = el("li", { class: "failed" }, el("span", { class: "fails" }, t("failedAt"), " "));
    const inner = el("ul");
    inner.append(renderNode(node.failed, doctrines, level + 1));
    failed.append(inner);
    list.append(failed);
  }
  details.append(list);
  item.append(details);
  return item;
}

// The answers of one explanation as one list.
export function renderExplanation(expl, doctrines) {
  const root = el("div", { class: "explanation" });
  for (const answer of expl.answers) {
    const list = el("ul", { class: "tree-root" });
    if (answer.request === "why_not") {
      if (answer.holds) root.append(el("p", {}, t("holdsAfterAll", answer.text)));
      else root.append(el("p", {}, answer.text));
    }
    for (const node of answer.conclusions) list.append(renderNode(node, doctrines));
    for (const node of answer.attempts) list.append(renderNode(node, doctrines));
    root.append(list);
  }
  return root;
}

export { el };
