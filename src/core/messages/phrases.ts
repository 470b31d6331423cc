// What posting says besides findings: report summaries, command notes, usage errors, commander's
// own errors and the help text. One object per language (phrases-en.ts, phrases-fr.ts), both of
// this type, so a phrase missing in one language does not compile (test/phrases.test.ts checks
// each at run time too). Values quoted in a phrase (file names, keys) come in already escaped.

/** What a command did not do to an ignored file. */
export type IgnoredVerb = "linted" | "checked" | "normalized" | "listed" | "edited" | "closed";

/** The counts of a stylish report's footer. */
export interface ReportCounts {
  total: number;
  errors: number;
  warnings: number;
  files: number;
}

/** The changes of `normalize --write` on one file, as normalize.ts counts them. */
export type ChangeLine =
  | { kind: "encoding"; from: string }
  | { kind: "bom" }
  | { kind: "crlf"; count: number }
  | { kind: "cr"; count: number }
  | { kind: "mojibake"; count: number; examples: string }
  | { kind: "renamed"; from: string; to: string }
  | { kind: "alias-removed"; from: string; to: string }
  | { kind: "value"; key: string; why: string; from: string; to: string }
  | { kind: "reordered" }
  | { kind: "blank-lines"; count: number }
  | { kind: "trailing-spaces"; count: number }
  | { kind: "restyled" }
  | { kind: "final-newline" };

import type { DateReason } from "../findings.js";

/** What is wrong with a config value: a known shape, or ajv's keyword (and its English message). */
export type ConfigValueProblem = { kind: "file-name" | "reference" | "extension" | "rule" } | { kind: "schema"; keyword: string; type?: string; message?: string };

/** Why `posting init` refuses a typed setting. */
export type InitProblem = "no-folder" | "not-relative" | "outside" | "control" | "no-pattern" | "not-a-name" | "never-matches";

