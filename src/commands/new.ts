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
import { readAll, useColor } from "../io.js";
import type { Prompter } from "../prompter.js";
import { PromptInterrupted } from "../prompter.js";
import { EXIT } from "../core/exit-codes.js";

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
    listHint: "séparez les valeurs par des virgules",
    yes: "oui",
    no: "non",
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
    listHint: "separate values with commas",
    yes: "yes",
    no: "no",
  },
} as const;

export async function newCommand(options: NewCommandOptions, io: CliIO, deps: NewCommandDeps = {}): Promise<number> {
  const lang = parseLang(options.lang);
  const text = TEXT[lang];
  const today = deps.today ?? todayIso();
  const config = await loadConfig(io.cwd, { config: options.config, schema: options.schema, template: options.template });
  const schema = loadSchema(config.schemaPath);
  // Tokens the command line could not place are refused first, as commander refuses unknown options.
  const schemaFlags = flagsTyped(options, schema);
  const folder = outputFolder(io.cwd, options.dir, config.content);
  if (folder === undefined && !options.dryRun) {
    throw new UserError('no folder to write the posting to: pass --dir content/_jobs, or create a posting.config.json with "content": ["content/_jobs"]');
  }

  const readsStdin = options.fromJson === "-";
  const given = await givenAnswers(options, io, schema, lang, schemaFlags);
  const interactive = !readsStdin && (deps.prompter !== undefined || io.stdin.isTTY === true);

  let prompter = deps.prompter;
  if (interactive && !prompter) {
    const { inquirerPrompter } = await import("../prompter-inquirer.js");
    prompter = inquirerPrompter(
      { input: io.stdin, output: io.stdout as unknown as NodeJS.WritableStream },
      { color: useColor(io.stdout, io.env, options.color), lang },
    );
  }

  try {
    const answers = { ...given };
    if (prompter) await askMissing(prompter, answers, schema, lang, { yes: options.yes === true, today });
    else if (options.yes) applyDefaults(answers, schema, today);

    const missing = schema.required.filter((key) => answers[key] === undefined);
    if (missing.length > 0) throw new UserError(missingMessage(missing, schema, lang, options.yes === true));

    const template = await readTemplate(config.template ?? bundledTemplatePath(lang));
    const result = scaffold(answers, schema, template, today);
    const fileText = postingText(renderFrontMatter(result.data, schema), result.body);
    assertLintsClean(result.fileName, fileText, schema);

    if (options.dryRun) {
      io.stdout.write(fileText);
      return EXIT.clean;
    }
    const path = safeJoin(folder!, result.fileName);
    const shown = displayPath(io.cwd, path);

    if (prompter && !options.yes) {
      io.stdout.write(summary(result.data, schema, lang, shown));
      if (!options.force && (await exists(path))) return reportExists(io, shown);
      if (!(await prompter.confirm({ name: "confirm", message: text.confirm, default: true }))) {
        io.stdout.write(`${text.cancelled}\n`);
        return EXIT.clean;
      }
    }
    try {
      await writeNewFile(path, fileText, { overwrite: options.force === true });
    } catch (error) {
      if (error instanceof FileExistsError) return reportExists(io, shown);
      // A full disk, a read-only folder, a folder in the way: the user's to fix, not a bug.
      if (error instanceof UserError) throw new UserError(`cannot write ${shown}: ${error.message}; nothing was written`);
      const code = (error as NodeJS.ErrnoException).code;
      if (code) throw new UserError(`cannot write ${shown}: ${describeFsError(error as NodeJS.ErrnoException)}; nothing was written`);
      throw error;
    }
    io.stdout.write(`${text.created} ${escapeInline(shown, "new")}\n${text.next} \`posting lint ${shellQuote(escapeInline(shown, "new"))}\`.\n`);
    return EXIT.clean;
  } catch (error) {
    if (error instanceof PromptInterrupted) {
      io.stderr.write(`\n${text.interrupted}\n`);
      return EXIT_INTERRUPTED;
    }
    throw error;
  }
}

function parseLang(value: string | undefined): Lang {
  const lang = (value ?? "fr").toLowerCase();
  if (!(LANGS as readonly string[]).includes(lang)) throw new UserError(`--lang must be one of ${LANGS.join(", ")}, not ${JSON.stringify(value)}`);
  return lang as Lang;
}

