// action.yml (the composite GitHub Action): its shape, inputs that reach the scripts only through
// the environment, and its lint step's script run here as the runner would run it.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BIN, ensureBuilt, ROOT } from "./helpers/cli.js";

interface Step {
  name: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  if?: string;
}
const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as { inputs: Record<string, { default: string }>; runs: { using: string; steps: Step[] } };
const SCRIPT = join(ROOT, "scripts", "action-lint.sh");

function runStep(format: string, env: Record<string, string>, cwd = ROOT) {
  return spawnSync("bash", [SCRIPT, format], { cwd, encoding: "utf8", maxBuffer: 8 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1", POSTING_BIN: BIN, ...env } });
}

beforeAll(() => ensureBuilt(), 120_000);

describe("action.yml", () => {
  it("is a composite action: set up Node, install, lint with --format github, optional SARIF upload", () => {
    expect(action.runs.using).toBe("composite");
    const steps = action.runs.steps;
    expect(steps[0]!.uses).toMatch(/^actions\/setup-node@v\d+$/);
    expect(steps.some((s) => s.run?.startsWith("npm ci"))).toBe(true);
    expect(steps.find((s) => s.run?.includes("action-lint.sh\" github"))).toBeDefined();
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"));
    expect(upload?.if).toMatch(/inputs\.sarif == 'true'/);
    expect(Object.keys(action.inputs)).toEqual(["paths", "changed", "max-warnings", "sarif", "node-version", "working-directory"]);
  });

  it("never pastes an input into a script: inputs reach it through env", () => {
    for (const step of action.runs.steps) if (step.run) expect(step.run, step.name).not.toMatch(/\$\{\{/);
  });

  it("the lint step: annotations for each finding, exit 1 on errors", () => {
    const r = runStep("github", { POSTING_PATHS: "fixtures/postings" });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^::error file=fixtures\/postings\/2026-03-09-coach-agile\.md,line=2,/m);
  });

  it("the lint step on a clean file, with max-warnings and several paths", () => {
    const r = runStep("github", { POSTING_PATHS: "fixtures/postings/2026-01-12-developpeur-fullstack-aides-territoires.md  fixtures/postings/2026-03-23-data-scientist.md", POSTING_MAX_WARNINGS: "0" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/more than --max-warnings 0/);
    const ok = runStep("github", { POSTING_PATHS: "fixtures/postings/2026-01-12-developpeur-fullstack-aides-territoires.md" });
    expect(ok.status, ok.stderr).toBe(0);
  });

  it("the SARIF step writes a SARIF log", () => {
    const r = runStep("sarif", { POSTING_PATHS: "fixtures/postings" });
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout) as { version: string; runs: { results: unknown[] }[] };
    expect(log.version).toBe("2.1.0");
    expect(log.runs[0]!.results.length).toBeGreaterThan(0);
  });

  it("changed: a ref that is not a commit is exit 2 with one line", () => {
    const r = runStep("github", { POSTING_PATHS: "fixtures/postings", POSTING_CHANGED: "no-such-ref-here" });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("posting: --changed: no-such-ref-here is not a commit of this repository\n");
  });
});
