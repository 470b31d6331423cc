// `posting normalize` from the command line, on fixtures/cli/normalize/mixed (one file to change,
// one canonical): arguments → exit code and output. Runs that may write use a temporary copy.
import { readFileSync } from "node:fs";
import type { CliCase } from "./case.js";

const MIXED = "fixtures/cli/normalize/mixed";
// One posting whose keys are out of the schema's order and nothing else: only the canonical style changes it.
const ORDER_ONLY = "fixtures/cli/normalize/order-only";
// The same posting with a config asking for the canonical style (and bad-style.json, a wrong style).
const ORDER_CONFIG = "fixtures/cli/normalize/order-config";
const ORDERED = readFileSync(new URL(`../../${ORDER_ONLY}/ordre.md`, import.meta.url), "utf8");
const TO_CHANGE = readFileSync(new URL(`../../${MIXED}/a-changer.md`, import.meta.url), "utf8");
// A posting with CR-only line endings (an old Mac editor), nothing else to fix.
const CR_ONLY = "fixtures/cli/normalize/cr-only";
const CR_TEXT = readFileSync(new URL(`../../${CR_ONLY}/cr.md`, import.meta.url), "utf8");

export const NORMALIZE_CASES: CliCase[] = [
  {
    name: "--check counts CR-only line endings as a change, as --write makes it",
    args: ["normalize", "--check", "cr.md"],
    cwd: CR_ONLY,
    exitCode: 1,
    stdout: { equals: "cr.md\n" },
    stderr: { equals: "1 file: 1 would change, 0 with nothing to fix\n" },
  },
  {
    name: "--write converts CR-only line endings to LF and says so",
    args: ["normalize", "--write", "cr.md"],
    cwd: CR_ONLY,
    copy: true,
    exitCode: 0,
    stdout: { equals: "fixed cr.md: 6 CR line endings (old Mac) converted to LF\n" },
    files: { "cr.md": { equals: CR_TEXT.replaceAll("\r", "\n") } },
  },
  {
    name: 'config "ignore": normalize walks the files lint walks (the ignored folder is neither checked nor rewritten)',
    args: ["normalize", "--check"],
    cwd: "fixtures/rules/ignore",
    exitCode: 1,
    stdout: { equals: "_jobs/2026-04-03-old-ux.md\n" },
    stderr: { matches: [/^2 files: 1 would change/] },
  },
  {
    name: 'config "ignore": a file named explicitly but ignored is skipped with a warning',
    args: ["normalize", "--check", "_jobs/drafts/2026-04-02-brouillon.md", "_jobs/2026-04-01-dev.md"],
    cwd: "fixtures/rules/ignore",
    exitCode: 0,
    stderr: { matches: [/posting: warning: _jobs\/drafts\/2026-04-02-brouillon\.md is ignored \(config "ignore"\); not checked/] },
  },
  {
    name: "a unified diff by default; nothing written, exit 0",
    args: ["normalize", "a-changer.md"],
    cwd: MIXED,
    copy: true,
    exitCode: 0,
    spawn: true,
    stdout: { includes: ["--- a/a-changer.md\n+++ b/a-changer.md\n"], matches: [/^-open: "true"$/m, /^\+open: true$/m] },
    stderr: { equals: "1 file: 1 would change, 0 with nothing to fix\n" },
    files: { "a-changer.md": { equals: TO_CHANGE } },
  },
  {
    name: "--check lists the files that would change, exit 1",
    args: ["normalize", "--check", "."],
    cwd: MIXED,
    exitCode: 1,
    spawn: true,
    stdout: { equals: "a-changer.md\n" },
    stderr: { equals: "2 files: 1 would change, 1 with nothing to fix\n" },
  },
  {
    name: "--check on a canonical file prints nothing, exit 0",
    args: ["normalize", "--check", "canonique.md"],
    cwd: MIXED,
    exitCode: 0,
    stdout: { equals: "" },
  },
  {
    name: "--write says what it fixed",
    args: ["normalize", "--write", "."],
    cwd: MIXED,
    copy: true,
    exitCode: 0,
    stdout: { matches: [/^fixed a-changer\.md: `open`: text turned into a boolean \("true" → true\)/m], excludes: ["canonique.md"] },
    stderr: { equals: "2 files: 1 fixed, 1 with nothing to fix\n" },
    // The default style fixes the value on its line and keeps the authors' key order.
    files: { "a-changer.md": { equals: TO_CHANGE.replace('open: "true"', "open: true") } },
  },
  {
    name: "--canonical --write also puts the keys in the schema's order",
    args: ["normalize", "--canonical", "--write", "."],
    cwd: MIXED,
    copy: true,
    exitCode: 0,
    stdout: { matches: [/^fixed a-changer\.md: `open`: text turned into a boolean \("true" → true\); keys put in the schema's order$/m] },
    stderr: { equals: "2 files: 1 fixed, 1 already canonical\n" },
    files: { "a-changer.md": { includes: ["\nstartup: jardin-partage\nopen: true\n---\n"] } },
  },
  {
    name: "a folder with no posting is exit 2 (issue 16); --allow-empty accepts it",
    args: ["normalize", "--check", "empty"],
    layout: { "empty/": "" },
    exitCode: 2,
    stderr: { matches: [/^posting: no posting found in "empty": check the path/] },
  },
  {
    name: "--allow-empty: a folder with no posting passes --check",
    args: ["normalize", "--check", "--allow-empty", "empty"],
    layout: { "empty/": "" },
    exitCode: 0,
  },
  {
    name: "posting-disable comments are kept in place by the default style (issue 16)",
    args: ["normalize", "-"],
    stdin: '---\nroles: Intendant·e\n# posting-disable UNKNOWN_KEY -- shown on the page\nsalaire: 45k\n# posting-disable-next-line YAML11_BOOLEAN\nopen: "yes"\n---\n\nTexte.\n',
    exitCode: 0,
    stdout: { equals: "---\nroles: Intendant·e\n# posting-disable UNKNOWN_KEY -- shown on the page\nsalaire: 45k\n# posting-disable-next-line YAML11_BOOLEAN\nopen: true\n---\n\nTexte.\n" },
  },
  {
    name: "posting-disable comments are kept, and move with the key below them when keys are reordered (issue 16)",
    args: ["normalize", "--canonical", "-"],
    stdin: '---\nroles: Intendant·e\n# posting-disable UNKNOWN_KEY -- shown on the page\nsalaire: 45k\n# posting-disable-next-line YAML11_BOOLEAN\nopen: "yes"\n---\n\nTexte.\n',
    exitCode: 0,
    stdout: { equals: "---\nroles: Intendant·e\n# posting-disable-next-line YAML11_BOOLEAN\nopen: true\n# posting-disable UNKNOWN_KEY -- shown on the page\nsalaire: 45k\n---\n\nTexte.\n" },
  },
  {
    name: "key order alone is not a default-style change: --check passes, --write writes nothing",
    args: ["normalize", "--check", "."],
    cwd: ORDER_ONLY,
    exitCode: 0,
    spawn: true,
    stdout: { equals: "" },
    stderr: { equals: "1 file: 0 would change, 1 with nothing to fix\n" },
  },
  {
    name: "--canonical --check reports a file whose keys are out of order",
    args: ["normalize", "--canonical", "--check", "."],
    cwd: ORDER_ONLY,
    exitCode: 1,
    stdout: { equals: "ordre.md\n" },
    stderr: { equals: "1 file: 1 would change, 0 already canonical\n" },
  },
  {
    name: "--write on a file with nothing to fix leaves it byte for byte",
    args: ["normalize", "--write", "ordre.md"],
    cwd: ORDER_ONLY,
    copy: true,
    exitCode: 0,
    stdout: { equals: "" },
    files: { "ordre.md": { equals: ORDERED } },
  },
  {
    name: 'config "normalize": { "style": "canonical" }: --check follows it',
    args: ["normalize", "--check", "."],
    cwd: ORDER_CONFIG,
    exitCode: 1,
    spawn: true,
    stdout: { equals: "ordre.md\n" },
  },
  {
    name: 'config "normalize": { "style": "canonical" }: --write reorders',
    args: ["normalize", "--write", "ordre.md"],
    cwd: ORDER_CONFIG,
    copy: true,
    exitCode: 0,
    stdout: { equals: "fixed ordre.md: keys put in the schema's order\n" },
    files: { "ordre.md": { includes: ["---\nroles: Intendant·e de données\n"] } },
  },
  {
    name: "an unknown normalize style in the config is a config error",
    args: ["normalize", "--check", "--config", "bad-style.json", "."],
    cwd: ORDER_CONFIG,
    exitCode: 2,
    stderr: { includes: ['"normalize/style"'] },
  },
  {
    name: "- filters standard input to standard output",
    args: ["normalize", "-"],
    stdin: '---\nroles: Intendant·e\nopen: "yes"\n---\n\nTexte.\n',
    exitCode: 0,
    spawn: true,
    stdout: { equals: "---\nroles: Intendant·e\nopen: true\n---\n\nTexte.\n" },
  },
  {
    name: "--check - : nothing on standard output, exit 1 when standard input would change",
    args: ["normalize", "--check", "-"],
    stdin: '---\nroles: Intendant·e\nopen: "yes"\n---\n\nTexte.\n',
    exitCode: 1,
    spawn: true,
    stdout: { equals: "" },
  },
  {
    name: "--check - : nothing on standard output, exit 0 when standard input is canonical",
    args: ["normalize", "--check", "-"],
    stdin: "---\nroles: Intendant·e\nopen: true\n---\n\nTexte.\n",
    exitCode: 0,
    stdout: { equals: "" },
  },
  {
    name: "--check and --write together is a usage error",
    args: ["normalize", "--check", "--write", "."],
    cwd: MIXED,
    exitCode: 2,
    stderr: { equals: "posting: --check and --write cannot be used together\n" },
  },
  {
    name: "an unknown --from-encoding is a usage error",
    args: ["normalize", "--from-encoding", "klingon", "a-changer.md"],
    cwd: MIXED,
    exitCode: 2,
    stderr: { includes: ["unknown encoding"] },
  },
  // Yes and no in words (core/words/yes-no.ts), the same list as new and list --where read.
  ...(["oui", "Vrai", '"yes"', "non", "FAUX", "'no'"] as const).map((word) => ({
    name: `a boolean written ${word} becomes ${/^["']?(oui|vrai|yes)/i.test(word) ? "true" : "false"}`,
    args: ["normalize", "-"],
    stdin: `---\nroles: Dev\nopen: ${word}\n---\n\nTexte.\n`,
    exitCode: 0,
    stdout: { equals: `---\nroles: Dev\nopen: ${/^["']?(oui|vrai|yes)/i.test(word) ? "true" : "false"}\n---\n\nTexte.\n` },
  })),
];
