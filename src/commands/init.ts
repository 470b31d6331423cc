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
import { CONFIG_FILE_NAME, loadConfig } from "../core/project/config.js";
import { UserError } from "../core/errors.js";
import { fileNameProblem } from "../core/files/file-name.js";
import { configText, detectDefaults, inferredSchemaPath, hookLines, hookScript, HOOK_MARKER, INSTALL_HINT, LOCAL_BIN, lintStagedSnippet, preCommitSnippet } from "../core/project/init.js";
import type { InitAnswers } from "../core/project/init.js";
import { escapeControl, escapeInline } from "../core/sanitize.js";
import { FileExistsError, writeNewFile } from "../core/scaffold/scaffold.js";
import type { CliIO } from "../io.js";
import { useColor } from "../io.js";
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
}

export interface InitCommandDeps {
  /** Answers the questions instead of the terminal (tests). */
  prompter?: Prompter;
}

const EXIT_NOT_DONE = EXIT.findings;
const EXIT_INTERRUPTED = EXIT.interrupted;

export async function initCommand(options: InitCommandOptions, io: CliIO, deps: InitCommandDeps = {}): Promise<number> {
  const configPath = join(io.cwd, CONFIG_FILE_NAME);
  const configExists = await exists(configPath);
  // `--infer --dry-run` shows what --force would write; everything else leaves a config as it is.
  if (configExists && !options.force && (!options.hook || options.infer) && !(options.infer && options.dryRun)) {
    io.stderr.write(`posting: ${CONFIG_FILE_NAME} already exists; it was left as is (use --force to replace it)\n`);
    return EXIT_NOT_DONE;
  }
  if (options.infer) return inferInit(options, io);

  let content: string;
  if (configExists && !options.force) {
    io.stdout.write(`${CONFIG_FILE_NAME} already exists; left as is.\n`);
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
    const prompter = options.yes ? undefined : await interactivePrompter(io, options, deps);
    if (prompter) {
      try {
        // A content folder that holds postings: offer to infer the schema from them.
        if (options.schema === undefined) {
          const question = TEXT_QUESTIONS[0]!;
          const content = options.content ?? (await prompter.input({ name: question.key, message: question.message, ...(question.help ? { help: question.help } : {}), default: given.content, validate: question.validate })).trim();
          given.content = content;
          options = { ...options, content };
          const count = await holdsPostings(io.cwd, content);
          const offer = `${content} holds ${count} posting${count === 1 ? "" : "s"}: write a schema inferred from them (as posting init --infer does)?`;
          if (count > 0 && (await prompter.confirm({ name: "infer", message: escapeInline(offer, "init"), default: true }))) return inferInit({ ...options, infer: true }, io);
        }
        answers = await ask(prompter, given, options);
      } catch (error) {
        if (error instanceof PromptInterrupted) {
          io.stderr.write("Interrupted: nothing was written.\n");
          return EXIT_INTERRUPTED;
        }
        throw error;
      }
    }
    checkAnswers(answers);
    const text = configText(answers, defaults.configSchema);
    if (options.dryRun) {
      io.stdout.write(`${CONFIG_FILE_NAME} (not written: --dry-run):\n${escapeControl(text, "init")}`);
      return EXIT.clean;
    }
    try {
      await writeNewFile(configPath, text, { overwrite: options.force === true });
    } catch (error) {
      if (error instanceof FileExistsError) {
        io.stderr.write(`posting: ${CONFIG_FILE_NAME} already exists; it was left as is (use --force to replace it)\n`);
        return EXIT_NOT_DONE;
      }
      throw error;
    }
    // Read it back through the one resolver: what init writes must load.
    await loadConfig(io.cwd, { config: configPath });
    io.stdout.write(`${configExists ? "Replaced" : "Created"} ${CONFIG_FILE_NAME}:\n${escapeControl(text, "init")}`);
    if (!(await exists(resolve(io.cwd, answers.content)))) io.stdout.write(`Note: ${escapeInline(answers.content, "init")} does not exist yet.\n`);
    content = answers.content;
  }

  if (options.dryRun) return EXIT.clean;
  await ignoreCache(io);
  if (!isInstalledIn(io.cwd)) io.stderr.write(`posting: warning: posting is not installed in this folder (no ${LOCAL_BIN}); the hook and \`npx --no-install posting\` need it: ${INSTALL_HINT}\n`);
  if (options.hook) return installHook(content, options, io);
  io.stdout.write(`\nNext: posting lint    (add a pre-commit hook with: posting init --hook)\n`);
  return EXIT.clean;
}

