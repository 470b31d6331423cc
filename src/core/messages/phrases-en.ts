// The English phrases (phrases.ts): posting's own words besides findings.
import type { ChangeLine, IgnoredVerb, Phrases } from "./phrases.js";

const s = (n: number) => (n === 1 ? "" : "s");

const IGNORED: Record<IgnoredVerb, string> = { linted: "linted", checked: "checked", normalized: "normalized", listed: "listed", edited: "edited", closed: "closed" };

function changeLine(c: ChangeLine): string {
  switch (c.kind) {
    case "encoding":
      return `converted from ${c.from.toUpperCase()} to UTF-8`;
    case "bom":
      return "byte order mark removed";
    case "crlf":
      return `${c.count} CRLF line ending${s(c.count)} converted to LF`;
    case "cr":
      return `${c.count} CR line ending${s(c.count)} (old Mac) converted to LF`;
    case "mojibake":
      return `${c.count} garbled text run${s(c.count)} repaired (${c.examples})`;
    case "renamed":
      return `key \`${c.from}\` renamed to \`${c.to}\``;
    case "alias-removed":
      return `key \`${c.from}\` removed (same value as \`${c.to}\`)`;
    case "value":
      return `\`${c.key}\`: ${c.why} (${c.from} → ${c.to})`;
    case "reordered":
      return "keys put in the schema's order";
    case "blank-lines":
      return `${c.count} blank line${s(c.count)} removed from the front matter`;
    case "trailing-spaces":
      return `trailing white space removed on ${c.count} front matter line${s(c.count)}`;
    case "restyled":
      return "front matter rewritten in the canonical style";
    case "final-newline":
      return "one final newline";
  }
}

const WHERE_USAGE = "write KEY=VALUE, KEY!=VALUE, KEY~TEXT, or KEY<VALUE, KEY<=VALUE, KEY>VALUE, KEY>=VALUE for dates and numbers";

const CONFIG_VALUE: Record<string, string> = {
  "file-name": "must be a file name pattern such as YYYY-MM-DD-slug.md (no / or \\), or false",
  reference: "must be a path with {value} where the key's value goes, for example content/_startups/{value}.md",
  extension: "must be an extension with its dot, for example .md or .markdown",
  rule: 'must be "off", "warning" or "error"',
  schema: "",
};

