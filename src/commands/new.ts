// `posting new`: scaffold a posting that lints clean, from prompts on a terminal or from flags in
// scripts. Questions come from the schema (x-prompt, x-label, x-help, x-default); the answers go
// through core/scaffold and core/canonical, and the file is checked with lint before it is written.
import { lstat, readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { check, cleanText, defaultFor, fieldHelp, fieldLabel, parseJsonValue, parseText, resolveKey } from "../core/scaffold/answers.js";
import { renderFrontMatter } from "../core/normalize/canonical.js";
import { loadConfig } from "../core/project/config.js";
import { todayIso } from "../core/read/dates.js";
import { describeFsError } from "../core/files/targets.js";
import { UserError } from "../core/errors.js";
import { lintBytes } from "../core/lint/lint.js";
import { wordFindings } from "../core/messages/word.js";
import { escapeInline, escapeKey } from "../core/sanitize.js";
import type { Lang } from "../core/scaffold/scaffold.js";
import { findFlag, readFlagTokens } from "../core/scaffold/flags.js";
import type { GivenFlag } from "../core/scaffold/flags.js";
import { FileExistsError, LANGS, bundledTemplatePath, outputFolder, postingText, readTemplate, safeJoin, scaffold, writeNewFile } from "../core/scaffold/scaffold.js";
import type { FieldSpec, PostingSchema } from "../core/schema/schema.js";
import { isObject, loadSchema } from "../core/schema/schema.js";
import { suggestKey } from "../core/schema/validate.js";
import type { CliIO } from "../io.js";
import { nodeStreamOf, readAll, useColor } from "../io.js";
import type { Prompter, SearchResults } from "../prompter.js";
import { PromptInterrupted } from "../prompter.js";
import { EXIT } from "../core/exit-codes.js";
import { referenceProblem, referenceValues } from "../core/scaffold/references.js";
import type { ReferenceValues } from "../core/scaffold/references.js";
import { labelled, typeset } from "../core/scaffold/typography.js";
import { sectionsToFill } from "../core/lint/placeholders.js";
import { foldForMatch } from "../core/schema/schema.js";
import { nearMiss } from "../core/words/near-miss.js";
import type { ResolvedReference } from "../core/project/config.js";

/** How the command line words a token it cannot place (commander's own errors, from cli.ts). */
export interface FlagRefusals {
  unknownOption(flag: string): Error;
  missingValue(flag: string): Error;
  tooManyArguments(count: number): Error;
}

export interface NewCommandOptions {
  set?: string[];
  /** Tokens commander left: the schema's own shortcut flags (`x-flag`), matched once it is read. */
  flags?: string[];
  refuse?: FlagRefusals;
  title?: string;
  roles?: string;
  startup?: string;
  open?: boolean;
  closed?: boolean;
  date?: string;
  fromJson?: string;
  yes?: boolean;
  dryRun?: boolean;
  dir?: string;
  force?: boolean;
  lang?: string;
  config?: string;
  schema?: string;
  template?: string;
  color?: boolean;
}

export interface NewCommandDeps {
  /** Answers questions instead of the terminal (tests). */
  prompter?: Prompter;
  /** Today's date, YYYY-MM-DD (tests). */
  today?: string;
}

const EXIT_EXISTS = EXIT.findings;
const EXIT_INTERRUPTED = EXIT.interrupted;

const TEXT = {
  fr: {
    required: "obligatoire",
    optionalIntro: "Renseigner aussi les champs facultatifs (contrat, domaines, technologies, contact…) ?",
    summary: "Récapitulatif",
    willWrite: "Fichier",
    confirm: "Créer ce fichier ?",
    cancelled: "Rien n'a été écrit.",
    interrupted: "Interrompu : rien n'a été écrit.",
    created: "Créé",
    next: "Complétez les passages entre crochets, puis vérifiez avec",
    toFill: "Sections à compléter",
    listHint: "séparez les valeurs par des virgules",
    yes: "oui",
    no: "non",
    requiredField: "ce champ est obligatoire",
    none: "aucune (laisser vide)",
    empty: "(vide)",
    noMatch: (term: string) => `aucune valeur ne correspond à « ${term} »`,
    didYouMean: (value: string) => `vouliez-vous dire « ${value} » ?`,
    notReferenced: (key: string, value: string, expected: string) => `${key} : « ${value} » est inconnu (${expected} n'existe pas)`,
    setWithoutEquals: (pair: string) => `--set ${pair} : écrivez clé=valeur, par exemple --set contrat=CDI`,
    unknownKey: (source: string, key: string, suggestion: string | undefined, known: string) =>
      `${source} : « ${key} » n'est pas une clé connue${suggestion ? ` ; vouliez-vous dire « ${suggestion} » ?` : ""} (clés connues : ${known})`,
    missing: (list: string, count: number, shortcuts: string, withDefaults: boolean) =>
      `${count === 1 ? "champ obligatoire manquant" : "champs obligatoires manquants"} : ${list}. L'entrée standard n'est pas un terminal, rien n'a donc été demandé : donnez-${count === 1 ? "le" : "les"} avec --set clé=valeur, ${shortcuts}--from-json${withDefaults ? ", ou passez --yes pour accepter les valeurs par défaut" : ""}`,
    shortcuts: (flags: string) => `les raccourcis (${flags}, ...) ou `,
    or: "ou ",
    exists: (path: string) => `${path} existe déjà ; rien n'a été écrit (passez --force pour le remplacer, ou choisissez un autre titre ou une autre date)`,
    cannotWrite: (path: string, reason: string) => `impossible d'écrire ${path} : ${reason} ; rien n'a été écrit`,
    noFolder: 'aucun dossier où écrire l\'annonce : passez --dir content/_jobs, ou créez un posting.config.json avec "content": ["content/_jobs"]',
    wouldNotLint: (list: string) => `l'annonce ne passerait pas \`posting lint\` (vérifiez le modèle et les réponses) : ${list}`,
    jsonUnreadable: (source: string, reason: string) => `--from-json : impossible de lire ${source} : ${reason}`,
    // JavaScript's reason is English: the French message goes without it.
    jsonInvalid: (source: string, _reason: string) => `--from-json : ${source === "-" ? "l'entrée standard" : source} n'est pas du JSON valide`,
    jsonNotObject: '--from-json : un objet JSON est attendu, par exemple {"roles": "Développeur·se", "open": true}',
    noShortcut: (name: string, schema: string) => `--${name} : le schéma ${schema} n'a pas ce raccourci (ajoutez "x-flag" à la clé qu'il renseigne) ; donnez la valeur avec --set clé=valeur`,
    together: (a: string, b: string) => `--${a} et --${b} ne peuvent pas être utilisés ensemble`,
  },
  en: {
    required: "required",
    optionalIntro: "Fill in the optional fields too (contract, fields, technologies, contact…)?",
    summary: "Summary",
    willWrite: "File",
    confirm: "Create this file?",
    cancelled: "Nothing was written.",
    interrupted: "Interrupted: nothing was written.",
    created: "Created",
    next: "Fill in the passages in brackets, then check with",
    toFill: "Sections to fill in",
    listHint: "separate values with commas",
    yes: "yes",
    no: "no",
    requiredField: "this field is required",
    none: "none (leave empty)",
    empty: "(empty)",
    noMatch: (term: string) => `no value matches "${term}"`,
    didYouMean: (value: string) => `did you mean "${value}"?`,
    notReferenced: (key: string, value: string, expected: string) => `${key}: "${value}" is unknown (there is no ${expected})`,
    setWithoutEquals: (pair: string) => `--set ${pair}: write it key=value, for example --set contrat=CDI`,
    unknownKey: (source: string, key: string, suggestion: string | undefined, known: string) =>
      `${source}: "${key}" is not a known key${suggestion ? `; did you mean "${suggestion}"?` : ""} (known: ${known})`,
    missing: (list: string, count: number, shortcuts: string, withDefaults: boolean) =>
      `missing required field${count === 1 ? "" : "s"}: ${list}. Standard input is not a terminal, so nothing was asked: give ${count === 1 ? "it" : "them"} with --set key=value, ${shortcuts}--from-json${withDefaults ? ", or pass --yes to accept the defaults" : ""}`,
    shortcuts: (flags: string) => `the shortcuts (${flags}, ...) or `,
    or: "or ",
    exists: (path: string) => `${path} already exists; nothing was written (pass --force to replace it, or choose another title or date)`,
    cannotWrite: (path: string, reason: string) => `cannot write ${path}: ${reason}; nothing was written`,
    noFolder: 'no folder to write the posting to: pass --dir content/_jobs, or create a posting.config.json with "content": ["content/_jobs"]',
    wouldNotLint: (list: string) => `the posting would not pass \`posting lint\` (check the template and the answers): ${list}`,
    jsonUnreadable: (source: string, reason: string) => `--from-json: cannot read ${source}: ${reason}`,
    jsonInvalid: (source: string, reason: string) => `--from-json: ${source === "-" ? "standard input" : source} is not valid JSON: ${reason}`,
    jsonNotObject: '--from-json: expected a JSON object such as {"roles": "Développeur·se", "open": true}',
    noShortcut: (name: string, schema: string) => `--${name}: the schema ${schema} has no such shortcut (add "x-flag" to the key it sets), so give the value with --set key=value`,
    together: (a: string, b: string) => `--${a} and --${b} cannot be used together`,
  },
} as const;

type Text = (typeof TEXT)[Lang];

/** A usage error in the recruiter's language, French typography included. */
function refuse(message: string, lang: Lang): UserError {
  return new UserError(typeset(message, lang));
}

export async function newCommand(options: NewCommandOptions, io: CliIO, deps: NewCommandDeps = {}): Promise<number> {
  const lang = parseLang(options.lang);
  const text = TEXT[lang];
  const today = deps.today ?? todayIso();
  const config = await loadConfig(io.cwd, { config: options.config, schema: options.schema, template: options.template });
  const schema = loadSchema(config.schemaPath);
  // Tokens the command line could not place are refused first, as commander refuses unknown options.
  const schemaFlags = flagsTyped(options, schema);
  const folder = outputFolder(io.cwd, options.dir, config.content);
  if (folder === undefined && !options.dryRun) throw refuse(text.noFolder, lang);
  const references = referencesOf(config.references, schema);

  const readsStdin = options.fromJson === "-";
  const given = await givenAnswers(options, io, schema, lang, schemaFlags);
  // A value the config's references do not know (a typo'd startup) is refused before anything is asked or written.
  for (const [key, refs] of references) {
    const value = given[key];
    const problem = typeof value === "string" ? referenceProblem(refs, value) : undefined;
    if (problem) throw refuse(referenceReason(key, value as string, problem, lang), lang);
  }
  const interactive = !readsStdin && (deps.prompter !== undefined || io.stdin.isTTY === true);

  let prompter = deps.prompter;
  if (interactive && !prompter) {
    const { inquirerPrompter } = await import("../prompter-inquirer.js");
    prompter = inquirerPrompter(
      { input: io.stdin, output: nodeStreamOf(io.stdout) },
      { color: useColor(io.stdout, io.env, options.color), lang },
    );
  }

  try {
    // No prototype: a field named `constructor` or `toString` is only what was answered.
    const answers: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, given);
    if (prompter) await askMissing(prompter, answers, schema, lang, { yes: options.yes === true, today, references });
    else if (options.yes) applyDefaults(answers, schema, today);

    const missing = schema.required.filter((key) => answers[key] === undefined);
    if (missing.length > 0) throw refuse(missingMessage(missing, schema, lang, options.yes === true), lang);

    const template = await readTemplate(config.template ?? bundledTemplatePath(lang));
    const result = scaffold(answers, schema, template, today);
    const fileText = postingText(renderFrontMatter(result.data, schema), result.body);
    assertLintsClean(result.fileName, fileText, schema, lang);

    if (options.dryRun) {
      io.stdout.write(fileText);
      return EXIT.clean;
    }
    const path = safeJoin(folder!, result.fileName);
    const shown = displayPath(io.cwd, path);

    if (prompter && !options.yes) {
      io.stdout.write(summary(result.data, schema, lang, shown));
      if (!options.force && (await exists(path))) return reportExists(io, shown, lang);
      if (!(await prompter.confirm({ name: "confirm", message: typeset(text.confirm, lang), default: true, shown: (yes) => (yes ? text.yes : text.no) }))) {
        io.stdout.write(`${typeset(text.cancelled, lang)}\n`);
        return EXIT.clean;
      }
    }
    try {
      await writeNewFile(path, fileText, { overwrite: options.force === true });
    } catch (error) {
      if (error instanceof FileExistsError) return reportExists(io, shown, lang);
      // A full disk, a read-only folder, a folder in the way: the user's to fix, not a bug.
      if (error instanceof UserError) throw refuse(text.cannotWrite(shown, error.message), lang);
      const code = (error as NodeJS.ErrnoException).code;
      if (code) throw refuse(text.cannotWrite(shown, describeFsError(error as NodeJS.ErrnoException)), lang);
      throw error;
    }
    const toFill = sectionsToFill(result.body);
    const sections = toFill.length > 0 ? `${labelled(text.toFill, toFill.map((s) => escapeInline(s, "new")).join(", "), lang)}\n` : "";
    io.stdout.write(`${text.created} ${escapeInline(shown, "new")}\n${sections}${text.next} \`posting lint ${shellQuote(escapeInline(shown, "new"))}\`.\n`);
    return EXIT.clean;
  } catch (error) {
    if (error instanceof PromptInterrupted) {
      io.stderr.write(`\n${typeset(text.interrupted, lang)}\n`);
      return EXIT_INTERRUPTED;
    }
    throw error;
  }
}

