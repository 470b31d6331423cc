// The command line: commander wiring only. Each command's module is imported when it runs, so
// `posting lint` never loads what `posting new` or `posting list` need.
import { readFileSync } from "node:fs";
import { Command, CommanderError, Help, InvalidArgumentError, Option } from "commander";
import type { Argument } from "commander";
import { isUserError } from "./core/errors.js";
import { escapeControl, escapeInline } from "./core/sanitize.js";
import type { CliIO } from "./io.js";
import { StandardStream } from "./standard-streams.js";
import { packagePath } from "./core/paths.js";
import { EXIT } from "./core/exit-codes.js";
import { catalogFor, isLang, resolveLang } from "./core/messages/lang.js";
import type { Lang } from "./core/messages/lang.js";
import type { Phrases } from "./core/messages/phrases.js";
import { peekConfigLang } from "./core/project/config.js";

export { EXIT };
// For bin/posting.js, which writes a V8 code cache after the command (bin/load-cli.js).
export { heapFlagsChanged } from "./core/files/heap.js";

// Set by the bundler (scripts/build.mjs); from source or the tsc build, package.json is read.
declare const __POSTING_VERSION__: string | undefined;

export function toolVersion(): string {
  if (typeof __POSTING_VERSION__ === "string") return __POSTING_VERSION__;
  const pkg = JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as { version: string };
  return pkg.version;
}

// Help texts of the options several commands share, worded once.
const CONFIG_HELP = "config file (default: posting.config.json found from the current folder up)";
const ENCODING_HELP = "legacy encoding assumed for files that are not UTF-8 (default: windows-1252)";

/** `--lang fr|en` (every command; `new` has its own, whose fallback is French). */
function langOption(): Option {
  return new Option("--lang <lang>", "language of the messages (default: the config's \"lang\", else the locale, else English)").choices(["fr", "en"]);
}

/** A repeatable option's values, in order. */
function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

// The words of usage errors thrown while commander parses: the run's language (set in run()).
let parsePhrases: () => Phrases = () => catalogFor("en").phrases;

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(parsePhrases().commander.wholeNumber);
  return Number(value);
}

/** The filters of `posting list`, shared by `list`, `set` and `close` (one wording, one parsing). */
function addFilterOptions(command: Command): Command {
  return command
    .addOption(new Option("--open", "only open postings").conflicts("closed"))
    .option("--closed", "only postings that are not open")
    .option("--startup <id>", "only this startup (repeatable: any of them)", collect)
    .option("--where <filter>", "KEY=VALUE, KEY!=VALUE, KEY~TEXT (accent- and case-insensitive), KEY<VALUE, <=, >, >= (repeatable: all of them)", collect)
    // -w was --where in list and is --write in normalize: gone from the filters, with a word on what to use.
    .addOption(
      new Option("-w <filter>").hideHelp().argParser(() => {
        throw new InvalidArgumentError(parsePhrases().commander.noW);
      }),
    )
    .option("--since <date>", "posted on or after this day (YYYY-MM-DD)")
    .option("--until <date>", "posted on or before this day (YYYY-MM-DD)")
    .option("--search <text>", "text in the title, roles or body (accent- and case-insensitive)")
    .option("--stale <days>", "open postings older than this many days", parseCount);
}

/**
 * Commander's own errors (printed as it prints them, then thrown), for tokens a command matches
 * itself: `posting new`'s schema flags.
 */
function refusalsOf(command: Command) {
  const refuse = (message: string, code: string): Error => {
    try {
      command.error(message, { code, exitCode: EXIT.failure });
    } catch (error) {
      return error as Error;
    }
    return new Error(message);
  };
  return {
    unknownOption(flag: string): Error {
      // Commander words it, with its "did you mean" among the command's options.
      const unknownOption = (command as unknown as { unknownOption?: (flag: string) => never }).unknownOption;
      if (typeof unknownOption === "function") {
        try {
          command.allowUnknownOption(false);
          unknownOption.call(command, flag);
        } catch (error) {
          return error as Error;
        }
      }
      return refuse(`error: unknown option '${flag}'`, "commander.unknownOption");
    },
    missingValue: (flag: string) => refuse(`error: option '${flag} <value>' argument missing`, "commander.optionMissingArgument"),
    tooManyArguments: (count: number) => refuse(`error: too many arguments for '${command.name()}'. Expected 0 arguments but got ${count}.`, "commander.excessArguments"),
  };
}