export const enPhrases: Phrases = {
  lang: "en",
  noProblems: (files) => `no problems (${files} file${s(files)} checked)`,
  problems: ({ total, errors, warnings, files }) => `${total} problem${s(total)} (${errors} error${s(errors)}, ${warnings} warning${s(warnings)}) in ${files} file${s(files)} checked`,
  fixable: (count) => `${count} of them can be fixed with \`posting normalize --write\`.`,
  warning: "warning:",
  ignored: (file, verb, withFlag) => `${file} is ignored (config "ignore"${withFlag ? " or --ignore-pattern" : ""}); not ${IGNORED[verb]}`,
  tooManyWarnings: (count, quiet, max) => `${count} warnings${quiet ? " (not shown: --quiet)" : ""}, more than --max-warnings ${max}`,
  noInput: (command) => `no postings to ${command}: pass files or folders (for example \`posting ${command} content/_jobs\`), or create a posting.config.json with "content": ["content/_jobs"]`,
  noPostings: (shown, count) => `no posting found in ${shown}: check the path${s(count)} (postings are files ending in .md, or the config's "extensions"), or pass --allow-empty when an empty folder is expected`,
  internalError: "internal error. This is a bug; please report it with the command you ran.",
  gitNotStdin: (flag) => `${flag} reads git, not standard input: drop the -`,
  stagedAndChanged: "--staged and --changed cannot be used together",
  checkAndWrite: "--check and --write cannot be used together",
  cacheNeedsCheck: "--cache works with --check only",
  stdinAlone: "`-` (standard input) must be the only path",
  filesNotStdin: "reads files and folders, not standard input",
  listNotStdin: "`posting list` reads files and folders, not standard input",
  listExcelFormat: (format) => `--excel writes CSV; it cannot be used with --format ${format}`,
  closeNeedsSelection: "posting close needs paths or a filter (for example --stale 30 or --startup ID); --all closes every posting",
  changeLine,
  repairsOnLine: (line, repairs) => `line ${line}: ${repairs}`,
  fixedFile: (file, changes) => `fixed ${file}: ${changes}`,
  normalizeSummary: ({ files, changed, unchanged, refused, write, canonical }) =>
    `${files} file${s(files)}: ${changed} ${write ? "fixed" : "would change"}, ${unchanged} ${canonical ? "already canonical" : "with nothing to fix"}${refused ? `, ${refused} left untouched (see above)` : ""}`,
  editedFile: (verb, file, changes) => `${verb} ${file}: ${changes}`,
  keyAdded: (key, value) => `${key}: added ${value}`,
  keyRemoved: (key) => `${key}: removed`,
  editSummary: ({ selected, changed, unchanged, refused, write, verb }) =>
    `${selected} posting${s(selected)} selected: ${changed} ${write ? (verb === "set" ? "changed" : "closed") : "would change"}, ${unchanged} ${verb === "set" ? "already so" : "already closed"}${refused ? `, ${refused} left untouched (see above)` : ""}`,
  couldNotRead: (reason) => `could not read: ${reason}`,
  listSummary: ({ shown, open, matched, total, unreadable }) => {
    let text = `${shown} posting${s(shown)}${open === undefined ? "" : `, ${open} open`}`;
    const notes: string[] = [];
    if (matched > shown) notes.push(`${matched} matched`);
    if (total > shown) notes.push(`of ${total} read`);
    if (notes.length > 0) text += ` (${notes.join(", ")})`;
    if (unreadable > 0) text += `; ${unreadable} file${s(unreadable)} could not be read`;
    return text;
  },
  frontMatterUnread: "the front matter could not be read",
  unreadableCount: (count) => `${count} file${s(count)} could not be read (--strict)`,
  noSuchKey: (key, suggestion) => `no posting has the key \`${key}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ""}`,
  dateReason: (reason) => {
    switch (reason.kind) {
      case "ambiguous":
        return `${reason.text} could be ${reason.dayFirst} or ${reason.monthFirst}`;
      case "unreal":
        return `${reason.text} is not a real date`;
      case "write-iso":
        return "write it YYYY-MM-DD";
    }
  },
  query: {
    noRole: (flag, source, role) => `${flag}: the schema ${source} marks no key as the ${role} one (add "x-role": "${role}" to it)`,
    sinceAfterUntil: (since, until) => `--since ${since} is after --until ${until}: no posting can match`,
    notWhole: (flag, value, days) => `${flag} expects a whole number${days ? " of days" : ""}, got ${value}`,
    whereNoOperator: (source) => `--where "${source}": no operator; ${WHERE_USAGE}`,
    whereNoKey: (source, op) => `--where "${source}": the key is missing before "${op}"; ${WHERE_USAGE}`,
    whereUnknownOperator: (source, op) => `--where "${source}": unknown operator "${op}"; ${WHERE_USAGE}`,
    whereNotComparable: (source, op, value) => `--where "${source}": "${op}" compares dates (YYYY-MM-DD) or numbers, and "${value}" is neither`,
    badDate: (flag, value, why) => `${flag} "${value}" is not a valid date (${enPhrases.dateReason(why)})`,
    whereBadDate: (source, value, why) => `--where "${source}": "${value}" is not a valid date (${enPhrases.dateReason(why)})`,
    sortEmptyKey: (sort) => `--sort "${sort}": empty key; write for example --sort -date,startup`,
    fieldsEmpty: (fields) => `--fields "${fields}": empty field name; write for example --fields date,startup,title,file`,
  },
  config: {
    unknownSetting: (where, key, known) => `${where}: "${key}" is not a known setting${known ? ` (known: ${known})` : ""}`,
    badValue: (where, key, what) => `${where}: "${key}" ${CONFIG_VALUE[what.kind === "schema" ? "schema" : what.kind] ?? ""}${what.kind === "schema" ? (what.message ?? "is invalid") : ""}`,
    notJson: (file, at) => `${file} is not valid JSON at ${at}`,
    unreadable: (file, detail) => `cannot read the config file ${file}: ${detail}`,
    noSchemaFile: (file, key, path) => `${file}: "${key}": there is no file ${path}`,
    unknownEncoding: (name) => `unknown encoding "${name}" (try windows-1252, latin1, utf-16le)`,
    unknownEncodingIn: (file, name) => `${file}: "encoding": unknown encoding "${name}"`,
  },
  schemaHasNoKey: (source, key, suggestion) => `the schema ${source} has no key \`${key}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ""}`,
  closeNeedsXClose: (source) => `posting close: the schema ${source} does not say how to close a posting (add "x-close": { "set": { "open": false } } to it)`,
  nothingToSet: "nothing to set: give KEY=VALUE (for example open=false) or --unset KEY",
  init: {
    problem: (kind, example) =>
      ({
        "no-folder": "give a folder, for example content/_jobs",
        "not-relative": "give a path relative to this folder",
        outside: "give a folder inside this one (no ..)",
        control: "control characters are not allowed",
        "no-pattern": "give a pattern, for example YYYY-MM-DD-slug.md",
        "not-a-name": "a file name, without / or \\",
        "never-matches": `"${example ?? ""}" cannot match any file name`,
      })[kind],
    alreadyExists: (file) => `${file} already exists; it was left as is (use --force to replace it)`,
    keptConfig: (file) => `${file} already exists; left as is.`,
    schemaExists: (schema, config) => `${schema} already exists; it was left as is, and so was ${config} (use --force to replace them)`,
    interrupted: "Interrupted: nothing was written.",
    notWritten: (file) => `${file} (not written: --dry-run):`,
    written: (file, replaced) => `${replaced ? "Replaced" : "Created"} ${file}:`,
    writtenSchema: (file, keys, replaced) => `${replaced ? "Replaced" : "Created"} ${file} (${keys} keys).`,
    notYet: (folder) => `Note: ${folder} does not exist yet.`,
    notInstalled: (bin) => `posting is not installed in this folder (no ${bin}); the hook and \`npx --no-install posting\` need it: install it in the site as a dev dependency: npm install --save-dev <git URL of posting-toolkit>#<commit> (or a tarball from npm pack); see its README, "Use it in your site"`,
    next: "Next: posting lint    (add a pre-commit hook with: posting init --hook)",
    noPostings: (folder) => `--infer: no postings under ${folder} to infer a schema from (give the folder with --content)`,
    read: (count, folder, cms, skipped, notRead, max) =>
      `Read ${count} posting${count === 1 ? "" : "s"} under ${folder}${cms ? ` and the CMS fields of ${cms}` : ""}${skipped > 0 ? `; ${skipped} file${skipped === 1 ? "" : "s"} without readable front matter skipped` : ""}${notRead > 0 ? `; ${notRead} more not read (the first ${max} only)` : ""}.`,
    cmsConfig: (message) => `the CMS config ${message}`,
    inferOffer: (folder, count) => `${folder} holds ${count} posting${count === 1 ? "" : "s"}: write a schema inferred from them (as posting init --infer does)?`,
    ask: {
      content: "Folder of the postings",
      contentHelp: "Relative to this folder; `posting lint` and `posting list` read it when given no paths.",
      fileName: "File name pattern",
      fileNameHelp: "YYYY, MM and DD stand for the date, slug for letters, digits, - and _.",
      schema: "Posting schema (empty for the bundled one)",
      template: "Body template for `posting new` (empty for the bundled one)",
      references: (pattern) => `Check that each posting's startup has a page (${pattern})?`,
    },
    preCommit: "This repository uses the pre-commit framework: add these hooks to .pre-commit-config.yaml:",
    husky: "This repository uses husky: put `npx lint-staged` in .husky/pre-commit, and this in package.json:",
    notGit: "Not in a git repository: no hook installed. In a repository, run `posting init --hook` again, or use one of:",
    hookLints: (hook) => `${hook} already lints the postings.`,
    hookExists: (hook) => `${hook} already exists and was left as is. Add these lines to it (or use --force to replace it):`,
    hookInstalled: (hook, folder) => `Installed ${hook}: each commit lints the staged postings under ${folder}/.`,
    gitignore: (created) => `${created ? "Created .gitignore with" : "Added to .gitignore:"} .posting-cache (the --cache file).`,
  },
  set: {
    notKeyValue: (text) => `"${text}": write KEY=VALUE, for example open=false (and --unset KEY to remove a key)`,
    setTwice: (key) => `\`${key}\` is set twice`,
    badValue: (key, raw, reason) => `${key}=${raw}: ${reason}`,
    emptyValue: (key) => `${key}=: an empty value; to remove the key, use --unset ${key}`,
    unsetNoKey: "--unset: the key is missing",
    setAndUnset: (key) => `\`${key}\` is both set and unset`,
  },
  git: {
    needsRepository: (option, reason) => `${option} needs a git repository: ${reason ?? "this folder is not in a work tree"}`,
    noDefaultBranch: "--changed: no default branch to compare with (origin/HEAD, main or master); name one, for example --changed origin/main",
    notRevision: (ref) => `--changed: ${JSON.stringify(ref)} is not a git revision`,
    notCommit: (ref) => `--changed: ${ref} is not a commit of this repository`,
  },
  schemaUnreadable: (path) => `cannot read the schema ${path}`,
  schemaNotJson: (path, at) => `the schema ${path} is not valid JSON at ${at}`,
  commander: {
    unknownOption: (flag, suggestion) => `unknown option '${flag}'${suggestion ? `\n(Did you mean ${suggestion}?)` : ""}`,
    unknownCommand: (command, suggestion) => `unknown command '${command}'${suggestion ? `\n(Did you mean ${suggestion}?)` : ""}`,
    optionMissingArgument: (flag) => `option '${flag}' argument missing`,
    missingArgument: (name) => `missing required argument '${name}'`,
    invalidChoice: (value, option, choices) => `option '${option}' argument '${value}' is invalid. Allowed choices are ${choices}.`,
    invalidArgument: (option, value, reason) => `option '${option}' argument '${value}' is invalid. ${reason}`,
    excessArguments: (command, count) => `too many arguments for '${command}'. Expected 0 arguments but got ${count}.`,
    conflictingOption: (a, b) => `option '${a}' cannot be used with option '${b}'`,
    wholeNumber: "expected a whole number, for example 0 or 10",
    noW: "there is no -w here: write --where (-w is normalize's --write)",
  },
  help: {
    usage: "Usage:",
    arguments: "Arguments:",
    options: "Options:",
    commands: "Commands:",
    defaultIs: (value) => `default: ${value}`,
    choicesAre: (values) => `choices: ${values}`,
    texts: {},
  },
};
