// .pre-commit-hooks.yaml, run the way pre-commit runs a hook: the entry split like a shell would,
// then the hook's args, then the file names, with the built bin standing for `posting`.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ensureBuilt } from "./helpers/cli.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "posting.js");
const FIXTURES = join(ROOT, "fixtures", "pre-commit");

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  args?: string[];
  require_serial?: boolean;
}

const hooks = parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as Hook[];
const hook = (id: string) => hooks.find((h) => h.id === id)!;

function runHook(id: string, files: string[]) {
  const h = hook(id);
  const [command, ...entryArgs] = h.entry.split(/\s+/);
  expect(command).toBe("posting");
  const staged = files.filter((f) => new RegExp(h.files).test(f));
  return spawnSync(process.execPath, [BIN, ...entryArgs, ...(h.args ?? []), ...staged], {
    cwd: FIXTURES,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
}

beforeAll(() => {
  // `npm test` builds first; build here too when running vitest alone on a fresh clone.
  ensureBuilt();
}, 120_000);

describe(".pre-commit-hooks.yaml", () => {
  it("declares posting-lint, posting-normalize and posting-normalize-fix: node, Markdown files, names after --", () => {
    expect(hooks.map((h) => h.id)).toEqual(["posting-lint", "posting-normalize", "posting-normalize-fix"]);
    for (const h of hooks) {
      expect(h.language).toBe("node");
      expect(h.files).toBe("\\.md$");
      expect(h.entry).toMatch(/^posting \S.* --$/);
      expect(h.require_serial).toBe(true);
    }
    expect(hook("posting-normalize").entry).toMatch(/ --check /);
    expect(hook("posting-normalize-fix").entry).toMatch(/ --write /);
  });

  const CASES: { hook: string; files: string[]; exitCode: number; stdout?: RegExp }[] = [
    { hook: "posting-lint", files: ["2026-05-04-developpeur.md"], exitCode: 0 },
    { hook: "posting-lint", files: ["-V.md"], exitCode: 0, stdout: /1 file checked/ },
    { hook: "posting-lint", files: ["-V.md", "2026-05-04-developpeur.md", "2026-05-11-designer.md"], exitCode: 0, stdout: /3 files checked/ },
    { hook: "posting-lint", files: ["2026-05-18-coach.md", "-V.md"], exitCode: 1, stdout: /SCHEMA_FORMAT/ },
    { hook: "posting-lint", files: ["README.txt", "-V.md"], exitCode: 0, stdout: /1 file checked/ },
    { hook: "posting-normalize", files: ["2026-05-04-developpeur.md", "-V.md"], exitCode: 0 },
    { hook: "posting-normalize", files: ["-V.md", "2026-05-11-designer.md"], exitCode: 1, stdout: /^2026-05-11-designer\.md$/m },
    { hook: "posting-normalize", files: ["2026-05-18-coach.md"], exitCode: 0 },
  ];

  it.each(CASES)("$hook on $files: exit $exitCode", (c) => {
    const r = runHook(c.hook, c.files);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(c.exitCode);
    if (c.stdout) expect(r.stdout).toMatch(c.stdout);
    expect(r.stderr).not.toMatch(/unknown option|internal error/);
  });

  it("normalize --check does not touch the files", () => {
    const before = readFileSync(join(FIXTURES, "2026-05-11-designer.md"));
    runHook("posting-normalize", ["2026-05-11-designer.md"]);
    expect(readFileSync(join(FIXTURES, "2026-05-11-designer.md")).equals(before)).toBe(true);
  });
});
