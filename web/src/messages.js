// Every text the page shows, by key, per language. Only English so far; a translation
// adds a table with the same keys. Texts with {0}, {1} take arguments (see format()).
export const MESSAGES = {
  en: {
    title: "aigc-kb workbench",
    tagline: "Who is liable when AI-generated content infringes copyright, and why",
    skipToResults: "Skip to the results",
    apiDocs: "API (OpenAPI)",
    caseHeading: "Case",
    bundledCase: "Bundled case",
    chooseCase: "(choose a bundled case)",
    openFile: "Open a file",
    downloadCase: "Download case (YAML)",
    readingHeading: "Reading",
    caseReading: "Case reading",
    noReading: "(none: set regime and positions below)",
    regime: "Regime",
    engine: "Engine",
    choicePoints: "Choice points",
    unknownFacts: "Unknown facts",
    noUnknown: "The case has no unknown facts.",
    unknown: "unknown",
    true: "true",
    false: "false",
    tabConclusions: "Conclusions",
    tabCompare: "Compare regimes",
    tabEnumerate: "Outcomes",
    tabMustProve: "Must prove",
    downloadResult: "Download result (JSON)",
    downloadSvg: "Download tree (SVG)",
    closeTree: "Close",
    whyNotLabel: "Why not",
    whyNotButton: "Explain",
    goalLabel: "Conclusion",
    modeGoal: "to hold",
    modeAvoid: "to fail",
    mustProveButton: "What must be proven",
    evaluating: "Evaluating…",
    evaluated: "{0} under {1} ({2} engine)",
    invalidCase: "The case has problems; fix them to see conclusions.",
    problemsHeading: "Problems",
    why: "Why?",
    whyNotLiable: "Why not liable?",
    treeFor: "Why: {0}",
    whyNotFor: "Why not: {0}",
    holdsAfterAll: "It holds: {0}",
    none: "none",
    nothingHere: "(none)",
    section_infringements: "Infringements",
    section_liable: "Liable",
    section_not_liable: "Not liable",
    section_defenses: "Defences",
    section_grounds: "Grounds of provider liability",
    section_copyright: "Ownership of outputs (copyright)",
    section_tangible_owner: "Ownership of the physical object",
    section_limitations: "Limitations",
    section_remedies: "Remedies",
    section_insurance: "Insurance",
    section_recourse: "Recourse",
    section_assessors: "Assessors",
    noLiability: "No party is liable.",
    ext: "[ext]",
    extTitle: "beyond the paper: court practice or statute",
    burden: "burden: {0}",
    openFact: "open",
    notGoneInto: "(not gone into)",
    failedAt: "fails at:",
    conclusion: "Conclusion",
    divergent: "differs",
    absent: "—",
    unknownBurden: "Unknown facts and who bears them",
    worlds: "{0} world(s)",
    alwaysLiable: "liable in every world",
    sometimesLiable: "liable in some worlds",
    neverLiable: "liable in no world",
    outcomesFor: "Regime {0}: {1}",
    condition: "when",
    cannot: "It cannot {0}: it does not {0} in any world.",
    noSet: "No set of facts makes it {0} whatever the other unknown facts are.",
    setsHeading: "Prove one of these sets:",
    hold: "hold",
    fail: "fail",
    loading: "Loading…",
    error: "Error: {0}",
  },
};

let language = "en";

export function setLanguage(lang) {
  if (MESSAGES[lang]) language = lang;
}

export function t(key, ...args) {
  const text = (MESSAGES[language] && MESSAGES[language][key]) ?? MESSAGES.en[key] ?? key;
  return text.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ""));
}

// Fill every element that carries data-msg="key" with its text.
export function translatePage(root = document) {
  for (const el of root.querySelectorAll("[data-msg]")) el.textContent = t(el.dataset.msg);
}