/** The config's references whose key is a field of the schema, with the values they can take. */
function referencesOf(config: readonly ResolvedReference[], schema: PostingSchema): Map<string, ReferenceValues> {
  const found = new Map<string, ReferenceValues>();
  for (const reference of config) {
    if (!schema.fieldsByKey.has(reference.key)) continue;
    const refs = referenceValues(reference);
    if (refs) found.set(reference.key, refs);
  }
  return found;
}

function referenceReason(key: string, value: string, problem: { expected: string; suggestion?: string }, lang: Lang): string {
  const text = TEXT[lang];
  const shown = escapeInline(cleanText(value), "new");
  const reason = text.notReferenced(key, shown, problem.expected);
  return problem.suggestion !== undefined ? `${reason}${lang === "fr" ? " ;" : ";"} ${text.didYouMean(escapeInline(problem.suggestion, "new"))}` : reason;
}

function parseLang(value: string | undefined): Lang {
  const lang = (value ?? "fr").toLowerCase();
  if (!(LANGS as readonly string[]).includes(lang)) throw new UserError(`--lang must be one of ${LANGS.join(", ")}, not ${JSON.stringify(value)}`);
  return lang as Lang;
}

/** Answers given on the command line: --from-json, then --set, then the shortcuts (last wins). */
async function givenAnswers(options: NewCommandOptions, io: CliIO, schema: PostingSchema, lang: Lang, schemaFlags: GivenFlag[]): Promise<Record<string, unknown>> {
  const answers: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const take = (source: string, field: FieldSpec, parsed: ReturnType<typeof parseText>) => {
    if (!parsed.ok) throw refuse(labelled(source, parsed.reason, lang), lang);
    if (parsed.value === undefined) delete answers[field.key];
    else answers[field.key] = parsed.value;
  };

  if (options.fromJson !== undefined) {
    const json = await readJson(options.fromJson, io, lang);
    for (const [key, value] of Object.entries(json)) {
      const field = fieldFor(key, schema, "--from-json", lang);
      take(`--from-json ${field.key}`, field, parseJsonValue(field, value, schema, lang));
    }
  }
  for (const pair of options.set ?? []) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw refuse(TEXT[lang].setWithoutEquals(JSON.stringify(pair)), lang);
    const field = fieldFor(pair.slice(0, eq).trim(), schema, "--set", lang);
    take(`--set ${field.key}`, field, parseText(field, pair.slice(eq + 1), schema, lang));
  }
  for (const { flag, spec, value } of shortcutFlags(options, schema, schemaFlags, lang)) {
    const field = schema.fieldsByKey.get(spec.key);
    if (!field) continue;
    take(flag, field, typeof value === "boolean" ? check(field, value, schema, lang) : parseText(field, value, schema, lang));
  }
  return answers;
}

