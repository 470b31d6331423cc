// `posting init --infer`: a posting schema (with posting's x- annotations) and the config's file
// name pattern and references, from the postings a collection already has (and its Decap CMS
// fields, when there are some). A pure function: postings in, { schema, report } out. Every rule
// comes with its reason (in the report and in the property's description); a rule is inferred
// only when nearly every value follows it (rules.ts), and what breaks it is left for lint.
import { distance as levenshtein } from "fastest-levenshtein";
import { fileNameProblem } from "../files/file-name.js";
import { compileSchema, foldForMatch } from "../schema/schema.js";
import type { PostingSchema } from "../schema/schema.js";
import type { Lang } from "../scaffold/scaffold.js";
import { foldToAscii } from "../words/slug.js";
import type { CmsCollection, CmsField } from "./cms.js";
import { fileNameOfSlug } from "./cms.js";
import { guessLanguage, keyWords } from "./lang.js";
import { filesByRule, flaggedBySchema } from "./report.js";
import type { InferOptions, InferPosting, InferredRule, InferReport, ReferenceFolder } from "./types.js";
import {
  ALIAS_MAX_EDIT_SHARE,
  ALIAS_MAX_EDITS,
  DOMINANT_SHARE,
  ENUM_MAX_LENGTH,
  ENUM_MAX_VALUES,
  ENUM_MIN_USES,
  ENUM_MIN_USES_PER_VALUE,
  ERROR_BUDGET,
  holds,
  MISSPELT_MAX_USES,
  OUTLIER_MIN_OTHERS,
  ID_MIN_DISTINCT,
  LIST_MIN_LISTS,
  LIST_SHARE,
  PROMPT_SHARE,
  share,
  SYNONYM_MAX_EDITS,
} from "./rules.js";
import { addValue, emptyStats, ID_PATTERN, MAX_DISTINCT_VALUES, MAX_KEY_LENGTH, MAX_KEYS, MAX_KEYS_PER_POSTING } from "./stats.js";
import type { ValueStats } from "./stats.js";

export type { InferOptions, InferPosting, InferredRule, InferReport, ReferenceFolder } from "./types.js";

export interface InferResult {
  schema: Record<string, unknown>;
  fileName: string | false;
  references: Record<string, string>;
  lang: Lang;
  report: InferReport;
}

interface KeyInfo {
  key: string;
  present: number;
  first: number;
  stats: ValueStats;
}

interface Decision {
  schema: Record<string, unknown>;
  rules: { rule: string; why: string }[];
  /** The JSON type chosen (for roles): boolean, string, array… */
  kind: "boolean" | "number" | "text" | "list" | "mapping" | "mixed" | "empty";
  format?: string;
  enumValues?: string[];
}

// Key names that mean "the posting is open" (a boolean), its date, and who recruits (accents, case, spaces folded).
const OPEN_NAMES = new Set(["open", "is_open", "opened", "ouvert", "ouverte", "active", "actif", "active_posting", "published", "publie", "en_ligne", "online", "hiring", "annonce_ouverte", "offre_ouverte"]);
const DATE_NAMES = new Set(["date", "published", "published_at", "published_on", "publication", "date_publication", "date_de_publication", "posted", "posted_on", "posted_at", "created_at", "date_published", "pubdate"]);
const STARTUP_NAMES = new Set(["startup", "company", "organisation", "organization", "employer", "entreprise", "structure"]);
const HEADLINE_NAMES = ["title", "titre", "roles", "role", "job_title", "position", "poste", "intitule", "name", "nom"];

const FORMAT_WORDS: Record<string, string> = { date: "a date (YYYY-MM-DD)", "date-time": "a date-time (2024-03-05T10:00:00.000Z)", "jekyll-date": "a date or a date-time", email: "an e-mail address", uri: "a web address" };