/** The value of option `name` in `argv` (`--lang fr` or `--lang=fr`), before commander parses it. */
function peekOption(argv: readonly string[], ...names: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") return undefined;
    for (const name of names) {
      if (arg === name) return argv[i + 1];
      if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
    }
  }
  return undefined;
}

/**
 * The language of the help, of commander's errors and of the usage errors, known before parsing:
 * `--lang` as typed, the config's "lang" (the `-c` file, else the one found from the current folder
 * up), the locale (LC_ALL, LC_MESSAGES, LANG), then the command's fallback (French for `new`).
 * Worked out only when one of them is printed, so a plain run reads no file for it.
 */
function languageBeforeParsing(argv: readonly string[], io: CliIO): Lang {
  const config = peekConfigLang(io.cwd, peekOption(argv, "-c", "--config"));
  return resolveLang({ flag: peekOption(argv, "--lang"), config: isLang(config) ? config : undefined, env: io.env, fallback: argv[0] === "new" ? "fr" : "en" });
}

// Commander's errors come as English text; in another language they are reworded from their shape.
const COMMANDER_ERRORS: [RegExp, (p: Phrases, m: RegExpExecArray) => string][] = [
  [/^unknown option '(.+?)'(?:\n\(Did you mean (.+?)\?\))?$/s, (p, m) => p.commander.unknownOption(m[1]!, m[2])],
  [/^unknown command '(.+?)'(?:\n\(Did you mean (.+?)\?\))?$/s, (p, m) => p.commander.unknownCommand(m[1]!, m[2])],
  [/^option '(.+?)' argument missing$/s, (p, m) => p.commander.optionMissingArgument(m[1]!)],
  [/^missing required argument '(.+?)'$/s, (p, m) => p.commander.missingArgument(m[1]!)],
  [/^option '(.+?)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/s, (p, m) => p.commander.invalidChoice(m[2]!, m[1]!, m[3]!)],
  [/^option '(.+?)' argument '(.*)' is invalid\. (.*)$/s, (p, m) => p.commander.invalidArgument(m[1]!, m[2]!, m[3]!)],
  [/^too many arguments for '(.+?)'\. Expected 0 arguments but got (\d+)\.$/s, (p, m) => p.commander.excessArguments(m[1]!, Number(m[2]))],
  [/^option '(.+?)' cannot be used with option '(.+?)'$/s, (p, m) => p.commander.conflictingOption(m[1]!, m[2]!)],
];

function commanderErrorIn(phrases: Phrases, text: string): string {
  for (const [shape, word] of COMMANDER_ERRORS) {
    const m = shape.exec(text);
    if (m) return word(phrases, m);
  }
  return text;
}

/** Commander's help in the run's language: titles, descriptions, and `default:` / `choices:`. */
function helpIn(lang: () => Lang) {
  const phrases = () => catalogFor(lang()).phrases;
  const text = (english: string) => (lang() === "en" ? english : (phrases().help.texts[english] ?? english));
  const extras = (described: string) => (lang() === "en" ? described : described.replace(/\bdefault: /g, phrases().help.defaultIs("")).replace(/\bchoices: /g, phrases().help.choicesAre("")));
  const titles = (): Record<string, string> => ({ "Usage:": phrases().help.usage, "Arguments:": phrases().help.arguments, "Options:": phrases().help.options, "Commands:": phrases().help.commands });
  return {
    styleTitle: (title: string) => (lang() === "en" ? title : (titles()[title] ?? title)),
    commandDescription(this: Help, command: Command) {
      return text(Help.prototype.commandDescription.call(this, command));
    },
    subcommandDescription(this: Help, command: Command) {
      return text(Help.prototype.subcommandDescription.call(this, command));
    },
    optionDescription(this: Help, option: Option) {
      return extras(Help.prototype.optionDescription.call(this, Object.assign(Object.create(option) as Option, { description: text(option.description ?? "") })));
    },
    argumentDescription(this: Help, argument: Argument) {
      return extras(Help.prototype.argumentDescription.call(this, Object.assign(Object.create(argument) as Argument, { description: text(argument.description) })));
    },
  };
}

export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const version = toolVersion();
  let runLang: Lang | undefined;
  const lang = (): Lang => (runLang ??= languageBeforeParsing(argv, io));
  const phrases = () => catalogFor(lang()).phrases;
  parsePhrases = phrases;
  // Colours: on for a terminal, off with NO_COLOR; these force either way (every command).
  const colorOption = new Option("--color", "force colours");
  const noColorOption = new Option("--no-color", "no colours");
  let exitCode: number = EXIT.clean;
  const program = new Command("posting")
    .description("Lint, normalize, list and scaffold job postings: Markdown files with YAML front matter.")
    .version(version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureHelp(helpIn(lang))
    .configureOutput({
      // The texts after a command's help (addHelpText) come here whole: worded by the help texts.
      writeOut: (text) => io.stdout.write(lang() === "en" || !text.endsWith("\n") ? text : `${phrases().help.texts[text.slice(0, -1)] ?? text.slice(0, -1)}\n`),
      writeErr: (text) => io.stderr.write(escapeControl(text, "cli-error")),
      // An error names what was typed (an unknown option): one line, escaped like any untrusted text.
      outputError: (text, write) => {
        const english = text.replace(/^error: /, "").replace(/\n$/, "");
        const worded = lang() === "en" ? english : commanderErrorIn(phrases(), english);
        write(`posting: ${escapeInline(worded, "cli-error")}\n`);
      },
    });

  const editHelp = (verb: string) =>
    `\nExit codes: 0 done (or nothing to do), 1 files would change (--check) or were left untouched (see stderr), 2 usage or config failure.\n` +
    `Only the selected postings are read for ${verb}; each key's line changes, everything else stays byte for byte.\n`;
  // Each command's definition, in the order of the help. Only the command typed is built: the
  // others' options and texts are needed only for the program's own help and errors.
  const commands: Record<string, () => void> = {
    lint: () => {
      program
        .command("lint")
        .description("check postings against the schema (exit 1 on errors)")
        .argument("[paths...]", "files, folders, quoted globs, or - for standard input (default: the config's content)")
        .addOption(new Option("-f, --format <name>", "output format").choices(["stylish", "json", "github", "sarif", "junit"]).default("stylish"))
        .option("-q, --quiet", "report errors only")
        .option("--max-warnings <n>", "exit 1 when there are more than n warnings", parseCount)
        .option("--schema <path>", "JSON Schema to validate against (default: the bundled one)")
        .option("-c, --config <path>", CONFIG_HELP)
        .option("--stdin-filename <name>", "name to show for standard input")
        .option("--encoding <name>", ENCODING_HELP)
        .option("--cache", "only re-check files that changed since the last --cache run")
        .option("--cache-location <path>", "cache file (default: .posting-cache in the current folder)")
        .option("--staged", "lint what is staged for the next commit (git's index), not the working copy")
        .option("--changed [ref]", "lint only the files changed since ref (default: the merge base with the default branch); the whole collection is still read for the cross-file checks")
        .option("--ignore-pattern <glob>", "skip files and folders matching this glob, relative to the current folder (repeatable; adds to the config's \"ignore\")", collect)
        .option("--allow-empty", "exit 0 when the paths hold no posting (default: exit 2, a mistyped path must not pass)")
        .addOption(langOption())
        .addOption(colorOption)
        .addOption(noColorOption)
        .addHelpText(
          "after",
          "\nExit codes: 0 no errors, 1 errors found, 2 usage, config or internal failure.\n\nExamples:\n  posting lint content/_jobs\n  posting lint --format github -- content/_jobs/2026-11-20-dev.md\n",
        )
        .action(async (paths: string[], options) => {
          const { lintCommand } = await import("./commands/lint.js");
          exitCode = await lintCommand(paths, options, io, version);
        });
    },
    normalize: () => {
      program
        .command("normalize")
        .description("repair encodings and canonicalize front matter (default: show a diff)")
        .argument("[paths...]", "files, folders, quoted globs, or - to filter standard input to standard output")
        .option("--check", "list the files that would change; exit 1 if any (for CI)")
        .option("--canonical", "also rewrite the whole front matter in the canonical style (schema key order, one quoting style, block lists)")
        .option("-w, --write", "rewrite the files in place (atomically; only files that change)")
        .option("--from-encoding <name>", "read non-UTF files as this encoding (for example latin1, windows-1252)")
        .option("--encoding <name>", ENCODING_HELP)
        .option("--schema <path>", "JSON Schema to normalize against (default: the bundled one)")
        .option("-c, --config <path>", CONFIG_HELP)
        .option("--stdin-filename <name>", "name to show for standard input")
        .option("--cache", "with --check: only re-check files that changed since the last --cache run")
        .option("--allow-empty", "exit 0 when the paths hold no posting (default: exit 2)")
        .option("--cache-location <path>", "cache file (default: .posting-cache in the current folder)")
        .addOption(langOption())
        .addOption(colorOption)
        .addOption(noColorOption)
        .addHelpText(
          "after",
          "\nExit codes: 0 nothing to do (or all fixed), 1 files would change (--check) or need a human, 2 usage or config failure.\n\nExamples:\n  posting normalize content/_jobs            # show what would change\n  posting normalize --check content/_jobs    # CI\n  posting normalize --write content/_jobs\n",
        )
        .action(async (paths: string[], options) => {
          const { normalizeCommand } = await import("./commands/normalize.js");
          exitCode = await normalizeCommand(paths, options, io, version);
        });
    },
    new: () => {
      program
        .command("new")
        .description("scaffold a posting that passes lint, from questions on a terminal or from flags")
        .option("--title <text>", "posting title")
        .option("--roles <text>", "role(s) being recruited")
        .option("--startup <id>", "id of the startup recruiting")
        .option("--open", "the posting is open to applications")
        .option("--closed", "the posting is closed")
        .option("--date <YYYY-MM-DD>", "publication date (default: today, also used in the file name)")
        .option("--set <key=value>", "any field of the schema (repeatable; lists comma-separated)", collect)
        .option("--from-json <file>", "answers as a JSON object, from a file or - for standard input")
        .option("-y, --yes", "accept defaults for what is not given and do not ask for confirmation")
        .option("--dry-run", "print the posting to standard output and write nothing")
        .option("--dir <folder>", "folder to write to (default: the config's first content folder)")
        .option("--force", "replace an existing file with the same name")
        .addOption(new Option("--lang <lang>", "language of the questions and the template").choices(["fr", "en"]).default("fr"))
        .option("--template <path>", "Markdown body template (default: the config's template, else the bundled one)")
        .option("--schema <path>", "JSON Schema to follow (default: the bundled one)")
        .option("-c, --config <path>", CONFIG_HELP)
        .addOption(colorOption)
        .addOption(noColorOption)
        // A schema may give its keys shortcut flags of their own (x-flag): known once it is read, so
        // the tokens left here are matched by the command, which refuses the rest with commander's words.
        .allowUnknownOption()
        .allowExcessArguments()
        .addHelpText(
          "after",
          "\nOn a terminal, asks for what the flags do not give. Otherwise never waits for input: missing required fields exit 2.\n" +
            "Exit codes: 0 written (or --dry-run, or cancelled), 1 the file already exists, 2 usage, config or missing fields, 130 interrupted (Ctrl-C).\n\n" +
            "Examples:\n  posting new\n  posting new --lang en\n  posting new --roles \"Développeur·se\" --startup ma-cantine-egalim --open --yes\n  posting new --from-json answers.json --dry-run\n",
        )
        .action(async (options, command: Command) => {
          const { newCommand } = await import("./commands/new.js");
          exitCode = await newCommand({ ...options, flags: command.args, refuse: refusalsOf(command) }, io);
        });
    },
    init: () => {
      program
        .command("init")
        .description("write posting.config.json (asks on a terminal) and, with --hook, a git pre-commit hook")
        .option("--content <folder>", "folder of the postings (default: content/_jobs, or _jobs if that is what exists)")
        .option("--file-name <pattern>", "file name pattern (default: YYYY-MM-DD-slug.md)")
        .option("--schema <path>", "posting JSON Schema (default: the bundled one)")
        .option("--template <path>", "body template for `posting new` (default: the bundled one)")
        .option("-y, --yes", "use the defaults and flags without asking")
        .option("--hook", "add a git pre-commit hook (or print the pre-commit / lint-staged snippet the repository needs)")
        .option("--force", "replace an existing posting.config.json (and, with --hook, an existing pre-commit hook)")
        // Issue 18: a schema inferred from the postings the content folder holds.
        .option("--infer", "write schemas/<collection>.schema.json inferred from the postings already there (and the CMS's admin/config.yml), and the config pointing at it")
        .option("--dry-run", "print the schema, the config and the report; write nothing")
        .addOption(langOption())
        .addOption(colorOption)
        .addOption(noColorOption)
        .addHelpText(
          "after",
          "\nOn a terminal, asks for what the flags do not give (and offers --infer when the content folder holds postings); otherwise never waits for input.\n" +
            "Exit codes: 0 done, 1 something exists and was left as is (see --force) or no git repository for --hook, 2 usage, 130 interrupted.\n\n" +
            "Examples:\n  posting init\n  posting init --yes --hook\n  posting init --content _jobs --file-name YYYY-MM-DD-slug.md --yes\n  posting init --infer --dry-run\n",
        )
        .action(async (options) => {
          const { initCommand } = await import("./commands/init.js");
          exitCode = await initCommand(options, io);
        });
    },
    list: () => {
      addFilterOptions(program
        .command("list")
        .description("list postings as a table, JSON, NDJSON or CSV, filtered and sorted")
        .argument("[paths...]", "files, folders or quoted globs (default: the config's content)")
        .addOption(new Option("-f, --format <name>", "output format").choices(["table", "json", "ndjson", "csv"]).default("table"))
        .option("--excel", "CSV for a spreadsheet set to French (Excel, LibreOffice): UTF-8 byte order mark and ; between fields (implies --format csv)")
        .option("--fields <keys>", "columns, comma-separated: any front matter key, plus file (default: date,startup,roles,open,contrat,file)"))
        .option("--sort <keys>", "sort keys, comma-separated; prefix - for descending (missing values last)")
        .option("--limit <n>", "at most n postings", parseCount)
        .option("--count", "print only the number of postings")
        .option("--strict", "exit 1 when some files could not be read")
        .option("--allow-empty", "exit 0 when the paths hold no posting (default: exit 2)")
        .option("--schema <path>", "JSON Schema for key aliases (default: the bundled one)")
        .option("-c, --config <path>", CONFIG_HELP)
        .option("--encoding <name>", ENCODING_HELP)
        .addOption(langOption())
        .addOption(colorOption)
        .addOption(noColorOption)
        .addHelpText(
          "after",
          "\nExit codes: 0 listed (even if nothing matched), 1 some files could not be read and --strict, 2 usage or config failure.\n" +
            "Files that cannot be read as postings (---js front matter, broken YAML, binary…) are named on stderr and skipped;\n" +
            "they do not change the exit code unless --strict. `posting lint` exits 1 on them.\n\n" +
            'Examples:\n  posting list content/_jobs --open\n  posting list --stale 90 --sort date\n  posting list --where "techno~react" --where "date>=2026-01-01" --format csv > postings.csv\n',
        )
        .action(async (paths: string[], options) => {
          const { listCommand } = await import("./commands/list.js");
          exitCode = await listCommand(paths, options, io);
        });
    },
    set: () => {
      addFilterOptions(program
        .command("set")
        .description("set front matter keys in the postings the filters select (default: show a diff)")
        .argument("[KEY=VALUE... paths...]", "KEY=VALUE pairs first (values typed by the schema: open=false, techno=React,Vue), then files, folders or quoted globs")
        .option("--unset <key>", "remove this key (repeatable)", collect))
        .option("--check", "list the files that would change; exit 1 if any")
        .option("--write", "rewrite the files in place (atomically; only files that change)")
        .option("--schema <path>", "JSON Schema that types the values (default: the bundled one)")
        .option("-c, --config <path>", CONFIG_HELP)
        .option("--encoding <name>", ENCODING_HELP)
        .addOption(langOption())
        .addOption(colorOption)
        .addOption(noColorOption)
        .addHelpText(
          "after",
          editHelp("set") +
            '\nExamples:\n  posting set open=true --startup ma-cantine-egalim          # show the diff\n  posting set open=true --startup ma-cantine-egalim --write\n  posting set "techno=React, TypeScript" --where techno~react content/_jobs --write\n  posting set --unset salaire --closed --check\n',
        )
        .action(async (args: string[], options) => {
          const { setCommand } = await import("./commands/set.js");
          exitCode = await setCommand(args, options, io);
        });
    },
    close: () => {
      addFilterOptions(program
        .command("close")
        .description("close the postings the filters select, as the schema's x-close says (default: show a diff)")
        .argument("[paths...]", "files, folders or quoted globs (default: the config's content)"))
        .option("--all", "close every posting given (needed when there is neither a path nor a filter)")
        .option("--check", "list the files that would change; exit 1 if any")
        .option("--write", "rewrite the files in place (atomically; only files that change)")
        .option("--schema <path>", "JSON Schema saying how to close (default: the bundled one: open: false)")
        .option("-c, --config <path>", CONFIG_HELP)
        .option("--encoding <name>", ENCODING_HELP)
        .addOption(langOption())
        .addOption(colorOption)
        .addOption(noColorOption)
        .addHelpText(
          "after",
          editHelp("close") + "Postings already closed are left untouched.\n\nExamples:\n  posting close --stale 30                 # show the diff\n  posting close --stale 30 --write\n  posting close content/_jobs/2026-01-05-developpeur-react.md --write\n",
        )
        .action(async (paths: string[], options) => {
          const { closeCommand } = await import("./commands/close.js");
          exitCode = await closeCommand(paths, options, io);
        });
    },
    lsp: () => {
      // Issue 19: the language server, for editors (its own bundle, loaded only here).
      program
        .command("lsp")
        .description("run the language server for editors (diagnostics, quick fixes, completion, hover, formatting)")
        .option("--stdio", "talk LSP over standard input and output (what editors start)")
        .action(async (options) => {
          const { lspCommand } = await import("./commands/lsp.js");
          exitCode = await lspCommand(options, io);
        });
    },
  };
  const typed = argv[0] !== undefined && Object.hasOwn(commands, argv[0]) ? argv[0] : undefined;
  for (const [name, define] of Object.entries(commands)) if (typed === undefined || name === typed) define();

  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version succeed; everything else (unknown option, no command) is usage.
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return EXIT.clean;
      return EXIT.failure;
    }
    if (isUserError(error)) {
      io.stderr.write(`posting: ${escapeInline(error.worded && lang() !== "en" ? error.worded(phrases()) : error.message, "cli-error")}\n`);
      return EXIT.failure;
    }
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`posting: ${phrases().internalError}\n${escapeInline(stack, "cli-error").replace(/\\n/g, "\n")}\n`);
    return EXIT.failure;
  }
}

/**
 * The one interrupt clean-up, for every write (normalize --write, new, init, the cache): on Ctrl-C
 * or a CI timeout, writes in flight drop their temp files (the originals are intact until the
 * rename), then the process exits with the conventional code. The writer is loaded only then.
 */
export function cleanUpOnInterrupt(exit: (code: number) => void = (code) => process.exit(code)): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void import("./core/files/write.js")
        .then(({ interruptWrites }) => interruptWrites())
        .finally(() => exit(signal === "SIGINT" ? EXIT.interrupted : EXIT.terminated));
    });
  }
}

export async function main(): Promise<number> {
  cleanUpOnInterrupt();
  return run(process.argv.slice(2), {
    // Written to directly where that is what Node's stream would do; Node's stream otherwise,
    // made on first use (src/standard-streams.ts).
    stdout: new StandardStream(1, () => process.stdout),
    stderr: new StandardStream(2, () => process.stderr),
    // Made on first use: a run that reads no standard input (most) neither opens it nor loads
    // its stream (for a file, fs's ReadStream with fs/promises and readline).
    get stdin() {
      return process.stdin;
    },
    cwd: process.cwd(),
    env: process.env,
  });
}