/**
 * `posting init --infer`: read the postings of the content folder (and the Decap CMS fields, when
 * the site has admin/config.yml), write the inferred schema to schemas/<collection>.schema.json and
 * the config pointing at it, and say why each rule is there and what lint will flag now.
 */
async function inferInit(options: InitCommandOptions, io: CliIO): Promise<number> {
  const defaults = await detectDefaults(io.cwd);
  const cms = readCms(io.cwd, options.content ?? (defaults.contentFound ? defaults.content : undefined));
  const content = (options.content ?? (defaults.contentFound ? defaults.content : (cms?.folder ?? guessContentFolder(io.cwd) ?? defaults.content))).trim();
  const problem = relativePathProblem(content);
  if (problem) throw new UserError(`--content: ${problem}`);
  if (options.fileName !== undefined && fileNamePatternProblem(options.fileName)) throw new UserError(`--file-name: ${fileNamePatternProblem(options.fileName)}`);
  const schemaFile = (options.schema ?? inferredSchemaPath(content)).trim();
  if (isAbsolute(schemaFile)) throw new UserError("--schema: give a path relative to this folder");

  const read = await readCollection(io.cwd, content);
  if (read.postings.length === 0 && !cms) {
    throw new UserError(`--infer: no postings under ${content} to infer a schema from (give the folder with --content)`);
  }
  const result = inferSchema(read.postings, { folders: referenceFolders(io.cwd, content), ...(cms ? { cms } : {}), name: basename(content).replace(/^_+/, "") || "postings" });
  const schemaText = `${JSON.stringify(result.schema, null, 2)}\n`;
  const answers: InitAnswers = { content, fileName: options.fileName ?? DEFAULT_FILE_NAME_PATTERN, schema: schemaFile, template: options.template ?? "", startupReferences: undefined };
  const settings = { fileName: options.fileName ?? result.fileName, references: result.references, lang: result.lang };
  const text = configText(answers, defaults.configSchema, settings);

  const readNote = `Read ${read.postings.length} posting${read.postings.length === 1 ? "" : "s"} under ${content}${cms ? ` and the CMS fields of ${cms.file}` : ""}${read.skipped > 0 ? `; ${read.skipped} file${read.skipped === 1 ? "" : "s"} without readable front matter skipped` : ""}${read.notRead > 0 ? `; ${read.notRead} more not read (the first ${MAX_INFER_FILES} only)` : ""}.\n`;
  io.stdout.write(escapeControl(readNote, "init"));
  io.stdout.write(escapeControl(reportText(result.report), "init"));
  if (options.dryRun) {
    io.stdout.write(`\n${escapeInline(schemaFile, "init")} (not written: --dry-run):\n${escapeControl(schemaText, "init")}`);
    io.stdout.write(`\n${CONFIG_FILE_NAME} (not written: --dry-run):\n${escapeControl(text, "init")}`);
    return EXIT.clean;
  }

  const schemaPath = resolve(io.cwd, schemaFile);
  const schemaExists = await exists(schemaPath);
  if (schemaExists && !options.force) {
    io.stderr.write(`posting: ${escapeInline(schemaFile, "init")} already exists; it was left as is, and so was ${CONFIG_FILE_NAME} (use --force to replace them)\n`);
    return EXIT_NOT_DONE;
  }
  const configPath = join(io.cwd, CONFIG_FILE_NAME);
  const configExisted = await exists(configPath);
  try {
    await writeNewFile(schemaPath, schemaText, { overwrite: options.force === true });
    await writeNewFile(configPath, text, { overwrite: options.force === true });
  } catch (error) {
    if (error instanceof FileExistsError) {
      io.stderr.write(`posting: ${escapeInline(relative(io.cwd, error.path), "init")} already exists; it was left as is (use --force to replace it)\n`);
      return EXIT_NOT_DONE;
    }
    throw error;
  }
  // Read both back through the one resolver and schema loader: what init writes must load.
  const config = await loadConfig(io.cwd, { config: configPath });
  loadSchema(config.schemaPath);
  io.stdout.write(`\n${schemaExists ? "Replaced" : "Created"} ${escapeInline(schemaFile, "init")} (${Object.keys(result.schema.properties as object).length} keys).\n`);
  io.stdout.write(`${configExisted ? "Replaced" : "Created"} ${CONFIG_FILE_NAME}:\n${escapeControl(text, "init")}`);
  await ignoreCache(io);
  if (options.hook) return installHook(content, options, io);
  io.stdout.write(`\nNext: posting lint    (add a pre-commit hook with: posting init --hook)\n`);
  return EXIT.clean;
}

