// `posting init`: write posting.config.json (asking on a terminal, defaults otherwise) and, with
// --hook, a git pre-commit hook, or the snippet for the hook framework the repository already uses.
import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { MAX_CONFIG_BYTES, readBounded, ReadRefusedError } from "../core/files/read-bounded.js";
import { writeFileAtomic } from "../core/files/write.js";
import { basename, isAbsolute, join, relative, resolve } from "node:path";
import { promisify } from "node:util";
import { CONFIG_FILE_NAME, loadConfig, peekConfigLang } from "../core/project/config.js";
import { phrasedError } from "../core/errors.js";
import { catalogFor, isLang, resolveLang } from "../core/messages/lang.js";
import type { InitProblem, Phrases } from "../core/messages/phrases.js";
import { fileNameProblem } from "../core/files/file-name.js";
import { configText, detectDefaults, inferredSchemaPath, hookLines, hookScript, HOOK_MARKER, LOCAL_BIN, lintStagedSnippet, preCommitSnippet } from "../core/project/init.js";
import type { InitAnswers } from "../core/project/init.js";
import { escapeControl, escapeInline } from "../core/sanitize.js";
import { FileExistsError, writeNewFile } from "../core/scaffold/scaffold.js";
import type { CliIO } from "../io.js";
import { nodeStreamOf, useColor } from "../io.js";
import type { Prompter } from "../prompter.js";
import { PromptInterrupted } from "../prompter.js";
import { EXIT } from "../core/exit-codes.js";
import { CmsConfigError, readCmsCollection } from "../core/infer/cms.js";
import type { CmsCollection } from "../core/infer/cms.js";
import { inferSchema } from "../core/infer/infer.js";
import { guessContentFolder, holdsPostings, MAX_INFER_FILES, readCollection, referenceFolders } from "../core/infer/read.js";
import { reportText } from "../core/infer/report.js";
import { DEFAULT_FILE_NAME_PATTERN } from "../core/project/config.js";
import { loadSchema } from "../core/schema/schema.js";

export interface InitCommandOptions {
  content?: string;
  fileName?: string;
  schema?: string;
  template?: string;
  yes?: boolean;
  force?: boolean;
  hook?: boolean;
  color?: boolean;
  /** Write a schema inferred from the postings the content folder holds (core/infer). */
  infer?: boolean;
  /** Print what would be written; write nothing. */
  dryRun?: boolean;
  /** `--lang fr|en` (else the config's "lang", else the locale, else English). */
  lang?: string;
}

export interface InitCommandDeps {
  /** Answers the questions instead of the terminal (tests). */
  prompter?: Prompter;
}

const EXIT_NOT_DONE = EXIT.findings;
const EXIT_INTERRUPTED = EXIT.interrupted;

