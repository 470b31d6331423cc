// What `posting init` writes: the config (from detected defaults and answers) and the git hook,
// as text. The command decides where to write and asks the questions.
import type { Lang } from "../messages/lang.js";
import { stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { DEFAULT_FILE_NAME_PATTERN } from "./config.js";
import { FALLBACK_SLUG, slugify } from "../words/slug.js";

export interface InitAnswers {
  /** Content folder, relative to the config file. */
  content: string;
  fileName: string;
  /** Posting schema, relative; empty for the bundled one. */
  schema: string;
  /** Body template for `posting new`, relative; empty for the bundled one. */
  template: string;
  /** `startup` must name content/_startups/<id>.md (when that folder exists). */
  startupReferences: string | undefined;
}

export interface InitDefaults extends InitAnswers {
  /** The content folder was found on disk (not just the usual name). */
  contentFound: boolean;
  /** `$schema` for editors, when posting-toolkit is installed in node_modules. */
  configSchema: string | undefined;
}

const CONTENT_CANDIDATES = ["content/_jobs", "_jobs"];

export async function detectDefaults(cwd: string): Promise<InitDefaults> {
  let content = CONTENT_CANDIDATES[0]!;
  let contentFound = false;
  for (const candidate of CONTENT_CANDIDATES) {
    if (await isDirectory(join(cwd, candidate))) {
      content = candidate;
      contentFound = true;
      break;
    }
  }
  const startups = content.replace(/_jobs$/, "_startups");
  const configSchema = "node_modules/posting-toolkit/schemas/config.schema.json";
  return {
    content,
    contentFound,
    fileName: DEFAULT_FILE_NAME_PATTERN,
    schema: "",
    template: "",
    startupReferences: startups !== content && (await isDirectory(join(cwd, startups))) ? `${startups}/{value}.md` : undefined,
    configSchema: (await isFile(join(cwd, configSchema))) ? `./${configSchema}` : undefined,
  };
}

/** What `posting init --infer` found in the postings, for the config (core/infer). */
export interface InferredSettings {
  /** The pattern the file names follow, or false when they follow none. */
  fileName: string | false;
  /** Keys whose values name files of another folder. */
  references: Record<string, string>;
  /** The collection's language: posting then speaks it (messages, prompts), as its labels do. */
  lang?: Lang;
}

/** The config file's text: only what differs from the built-in defaults, plus the file name pattern to show it. */
export function configText(answers: InitAnswers, configSchema: string | undefined, inferred?: InferredSettings): string {
  const config: Record<string, unknown> = {};
  if (configSchema) config.$schema = configSchema;
  config.content = [answers.content];
  if (answers.schema) config.schema = answers.schema;
  if (answers.template) config.template = answers.template;
  config.fileName = inferred ? inferred.fileName : answers.fileName;
  const references = inferred ? inferred.references : answers.startupReferences ? { startup: answers.startupReferences } : {};
  if (Object.keys(references).length > 0) config.references = references;
  if (inferred?.lang) config.lang = inferred.lang;
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** Where `posting init --infer` writes the schema of the collection in `content`: schemas/<name>.schema.json. */
export function inferredSchemaPath(content: string): string {
  const name = slugify(basename(content.replace(/[\\/]+$/, "")).replace(/^_+/, ""));
  return `schemas/${name === FALLBACK_SLUG || name === "" ? "postings" : name}.schema.json`;
}

export const HOOK_MARKER = "# posting: lint the staged postings";

/** Where a site's own install of posting puts its command, from the site's folder. */
export const LOCAL_BIN = "node_modules/.bin/posting";

/** The one line that says how to install posting in a site (README "Use it in your site"). */
export const INSTALL_HINT = "install it in the site as a dev dependency: npm install --save-dev <git URL of posting-toolkit>#<commit> (or a tarball from npm pack); see its README, \"Use it in your site\"";

/**
 * A POSIX sh pre-commit hook for the postings under `content` (other Markdown files, such as a
 * README, are not postings), run from `site` (the folder of posting.config.json, relative to the
 * top of the work tree, where git runs hooks). It lints what is staged (`lint --staged`), with the
 * site's own install of posting, and says so when that is missing.
 */
export function hookScript(content: string, site = ""): string {
  return `#!/bin/sh\n${HOOK_MARKER} (added by \`posting init --hook\`).\n${hookLines(content, site)}`;
}

/** The lines to add to an existing hook (a subshell: the hook's folder stays as it was). */
export function hookLines(content: string, site = ""): string {
  const folder = shellQuote(content.replace(/\/+$/, "") || ".");
  const cd = site ? `  cd ${shellQuote(site)} || exit 1\n` : "";
  return `(
${cd}  git diff --cached --quiet --diff-filter=ACMR -- ${folder} && exit 0
  if [ ! -x ${LOCAL_BIN} ]; then
    echo ${shellQuote(`posting: ${LOCAL_BIN} not found: ${INSTALL_HINT}. (git commit --no-verify skips this check.)`)} >&2
    exit 1
  fi
  ${LOCAL_BIN} lint --staged -- ${folder}
) || exit 1
`;
}

export function preCommitSnippet(content: string): string {
  return `# .pre-commit-config.yaml
repos:
  - repo: https://github.com/OWNER/posting-toolkit   # where posting-toolkit is hosted
    rev: COMMIT   # a full commit hash of it (git ls-remote <repo> HEAD), or a release tag once there is one
    hooks:
      - id: posting-lint
        files: ^${regexEscape(content.replace(/\/+$/, ""))}/.*\\.md$
      - id: posting-normalize
        files: ^${regexEscape(content.replace(/\/+$/, ""))}/.*\\.md$
`;
}

export function lintStagedSnippet(content: string): string {
  return `// package.json (husky + lint-staged)
"lint-staged": {
  ${JSON.stringify(`${content.replace(/\/+$/, "")}/**/*.md`)}: "npx --no-install posting lint --"
}
`;
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function regexEscape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}