export interface Phrases {
  /** The language of these phrases (lang.ts Lang, written out: lang.ts imports the catalogs). */
  lang: "fr" | "en";
  // stylish's footer
  noProblems: (files: number) => string;
  problems: (counts: ReportCounts) => string;
  fixable: (count: number) => string;
  /** `warning:` in `posting: warning: …` (with its colon: French spaces it). */
  warning: string;
  ignored: (file: string, verb: IgnoredVerb, withFlag: boolean) => string;
  tooManyWarnings: (count: number, quiet: boolean, max: number) => string;
  noInput: (command: string) => string;
  /** `shown`: the paths, quoted and escaped. */
  noPostings: (shown: string, count: number) => string;
  internalError: string;
  // usage errors of the commands
  gitNotStdin: (flag: string) => string;
  stagedAndChanged: string;
  checkAndWrite: string;
  cacheNeedsCheck: string;
  stdinAlone: string;
  filesNotStdin: string;
  listNotStdin: string;
  listExcelFormat: (format: string) => string;
  closeNeedsSelection: string;
  // normalize's report
  changeLine: (change: ChangeLine) => string;
  repairsOnLine: (line: number, repairs: string) => string;
  fixedFile: (file: string, changes: string) => string;
  normalizeSummary: (s: { files: number; changed: number; unchanged: number; refused: number; write: boolean; canonical: boolean }) => string;
  // set and close
  editedFile: (verb: "set" | "closed", file: string, changes: string) => string;
  keyAdded: (key: string, value: string) => string;
  keyRemoved: (key: string) => string;
  editSummary: (s: { selected: number; changed: number; unchanged: number; refused: number; write: boolean; verb: "set" | "closed" }) => string;
  // list
  couldNotRead: (reason: string) => string;
  /** "3 postings, 2 open (5 matched, of 12 read); 1 file could not be read" (`open` undefined: the schema has no open key). */
  listSummary: (s: { shown: number; open: number | undefined; matched: number; total: number; unreadable: number }) => string;
  frontMatterUnread: string;
  unreadableCount: (count: number) => string;
  noSuchKey: (key: string, suggestion: string | undefined) => string;
  /** Why a date cannot be read (findings' DateReason): "05/06/2021 could be … or …". */
  dateReason: (reason: DateReason) => string;
  // posting list's filters (list-query.ts)
  query: {
    noRole: (flag: string, source: string, role: string) => string;
    sinceAfterUntil: (since: string, until: string) => string;
    notWhole: (flag: string, value: string, days: boolean) => string;
    whereNoOperator: (source: string) => string;
    whereNoKey: (source: string, op: string) => string;
    whereUnknownOperator: (source: string, op: string) => string;
    whereNotComparable: (source: string, op: string, value: string) => string;
    badDate: (flag: string, value: string, why: DateReason) => string;
    whereBadDate: (source: string, value: string, why: DateReason) => string;
    sortEmptyKey: (sort: string) => string;
    fieldsEmpty: (fields: string) => string;
  };
  // the config's errors (`where`: the file, or the package.json and its "posting" key)
  config: {
    unknownSetting: (where: string, key: string, known: string) => string;
    badValue: (where: string, key: string, what: ConfigValueProblem) => string;
    notJson: (file: string, at: string) => string;
    unreadable: (file: string, detail: string) => string;
    noSchemaFile: (file: string, key: string, path: string) => string;
    unknownEncoding: (name: string) => string;
    unknownEncodingIn: (file: string, name: string) => string;
  };
  schemaHasNoKey: (source: string, key: string, suggestion: string | undefined) => string;
  closeNeedsXClose: (source: string) => string;
  nothingToSet: string;
  /** `reason`: git's own words (or ours, in English), shown in English only. */
  git: {
    needsRepository: (option: string, reason: string | undefined) => string;
    noDefaultBranch: string;
    notRevision: (ref: string) => string;
    notCommit: (ref: string) => string;
  };
  /** `posting init`'s own lines (the report of --infer is English only). */
  init: {
    /** Why a typed setting is refused. */
    problem: (kind: InitProblem, example?: string) => string;
    alreadyExists: (file: string) => string;
    keptConfig: (file: string) => string;
    schemaExists: (schema: string, config: string) => string;
    interrupted: string;
    notWritten: (file: string) => string;
    written: (file: string, replaced: boolean) => string;
    writtenSchema: (file: string, keys: number, replaced: boolean) => string;
    notYet: (folder: string) => string;
    notInstalled: (bin: string) => string;
    next: string;
    noPostings: (folder: string) => string;
    read: (count: number, folder: string, cms: string | undefined, skipped: number, notRead: number, max: number) => string;
    cmsConfig: (message: string) => string;
    inferOffer: (folder: string, count: number) => string;
    ask: { content: string; contentHelp: string; fileName: string; fileNameHelp: string; schema: string; template: string; references: (pattern: string) => string };
    preCommit: string;
    husky: string;
    notGit: string;
    hookLints: (hook: string) => string;
    hookExists: (hook: string) => string;
    hookInstalled: (hook: string, folder: string) => string;
    gitignore: (created: boolean) => string;
  };
  set: {
    notKeyValue: (text: string) => string;
    setTwice: (key: string) => string;
    badValue: (key: string, raw: string, reason: string) => string;
    emptyValue: (key: string) => string;
    unsetNoKey: string;
    setAndUnset: (key: string) => string;
  };
  schemaUnreadable: (path: string) => string;
  schemaNotJson: (path: string, at: string) => string;
  // commander's errors, by its error code
  commander: {
    unknownOption: (flag: string, suggestion: string | undefined) => string;
    unknownCommand: (command: string, suggestion: string | undefined) => string;
    optionMissingArgument: (flag: string) => string;
    missingArgument: (name: string) => string;
    invalidChoice: (value: string, option: string, choices: string) => string;
    invalidArgument: (option: string, value: string, reason: string) => string;
    excessArguments: (command: string, count: number) => string;
    conflictingOption: (a: string, b: string) => string;
    wholeNumber: string;
    noW: string;
  };
  // commander's help layout
  help: {
    usage: string;
    arguments: string;
    options: string;
    commands: string;
    /** `(default: x)`, `(choices: a, b)` after a description. */
    defaultIs: (value: string) => string;
    choicesAre: (values: string) => string;
    /** The descriptions of the commands, options and arguments, and the texts after the help, by their English text. */
    texts: Readonly<Record<string, string>>;
  };
}