export async function initCommand(options: InitCommandOptions, io: CliIO, deps: InitCommandDeps = {}): Promise<number> {
  const p = initPhrases(options, io);
  const configPath = join(io.cwd, CONFIG_FILE_NAME);
  const configExists = await exists(configPath);
  // `--infer --dry-run` shows what --force would write; everything else leaves a config as it is.
  if (configExists && !options.force && (!options.hook || options.infer) && !(options.infer && options.dryRun)) {
    io.stderr.write(`posting: ${p.init.alreadyExists(CONFIG_FILE_NAME)}\n`);
    return EXIT_NOT_DONE;
  }
  if (options.infer) return inferInit(options, io, p);

  let content: string;
  if (configExists && !options.force) {
    io.stdout.write(`${p.init.keptConfig(CONFIG_FILE_NAME)}\n`);
    content = await configuredContent(io.cwd);
  } else {
    const defaults = await detectDefaults(io.cwd);
    const given: InitAnswers = {
      content: options.content ?? defaults.content,
      fileName: options.fileName ?? defaults.fileName,
      schema: options.schema ?? defaults.schema,
      template: options.template ?? defaults.template,
      startupReferences: defaults.startupReferences,
    };
    let answers = given;
    const prompter = options.yes ? undefined : await interactivePrompter(io, options, deps, p.lang);
    if (prompter) {
      try {
        // A content folder that holds postings: offer to infer the schema from them.
        if (options.schema === undefined) {
          const question = textQuestions(p)[0]!;
          const content = options.content ?? (await prompter.input({ name: question.key, message: question.message, ...(question.help ? { help: question.help } : {}), default: given.content, validate: question.validate })).trim();
          given.content = content;
          options = { ...options, content };
          const count = await holdsPostings(io.cwd, content);
          const offer = p.init.inferOffer(escapeInline(content, "init"), count);
          if (count > 0 && (await prompter.confirm({ name: "infer", message: offer, default: true }))) return inferInit({ ...options, infer: true }, io, p);
        }
        answers = await ask(prompter, given, options, p);
      } catch (error) {
        if (error instanceof PromptInterrupted) {
          io.stderr.write(`${p.init.interrupted}\n`);
          return EXIT_INTERRUPTED;
        }
        throw error;
      }
    }
    checkAnswers(answers);
    const text = configText(answers, defaults.configSchema);
    if (options.dryRun) {
      io.stdout.write(`${p.init.notWritten(CONFIG_FILE_NAME)}\n${escapeControl(text, "init")}`);
      return EXIT.clean;
    }
    try {
      await writeNewFile(configPath, text, { overwrite: options.force === true });
    } catch (error) {
      if (error instanceof FileExistsError) {
        io.stderr.write(`posting: ${p.init.alreadyExists(CONFIG_FILE_NAME)}\n`);
        return EXIT_NOT_DONE;
      }
      throw error;
    }
    // Read it back through the one resolver: what init writes must load.
    await loadConfig(io.cwd, { config: configPath });
    io.stdout.write(`${p.init.written(CONFIG_FILE_NAME, configExists)}\n${escapeControl(text, "init")}`);
    if (!(await exists(resolve(io.cwd, answers.content)))) io.stdout.write(`${p.init.notYet(escapeInline(answers.content, "init"))}\n`);
    content = answers.content;
  }

  if (options.dryRun) return EXIT.clean;
  await ignoreCache(io, p);
  if (!isInstalledIn(io.cwd)) io.stderr.write(`posting: ${p.warning} ${p.init.notInstalled(LOCAL_BIN)}\n`);
  if (options.hook) return installHook(content, options, io, p);
  io.stdout.write(`\n${p.init.next}\n`);
  return EXIT.clean;
}

/** The words of this run: --lang, else the config's "lang" (a config may not exist yet), else the locale, else English. */
function initPhrases(options: InitCommandOptions, io: CliIO): Phrases {
  const configured = peekConfigLang(io.cwd, undefined);
  return catalogFor(resolveLang({ flag: options.lang, config: isLang(configured) ? configured : undefined, env: io.env, fallback: "en" })).phrases;
}

/**
 * `posting init --infer`: read the postings of the content folder (and the Decap CMS fields, when
 * the site has admin/config.yml), write the inferred schema to schemas/<collection>.schema.json and
 * the config pointing at it, and say why each rule is there and what lint will flag now.
 */