function readCms(cwd: string, content: string | undefined): CmsCollection | undefined {
  try {
    return readCmsCollection(cwd, content);
  } catch (error) {
    if (error instanceof CmsConfigError) throw new UserError(`the CMS config ${error.message}`);
    throw error;
  }
}

async function interactivePrompter(io: CliIO, options: InitCommandOptions, deps: InitCommandDeps): Promise<Prompter | undefined> {
  if (deps.prompter) return deps.prompter;
  // Never wait for input that cannot come: without a terminal, the defaults and flags are used.
  if (io.stdin.isTTY !== true) return undefined;
  const { inquirerPrompter } = await import("../prompter-inquirer.js");
  return inquirerPrompter({ input: io.stdin, output: io.stdout as unknown as NodeJS.WritableStream }, { color: useColor(io.stdout, io.env, options.color), lang: "en" });
}

type TextSetting = "content" | "fileName" | "schema" | "template";

const optionalPath = (text: string) => (text.trim() === "" ? true : (relativePathProblem(text) ?? true));

// The settings asked as text, in order; each only when no flag gave it.
const TEXT_QUESTIONS: { key: TextSetting; message: string; help?: string; validate: (text: string) => true | string }[] = [
  {
    key: "content",
    message: "Folder of the postings",
    help: "Relative to this folder; `posting lint` and `posting list` read it when given no paths.",
    validate: (text) => relativePathProblem(text) ?? true,
  },
  {
    key: "fileName",
    message: "File name pattern",
    help: "YYYY, MM and DD stand for the date, slug for letters, digits, - and _.",
    validate: (text) => fileNamePatternProblem(text) ?? true,
  },
  { key: "schema", message: "Posting schema (empty for the bundled one)", validate: optionalPath },
  { key: "template", message: "Body template for `posting new` (empty for the bundled one)", validate: optionalPath },
];

async function ask(prompter: Prompter, given: InitAnswers, options: InitCommandOptions): Promise<InitAnswers> {
  const answers = { ...given };
  for (const q of TEXT_QUESTIONS) {
    if (options[q.key] !== undefined) continue;
    answers[q.key] = await prompter.input({ name: q.key, message: q.message, ...(q.help ? { help: q.help } : {}), default: given[q.key], validate: q.validate });
  }
  if (given.startupReferences) {
    const keep = await prompter.confirm({
      name: "references",
      message: `Check that each posting's startup has a page (${given.startupReferences.replace("{value}", "<startup>")})?`,
      default: true,
    });
    if (!keep) answers.startupReferences = undefined;
  }
  for (const key of ["content", "schema", "template"] as const) answers[key] = answers[key].trim();
  return answers;
}