/** Infer the schema and the config settings of a collection from its postings. */
export function inferSchema(postings: readonly InferPosting[], options: InferOptions = {}): InferResult {
  const limits: string[] = [];
  const cmsFields = new Map((options.cms?.fields ?? []).map((f) => [f.name, f]));

  // Pass 1: the keys as written, to find the old spellings of keys.
  const written = collect(postings, undefined, limits);
  const { aliasOf, misspelt } = findAliases(written.keys, written.postingKeys, cmsFields);
  // Pass 2: with old spellings counted under the key they stand for.
  const { keys, postingKeys } = collect(postings, aliasOf, []);
  for (const name of cmsFields.keys()) if (!keys.has(name)) keys.set(name, { key: name, present: 0, first: Number.MAX_SAFE_INTEGER, stats: emptyStats() });

  const guess = options.lang ? undefined : guessLanguage(languageTexts(postings, options.cms));
  const lang = options.lang ?? guess!.lang;
  const langWhy = guess ? `${guess.french} French and ${guess.english} English words in keys, values and bodies${options.cms ? " and CMS labels" : ""}` : "given";
  const rules: InferredRule[] = [];
  const total = postings.length;

  for (const key of misspelt.keys()) keys.delete(key);
  const order = keyOrder([...keys.values()], postingKeys, options.cms);
  // A Map, then Object.fromEntries: a key named __proto__ stays an ordinary property.
  const properties = new Map<string, Record<string, unknown>>();
  const decisions = new Map<string, Decision>();
  /** Each key's rule in short, the first sentence of its description. */
  const summaries = new Map<string, string>();
  const required: string[] = [];
  const aliasesByKey = new Map<string, string[]>();
  for (const [alias, key] of aliasOf) aliasesByKey.set(key, [...(aliasesByKey.get(key) ?? []), alias]);

  for (const key of order) {
    const info = keys.get(key)!;
    const cms = cmsFields.get(key);
    // Who recruits and the headline name things: never a closed list of choices.
    const decision = decide(info.stats, 1, cms, STARTUP_NAMES.has(foldKey(key)) || HEADLINE_NAMES.includes(foldKey(key)));
    decisions.set(key, decision);
    const out: { rule: string; why: string }[] = [];
    const presence = share(info.present, total, "postings");
    const cmsRequired = cms?.required === true;
    if (cms && !cms.required) out.push({ rule: "optional", why: `the CMS field has required: false (in ${presence})` });
    else if (total === 0 && cmsRequired) {
      required.push(key);
      out.push({ rule: "required", why: "a required CMS field (no postings to check it against)" });
    } else if (holds(info.present, total)) {
      required.push(key);
      out.push({ rule: "required", why: `in ${presence}; required from ${Math.round(DOMINANT_SHARE * 100)}%, or all but one` });
    } else out.push({ rule: "optional", why: `in ${presence}${cmsRequired ? " (the CMS marks it required; the postings do not follow that)" : ""}` });
    const aliases = aliasesByKey.get(key);
    if (aliases) out.push({ rule: `old spellings ${aliases.map((a) => `\`${a}\``).join(", ")}`, why: `near-spellings of \`${key}\`, never in the same posting as it: lint says "did you mean", normalize renames them` });
    out.push(...decision.rules);
    for (const r of out) rules.push({ key, ...r });

    const property: Record<string, unknown> = { ...decision.schema };
    const label = cms?.label ?? labelOf(key);
    property.title = label;
    summaries.set(key, decision.rules.filter((r) => !/^(synonyms|may be empty|never empty|yes\/no|items: synonyms)/.test(r.rule)).at(-1)?.rule ?? "any value");
    if (aliases) property["x-aliases"] = aliases;
    property["x-label"] = { [lang]: label };
    const help = helpOf(decision, lang);
    if (help) property["x-help"] = { [lang]: help };
    const isRequired = required.includes(key);
    if (decision.kind !== "mapping" && decision.kind !== "empty") {
      if (isRequired) property["x-prompt"] = "required";
      else if (total === 0 || info.present / total >= PROMPT_SHARE) property["x-prompt"] = "optional";
    }
    if (decision.kind === "boolean") property["x-default"] = cms && typeof cms.default === "boolean" ? cms.default : info.stats.trues * 2 >= info.stats.booleans;
    // A key every posting gives the same value (`layout: job`): `posting new --yes` writes it too.
    else if (decision.enumValues?.length === 1 && decision.schema.enum !== undefined) property["x-default"] = decision.enumValues[0];
    properties.set(key, property);
  }

  addRoles(properties, decisions, keys, rules);

  const fileName = inferFileName(postings, options.cms, rules);
  const references = inferReferences(keys, decisions, options.folders ?? [], rules);

  const schema: Record<string, unknown> = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: options.name ?? options.cms?.label ?? "Postings",
    description: `Inferred by posting init --infer from ${total} postings${options.cms ? ` and the CMS fields of ${options.cms.file}` : ""}. Each property's description says why it is what it is; edit freely. additionalProperties is false: a key not listed here (or as an old spelling) is flagged, so typos are caught from now on.`,
    type: "object",
    required,
    additionalProperties: false,
    properties: Object.fromEntries(properties),
  };
  for (const [key, near] of misspelt) rules.push({ key, rule: "left out", why: `a near-spelling of \`${near}\` in ${share(written.keys.get(key)!.present, total, "postings")}, next to it or with other values: a misspelling lint flags ("did you mean")` });
  rules.push({ key: "(all)", rule: "additionalProperties: false", why: `the ${order.length} keys seen${aliasOf.size > 0 ? ` (and ${aliasOf.size} old spellings)` : ""}: an unknown key is flagged from now on` });

  let compiled = compileSchema(schema, "the inferred schema");
  for (let round = 0; round < MAX_RELAXED && relaxOne(postings, compiled, properties, required, summaries, rules); round++) compiled = compileSchema(schema, "the inferred schema");
  // The first sentence is what lint quotes for a missing required key: the rule in short.
  for (const [key, property] of properties) {
    const summary = summaries.get(key)!;
    const reasons = rules.filter((r) => r.key === key).map((r) => `${r.rule}: ${r.why}`);
    property.description = `${summary.charAt(0).toUpperCase()}${summary.slice(1)}${required.includes(key) ? ", required" : ""}. Inferred by posting init --infer from ${total} postings: ${reasons.join("; ")}.`;
  }
  compiled = compileSchema(schema, "the inferred schema");
  const flagged = flaggedBySchema(postings, compiled, aliasOf, fileName, references, options.folders ?? []);
  return {
    schema,
    fileName,
    references,
    lang,
    report: { postings: total, lang, langWhy, rules, flagged: flagged.items, flaggedCount: flagged.count, flaggedFiles: flagged.files, limits },
  };
}