/** Flags commander knows (the bundled schema's, shown in --help), by option name. */
const DECLARED_VALUE_FLAGS = ["title", "roles", "startup", "date"] as const;
const DECLARED_BOOLEAN_FLAGS = ["open", "closed"] as const;

/**
 * The shortcuts given, each matched to its field by the schema (`x-flag`): the declared ones
 * first (in the order above), then the schema's own, as typed. A boolean's two flags together
 * are refused.
 */
function shortcutFlags(options: NewCommandOptions, schema: PostingSchema, schemaFlags: readonly GivenFlag[], lang: Lang): GivenFlag[] {
  const given: GivenFlag[] = [];
  const declared = (name: string, value: string | boolean) => {
    const found = findFlag(schema, name);
    if (!found) throw refuse(TEXT[lang].noShortcut(name, schema.source), lang);
    given.push({ flag: `--${name}`, spec: found.spec, value: typeof value === "boolean" ? !found.off : value });
  };
  for (const name of DECLARED_VALUE_FLAGS) if (options[name] !== undefined) declared(name, options[name]!);
  const booleans: string[] = DECLARED_BOOLEAN_FLAGS.filter((name) => options[name] === true);
  for (const flag of schemaFlags) if (typeof flag.value === "string") given.push(flag);
  for (const flag of schemaFlags) if (typeof flag.value === "boolean") booleans.push(flag.flag.slice(2));
  const byKey = new Map<string, GivenFlag>();
  for (const name of booleans) {
    const found = findFlag(schema, name);
    if (!found) throw refuse(TEXT[lang].noShortcut(name, schema.source), lang);
    const flag = { flag: `--${name}`, spec: found.spec, value: !found.off };
    const before = byKey.get(found.spec.key);
    if (before && before.value !== flag.value) {
      throw refuse(TEXT[lang].together(found.spec.flag, found.spec.off ?? name), lang);
    }
    byKey.set(found.spec.key, flag);
  }
  return [...given, ...byKey.values()];
}

