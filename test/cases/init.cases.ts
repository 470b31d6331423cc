// `posting init` from the command line, in a temporary folder holding `layout` (stdin closed):
// arguments → exit code, output and the posting.config.json written.
import { expect } from "vitest";
import type { CliCase } from "./case.js";

interface Row {
  name: string;
  layout?: Record<string, string>;
  /** After `init`. */
  args: string[];
  exitCode: number;
  /** The posting.config.json there after the run. */
  config?: Record<string, unknown>;
  stdout?: RegExp[];
  stderr?: RegExp[];
  spawn?: boolean;
  /** Other files there after the run. */
  files?: CliCase["files"];
}

const VALID = "---\nroles: Développeur·se\nopen: true\n---\n\nTexte.\n";

// Issue 18: four postings for `init --infer` to learn from.
const JOBS: Record<string, string> = Object.fromEntries(
  ["2026-05-01-dev", "2026-05-02-design", "2026-05-03-data", "2026-05-04-produit"].map((name, i) => [
    `content/_jobs/${name}.md`,
    `---\ntitle: Poste ${i}\nopen: ${i % 2 === 0}\ndate: 2026-05-0${i + 1}\n---\n\nNous recherchons une personne pour l'équipe.\n`,
  ]),
);

const ROWS: Row[] = [
  {
    name: "--yes in an empty folder: the usual content folder, noted as missing",
    spawn: true,
    args: ["--yes"],
    exitCode: 0,
    config: { content: ["content/_jobs"], fileName: "YYYY-MM-DD-slug.md" },
    stdout: [/^Created posting\.config\.json:$/m, /^Note: content\/_jobs does not exist yet\.$/m, /^Next: posting lint/m],
  },
  {
    name: "--yes detects content/_jobs and the startups pages next to it",
    layout: { "content/_jobs/2026-05-04-dev.md": VALID, "content/_startups/": "" },
    args: ["--yes"],
    exitCode: 0,
    config: { content: ["content/_jobs"], fileName: "YYYY-MM-DD-slug.md", references: { startup: "content/_startups/{value}.md" } },
    stdout: [/"startup": "content\/_startups\/\{value\}\.md"/],
  },
  {
    name: "--yes detects _jobs at the top",
    layout: { "_jobs/": "" },
    args: ["--yes"],
    exitCode: 0,
    config: { content: ["_jobs"], fileName: "YYYY-MM-DD-slug.md" },
  },
  {
    name: "no --yes and no terminal: defaults, no question, no wait",
    layout: { "content/_jobs/": "" },
    args: [],
    exitCode: 0,
    config: { content: ["content/_jobs"], fileName: "YYYY-MM-DD-slug.md" },
  },
  {
    name: "flags",
    layout: { "schemas/offre.json": "{}", "modele.md": "Texte\n" },
    args: ["--content", "site/_offres", "--file-name", "slug.md", "--schema", "schemas/offre.json", "--template", "modele.md", "--yes"],
    exitCode: 0,
    config: { content: ["site/_offres"], schema: "schemas/offre.json", template: "modele.md", fileName: "slug.md" },
  },
  {
    name: "an existing config is left as is",
    layout: { "posting.config.json": '{ "content": "a" }\n' },
    args: ["--yes"],
    exitCode: 1,
    config: { content: "a" },
    stderr: [/^posting: posting\.config\.json already exists; it was left as is \(use --force to replace it\)$/m],
  },
  {
    name: "--force replaces it",
    layout: { "posting.config.json": '{ "content": "a" }\n' },
    args: ["--yes", "--force"],
    exitCode: 0,
    config: { content: ["content/_jobs"], fileName: "YYYY-MM-DD-slug.md" },
    stdout: [/^Replaced posting\.config\.json:$/m],
  },
  {
    name: "a file name pattern with a folder is a usage error",
    args: ["--yes", "--file-name", "a/YYYY.md"],
    exitCode: 2,
    stderr: [/^posting: --file-name: a file name, without \/ or \\$/m],
  },
  {
    name: "an absolute content folder is a usage error",
    args: ["--yes", "--content", "/srv/jobs"],
    exitCode: 2,
    stderr: [/^posting: --content: give a path relative to this folder$/m],
  },
  {
    name: "a content folder outside the site is a usage error",
    args: ["--yes", "--content", "../jobs"],
    exitCode: 2,
    stderr: [/^posting: --content: give a folder inside this one \(no \.\.\)$/m],
  },
  {
    name: "--infer never reads a CMS collection folder outside the site",
    layout: { "admin/config.yml": "collections:\n  - name: jobs\n    folder: ../../etc\n    fields:\n      - { name: title, widget: string }\n" },
    args: ["--infer"],
    exitCode: 2,
    stderr: [/^posting: --content: give a folder inside this one \(no \.\.\)$/m],
  },
  {
    name: "--hook with the pre-commit framework: prints its snippet",
    layout: { ".pre-commit-config.yaml": "repos: []\n" },
    args: ["--yes", "--hook"],
    exitCode: 0,
    stdout: [/uses the pre-commit framework/, /- id: posting-lint\n {8}files: \^content\/_jobs\/\.\*\\\.md\$/, /rev: COMMIT {3}# a full commit hash/],
  },
  {
    name: "--hook with husky: prints the lint-staged snippet",
    layout: { ".husky/": "" },
    args: ["--yes", "--hook"],
    exitCode: 0,
    stdout: [/uses husky/, /"content\/_jobs\/\*\*\/\*\.md": "npx --no-install posting lint --"/],
  },
  {
    name: "--hook outside a git repository: prints the snippets, exit 1",
    args: ["--yes", "--hook"],
    exitCode: 1,
    stdout: [/Not in a git repository: no hook installed/, /posting-lint/, /lint-staged/],
  },
  {
    name: "posting not installed in the folder: a warning that says how to install",
    args: ["--yes"],
    exitCode: 0,
    stderr: [/^posting: warning: posting is not installed in this folder \(no node_modules\/\.bin\/posting\); the hook and `npx --no-install posting` need it: install it in the site as a dev dependency: npm install --save-dev /m],
  },
  {
    name: "a .gitignore without .posting-cache gets it (after its last line)",
    layout: { ".gitignore": "_site/" },
    args: ["--yes"],
    exitCode: 0,
    stdout: [/^Added to \.gitignore: \.posting-cache \(the --cache file\)\.$/m],
    files: { ".gitignore": { equals: "_site/\n.posting-cache\n" } },
  },
  {
    name: "a .gitignore that names .posting-cache is left as is",
    layout: { ".gitignore": "_site/\n/.posting-cache\n" },
    args: ["--yes"],
    exitCode: 0,
    stdout: [/^Next: posting lint/m],
    files: { ".gitignore": { equals: "_site/\n/.posting-cache\n" } },
  },
  // Issue 18: --infer and --dry-run.
  {
    name: "--infer writes schemas/<collection>.schema.json and the config pointing at it",
    spawn: true,
    layout: JOBS,
    args: ["--infer"],
    exitCode: 0,
    config: { content: ["content/_jobs"], schema: "schemas/jobs.schema.json", fileName: "YYYY-MM-DD-slug.md", lang: "fr" },
    stdout: [/^Read 4 postings under content\/_jobs\.$/m, /^Rules and why:$/m, /^With this schema, lint will flag nothing in these postings\.$/m, /^Created schemas\/jobs\.schema\.json \(3 keys\)\.$/m, /^Created posting\.config\.json:$/m],
    files: { "schemas/jobs.schema.json": { json: (value) => expect(value).toMatchObject({ required: ["title", "open", "date"], additionalProperties: false, properties: { open: { type: "boolean", "x-role": "open" }, date: { format: "date", "x-role": "date" } } }) } },
  },
  {
    name: "--infer without the usual folders finds the postings' folder (named for jobs first, then the most Markdown files)",
    layout: {
      ...Object.fromEntries(Object.entries(JOBS).map(([path, text]) => [path.replace("content/_jobs/", "_offres/"), text])),
      ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`_posts/2026-01-0${i}-billet.md`, "---\nlayout: post\n---\n\nBillet.\n"])),
      "_layouts/default.md": "---\n---\n",
    },
    args: ["--infer"],
    exitCode: 0,
    config: { content: ["_offres"], schema: "schemas/offres.schema.json", fileName: "YYYY-MM-DD-slug.md", lang: "fr" },
    stdout: [/^Read 4 postings under _offres\.$/m],
  },
  {
    name: "--infer --schema writes the schema where it is told",
    layout: JOBS,
    args: ["--infer", "--schema", "config/offres.json"],
    exitCode: 0,
    config: { content: ["content/_jobs"], schema: "config/offres.json", fileName: "YYYY-MM-DD-slug.md", lang: "fr" },
    files: { "config/offres.json": { includes: ['"additionalProperties": false'] }, "schemas/jobs.schema.json": null },
  },
  {
    name: "--infer --dry-run prints the schema, the config and the report, and writes nothing",
    layout: JOBS,
    args: ["--infer", "--dry-run"],
    exitCode: 0,
    stdout: [/^schemas\/jobs\.schema\.json \(not written: --dry-run\):$/m, /^posting\.config\.json \(not written: --dry-run\):$/m, /"x-role": "open"/],
    files: { "posting.config.json": null, "schemas/jobs.schema.json": null, ".gitignore": null },
  },
  {
    name: "--infer with an existing config: both left as is",
    layout: { ...JOBS, "posting.config.json": '{ "content": "a" }\n' },
    args: ["--infer"],
    exitCode: 1,
    config: { content: "a" },
    stderr: [/^posting: posting\.config\.json already exists; it was left as is \(use --force to replace it\)$/m],
    files: { "schemas/jobs.schema.json": null },
  },
  {
    name: "--infer with an existing schema: both left as is",
    layout: { ...JOBS, "schemas/jobs.schema.json": "{}\n" },
    args: ["--infer"],
    exitCode: 1,
    stderr: [/^posting: schemas\/jobs\.schema\.json already exists; it was left as is, and so was posting\.config\.json \(use --force to replace them\)$/m],
    files: { "schemas/jobs.schema.json": { equals: "{}\n" }, "posting.config.json": null },
  },
  {
    name: "--infer in a folder without postings is a usage error",
    layout: { "content/_jobs/": "" },
    args: ["--infer"],
    exitCode: 2,
    stderr: [/^posting: --infer: no postings under content\/_jobs to infer a schema from \(give the folder with --content\)$/m],
  },
  {
    name: "--infer --dry-run with an existing config shows what --force would write, and writes nothing",
    layout: { ...JOBS, "posting.config.json": '{ "content": "a" }\n' },
    args: ["--infer", "--dry-run"],
    exitCode: 0,
    config: { content: "a" },
    stdout: [/^posting\.config\.json \(not written: --dry-run\):$/m],
    files: { "schemas/jobs.schema.json": null },
  },
  {
    name: "--dry-run --hook with an existing config touches neither .gitignore nor a hook",
    layout: { "posting.config.json": '{ "content": "a" }\n', ".gitignore": "_site/" },
    args: ["--dry-run", "--hook"],
    exitCode: 0,
    config: { content: "a" },
    files: { ".gitignore": { equals: "_site/" } },
  },
  {
    name: "--dry-run without --infer prints the config and writes nothing",
    args: ["--yes", "--dry-run"],
    exitCode: 0,
    stdout: [/^posting\.config\.json \(not written: --dry-run\):$/m, /"content\/_jobs"/],
    files: { "posting.config.json": null },
  },
  {
    name: "no .gitignore and no git repository: none is made",
    args: ["--yes"],
    exitCode: 0,
    files: { ".gitignore": null },
  },
];

/** A usage error writes no config. */
export const INIT_CASES: CliCase[] = ROWS.map(({ args, config, stdout, stderr, files, ...row }): CliCase => ({
  ...row,
  args: ["init", ...args],
  cwd: "<empty>",
  ...(stdout ? { stdout: { matches: stdout } } : {}),
  ...(stderr ? { stderr: { matches: stderr } } : {}),
  ...(config || files ? { files: { ...files, ...(config ? { "posting.config.json": { json: (value: unknown) => expect(value).toEqual(config) } } : {}) } } : {}),
  ...(row.exitCode === 2 ? { files: { ...files, "posting.config.json": null } } : {}),
}));