/** Answers given on the command line: --from-json, then --set, then the shortcuts (last wins). */
async function givenAnswers(options: NewCommandOptions, io: CliIO, schema: PostingSchema, lang: Lang, schemaFlags: GivenFlag[]): Promise<Record<string, unknown>> {
  const answers: Record<string, unknown> = {};
  const take = (source: string, field: FieldSpec, parsed: ReturnType<typeof parseText>) => {
    if (!parsed.ok) throw new UserError(`${source}: ${parsed.reason}`);
    if (parsed.value === undefined) delete answers[field.key];
    else answers[field.key] = parsed.value;
  };

  if (options.fromJson !== undefined) {
    const json = await readJson(options.fromJson, io);
    for (const [key, value] of Object.entries(json)) {
      const field = fieldFor(key, schema, "--from-json");
      take(`--from-json: ${field.key}`, field, parseJsonValue(field, value, schema, lang));
    }
  }
  for (const pair of options.set ?? []) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new UserError(`--set ${JSON.stringify(pair)}: write it key=value, for example --set contrat=CDI`);
    const field = fieldFor(pair.slice(0, eq).trim(), schema, "--set");
    take(`--set ${field.key}`, field, parseText(field, pair.slice(eq + 1), schema, lang));
  }
  for (const { flag, spec, value } of shortcutFlags(options, schema, schemaFlags)) {
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
function shortcutFlags(options: NewCommandOptions, schema: PostingSchema, schemaFlags: readonly GivenFlag[]): GivenFlag[] {
  const given: GivenFlag[] = [];
  const declared = (name: string, value: string | boolean) => {
    const found = findFlag(schema, name);
    if (!found) throw new UserError(`--${name}: the schema ${schema.source} has no such shortcut (add "x-flag" to the key it sets), so give the value with --set key=value`);
    given.push({ flag: `--${name}`, spec: found.spec, value: typeof value === "boolean" ? !found.off : value });
  };
  for (const name of DECLARED_VALUE_FLAGS) if (options[name] !== undefined) declared(name, options[name]!);
  const booleans: string[] = DECLARED_BOOLEAN_FLAGS.filter((name) => options[name] === true);
  for (const flag of schemaFlags) if (typeof flag.value === "string") given.push(flag);
  for (const flag of schemaFlags) if (typeof flag.value === "boolean") booleans.push(flag.flag.slice(2));
  const byKey = new Map<string, GivenFlag>();
  for (const name of booleans) {
    const found = findFlag(schema, name);
    if (!found) throw new UserError(`--${name}: the schema ${schema.source} has no such shortcut (add "x-flag" to the key it sets), so give the value with --set key=value`);
    const flag = { flag: `--${name}`, spec: found.spec, value: !found.off };
    const before = byKey.get(found.spec.key);
    if (before && before.value !== flag.value) {
      throw new UserError(`--${found.spec.flag} and --${found.spec.off} cannot be used together`);
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

function fieldFor(key: string, schema: PostingSchema, source: string): FieldSpec {
  const field = resolveKey(key, schema);
  if (field) return field;
  const suggestion = suggestKey(key, schema);
  throw new UserError(`${source}: "${escapeInline(escapeKey(key), "new")}" is not a known key${suggestion ? `; did you mean "${suggestion}"?` : ""} (known: ${schema.fields.map((f) => f.key).join(", ")})`);
}

async function readJson(source: string, io: CliIO): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = source === "-" ? Buffer.from(await readAll(io.stdin)).toString("utf8") : await readFile(resolve(io.cwd, source), "utf8");
  } catch (error) {
    throw new UserError(`--from-json: cannot read ${source}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new UserError(`--from-json: ${source === "-" ? "standard input" : source} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(json)) throw new UserError(`--from-json: expected a JSON object such as {"roles": "Développeur·se", "open": true}`);
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
  options: { yes: boolean; today: string },
): Promise<void> {
  const { first, optional } = promptPlan(schema);
  if (options.yes) applyDefaults(answers, schema, options.today);
  for (const field of first) {
    if (answers[field.key] !== undefined) continue;
    if (options.yes && !field.required) continue;
    await askField(prompter, field, answers, schema, lang, options.today);
  }
  const remaining = optional.filter((f) => answers[f.key] === undefined);
  if (options.yes || remaining.length === 0) return;
  if (!(await prompter.confirm({ name: "optional", message: TEXT[lang].optionalIntro, default: false }))) return;
  for (const field of remaining) await askField(prompter, field, answers, schema, lang, options.today);
}

async function askField(prompter: Prompter, field: FieldSpec, answers: Record<string, unknown>, schema: PostingSchema, lang: Lang, today: string): Promise<void> {
  const label = fieldLabel(field, lang);
  const isBoolean = field.types.includes("boolean") && !field.types.includes("string");
  const message = field.required && !isBoolean ? `${label} (${TEXT[lang].required})` : label;
  const help = fieldHelp(field, schema, lang);
  const base = { name: field.key, message, ...(help ? { help } : {}) };
  const fallback = defaultFor(field, today);
  let value: unknown;

  if (field.types.includes("boolean") && !field.types.includes("string")) {
    value = await prompter.confirm({ ...base, default: typeof fallback === "boolean" ? fallback : false });
  } else if (field.enum && field.list) {
    const choices = field.enum.map((v) => ({ name: String(v), value: String(v) }));
    const picked = await prompter.checkbox<string>({ ...base, choices });
    value = picked.length > 0 ? picked : undefined;
  } else if (field.enum) {
    const choices = field.enum.map((v) => ({ name: String(v), value: String(v) }));
    value = await prompter.select<string>({ ...base, choices, ...(typeof fallback === "string" ? { default: fallback } : {}) });
  } else {
    const listHint = field.list ? ` (${TEXT[lang].listHint})` : "";
    const validate = (input: string): true | string => {
      const parsed = parseText(field, input, schema, lang);
      if (!parsed.ok) return parsed.reason;
      if (parsed.value === undefined && field.required) return lang === "fr" ? "ce champ est obligatoire" : "this field is required";
      return true;
    };
    const text = await prompter.input({ ...base, message: `${message}${listHint}`, validate, ...(typeof fallback === "string" ? { default: fallback } : {}) });
    const parsed = parseText(field, text, schema, lang);
    // The prompter validated already; a scripted one may not, so a bad answer still cannot slip in.
    if (!parsed.ok) throw new UserError(`${field.key}: ${parsed.reason}`);
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
  return `missing required field${missing.length === 1 ? "" : "s"}: ${list}. Standard input is not a terminal, so nothing was asked: give ${missing.length === 1 ? "it" : "them"} with --set key=value, ${shortcutsOf(schema)}--from-json${withDefaults ? ", or pass --yes to accept the defaults" : ""}`;
}

/** "the shortcuts (--roles, --open/--closed, ...) or " for the required keys that have one (`x-flag`). */
function shortcutsOf(schema: PostingSchema): string {
  const flags = schema.roles.flags.filter((f) => schema.required.includes(f.key)).map((f) => (f.off ? `--${f.flag}/--${f.off}` : `--${f.flag}`));
  return flags.length > 0 ? `the shortcuts (${flags.join(", ")}, ...) or ` : "or ";
}

function assertLintsClean(fileName: string, fileText: string, schema: PostingSchema): void {
  const findings = lintBytes(fileName, Buffer.from(fileText, "utf8"), schema);
  if (findings.length === 0) return;
  const list = wordFindings(findings).map((f) => `${f.line}:${f.column} ${f.code} ${f.message}`).join("; ");
  throw new UserError(`the posting would not pass \`posting lint\` (check the template and the answers): ${escapeInline(list, "new")}`);
}

function summary(data: Record<string, unknown>, schema: PostingSchema, lang: Lang, path: string): string {
  const text = TEXT[lang];
  const rows = Object.entries(data).map(([key, value]) => {
    const field = schema.fieldsByKey.get(key);
    const label = field ? fieldLabel(field, lang) : key;
    const shown = typeof value === "boolean" ? (value ? text.yes : text.no) : Array.isArray(value) ? value.join(", ") : String(value);
    return `  ${escapeInline(label, "new")}: ${escapeInline(cleanText(shown), "new")}`;
  });
  return `\n${text.summary}\n${rows.join("\n")}\n${text.willWrite}: ${escapeInline(path, "new")}\n\n`;
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

function reportExists(io: CliIO, shown: string): number {
  io.stderr.write(`posting: ${escapeInline(shown, "new")} already exists; nothing was written (pass --force to replace it, or choose another title or date)\n`);
  return EXIT_EXISTS;
}

/** The path as a shell word: quoted only when it needs to be. */
function shellQuote(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}