async function inferInit(options: InitCommandOptions, io: CliIO, p: Phrases): Promise<number> {
  const defaults = await detectDefaults(io.cwd);
  const cms = readCms(io.cwd, options.content ?? (defaults.contentFound ? defaults.content : undefined));
  const content = (options.content ?? (defaults.contentFound ? defaults.content : (cms?.folder ?? guessContentFolder(io.cwd) ?? defaults.content))).trim();
  const problem = contentFolderProblem(content);
  if (problem) throw settingError("--content", problem);
  const patternProblem = options.fileName !== undefined ? fileNamePatternProblem(options.fileName) : undefined;
  if (patternProblem) throw settingError("--file-name", patternProblem);
  const schemaFile = (options.schema ?? inferredSchemaPath(content)).trim();
  if (isAbsolute(schemaFile)) throw settingError("--schema", "not-relative");

  const read = await readCollection(io.cwd, content);
  if (read.postings.length === 0 && !cms) {
    throw phrasedError((w) => w.init.noPostings(escapeInline(content, "init")));
  }
  const result = inferSchema(read.postings, { folders: referenceFolders(io.cwd, content), ...(cms ? { cms } : {}), name: basename(content).replace(/^_+/, "") || "postings" });
  const schemaText = `${JSON.stringify(result.schema, null, 2)}\n`;
  const answers: InitAnswers = { content, fileName: options.fileName ?? DEFAULT_FILE_NAME_PATTERN, schema: schemaFile, template: options.template ?? "", startupReferences: undefined };
  const settings = { fileName: options.fileName ?? result.fileName, references: result.references, lang: result.lang };
  const text = configText(answers, defaults.configSchema, settings);

  io.stdout.write(`${p.init.read(read.postings.length, escapeInline(content, "init"), cms ? escapeInline(cms.file, "init") : undefined, read.skipped, read.notRead, MAX_INFER_FILES)}\n`);
  io.stdout.write(escapeControl(reportText(result.report), "init"));
  if (options.dryRun) {
    io.stdout.write(`\n${p.init.notWritten(escapeInline(schemaFile, "init"))}\n${escapeControl(schemaText, "init")}`);
    io.stdout.write(`\n${p.init.notWritten(CONFIG_FILE_NAME)}\n${escapeControl(text, "init")}`);
    return EXIT.clean;
  }

  const schemaPath = resolve(io.cwd, schemaFile);
  const schemaExists = await exists(schemaPath);
  if (schemaExists && !options.force) {
    io.stderr.write(`posting: ${p.init.schemaExists(escapeInline(schemaFile, "init"), CONFIG_FILE_NAME)}\n`);
    return EXIT_NOT_DONE;
  }
  const configPath = join(io.cwd, CONFIG_FILE_NAME);
  const configExisted = await exists(configPath);
  try {
    await writeNewFile(schemaPath, schemaText, { overwrite: options.force === true });
    await writeNewFile(configPath, text, { overwrite: options.force === true });
  } catch (error) {
    if (error instanceof FileExistsError) {
      io.stderr.write(`posting: ${p.init.alreadyExists(escapeInline(relative(io.cwd, error.path), "init"))}\n`);
      return EXIT_NOT_DONE;
    }
    throw error;
  }
  // Read both back through the one resolver and schema loader: what init writes must load.
  const config = await loadConfig(io.cwd, { config: configPath });
  loadSchema(config.schemaPath);
  io.stdout.write(`\n${p.init.writtenSchema(escapeInline(schemaFile, "init"), Object.keys(result.schema.properties as object).length, schemaExists)}\n`);
  io.stdout.write(`${p.init.written(CONFIG_FILE_NAME, configExisted)}\n${escapeControl(text, "init")}`);
  await ignoreCache(io, p);
  if (options.hook) return installHook(content, options, io, p);
  io.stdout.write(`\n${p.init.next}\n`);
  return EXIT.clean;
}

function readCms(cwd: string, content: string | undefined): CmsCollection | undefined {
  try {
    return readCmsCollection(cwd, content);
  } catch (error) {
    if (error instanceof CmsConfigError) throw phrasedError((w) => w.init.cmsConfig(error.message));
    throw error;
  }
}

async function interactivePrompter(io: CliIO, options: InitCommandOptions, deps: InitCommandDeps, lang: Phrases["lang"]): Promise<Prompter | undefined> {
  if (deps.prompter) return deps.prompter;
  // Never wait for input that cannot come: without a terminal, the defaults and flags are used.
  if (io.stdin.isTTY !== true) return undefined;
  const { inquirerPrompter } = await import("../prompter-inquirer.js");
  return inquirerPrompter({ input: io.stdin, output: nodeStreamOf(io.stdout) }, { color: useColor(io.stdout, io.env, options.color), lang });
}

type TextSetting = "content" | "fileName" | "schema" | "template";

