// Packaging: `npm pack`, install the tarball into an empty folder, then use it the way a user
// would: `npx posting --version`, `posting lint` on a sample, `import { lint } from
// "posting-toolkit"` with its types. Slow (a build and an install): not part of `npm test`;
// vitest.config.ts includes this file only with POSTING_PACK_TEST=1, which .ci/run sets for its
// own run of it (`POSTING_PACK_TEST=1 npx vitest run test/pack.test.ts`). Nothing here is skipped.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initialize, startLsp, uriOf } from "./helpers/lsp-client.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PKG = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { name: string; version: string };

const VALID = "---\nroles: Développeur·se\nopen: true\n---\n\nTexte.\n";
const INVALID = "---\ntitles: Offre\nopen: peut-être\n---\n";

describe("npm pack → install → run", () => {
  let work: string;
  let tarball: string;
  let files: { path: string; size: number }[];
  let app: string;
  const env = { ...process.env, NO_COLOR: "1", npm_config_update_notifier: "false" };
  const sh = (command: string, args: string[], cwd: string) => spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: 60_000 });

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "posting-pack-"));
    // --json lists the files; `prepare` builds first, like `npm publish` would.
    const out = execFileSync("npm", ["pack", "--json", "--pack-destination", work], { cwd: ROOT, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    const [info] = JSON.parse(out.slice(out.indexOf("["))) as { filename: string; files: { path: string; size: number }[] }[];
    tarball = join(work, info!.filename);
    files = info!.files;

    app = join(work, "app");
    mkdirSync(join(app, "content", "_jobs"), { recursive: true });
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "pack-test", private: true, type: "module" }));
    writeFileSync(join(app, "content", "_jobs", "2026-05-04-developpeur.md"), VALID);
    writeFileSync(join(app, "content", "_jobs", "2026-05-05-coach.md"), INVALID);
    // The dependencies are in the npm cache on a machine that installed this repository; CI can
    // reach the registry otherwise.
    let install = sh("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball], app);
    if (install.status !== 0) install = sh("npm", ["install", "--no-audit", "--no-fund", tarball], app);
    expect(install.status, install.stderr).toBe(0);
  }, 120_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("ships only bin/, dist/, schemas/, templates/ and the docs", () => {
    const outside = files.map((f) => f.path).filter((p) => !/^(?:bin|dist|schemas|templates)\//.test(p) && !/^(?:package\.json|README\.md|CHANGELOG\.md|LICENSE)$/.test(p));
    expect(outside).toEqual([]);
    expect(files.map((f) => f.path)).toEqual(expect.arrayContaining(["bin/posting.js", "schemas/posting.schema.json", "schemas/config.schema.json", "dist/index.js", "dist/index.d.ts"]));
    expect(files.some((f) => /(?:^|\/)(?:test|fixtures|src)\//.test(f.path) || f.path.endsWith(".test.js"))).toBe(false);
  });

  it("npx posting --version", () => {
    const r = sh("npx", ["--no-install", "posting", "--version"], app);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(PKG.version);
  });

  it("posting lint on a sample: exit codes and formats", () => {
    const bin = join(app, "node_modules", ".bin", "posting");
    const clean = sh(bin, ["lint", "content/_jobs/2026-05-04-developpeur.md"], app);
    expect(clean.status, clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/no problems \(1 file checked\)/);
    const dirty = sh(bin, ["lint", "--format", "sarif", "content/_jobs"], app);
    expect(dirty.status, dirty.stderr).toBe(1);
    const sarif = JSON.parse(dirty.stdout) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(expect.arrayContaining(["UNKNOWN_KEY", "SCHEMA_TYPE"]));
  });

  it("posting lsp --stdio from the install: the diagnostics of an open posting", async () => {
    const client = startLsp(app, {}, join(app, "node_modules", "posting-toolkit", "bin", "posting.js"));
    try {
      await initialize(client, app);
      const uri = uriOf(join(app, "content", "_jobs", "2026-05-05-coach.md"));
      const next = client.diagnostics(uri);
      await client.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version: 1, text: INVALID } });
      expect((await next).map((d) => d.code)).toEqual(expect.arrayContaining(["UNKNOWN_KEY", "SCHEMA_TYPE"]));
    } finally {
      client.child.kill();
    }
  });

  it("posting init, then lint with the config", () => {
    const bin = join(app, "node_modules", ".bin", "posting");
    const init = sh(bin, ["init", "--yes"], app);
    expect(init.status, init.stderr).toBe(0);
    const config = JSON.parse(readFileSync(join(app, "posting.config.json"), "utf8")) as Record<string, unknown>;
    expect(config.$schema).toBe("./node_modules/posting-toolkit/schemas/config.schema.json");
    const lint = sh(bin, ["lint", "--format", "junit"], app);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toMatch(/<testsuite name="posting lint" tests="2" failures="1"/);
  });

  it("the library: import { lint, normalize, listPostings, loadConfig }, typed", () => {
    writeFileSync(
      join(app, "use.ts"),
      `import { lint, normalize, listPostings, loadConfig } from "posting-toolkit";
import type { LintReport, NormalizeResult, ResolvedConfig } from "posting-toolkit";
const report: LintReport = await lint(["content/_jobs"]);
const results: NormalizeResult[] = await normalize(["content/_jobs"]);
const config: ResolvedConfig = await loadConfig(process.cwd());
// @ts-expect-error lint takes paths, not a number
await lint(42);
console.log(report.errorCount, results.length, config.content.length, typeof listPostings);
`,
    );
    writeFileSync(join(app, "tsconfig.json"), JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: false, types: ["node"], typeRoots: [join(ROOT, "node_modules", "@types")] }, files: ["use.ts"] }));
    const tsc = sh(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], app);
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);

    writeFileSync(join(app, "use.mjs"), `import { lint, normalize } from "posting-toolkit";\nconst r = await lint(["content/_jobs"]);\nconst n = await normalize(["content/_jobs"]);\nconsole.log(JSON.stringify([r.fileCount, r.errorCount, n.length]));\n`);
    const r = sh(process.execPath, ["use.mjs"], app);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([2, expect.any(Number), 2]);
    // A type-check of the installed package: ~10 s alone, several times that on a busy machine.
  }, 120_000);
});