function relativePathProblem(text: string): string | undefined {
  const value = text.trim();
  if (value === "") return "give a folder, for example content/_jobs";
  if (isAbsolute(value)) return "give a path relative to this folder";
  if (/[\u0000-\u001f]/.test(value)) return "control characters are not allowed";
  return undefined;
}

function fileNamePatternProblem(text: string): string | undefined {
  if (text.trim() === "") return "give a pattern, for example YYYY-MM-DD-slug.md";
  if (/[/\\]/.test(text)) return "a file name, without / or \\";
  return undefined;
}

function checkAnswers(answers: InitAnswers): void {
  const content = relativePathProblem(answers.content);
  if (content) throw new UserError(`--content: ${content}`);
  const pattern = fileNamePatternProblem(answers.fileName);
  if (pattern) throw new UserError(`--file-name: ${pattern}`);
  for (const key of ["schema", "template"] as const) {
    const value = answers[key];
    if (value && isAbsolute(value)) throw new UserError(`--${key}: give a path relative to this folder`);
  }
  // A pattern whose own example does not pass would reject every file.
  const example = answers.fileName.replace(/YYYY/g, "2026").replace(/MM/g, "01").replace(/DD/g, "31").replace(/slug/g, "x");
  if (fileNameProblem(example, answers.fileName)) throw new UserError(`--file-name: "${answers.fileName}" cannot match any file name`);
}

async function configuredContent(cwd: string): Promise<string> {
  const config = await loadConfig(cwd, { config: CONFIG_FILE_NAME });
  const first = config.content[0];
  return first ? relative(cwd, first).split("\\").join("/") || "." : "content/_jobs";
}

async function installHook(content: string, options: InitCommandOptions, io: CliIO): Promise<number> {
  if (await exists(join(io.cwd, ".pre-commit-config.yaml"))) {
    io.stdout.write(`\nThis repository uses the pre-commit framework: add these hooks to .pre-commit-config.yaml:\n\n${escapeControl(preCommitSnippet(content), "init")}`);
    return EXIT.clean;
  }
  if (await exists(join(io.cwd, ".husky"))) {
    io.stdout.write(`\nThis repository uses husky: put \`npx lint-staged\` in .husky/pre-commit, and this in package.json:\n\n${escapeControl(lintStagedSnippet(content), "init")}`);
    return EXIT.clean;
  }
  const git = await gitPaths(io.cwd);
  if (!git) {
    io.stdout.write(`\nNot in a git repository: no hook installed. In a repository, run \`posting init --hook\` again, or use one of:\n\n${escapeControl(preCommitSnippet(content), "init")}\n${escapeControl(lintStagedSnippet(content), "init")}`);
    return EXIT_NOT_DONE;
  }
  // Git runs hooks from the top of the work tree: the hook goes to this folder first.
  const site = git.prefix.replace(/\/+$/, "");
  const hookPath = join(git.hooks, "pre-commit");
  const shown = escapeInline(relative(io.cwd, hookPath).split("\\").join("/"), "init");
  const existing = await readFile(hookPath, "utf8").catch(() => undefined);
  if (existing !== undefined && existing.includes(HOOK_MARKER) && !options.force) {
    io.stdout.write(`\n${shown} already lints the postings.\n`);
    return EXIT.clean;
  }
  if (existing !== undefined && !options.force) {
    io.stdout.write(`\n${shown} already exists and was left as is. Add these lines to it (or use --force to replace it):\n\n${escapeControl(hookLines(content, site), "init")}`);
    return EXIT_NOT_DONE;
  }
  // Executable from the moment it appears: the mode is the temp file's, before the rename.
  await writeNewFile(hookPath, hookScript(content, site), { overwrite: true, mode: 0o755 });
  io.stdout.write(`\nInstalled ${shown}: each commit lints the staged postings under ${escapeInline(`${git.prefix}${content}`, "init")}/.\n`);
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
async function ignoreCache(io: CliIO): Promise<void> {
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
  io.stdout.write(`${text === undefined ? "Created .gitignore with" : "Added to .gitignore:"} .posting-cache (the --cache file).\n`);
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
