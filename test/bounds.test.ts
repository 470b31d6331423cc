// Bounds on what a stranger's pull request controls (issue 13): alias expansion, the cache file,
// the schema and the config, links named on the command line. Where memory is the point, the
// built bin runs in a child with a small heap (a blow-up crashes it) and a timeout (a hang fails
// it); the time bounds are generous for a loaded 2-core machine, the output bounds are tight.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_CACHE_BYTES } from "../src/core/files/cache.js";
import { readTemplate } from "../src/core/scaffold/scaffold.js";
import { findUnsafePattern, unsafePatternReason } from "../src/core/schema/safe-pattern.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin", "posting.js");
const HOSTILE = join(ROOT, "fixtures", "hostile");

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "posting-bounds-"));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

interface ChildResult {
  status: number | null;
  stdout: string;
  stderr: string;
  error?: Error;
}

/** The built bin in a child with a 96 MB heap and a timeout: a blow-up crashes it, a hang is killed. */
export function bin(args: string[], cwd: string, timeout = 20_000): ChildResult {
  const child = spawnSync(process.execPath, ["--max-old-space-size=96", BIN, ...args], {
    cwd,
    encoding: "utf8",
    timeout,
    // The CLI handles SIGTERM (clean-up of temp files), which a child busy in a hang never gets to run.
    killSignal: "SIGKILL",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, error: child.error };
}

describe("alias expansion is bounded by the expanded size, empty leaves included", () => {
  const COMMANDS = [
    ["lint", "posting.md"],
    ["lint", "--format", "json", "posting.md"],
    ["normalize", "posting.md"],
    ["normalize", "--check", "posting.md"],
    ["list", "--format", "json", "posting.md"],
    ["list", "--format", "ndjson", "posting.md"],
    ["list", "--format", "csv", "posting.md"],
    ["list", "--format", "table", "posting.md"],
  ];
  for (const name of ["alias-bomb-empty-leaves", "alias-bomb-empty-9-levels"]) {
    it.each(COMMANDS)(`${name}: %s %s %s %s`, (...args) => {
      const dir = join(work, name);
      cpSync(join(HOSTILE, name), dir, { recursive: true });
      const r = bin(args.filter((a): a is string => typeof a === "string"), dir);
      expect(r.error, "the command must end quickly").toBeUndefined();
      expect(r.stderr).not.toMatch(/internal error|heap/i);
      expect([0, 1]).toContain(r.status);
      expect(r.stdout.length + r.stderr.length, "a few lines, not megabytes").toBeLessThan(4_000);
      expect(r.stdout + r.stderr).toContain("YAML_ALIAS_LIMIT");
    });
  }

  it("a posting that uses a few aliases within the budget is still read", () => {
    const dir = join(work, "alias-fine");
    cpSync(join(ROOT, "fixtures", "bounds", "alias-within-budget"), dir, { recursive: true });
    const r = bin(["list", "--format", "json", "posting.md"], dir);
    expect(r.stderr).toBe("");
    const [posting] = JSON.parse(r.stdout) as { data: { techno: string[]; "x-d": unknown[] } }[];
    expect(posting?.data.techno).toEqual(["Python", "Pandas"]);
    expect(posting?.data["x-d"]).toHaveLength(10);
  });
});

describe("the lint cache is read only from a posting cache in a regular file, and written only over one", () => {
  const PASSWD = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n";
  let dir: string;
  beforeAll(() => {
    dir = join(work, "cache");
    mkdirSync(dir);
    cpSync(join(ROOT, "fixtures", "postings", "2026-03-09-coach-agile.md"), join(dir, "posting.md"));
  });
  const lintWith = (location: string) => bin(["lint", "--cache", "--cache-location", location, "posting.md"], dir, 10_000);
  const expectRefused = (r: ChildResult, what: RegExp) => {
    expect(r.error, "the command must not block").toBeUndefined();
    expect(r.status).toBe(1); // the posting's own finding, as without a cache
    expect(r.stdout).toContain("UNKNOWN_KEY");
    expect(r.stderr.trim().split("\n"), "one warning").toHaveLength(1);
    expect(r.stderr).toMatch(what);
  };

  it("/dev/zero is refused at once (it was read until memory ran out)", () => {
    expectRefused(lintWith("/dev/zero"), /^posting: warning: the cache \/dev\/zero is a device or socket, not a regular file: not used/);
  });

  it("a FIFO is never opened for reading (it blocked the run)", () => {
    const fifo = join(dir, "cache.fifo");
    execFileSync("mkfifo", [fifo]);
    expectRefused(lintWith(fifo), /is a FIFO, not a regular file/);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it("a symbolic link, even to a posting cache, is neither read nor written through", () => {
    const real = join(dir, "real.cache");
    expect(lintWith(real).stderr).toBe("");
    const before = readFileSync(real);
    const link = join(dir, "link.cache");
    symlinkSync(real, link);
    expectRefused(lintWith(link), /link\.cache is a symbolic link \(not followed\)/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real).equals(before)).toBe(true);
    // the default location, committed as a link to a system file
    const project = join(dir, "committed");
    mkdirSync(project);
    cpSync(join(dir, "posting.md"), join(project, "posting.md"));
    writeFileSync(join(dir, "passwd-link-target"), PASSWD);
    symlinkSync(join(dir, "passwd-link-target"), join(project, ".posting-cache"));
    const r = bin(["lint", "--cache", "posting.md"], project, 10_000);
    expectRefused(r, /\.posting-cache is a symbolic link/);
    expect(readFileSync(join(dir, "passwd-link-target"), "utf8")).toBe(PASSWD);
    expect(r.stdout + r.stderr).not.toContain("root:x");
  });

  it("a regular file that is not a posting cache stays byte for byte as it was", () => {
    const passwd = join(dir, "passwd");
    writeFileSync(passwd, PASSWD);
    expectRefused(lintWith(passwd), /passwd is not a posting cache \(its first line is not a posting cache header\): not used, and left as it is/);
    expect(readFileSync(passwd, "utf8")).toBe(PASSWD);
  });

  it("a file over the size cap is refused unread", () => {
    const big = join(dir, "big.cache");
    writeFileSync(big, "");
    truncateSync(big, MAX_CACHE_BYTES + 1);
    expectRefused(lintWith(big), /big\.cache is larger than 128 MB/);
    expect(statSync(big).size).toBe(MAX_CACHE_BYTES + 1);
  });

  it("a posting cache, an empty file or no file is used and written; a folder gets the cache inside it", () => {
    for (const name of ["fresh.cache", "empty.cache"]) {
      const location = join(dir, name);
      if (name === "empty.cache") writeFileSync(location, "");
      const first = lintWith(location);
      expect(first.stderr).toBe("");
      expect(readFileSync(location, "utf8")).toMatch(/^\{"format":/);
      const second = lintWith(location);
      expect(second).toEqual(first);
    }
    const folder = join(dir, "cache-folder");
    mkdirSync(folder);
    expect(lintWith(folder).stderr).toBe("");
    expect(readFileSync(join(folder, ".posting-cache"), "utf8")).toMatch(/^\{"format":/);
  });
});

describe("schema, config and template: regular files of bounded size, safe patterns, no bytes echoed", () => {
  let dir: string;
  const SECRET = "SECRET_TOKEN=hunter2-do-not-print";
  beforeAll(() => {
    dir = join(work, "schema");
    mkdirSync(dir);
    cpSync(join(ROOT, "fixtures", "postings", "2026-03-09-coach-agile.md"), join(dir, "posting.md"));
    writeFileSync(join(dir, "environ.json"), `PATH=/usr/bin\0${SECRET}\0`);
    execFileSync("mkfifo", [join(dir, "schema.fifo")]);
    const bundled = JSON.parse(readFileSync(join(ROOT, "schemas", "posting.schema.json"), "utf8")) as { properties: Record<string, Record<string, unknown>> };
    const withPattern = (pattern: string) => JSON.stringify({ ...bundled, properties: { ...bundled.properties, startup: { ...bundled.properties.startup, pattern } } });
    writeFileSync(join(dir, "redos.json"), withPattern("^(a+)\\1$"));
    writeFileSync(join(dir, "long.json"), withPattern("a".repeat(200_000)));
    writeFileSync(join(dir, "pp.json"), JSON.stringify({ ...bundled, patternProperties: { "^(?!x)": {} } }));
  });
  const lint = (...args: string[]) => bin(["lint", ...args, "posting.md"], dir, 10_000);
  const expectConfigError = (r: ChildResult, message: RegExp) => {
    expect(r.error, "the command must end quickly").toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n"), "one line, no stack trace").toHaveLength(1);
    expect(r.stderr).not.toContain(SECRET.slice(0, 12));
  };

  it("a device or a FIFO as the schema is refused at once (memory grew without limit, or the run blocked)", () => {
    expectConfigError(lint("--schema", "/dev/zero"), /^posting: cannot read the schema \/dev\/zero: is a device or socket, not a regular file$/m);
    expectConfigError(lint("--schema", "schema.fifo"), /cannot read the schema .*schema\.fifo: is a FIFO, not a regular file/);
  });

  it("a schema that is not JSON is named with a position, never with its bytes", () => {
    expectConfigError(lint("--schema", "environ.json"), /^posting: the schema .*environ\.json is not valid JSON at line 1 column 1$/m);
  });

  it("a config that is not JSON, or names /dev/zero as its schema, is an error naming the file", () => {
    const project = join(dir, "project");
    mkdirSync(project);
    cpSync(join(dir, "posting.md"), join(project, "posting.md"));
    writeFileSync(join(project, "posting.config.json"), `{\n  "content": ["."],\n  ${SECRET}\n}`);
    const broken = bin(["lint", "posting.md"], project, 10_000);
    expectConfigError(broken, /posting\.config\.json is not valid JSON at line 3 column 3$/m);
    writeFileSync(join(project, "posting.config.json"), JSON.stringify({ schema: "/dev/zero" }));
    expectConfigError(bin(["lint", "posting.md"], project, 10_000), /cannot read the schema \/dev\/zero: is a device or socket/);
    rmSync(join(project, "posting.config.json"));
    expectConfigError(bin(["lint", "-c", "/dev/zero", "posting.md"], project, 10_000), /cannot read the config file \/dev\/zero: is a device or socket/);
  });

  it("patterns with no linear-time match, or too long to check, are refused naming their JSON pointer", () => {
    expectConfigError(lint("--schema", "redos.json"), /the schema .*redos\.json: the pattern at \/properties\/startup\/pattern uses a backreference/);
    expectConfigError(lint("--schema", "long.json"), /the schema .*long\.json: the pattern at \/properties\/startup\/pattern is longer than 1000 characters/);
    expectConfigError(lint("--schema", "pp.json"), /the pattern at \/patternProperties\/\^\(\?!x\) uses a lookahead or lookbehind/);
  });
});

describe("the safe-pattern check", () => {
  it.each([
    ["(a)\\1", /backreference/],
    ["(?<n>a)\\k<n>", /backreference/],
    ["a(?=b)", /lookahead or lookbehind/],
    ["(?<!a)b", /lookahead or lookbehind/],
    ["(a", /not a valid regular expression/],
    ["x".repeat(1001), /longer than 1000/],
  ])("refuses %s", (pattern, reason) => {
    expect(unsafePatternReason(pattern)).toMatch(reason);
  });

  it.each(["^[A-Za-z0-9][A-Za-z0-9._-]*$", "^https?://", "^\\d{4}-\\d{2}-\\d{2}$", "^(?:CDI|CDD)?$", "[(]+\\)*", "(?:ab)+", "\\p{L}+", "^(a+)+$", "(a|a)*", "^(\\w+\\s?)*$", "((ab)*c)+", "^[a-z0-9]+(?:-[a-z0-9]+)*$"])("accepts %s (matched in linear time)", (pattern) => {
    expect(unsafePatternReason(pattern)).toBeUndefined();
  });

  it("passes every pattern of the bundled schemas", () => {
    for (const name of ["posting.schema.json", "config.schema.json"]) {
      expect(findUnsafePattern(JSON.parse(readFileSync(join(ROOT, "schemas", name), "utf8"))), name).toBeUndefined();
    }
  });

  it("the template is read only from a regular file of at most 256 KB", async () => {
    await expect(readTemplate("/dev/zero")).rejects.toThrow(/cannot read the template \/dev\/zero: is a device or socket/);
    const big = join(work, "big-template.md");
    writeFileSync(big, "x".repeat(256 * 1024 + 1));
    await expect(readTemplate(big)).rejects.toThrow(/is larger than 256 KB/);
  });
});

describe("the config search stops at the repository root", () => {
  it("a parent's posting.config.json or package.json above the folder holding .git is never used", () => {
    const parent = join(work, "config-parent");
    const repo = join(parent, "repo");
    mkdirSync(join(repo, "content"), { recursive: true });
    cpSync(join(ROOT, "fixtures", "postings", "2026-03-09-coach-agile.md"), join(repo, "content", "posting.md"));
    // If this config were used the run would fail on it (exit 2).
    writeFileSync(join(parent, "posting.config.json"), JSON.stringify({ "not-a-setting": true }));
    const lintIn = (cwd: string) => bin(["lint", "posting.md"], cwd, 10_000);
    const outside = lintIn(join(repo, "content"));
    expect(outside.status, "without a repository the search goes up to the parent").toBe(2);
    expect(outside.stderr).toContain("not-a-setting");

    for (const dotGit of ["folder", "file"]) {
      if (dotGit === "folder") mkdirSync(join(repo, ".git"));
      else {
        rmSync(join(repo, ".git"), { recursive: true });
        writeFileSync(join(repo, ".git"), "gitdir: ../elsewhere/.git/worktrees/repo\n"); // a worktree
      }
      const inside = lintIn(join(repo, "content"));
      expect(inside.stderr, `.git as a ${dotGit}`).toBe("");
      expect(inside.status).toBe(1);
      expect(inside.stdout).toContain("UNKNOWN_KEY");
    }
    rmSync(join(parent, "posting.config.json"));
    writeFileSync(join(parent, "package.json"), JSON.stringify({ name: "parent", posting: { "not-a-setting": true } }));
    expect(lintIn(join(repo, "content")).stderr).toBe("");
    // and the repository's own config is still found from below
    writeFileSync(join(repo, "posting.config.json"), JSON.stringify({ "own-bad-setting": true }));
    expect(lintIn(join(repo, "content")).stderr).toContain("own-bad-setting");
  });
});

describe("a symbolic link named on the command line is refused like one met in a folder", () => {
  it("a link to a file outside the project is reported FILE_NOT_REGULAR, never read nor echoed, by every command", () => {
    const dir = join(work, "named-link");
    mkdirSync(dir);
    const secret = join(work, "outside-secret.md");
    writeFileSync(secret, "---\nroles: SECRET-ROLE-VALUE\nopen: SECRET-OPEN-VALUE\ntitles: SECRET-TITLE\n---\n");
    symlinkSync(secret, join(dir, "posting.md"));
    symlinkSync(join(work, "no-such-file.md"), join(dir, "broken.md"));
    mkdirSync(join(work, "outside-folder"));
    cpSync(secret, join(work, "outside-folder", "a.md"));
    symlinkSync(join(work, "outside-folder"), join(dir, "folder-link"));
    for (const args of [["lint"], ["lint", "--format", "json"], ["normalize", "--check"], ["normalize", "--write"], ["list", "--format", "json"]]) {
      const r = bin([...args, "posting.md", "broken.md", "folder-link"], dir, 10_000);
      const out = r.stdout + r.stderr;
      expect(out, args.join(" ")).not.toContain("SECRET");
      expect(out.match(/FILE_NOT_REGULAR/g)?.length ?? 0, args.join(" ")).toBe(3);
      expect(out).toContain("a symbolic link; links are never followed");
      expect(r.stderr).not.toMatch(/internal error/);
    }
    expect(lstatSync(join(dir, "posting.md")).isSymbolicLink()).toBe(true);
    expect(readFileSync(secret, "utf8")).toContain("titles: SECRET-TITLE");
  });
});