const optionalPath = (text: string): InitProblem | undefined => (text.trim() === "" ? undefined : relativePathProblem(text));

/** The settings asked as text, in order, in the run's words; each only when no flag gave it. */
function textQuestions(p: Phrases): { key: TextSetting; message: string; help?: string; validate: (text: string) => true | string }[] {
  const valid = (problem: InitProblem | undefined): true | string => (problem ? p.init.problem(problem) : true);
  return [
    { key: "content", message: p.init.ask.content, help: p.init.ask.contentHelp, validate: (text) => valid(contentFolderProblem(text)) },
    { key: "fileName", message: p.init.ask.fileName, help: p.init.ask.fileNameHelp, validate: (text) => valid(fileNamePatternProblem(text)) },
    { key: "schema", message: p.init.ask.schema, validate: (text) => valid(optionalPath(text)) },
    { key: "template", message: p.init.ask.template, validate: (text) => valid(optionalPath(text)) },
  ];
}

async function ask(prompter: Prompter, given: InitAnswers, options: InitCommandOptions, p: Phrases): Promise<InitAnswers> {
  const answers = { ...given };
  for (const q of textQuestions(p)) {
    if (options[q.key] !== undefined) continue;
    answers[q.key] = await prompter.input({ name: q.key, message: q.message, ...(q.help ? { help: q.help } : {}), default: given[q.key], validate: q.validate });
  }
  if (given.startupReferences) {
    const keep = await prompter.confirm({
      name: "references",
      message: p.init.ask.references(given.startupReferences.replace("{value}", "<startup>")),
      default: true,
    });
    if (!keep) answers.startupReferences = undefined;
  }
  for (const key of ["content", "schema", "template"] as const) answers[key] = answers[key].trim();
  return answers;
}

function relativePathProblem(text: string): InitProblem | undefined {
  const value = text.trim();
  if (value === "") return "no-folder";
  if (isAbsolute(value)) return "not-relative";
  if (/[\u0000-\u001f]/.test(value)) return "control";
  return undefined;
}

/** The content folder: relative, and inside the site (`../..`, from a flag or a CMS config, is never read nor configured). */
function contentFolderProblem(text: string): InitProblem | undefined {
  return relativePathProblem(text) ?? (text.trim().split(/[\\/]+/).includes("..") ? "outside" : undefined);
}

function fileNamePatternProblem(text: string): InitProblem | undefined {
  if (text.trim() === "") return "no-pattern";
  if (/[/\\]/.test(text)) return "not-a-name";
  return undefined;
}

/** A usage error for a setting given by a flag, worded in the run's language. */
function settingError(flag: string, problem: InitProblem, example?: string) {
  return phrasedError((w) => `${flag}${w.lang === "fr" ? "\u00a0" : ""}: ${w.init.problem(problem, example)}`);
}

function checkAnswers(answers: InitAnswers): void {
  const content = contentFolderProblem(answers.content);
  if (content) throw settingError("--content", content);
  const pattern = fileNamePatternProblem(answers.fileName);
  if (pattern) throw settingError("--file-name", pattern);
  for (const key of ["schema", "template"] as const) {
    const value = answers[key];
    if (value && isAbsolute(value)) throw settingError(`--${key}`, "not-relative");
  }
  // A pattern whose own example does not pass would reject every file.
  const example = answers.fileName.replace(/YYYY/g, "2026").replace(/MM/g, "01").replace(/DD/g, "31").replace(/slug/g, "x");
  if (fileNameProblem(example, answers.fileName)) throw settingError("--file-name", "never-matches", answers.fileName);
}

async function configuredContent(cwd: string): Promise<string> {
  const config = await loadConfig(cwd, { config: CONFIG_FILE_NAME });
  const first = config.content[0];
  return first ? relative(cwd, first).split("\\").join("/") || "." : "content/_jobs";
}