// ---------------------------------------------------------------------------------------------
// The error budget: rules that hold one by one may still add up to flagging many files. While the
// files the rules flag are more than ERROR_BUDGET of the postings, the rule that flags the most
// files (two at least: a value used once is always left to be flagged) is relaxed. Old spellings,
// file names and references are not relaxed: they are what lint is there to catch.

/** Rules relaxed at most (each round validates every posting again). */
const MAX_RELAXED = 30;

function relaxOne(
  postings: readonly InferPosting[],
  compiled: PostingSchema,
  properties: Map<string, Record<string, unknown>>,
  required: string[],
  summaries: Map<string, string>,
  rules: InferredRule[],
): boolean {
  const byRule = filesByRule(postings, compiled);
  const flaggedFiles = new Set([...byRule.values()].flatMap((files) => [...files]));
  if (flaggedFiles.size <= Math.floor(ERROR_BUDGET * postings.length)) return false;
  const worst = [...byRule].filter(([id, files]) => files.size >= 2 && properties.has(id.slice(id.indexOf(":") + 1))).sort((a, b) => b[1].size - a[1].size)[0];
  if (!worst) return false;
  const [id, files] = worst;
  const keyword = id.slice(0, id.indexOf(":"));
  const key = id.slice(id.indexOf(":") + 1);
  const property = properties.get(key)!;
  const target = isPlainObject(property.items) && !(keyword in property) ? property.items : property;
  let what: string;
  if (keyword === "required") {
    required.splice(required.indexOf(key), 1);
    if (property["x-prompt"] === "required") property["x-prompt"] = "optional";
    what = "optional after all";
  } else if (keyword === "enum") {
    delete target.enum;
    delete target["x-synonyms"];
    delete property["x-help"];
    what = "any text, not one of the values";
    summaries.set(key, "text");
  } else {
    delete target.format;
    delete target.pattern;
    delete target["x-pattern-description"];
    delete property["x-help"];
    what = `no ${keyword}`;
    summaries.set(key, "text");
  }
  rules.push({ key, rule: `relaxed: ${what}`, why: `that rule would flag ${share(files.size, postings.length, "files")}, and the inferred rules together ${flaggedFiles.size}: they are kept to flag at most ${Math.round(ERROR_BUDGET * 100)}% of the files` });
  return true;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------
// Collecting

function collect(postings: readonly InferPosting[], aliasOf: ReadonlyMap<string, string> | undefined, limits: string[]): { keys: Map<string, KeyInfo>; postingKeys: string[][] } {
  const keys = new Map<string, KeyInfo>();
  const postingKeys: string[][] = [];
  let untracked = 0;
  let long = 0;
  let index = 0;
  let crowded = 0;
  for (const posting of postings) {
    const seen: string[] = [];
    const entries = Object.entries(posting.data);
    if (entries.length > MAX_KEYS_PER_POSTING) crowded++;
    for (const [written, value] of entries.slice(0, MAX_KEYS_PER_POSTING)) {
      if (written.length > MAX_KEY_LENGTH) {
        long++;
        continue;
      }
      const key = aliasOf?.get(written) ?? written;
      let info = keys.get(key);
      if (!info) {
        if (keys.size >= MAX_KEYS) {
          untracked++;
          continue;
        }
        info = { key, present: 0, first: index, stats: emptyStats() };
        keys.set(key, info);
      }
      index++;
      if (seen.includes(key)) continue;
      seen.push(key);
      info.present++;
      addValue(info.stats, value, 1);
    }
    postingKeys.push(seen);
  }
  const forgotten = [...keys.values()].filter((k) => k.stats.distinct === undefined).map((k) => `\`${k.key}\``);
  if (forgotten.length > 0) limits.push(`values past the first ${MAX_DISTINCT_VALUES} distinct ones were not remembered for ${forgotten.slice(0, 10).join(", ")}${forgotten.length > 10 ? ", …" : ""} (no enum there)`);
  if (untracked > 0) limits.push(`${untracked} uses of keys past the first ${MAX_KEYS} were not described (lint flags them as unknown keys)`);
  if (crowded > 0) limits.push(`${crowded} postings have more than ${MAX_KEYS_PER_POSTING} keys: only their first ${MAX_KEYS_PER_POSTING} were looked at`);
  if (long > 0) limits.push(`${long} keys longer than ${MAX_KEY_LENGTH} characters were not described (lint flags them as unknown keys)`);
  return { keys, postingKeys };
}

function languageTexts(postings: readonly InferPosting[], cms: CmsCollection | undefined): string[] {
  const texts: string[] = [];
  for (const p of postings.slice(0, 500)) {
    texts.push(Object.keys(p.data).slice(0, 50).map(keyWords).join(" "));
    for (const value of Object.values(p.data).slice(0, 50)) if (typeof value === "string" && value.length < 200) texts.push(value);
    if (p.body) texts.push(p.body);
  }
  for (const f of cms?.fields ?? []) texts.push(`${f.label ?? ""} ${keyWords(f.name)}`);
  return texts;
}

// ---------------------------------------------------------------------------------------------
// Old spellings (x-aliases)

/** Case, accents, spaces, `-`, `_` and `.` folded: `Date Limite`, `date-limite` and `date_limite` are one. */
export function foldKey(key: string): string {
  return foldToAscii(key).replace(/[\s._-]+/g, "_").replace(/^_+|_+$/g, "");
}

/**
 * Old spellings (`rare` → the frequent key it stands for) and misspelt keys: a near-spelling used
 * in at most MISSPELT_MAX_USES postings that cannot be an old spelling (it sits next to the key, or
 * its values differ) is left out of the schema, for lint to flag with "did you mean".
 */
function findAliases(keys: Map<string, KeyInfo>, postingKeys: readonly string[][], cms: ReadonlyMap<string, CmsField>): { aliasOf: Map<string, string>; misspelt: Map<string, string> } {
  // Canonical candidates first: CMS fields, then the most used keys.
  const byUse = [...keys.values()].sort((a, b) => Number(cms.has(b.key)) - Number(cms.has(a.key)) || b.present - a.present || a.first - b.first);
  const aliasOf = new Map<string, string>();
  const misspelt = new Map<string, string>();
  const together = (a: string, b: string) => postingKeys.some((keysOf) => keysOf.includes(a) && keysOf.includes(b));
  for (let i = 0; i < byUse.length; i++) {
    const rare = byUse[i]!;
    if (cms.has(rare.key)) continue;
    let best: { key: string; edits: number } | undefined;
    let near: string | undefined;
    for (let j = 0; j < i; j++) {
      const frequent = byUse[j]!;
      if (aliasOf.has(frequent.key) || misspelt.has(frequent.key)) continue;
      const edits = aliasEdits(rare, frequent, cms.has(frequent.key));
      if (edits === undefined || (best && best.edits <= edits)) continue;
      if (!compatible(rare.stats, frequent.stats) || together(rare.key, frequent.key)) {
        if (rare.present <= MISSPELT_MAX_USES && frequent.present >= OUTLIER_MIN_OTHERS) near ??= frequent.key;
        continue;
      }
      best = { key: frequent.key, edits };
    }
    if (best) aliasOf.set(rare.key, best.key);
    else if (near !== undefined) misspelt.set(rare.key, near);
  }
  return { aliasOf, misspelt };
}

/** Edits between two key names once folded, when `rare` may be an old spelling of `frequent`. */
function aliasEdits(rare: KeyInfo, frequent: KeyInfo, frequentIsCms: boolean): number | undefined {
  const a = foldKey(rare.key);
  const b = foldKey(frequent.key);
  if (a === "" || b === "") return undefined;
  if (a === b) return 0;
  // A misspelling keeps the first letter (`junior` is not `senior`), and is rarer than the key it misspells.
  if (a[0] !== b[0]) return undefined;
  if (!frequentIsCms && rare.present * 2 > frequent.present) return undefined;
  const edits = levenshtein(a, b);
  const allowed = Math.min(ALIAS_MAX_EDITS, Math.max(1, Math.round(Math.min(a.length, b.length) * ALIAS_MAX_EDIT_SHARE)));
  return edits <= allowed ? edits : undefined;
}

type ValueClass = "boolean" | "number" | "text" | "list" | "mapping";

function classOf(s: ValueStats): ValueClass | undefined {
  const counts: [ValueClass, number][] = [
    ["boolean", s.booleans + s.yesNoTexts],
    ["number", s.numbers],
    ["text", s.texts - s.yesNoTexts],
    ["list", s.lists],
    ["mapping", s.mappings],
  ];
  const best = counts.sort((x, y) => y[1] - x[1])[0]!;
  return best[1] > 0 ? best[0] : undefined;
}

/** Whether an old spelling's values are values the key takes (a list and a comma text are both lists). */
function compatible(a: ValueStats, b: ValueStats): boolean {
  const x = classOf(a);
  const y = classOf(b);
  if (x === undefined || y === undefined || x === y) return true;
  return (x === "text" && y === "list") || (x === "list" && y === "text");
}

// ---------------------------------------------------------------------------------------------
// Key order: the order most postings agree on (each key placed by how many times it comes before
// another key, less how many times after), CMS fields not seen in the postings last, in the CMS order.

const ORDER_KEYS_PER_POSTING = 50;

function keyOrder(infos: KeyInfo[], postingKeys: readonly string[][], cms: CmsCollection | undefined): string[] {
  const seen = infos.filter((i) => i.present > 0);
  const index = new Map(seen.map((info, i) => [info.key, i]));
  const n = seen.length;
  const before = new Uint32Array(n * n);
  const positions = new Float64Array(n);
  for (const keys of postingKeys) {
    const ids = keys.slice(0, ORDER_KEYS_PER_POSTING).map((k) => index.get(k)).filter((i): i is number => i !== undefined);
    ids.forEach((a, i) => {
      positions[a]! += ids.length > 1 ? i / (ids.length - 1) : 0;
      for (let j = i + 1; j < ids.length; j++) before[a * n + ids[j]!]!++;
    });
  }
  const score = seen.map((_, a) => {
    let wins = 0;
    // Counted, not just won or lost: keys most postings have weigh more than a key seen once.
    for (let b = 0; b < n; b++) if (a !== b) wins += before[a * n + b]! - before[b * n + a]!;
    return wins;
  });
  const ordered = seen
    .map((info, i) => ({ key: info.key, score: score[i]!, mean: positions[i]! / info.present, first: info.first }))
    .sort((x, y) => y.score - x.score || x.mean - y.mean || x.first - y.first)
    .map((x) => x.key);
  for (const f of cms?.fields ?? []) if (!ordered.includes(f.name)) ordered.push(f.name);
  return ordered;
}

// ---------------------------------------------------------------------------------------------
// One key's values → its schema

function decide(s: ValueStats, depth: number, cms: CmsField | undefined, noEnum = false): Decision {
  const nullable = s.nulls > 0 && !holds(s.values, s.values + s.nulls);
  const d = decideValues(s, depth, cms, noEnum);
  if (nullable && d.kind !== "empty") {
    const type = d.schema.type;
    d.schema.type = [...(Array.isArray(type) ? type : [type]), "null"];
    d.rules.push({ rule: "may be empty", why: `empty in ${share(s.nulls, s.values + s.nulls)} of its postings` });
  } else if (s.nulls > 0 && d.kind !== "empty") {
    d.rules.push({ rule: "never empty", why: `empty only in ${share(s.nulls, s.values + s.nulls)}: left for lint to flag` });
  }
  return d;
}

function decideValues(s: ValueStats, depth: number, cms: CmsField | undefined, noEnum = false): Decision {
  const n = s.values;
  const widget = cms?.widget;
  if (widget === "boolean") return booleanDecision(s, "the CMS widget is boolean");
  if (widget === "number") return numberDecision(s, "the CMS widget is number", cms?.integer === true);
  if (widget === "select" && cms?.options && cms.options.length > 0) {
    const choice = enumFromOptions(s, cms.options);
    if (cms.multiple) return { kind: "list", schema: { type: s.texts > 0 ? ["array", "string"] : "array", items: choice.schema, uniqueItems: true, "x-list": true }, rules: [{ rule: "list", why: "a CMS select of several values" }, ...choice.rules] };
    return choice;
  }
  if (widget === "list") return listDecision(s, depth, "the CMS widget is list");
  if (widget === "object") return mappingDecision(s, depth, "the CMS widget is object");
  if (widget === "datetime" || widget === "date") return textDecision(s, depth, widget, noEnum);
  if (n === 0) {
    if (widget) return textDecision(s, depth, widget, noEnum);
    return { kind: "empty", schema: { type: ["string", "null"] }, rules: [{ rule: "text or empty", why: "always empty in the postings" }] };
  }
  const isList = s.lists >= LIST_MIN_LISTS && s.lists / n >= LIST_SHARE && holds(s.lists + s.texts, n);
  if (isList) return listDecision(s, depth, `lists in ${share(s.lists, n)} postings${s.commaTexts > 0 ? `, comma-separated text in ${s.commaTexts}` : ""}`);
  // One kind of value throughout is that kind, however few the values; else the kind that holds.
  const kindHolds = (count: number) => count === n || holds(count, n);
  if (kindHolds(s.booleans) && !widget) return booleanDecision(s, `true or false in ${share(s.booleans, n)}`);
  if (kindHolds(s.numbers) && !widget) return numberDecision(s, `a number in ${share(s.numbers, n)}`, s.integers === s.numbers);
  if (kindHolds(s.mappings) && !widget) return mappingDecision(s, depth, `a mapping in ${share(s.mappings, n)}`);
  if (kindHolds(s.lists) && !widget) return listDecision(s, depth, `a list in ${share(s.lists, n)}`);
  if (kindHolds(s.texts) || widget) return textDecision(s, depth, widget, noEnum);
  // No kind holds: each kind used more than once is allowed.
  const kinds: [string, number][] = [
    ["boolean", s.booleans],
    ["number", s.numbers],
    ["string", s.texts],
    ["array", s.lists],
    ["object", s.mappings],
  ];
  const allowed = kinds.filter(([, count]) => count >= 2 || (count > 0 && n < OUTLIER_FLOOR)).map(([type]) => type);
  return {
    kind: "mixed",
    schema: { type: allowed.length === 1 ? allowed[0] : allowed },
    rules: [{ rule: allowed.join(" or "), why: `no kind of value holds: ${kinds.filter(([, c]) => c > 0).map(([t, c]) => `${t} ${c}`).join(", ")}; each kind used more than once is allowed` }],
  };
}

/** Below this many values, no value is called an outlier. */
const OUTLIER_FLOOR = 5;

function booleanDecision(s: ValueStats, why: string): Decision {
  const rules = [{ rule: "true or false", why }];
  if (s.yesNoTexts > 0) rules.push({ rule: "yes/no text flagged", why: `${s.yesNoTexts} written as text (normalize turns them into true/false)` });
  return { kind: "boolean", schema: { type: "boolean" }, rules };
}

function numberDecision(s: ValueStats, why: string, integer: boolean): Decision {
  return { kind: "number", schema: { type: integer ? "integer" : "number" }, rules: [{ rule: integer ? "a whole number" : "a number", why }] };
}

function mappingDecision(s: ValueStats, depth: number, why: string): Decision {
  const children = [...(s.children ?? [])].map(([key, child]): [string, unknown] => {
    const d = decide(child.stats, depth + 1, undefined);
    return [key, { ...d.schema, description: `Inferred: ${d.rules.map((r) => `${r.rule}: ${r.why}`).join("; ")}.` }];
  });
  const properties = Object.fromEntries(children);
  const keys = children.map(([key]) => key);
  return {
    kind: "mapping",
    schema: { type: "object", properties },
    rules: [{ rule: "a mapping", why: `${why}; keys seen: ${keys.slice(0, 10).map((k) => `\`${k}\``).join(", ")}${keys.length > 10 ? ", …" : ""}${s.childrenCut ? " (not all described: too many or too deep)" : ""}; other keys are allowed inside it` }],
  };
}

function listDecision(s: ValueStats, depth: number, why: string): Decision {
  const items = s.items ?? emptyStats();
  const itemDecision = items.values > 0 ? decide(items, depth + 1, undefined) : undefined;
  const rules = [{ rule: s.texts > 0 ? "a list (comma-separated text accepted; normalize turns it into a list)" : "a list", why }];
  if (itemDecision) rules.push(...itemDecision.rules.map((r) => ({ rule: `items: ${r.rule}`, why: r.why })));
  const schema: Record<string, unknown> = { type: s.texts > 0 ? ["array", "string"] : "array" };
  // Items of lists in lists are left free; mappings are described (other keys allowed inside).
  if (itemDecision && itemDecision.kind !== "list") schema.items = itemDecision.schema;
  schema["x-list"] = true;
  return { kind: "list", schema, rules };
}

function textDecision(s: ValueStats, depth: number, widget: string | undefined, noEnum = false): Decision {
  const n = s.texts;
  const rules: { rule: string; why: string }[] = [{ rule: "text", why: widget ? `the CMS widget is ${widget}` : `text in ${share(n, s.values)}` }];
  const schema: Record<string, unknown> = { type: "string" };
  // Every value (however few) or nearly all of them.
  const format = (["date", "date-time", "jekyll-date", "email", "url"] as const).find((f) => (n > 0 && s.formats[f] === n) || holds(s.formats[f], n));
  const dateWidget = widget === "datetime" || widget === "date";
  if (format || dateWidget) {
    const chosen = format === "url" ? "uri" : format && (!dateWidget || format.includes("date")) ? format : "jekyll-date";
    schema.format = chosen;
    if (chosen === "uri") {
      schema.pattern = "^https?://";
      schema["x-pattern-description"] = "a web address starting with http:// or https://";
    }
    const matched = format ? s.formats[format] : 0;
    rules.push({ rule: FORMAT_WORDS[chosen]!, why: format ? `${share(matched, n)} values are${matched < n ? ` (${n - matched} left for lint to flag)` : ""}` : `the CMS widget is ${widget}` });
    return { kind: "text", schema, rules, format: chosen };
  }
  // The CMS's free-text widgets are free text: no enum.
  const freeText = widget === "string" || widget === "text" || widget === "markdown";
  const choice = !freeText && !noEnum && depth <= 2 && s.multiline === 0 ? enumFromValues(s) : undefined;
  if (choice) {
    Object.assign(schema, choice.schema);
    return { kind: "text", schema, rules: [...rules, ...choice.rules], enumValues: choice.enumValues! };
  }
  const distinct = s.distinct?.size ?? Infinity;
  if (!freeText && s.multiline === 0 && distinct >= ID_MIN_DISTINCT && holds(s.ids, n)) {
    schema.pattern = ID_PATTERN;
    schema["x-pattern-description"] = "an id: letters, digits, `.`, `_` or `-`, no spaces";
    rules.push({ rule: "an id (letters, digits, . _ -, no spaces)", why: `${share(s.ids, n)} values are${s.ids < n ? ` (${n - s.ids} left for lint to flag)` : ""}` });
  }
  return { kind: "text", schema, rules };
}

/** An enum when a handful of values, each used several times, make nearly all the values. */
function enumFromValues(s: ValueStats): Decision | undefined {
  if (!s.distinct || s.distinct.size === 0) return undefined;
  if ([...s.distinct.keys()].some((v) => v.length > ENUM_MAX_LENGTH || v.trim() === "")) return undefined;
  const groups = groupSpellings(s.distinct);
  const frequent = groups.filter((g) => g.uses >= ENUM_MIN_USES);
  const frequentUses = frequent.reduce((sum, g) => sum + g.uses, 0);
  const n = s.texts;
  if (frequent.length === 0 || frequent.length > ENUM_MAX_VALUES) return undefined;
  if (n < frequent.length * ENUM_MIN_USES_PER_VALUE || !holds(frequentUses, n)) return undefined;
  const enumValues = frequent.map((g) => g.canonical);
  const synonyms = synonymsOf(frequent, groups.filter((g) => g.uses < ENUM_MIN_USES));
  const schema: Record<string, unknown> = { enum: enumValues };
  if (synonyms.size > 0) schema["x-synonyms"] = Object.fromEntries(synonyms);
  const rare = groups.filter((g) => g.uses < ENUM_MIN_USES);
  const rules = [{ rule: `one of ${enumValues.map((v) => JSON.stringify(v)).join(", ")}`, why: `${frequent.length} values, each used at least ${ENUM_MIN_USES} times, make ${share(frequentUses, n)} of the values${rare.length > 0 ? `; ${rare.length} value${rare.length > 1 ? "s" : ""} used once left out for lint to flag` : ""}` }];
  if (synonyms.size > 0) rules.push({ rule: "synonyms", why: `rare spellings of a frequent value (case, accents or a small typo): ${[...synonyms].map(([c, list]) => `${list.map((v) => JSON.stringify(v)).join(", ")} → ${JSON.stringify(c)}`).join("; ")}; lint suggests the value and normalize writes it` });
  return { kind: "text", schema, rules, enumValues };
}

/** An enum from a CMS select's options; the postings' spellings of them become synonyms. */
function enumFromOptions(s: ValueStats, options: readonly string[]): Decision {
  const items = s.items && s.lists > 0 ? s.items : s;
  const groups = items.distinct ? groupSpellings(items.distinct) : [];
  const canonical = options.map((o) => ({ canonical: o, folded: foldForMatch(o), uses: 0, spellings: new Map<string, number>() }));
  const synonyms = synonymsOf(canonical, groups);
  const schema: Record<string, unknown> = { type: "string", enum: [...options] };
  if (synonyms.size > 0) schema["x-synonyms"] = Object.fromEntries(synonyms);
  const rules = [{ rule: `one of ${options.map((v) => JSON.stringify(v)).join(", ")}`, why: "the CMS select's options" }];
  if (synonyms.size > 0) rules.push({ rule: "synonyms", why: `spellings in the postings close to an option: ${[...synonyms].map(([c, list]) => `${list.map((v) => JSON.stringify(v)).join(", ")} → ${JSON.stringify(c)}`).join("; ")}` });
  return { kind: "text", schema, rules, enumValues: [...options] };
}

interface SpellingGroup {
  canonical: string;
  folded: string;
  uses: number;
  spellings: Map<string, number>;
}

/** Values grouped by their case- and accent-folded form; the most used spelling names the group. */
function groupSpellings(distinct: ReadonlyMap<string, number>): SpellingGroup[] {
  const byFold = new Map<string, SpellingGroup>();
  for (const [value, uses] of distinct) {
    const folded = foldForMatch(value);
    let g = byFold.get(folded);
    if (!g) byFold.set(folded, (g = { canonical: value, folded, uses: 0, spellings: new Map() }));
    g.uses += uses;
    g.spellings.set(value, uses);
    if (uses > (g.spellings.get(g.canonical) ?? 0)) g.canonical = value;
  }
  return [...byFold.values()].sort((a, b) => b.uses - a.uses);
}

/** canonical → its other spellings: case and accent variants in its group, and rare values a small typo away. */
function synonymsOf(frequent: readonly SpellingGroup[], rare: readonly SpellingGroup[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (canonical: string, spelling: string) => {
    if (spelling === canonical) return;
    const list = out.get(canonical) ?? [];
    if (!list.includes(spelling)) out.set(canonical, [...list, spelling]);
  };
  for (const g of frequent) for (const spelling of g.spellings.keys()) add(g.canonical, spelling);
  for (const r of rare) {
    const same = frequent.find((g) => g.folded === r.folded);
    if (same) {
      for (const spelling of r.spellings.keys()) add(same.canonical, spelling);
      continue;
    }
    let best: { g: SpellingGroup; edits: number } | undefined;
    for (const g of frequent) {
      const edits = levenshtein(r.folded, g.folded);
      const allowed = Math.min(SYNONYM_MAX_EDITS, Math.floor(Math.min(r.folded.length, g.folded.length) / 4));
      if (edits <= allowed && (!best || edits < best.edits)) best = { g, edits };
    }
    if (best) for (const spelling of r.spellings.keys()) add(best.g.canonical, spelling);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Labels and help, in the collection's language

/** `date_limite` → "Date limite", `externalURL` → "External URL". */
export function labelOf(key: string): string {
  const words = keyWords(key)
    .split(" ")
    .filter((w) => w !== "")
    .map((w, i) => (/^[A-Z0-9]+$/.test(w) && w.length > 1 ? w : i === 0 ? w : w.toLowerCase()));
  const text = words.join(" ") || key;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const HELP: Record<Lang, { date: string; dateTime: string; email: string; url: string; list: string; oneOf: (values: string) => string; id: string }> = {
  fr: {
    date: "Une date AAAA-MM-JJ.",
    dateTime: "Une date AAAA-MM-JJ (ou une date et une heure).",
    email: "Une adresse e-mail.",
    url: "Une adresse web (https://…).",
    list: "Séparées par des virgules.",
    oneOf: (values) => `Une valeur parmi : ${values}.`,
    id: "Un identifiant : lettres, chiffres, . _ ou -, sans espace.",
  },
  en: {
    date: "A date YYYY-MM-DD.",
    dateTime: "A date YYYY-MM-DD (or a date and a time).",
    email: "An e-mail address.",
    url: "A web address (https://…).",
    list: "Separated by commas.",
    oneOf: (values) => `One of: ${values}.`,
    id: "An id: letters, digits, . _ or -, no spaces.",
  },
};

function helpOf(d: Decision, lang: Lang): string | undefined {
  const words = HELP[lang];
  const schema = d.kind === "list" ? ((d.schema.items as Record<string, unknown> | undefined) ?? {}) : d.schema;
  const parts: string[] = [];
  const values = Array.isArray(schema.enum) ? schema.enum.map(String) : undefined;
  if (values) parts.push(words.oneOf(values.join(", ")));
  else if (schema.format === "date") parts.push(words.date);
  else if (schema.format === "date-time" || schema.format === "jekyll-date") parts.push(words.dateTime);
  else if (schema.format === "email") parts.push(words.email);
  else if (schema.format === "uri") parts.push(words.url);
  else if (schema.pattern === ID_PATTERN) parts.push(words.id);
  if (d.kind === "list" && (schema.type === undefined || schema.type === "string")) parts.push(words.list);
  return parts.length > 0 ? parts.join(" ") : undefined;
}

// ---------------------------------------------------------------------------------------------
// Roles, file name, references

function addRoles(properties: Map<string, Record<string, unknown>>, decisions: ReadonlyMap<string, Decision>, keys: ReadonlyMap<string, KeyInfo>, rules: InferredRule[]): void {
  const byUse = (names: (key: string) => boolean, kind: (d: Decision) => boolean) =>
    [...decisions.entries()]
      .filter(([key, d]) => names(key) && kind(d))
      .sort(([a], [b]) => keys.get(b)!.present - keys.get(a)!.present)[0]?.[0];
  const open = byUse((k) => OPEN_NAMES.has(foldKey(k)), (d) => d.kind === "boolean");
  const date = decisions.has("date") && decisions.get("date")!.format?.includes("date") ? "date" : byUse((k) => DATE_NAMES.has(foldKey(k)), (d) => d.format?.includes("date") === true);
  const startup = byUse((k) => STARTUP_NAMES.has(foldKey(k)), (d) => d.kind === "text");
  const headline = HEADLINE_NAMES.map((name) => [...decisions.keys()].find((k) => foldKey(k) === name && decisions.get(k)!.kind === "text")).find((k) => k !== undefined && k !== startup);
  if (date) {
    // `posting new` writes today's date as YYYY-MM-DD: a default only where that is valid.
    const today = decisions.get(date)!.format === "date-time" ? {} : { "x-default": "today" };
    Object.assign(properties.get(date)!, { "x-role": "date", "x-column": 10, ...today });
    rules.push({ key: date, rule: 'x-role "date"', why: "a date key with a date's name: the posting's date for list --since/--until/--stale and the file name new writes" });
  }
  if (startup) {
    Object.assign(properties.get(startup)!, { "x-role": "startup", "x-column": 20 });
    rules.push({ key: startup, rule: 'x-role "startup"', why: "text named for who recruits: list --startup" });
  }
  if (headline) {
    properties.get(headline)!["x-column"] = 30;
    rules.push({ key: headline, rule: "a list column", why: "the posting's headline by its name" });
  }
  if (open) {
    // The two-flag form (--open/--closed) is for a key that is only ever true or false.
    const flag = properties.get(open)!.type === "boolean" ? { "x-flag": ["open", "closed"] } : {};
    Object.assign(properties.get(open)!, { "x-role": "open", "x-column": 40, ...flag, "x-default": true });
    rules.push({ key: open, rule: 'x-role "open"', why: "a boolean named for being open: list --open/--closed/--stale, posting close, new --open/--closed" });
  } else {
    rules.push({ key: "(all)", rule: 'no x-role "open"', why: "no boolean key named open, ouvert, active or published: list --open and posting close need one (add \"x-role\": \"open\" to a boolean key)" });
  }
}

const FILE_NAME_CANDIDATES = ["YYYY-MM-DD-slug.md", "slug.md"];

function inferFileName(postings: readonly InferPosting[], cms: CmsCollection | undefined, rules: InferredRule[]): string | false {
  const names = postings.map((p) => p.name);
  const fromCms = fileNameOfSlug(cms?.slug);
  const candidates = fromCms ? [fromCms, ...FILE_NAME_CANDIDATES.filter((c) => c !== fromCms)] : FILE_NAME_CANDIDATES;
  for (const pattern of candidates) {
    const matching = names.filter((name) => fileNameProblem(name, pattern) === undefined).length;
    if ((names.length === 0 && pattern === fromCms) || holds(matching, names.length)) {
      rules.push({ key: "(file name)", rule: pattern, why: names.length === 0 ? `the CMS slug ${cms!.slug}` : `${share(matching, names.length)} file names follow it${matching < names.length ? ` (${names.length - matching} left for lint to flag)` : ""}` });
      return pattern;
    }
  }
  rules.push({ key: "(file name)", rule: "no file name pattern (fileName: false)", why: `no pattern is followed by ${Math.round(DOMINANT_SHARE * 100)}% of the ${names.length} file names` });
  return false;
}

function inferReferences(keys: ReadonlyMap<string, KeyInfo>, decisions: ReadonlyMap<string, Decision>, folders: readonly ReferenceFolder[], rules: InferredRule[]): Record<string, string> {
  const references: Record<string, string> = {};
  for (const [key, info] of keys) {
    const d = decisions.get(key);
    const distinct = info.stats.distinct;
    if (!d || d.kind !== "text" || !distinct || distinct.size < 3) continue;
    let best: { folder: ReferenceFolder; matches: number } | undefined;
    for (const folder of folders) {
      let matches = 0;
      for (const [value, uses] of distinct) if (folder.names.has(value)) matches += uses;
      if (holds(matches, info.stats.texts) && (!best || matches > best.matches)) best = { folder, matches };
    }
    if (best) {
      references[key] = `${best.folder.path}/{value}${best.folder.extension}`;
      rules.push({ key, rule: `a reference to ${best.folder.path}`, why: `${share(best.matches, info.stats.texts)} values name a file there${best.matches < info.stats.texts ? ` (${info.stats.texts - best.matches} left for lint to flag)` : ""}` });
    }
  }
  return references;
}
