// The library API (`import { lint, normalize, listPostings, loadConfig } from "posting-toolkit"`):
// the same results as the commands, nothing printed, nothing written unless asked.
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";
import { ConfigError, lint, listPostings, loadConfig, loadSchema, normalize, UserError } from "../src/index.js";
import { runCli } from "./helpers/cli.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const SITE = join(ROOT, "fixtures", "collection", "site");

describe("library API", () => {
  it("exports the four entry points and the error classes", () => {
    for (const name of ["lint", "normalize", "listPostings", "loadConfig", "lintProject", "run", "REPORTERS"]) expect(api, name).toHaveProperty(name);
    expect(Object.keys(api.REPORTERS)).toEqual(["stylish", "json", "github", "sarif", "junit"]);
  });

  it("lint: config from cwd, cross-file checks included, same counts as the CLI", async () => {
    const report = await lint([], { cwd: SITE });
    expect(report.fileCount).toBe(8);
    const codes = report.results.flatMap((r) => r.findings.map((f) => f.code));
    expect(codes.filter((c) => c === "FILE_NAME_PATTERN")).toHaveLength(4);
    expect(codes).toContain("REFERENCE_MISSING");
    expect(codes).toContain("DUPLICATE_POSTING");
    expect(report.errorCount).toBe(7);
  });

  it("lint: paths relative to cwd; a missing file is a finding, not an exception", async () => {
    const report = await lint(["fixtures/postings/2026-03-09-coach-agile.md", "nowhere.md"], { cwd: ROOT });
    expect(report.results.map((r) => r.findings[0]?.code)).toEqual(["UNKNOWN_KEY", "FILE_UNREADABLE"]);
  });

  it("lint: nothing to lint and no config is a UserError", async () => {
    const empty = mkdtempSync(join(tmpdir(), "posting-api-"));
    try {
      await expect(lint([], { cwd: empty })).rejects.toBeInstanceOf(UserError);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("loadConfig: resolved paths and collections; a bad config is a ConfigError naming the key", async () => {
    const config = await loadConfig(SITE);
    expect(config.file).toBe(join(SITE, "posting.config.json"));
    expect(config.content).toEqual([join(SITE, "content", "_jobs")]);
    expect(config.collections.map((c) => [c.path, c.fileName])).toEqual([[join(SITE, "content", "_jobs"), "YYYY-MM-DD-slug.md"]]);
    expect(config.references).toEqual([{ key: "startup", template: join(SITE, "content", "_startups", "{value}.md"), written: "content/_startups/{value}.md" }]);
    const error = await loadConfig(join(ROOT, "fixtures", "collection", "bad-config", "unknown-collection-key")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).key).toBe("collections/0/folder");
  });

  it("normalize: results without writing; write: true rewrites", async () => {
    const dir = mkdtempSync(join(tmpdir(), "posting-api-normalize-"));
    try {
      cpSync(join(ROOT, "fixtures", "pre-commit"), dir, { recursive: true });
      const file = join(dir, "2026-05-11-designer.md");
      const before = readFileSync(file, "utf8");
      const results = await normalize(["."], { cwd: dir });
      const designer = results.find((r) => r.file === "2026-05-11-designer.md")!;
      expect(designer.status).toBe("changed");
      expect(results.filter((r) => r.status === "changed")).toHaveLength(1);
      expect(readFileSync(file, "utf8")).toBe(before);
      if (designer.status !== "changed") throw new Error("unreachable");

      await normalize(["2026-05-11-designer.md"], { cwd: dir, write: true });
      expect(readFileSync(file, "utf8")).toBe(designer.after);
      expect((await normalize(["2026-05-11-designer.md"], { cwd: dir }))[0]!.status).toBe("unchanged");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("listPostings: the postings `posting list` shows, filtered and sorted the same, and what could not be read", async () => {
    const cwd = join(ROOT, "fixtures", "list", "basic");
    const result = await listPostings(["."], { cwd, schema: loadSchema(), open: true, sort: "-date" });
    const cli = await runCli(["list", ".", "--open", "--sort", "-date", "--format", "json", "--fields", "file,date,open"], cwd);
    expect(result.postings.map(({ file, date, open }) => ({ file, date: date ?? null, open }))).toEqual(JSON.parse(cli.stdout));
    expect(result.postings.map((p) => p.file)).toEqual(["2026-02-14-designer.md", "2026-01-05-developpeur-react.md", "2024-06-30-partenaire.md", "produit-sans-date.md"]);
    expect([result.matched, result.total]).toEqual([4, 6]);
    expect(result.unreadable.map((u) => u.file).sort()).toEqual(["casse.md", "sans-front-matter.md"]);
  });
});