/** The schema's own flags among the tokens commander left, or its error for the first it cannot place. */
function flagsTyped(options: NewCommandOptions, schema: PostingSchema): GivenFlag[] {
  const tokens = options.flags ?? [];
  if (tokens.length === 0) return [];
  const read = readFlagTokens(tokens, schema);
  if (read.ok) return read.given;
  if ("unknown" in read) throw options.refuse?.unknownOption(read.unknown) ?? new UserError(`unknown option '${read.unknown}'`);
  if ("missing" in read) throw options.refuse?.missingValue(read.missing) ?? new UserError(`option '${read.missing} <value>' argument missing`);
  throw options.refuse?.tooManyArguments(read.operands) ?? new UserError(`too many arguments for 'new'. Expected 0 arguments but got ${read.operands}.`);
}

function fieldFor(key: string, schema: PostingSchema, source: string, lang: Lang): FieldSpec {
  const field = resolveKey(key, schema);
  if (field) return field;
  const suggestion = suggestKey(key, schema);
  throw refuse(TEXT[lang].unknownKey(source, escapeInline(escapeKey(key), "new"), suggestion, schema.fields.map((f) => f.key).join(", ")), lang);
}

async function readJson(source: string, io: CliIO, lang: Lang): Promise<Record<string, unknown>> {
  const text = TEXT[lang];
  let json: unknown;
  let read: string;
  try {
    read = source === "-" ? Buffer.from(await readAll(io.stdin)).toString("utf8") : await readFile(resolve(io.cwd, source), "utf8");
  } catch (error) {
    throw refuse(text.jsonUnreadable(source, (error as Error).message), lang);
  }
  try {
    json = JSON.parse(read.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw refuse(text.jsonInvalid(source, (error as Error).message), lang);
  }
  if (!isObject(json)) throw refuse(text.jsonNotObject, lang);
  return json;
}

/** Fields to ask, in order: schema-required and x-prompt "required" first, then x-prompt "optional". */
export function promptPlan(schema: PostingSchema): { first: FieldSpec[]; optional: FieldSpec[] } {
  const first = schema.fields.filter((f) => f.required || f.prompt === "required");
  const optional = schema.fields.filter((f) => !f.required && f.prompt === "optional");
  return { first, optional };
}

function applyDefaults(answers: Record<string, unknown>, schema: PostingSchema, today: string): void {
  for (const field of schema.fields) {
    const value = defaultFor(field, today);
    if (answers[field.key] === undefined && value !== undefined && (field.required || field.prompt === "required")) answers[field.key] = value;
  }
}

async function askMissing(
  prompter: Prompter,
  answers: Record<string, unknown>,
  schema: PostingSchema,
  lang: Lang,
  options: { yes: boolean; today: string; references: Map<string, ReferenceValues> },
): Promise<void> {
  const { first, optional } = promptPlan(schema);
  if (options.yes) applyDefaults(answers, schema, options.today);
  const ask = (field: FieldSpec) => askField(prompter, field, answers, schema, lang, options.today, options.references.get(field.key));
  for (const field of first) {
    if (answers[field.key] !== undefined) continue;
    if (options.yes && !field.required) continue;
    await ask(field);
  }
  const remaining = optional.filter((f) => answers[f.key] === undefined);
  if (options.yes || remaining.length === 0) return;
  const text = TEXT[lang];
  if (!(await prompter.confirm({ name: "optional", message: typeset(text.optionalIntro, lang), default: false, shown: (yes) => (yes ? text.yes : text.no) }))) return;
  for (const field of remaining) await ask(field);
}

/** At most this many values are offered at once while searching (the list scrolls within them). */
const SEARCH_SHOWN = 50;

/**
 * The values of a reference for the text typed so far: those that contain it (accents and case
 * aside), else the near miss it is likely meant for; an optional field can be left empty.
 */
function referenceChoices(refs: ReferenceValues, term: string, field: FieldSpec, text: Text): SearchResults<string> {
  const typed = foldForMatch(cleanText(term));
  const none = field.required ? [] : [{ name: text.none, value: "", short: text.empty }];
  if (typed === "") return { choices: [...refs.values.slice(0, SEARCH_SHOWN).map((v) => ({ name: v, value: v })), ...none] };
  const matching = refs.values.filter((v) => foldForMatch(v).includes(typed));
  // Those that start with the text first: `aides` lists `aides-jeunes` before `mes-aides`.
  matching.sort((a, b) => Number(!foldForMatch(a).startsWith(typed)) - Number(!foldForMatch(b).startsWith(typed)));
  if (matching.length > 0) return { choices: [...matching.slice(0, SEARCH_SHOWN).map((v) => ({ name: v, value: v })), ...none] };
  const meant = nearMiss(cleanText(term), refs.values);
  if (meant !== undefined) return { choices: [{ name: `${meant} (${text.didYouMean(meant)})`, value: meant, short: meant }, ...none] };
  return { choices: none, note: text.noMatch(escapeInline(cleanText(term), "new-prompt")) };
}

async function askField(
  prompter: Prompter,
  field: FieldSpec,
  answers: Record<string, unknown>,
  schema: PostingSchema,
  lang: Lang,
  today: string,
  refs: ReferenceValues | undefined,
): Promise<void> {
  const text = TEXT[lang];
  const label = typeset(fieldLabel(field, lang), lang);
  const isBoolean = field.types.includes("boolean") && !field.types.includes("string");
  const message = field.required && !isBoolean ? `${label} (${text.required})` : label;
  const help = fieldHelp(field, schema, lang);
  const base = { name: field.key, message, ...(help ? { help: typeset(help, lang) } : {}) };
  const fallback = defaultFor(field, today);
  let value: unknown;

  if (field.types.includes("boolean") && !field.types.includes("string")) {
    value = await prompter.confirm({ ...base, default: typeof fallback === "boolean" ? fallback : false, shown: (yes) => (yes ? text.yes : text.no) });
  } else if (refs && refs.values.length > 0 && !field.list) {
    // Only the values the field itself accepts are offered (a file name can be anything).
    const usable = { ...refs, values: refs.values.filter((v) => check(field, v, schema, lang).ok) };
    const picked = await prompter.search<string>({ ...base, source: (term) => typesetResults(referenceChoices(usable, term, field, text), lang) });
    value = picked === "" ? undefined : picked;
  } else if (field.enum && field.list) {
    const choices = field.enum.map((v) => ({ name: String(v), value: String(v) }));
    const picked = await prompter.checkbox<string>({ ...base, choices });
    value = picked.length > 0 ? picked : undefined;
  } else if (field.enum) {
    const choices = field.enum.map((v) => ({ name: String(v), value: String(v) }));
    value = await prompter.select<string>({ ...base, choices, ...(typeof fallback === "string" ? { default: fallback } : {}) });
  } else {
    const listHint = field.list ? ` (${text.listHint})` : "";
    const validate = (input: string): true | string => {
      const parsed = parseText(field, input, schema, lang);
      if (!parsed.ok) return typeset(parsed.reason, lang);
      if (parsed.value === undefined && field.required) return text.requiredField;
      // A reference whose folder lists nothing yet: still no value that names no file.
      const problem = refs && typeof parsed.value === "string" ? referenceProblem(refs, parsed.value) : undefined;
      if (problem && refs) return typeset(referenceReason(refs.key, parsed.value as string, problem, lang), lang);
      return true;
    };
    // Once given, the answer is shown as it is kept: a date in ISO, a list with its items.
    const shown = (input: string): string => {
      const parsed = parseText(field, input, schema, lang);
      if (!parsed.ok) return input;
      return parsed.value === undefined ? text.empty : escapeInline(shownValue(parsed.value, text), "new-prompt");
    };
    const typed = await prompter.input({ ...base, message: `${message}${listHint}`, validate, shown, ...(typeof fallback === "string" ? { default: fallback } : {}) });
    const parsed = parseText(field, typed, schema, lang);
    // The prompter validated already; a scripted one may not, so a bad answer still cannot slip in.
    if (!parsed.ok) throw refuse(labelled(field.key, parsed.reason, lang), lang);
    value = parsed.value;
  }
  if (value !== undefined) answers[field.key] = value;
}

function missingMessage(missing: string[], schema: PostingSchema, lang: Lang, yes: boolean): string {
  const list = missing
    .map((key) => {
      const field = schema.fieldsByKey.get(key);
      return field ? `${key} (${fieldLabel(field, lang)})` : key;
    })
    .join(", ");
  const withDefaults = !yes && missing.some((key) => schema.fieldsByKey.get(key)?.defaultValue !== undefined);
  return TEXT[lang].missing(list, missing.length, shortcutsOf(schema, lang), withDefaults);
}

/** "the shortcuts (--roles, --open/--closed, ...) or " for the required keys that have one (`x-flag`). */
function shortcutsOf(schema: PostingSchema, lang: Lang): string {
  const flags = schema.roles.flags.filter((f) => schema.required.includes(f.key)).map((f) => (f.off ? `--${f.flag}/--${f.off}` : `--${f.flag}`));
  return flags.length > 0 ? TEXT[lang].shortcuts(flags.join(", ")) : TEXT[lang].or;
}

/** The template's placeholders are expected in a fresh posting (TEMPLATE_PLACEHOLDER); nothing else is. */
function assertLintsClean(fileName: string, fileText: string, schema: PostingSchema, lang: Lang): void {
  const findings = lintBytes(fileName, Buffer.from(fileText, "utf8"), schema).filter((f) => f.code !== "TEMPLATE_PLACEHOLDER");
  if (findings.length === 0) return;
  const list = wordFindings(findings).map((f) => `${f.line}:${f.column} ${f.code} ${f.message}`).join("; ");
  throw refuse(TEXT[lang].wouldNotLint(escapeInline(list, "new")), lang);
}

/** A kept value as the recruiter reads it: yes/no in words, a list with commas. */
function shownValue(value: unknown, text: Text): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? text.yes : text.no;
  return cleanText(Array.isArray(value) ? value.map(String).join(", ") : String(value));
}