async function installHook(content: string, options: InitCommandOptions, io: CliIO, p: Phrases): Promise<number> {
  if (await exists(join(io.cwd, ".pre-commit-config.yaml"))) {
    io.stdout.write(`\n${p.init.preCommit}\n\n${escapeControl(preCommitSnippet(content), "init")}`);
    return EXIT.clean;
  }
  if (await exists(join(io.cwd, ".husky"))) {
    io.stdout.write(`\n${p.init.husky}\n\n${escapeControl(lintStagedSnippet(content), "init")}`);
    return EXIT.clean;
  }
  const git = await gitPaths(io.cwd);
  if (!git) {
    io.stdout.write(`\n${p.init.notGit}\n\n${escapeControl(preCommitSnippet(content), "init")}\n${escapeControl(lintStagedSnippet(content), "init")}`);
    return EXIT_NOT_DONE;
  }
  // Git runs hooks from the top of the work tree: the hook goes to this folder first.
  const site = git.prefix.replace(/\/+$/, "");
  const hookPath = join(git.hooks, "pre-commit");
  const shown = escapeInline(relative(io.cwd, hookPath).split("\\").join("/"), "init");
  const existing = await readFile(hookPath, "utf8").catch(() => undefined);
  if (existing !== undefined && existing.includes(HOOK_MARKER) && !options.force) {
    io.stdout.write(`\n${p.init.hookLints(shown)}\n`);
    return EXIT.clean;
  }
  if (existing !== undefined && !options.force) {
    io.stdout.write(`\n${p.init.hookExists(shown)}\n\n${escapeControl(hookLines(content, site), "init")}`);
    return EXIT_NOT_DONE;
  }
  // Executable from the moment it appears: the mode is the temp file's, before the rename.
  await writeNewFile(hookPath, hookScript(content, site), { overwrite: true, mode: 0o755 });
  io.stdout.write(`\n${p.init.hookInstalled(shown, escapeInline(`${git.prefix}${content}`, "init"))}\n`);
  return EXIT.clean;
}

/**
 * The hooks folder git uses here (honours core.hooksPath and worktrees) and this folder's path from
 * the top of the work tree ("" or "site/"), or undefined outside a repository.
 */
async function gitPaths(cwd: string): Promise<{ hooks: string; prefix: string } | undefined> {
  try {
    const { stdout } = await promisify(execFile)("git", ["rev-parse", "--git-path", "hooks", "--show-prefix"], { cwd, encoding: "utf8" });
    const [hooks = "", prefix = ""] = stdout.split("\n");
    return { hooks: resolve(cwd, hooks.trim()), prefix: prefix.trim() };
  } catch {
    return undefined;
  }
}

/**
 * `--cache` writes .posting-cache here: add it to .gitignore when there is one (or a git
 * repository to start one in), unless a line already names it.
 */
async function ignoreCache(io: CliIO, p: Phrases): Promise<void> {
  const path = join(io.cwd, ".gitignore");
  let text: string | undefined;
  try {
    text = readBounded(path, MAX_CONFIG_BYTES, { noFollow: true }).toString("utf8");
  } catch (error) {
    if (!(error instanceof ReadRefusedError) || error.reason !== "missing") return; // a link, a folder, too large: left alone
  }
  if (text === undefined && !(await gitPaths(io.cwd))) return;
  if (text !== undefined && text.split(/\r?\n/).some((line) => /^\/?\.posting-cache\/?\s*$/.test(line))) return;
  const added = `${text === undefined || text === "" || text.endsWith("\n") ? "" : "\n"}.posting-cache\n`;
  if (text === undefined) await writeNewFile(path, added);
  else await writeFileAtomic(path, Buffer.from(text + added, "utf8"));
  io.stdout.write(`${p.init.gitignore(text === undefined)}\n`);
}

/** Whether the site resolves posting itself: its bin link, or the package from its folder. */
function isInstalledIn(cwd: string): boolean {
  try {
    accessSync(join(cwd, LOCAL_BIN), constants.X_OK);
    return true;
  } catch {
    try {
      createRequire(join(cwd, "package.json")).resolve("posting-toolkit/package.json");
      return true;
    } catch {
      return false;
    }
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