/** A search's lines in French typography (the values themselves untouched). */
function typesetResults(results: SearchResults<string>, lang: Lang): SearchResults<string> {
  return {
    choices: results.choices.map((c) => (c.value === c.name ? c : { ...c, name: typeset(c.name, lang) })),
    ...(results.note !== undefined ? { note: typeset(results.note, lang) } : {}),
  };
}

function summary(data: Record<string, unknown>, schema: PostingSchema, lang: Lang, path: string): string {
  const text = TEXT[lang];
  const rows = Object.entries(data).map(([key, value]) => {
    const field = schema.fieldsByKey.get(key);
    const label = field ? fieldLabel(field, lang) : key;
    return `  ${labelled(escapeInline(label, "new"), escapeInline(shownValue(value, text), "new"), lang)}`;
  });
  return `\n${text.summary}\n${rows.join("\n")}\n${labelled(text.willWrite, escapeInline(path, "new"), lang)}\n\n`;
}

function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel !== "" && !rel.startsWith("..") ? rel : path;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

function reportExists(io: CliIO, shown: string, lang: Lang): number {
  io.stderr.write(`posting: ${typeset(TEXT[lang].exists(escapeInline(shown, "new")), lang)}\n`);
  return EXIT_EXISTS;
}

/** The path as a shell word: quoted only when it needs to be. */
function shellQuote(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}
