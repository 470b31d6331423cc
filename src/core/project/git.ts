// What git knows that `lint --staged` and `lint --changed` need: the files staged or changed, and
// a staged file's bytes. git is always spawned with an argument list (never a shell string built
// from file names), its output is bounded, and a failure is one clear line (exit 2).
import { spawnSync } from "node:child_process";
import { phrasedError, UserError } from "../errors.js";
import { MAX_FILE_BYTES } from "../files/read-target.js";

/** Room for the NUL-separated names of a large site's changed files. */
const MAX_LIST_BYTES = 16 * 1024 * 1024;

function git(cwd: string, args: readonly string[], maxBuffer: number): { ok: true; out: Buffer } | { ok: false; reason: string } {
  const r = spawnSync("git", args, { cwd, maxBuffer, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" } });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === "ENOENT" ? "git is not installed (or not on PATH)" : code === "ENOBUFS" ? "git's output is too large" : r.error.message };
  }
  if (r.status !== 0) return { ok: false, reason: r.stderr.toString("utf8").split("\n")[0]?.replace(/^(?:fatal|error): /, "") || `git exited with ${r.status}` };
  return { ok: true, out: r.stdout };
}

function gitOrFail(cwd: string, args: readonly string[], what: string, maxBuffer = MAX_LIST_BYTES): Buffer {
  const r = git(cwd, args, maxBuffer);
  if (!r.ok) throw new UserError(`${what}: ${r.reason}`);
  return r.out;
}

function names(out: Buffer): string[] {
  return out.toString("utf8").split("\0").filter((name) => name !== "");
}

/** A path given on the command line as a git pathspec: literal, or a glob when it has glob characters (as `posting lint` reads it). */
function pathspecs(inputs: readonly string[]): string[] {
  return inputs.map((input) => (/[*?[\]{}]/.test(input) ? `:(glob)${input}` : `:(literal)${input}`));
}

/**
 * The files staged (added, copied, modified or renamed in the index) under `inputs`, relative to
 * `cwd`, that a folder walk would read (`*.md`).
 */
export function stagedFiles(cwd: string, inputs: readonly string[]): string[] {
  inRepository(cwd, "--staged");
  const out = gitOrFail(cwd, ["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR", "--relative", "--no-renames", "--", ...pathspecs(inputs)], "--staged needs a git repository");
  return names(out).filter((name) => name.endsWith(".md"));
}

/** Outside a work tree, `git diff` compares folders (--no-index): say what is wrong instead. */
function inRepository(cwd: string, option: string): void {
  const r = git(cwd, ["rev-parse", "--is-inside-work-tree"], 4096);
  if (!r.ok || r.out.toString("utf8").trim() !== "true") {
    const reason = r.ok ? undefined : r.reason;
    throw phrasedError((p) => p.git.needsRepository(option, reason));
  }
}

/** The staged bytes of `file` (relative to `cwd`): what the commit will hold. */
export function stagedBytes(cwd: string, file: string): Uint8Array {
  const r = git(cwd, ["cat-file", "blob", `:./${file}`], MAX_FILE_BYTES + 1);
  if (!r.ok) throw new UserError(`--staged: cannot read the staged ${file}: ${r.reason}`);
  return r.out;
}

/**
 * The ref `--changed` compares with by default: the merge base of HEAD with the default branch
 * (origin/HEAD, else main, else master).
 */
export function defaultChangedBase(cwd: string): string {
  for (const branch of ["origin/HEAD", "main", "master", "origin/main", "origin/master"]) {
    if (!git(cwd, ["rev-parse", "--verify", "--quiet", `${branch}^{commit}`], 4096).ok) continue;
    const base = git(cwd, ["merge-base", "HEAD", branch], 4096);
    if (base.ok) return base.out.toString("utf8").trim();
  }
  throw phrasedError((p) => p.git.noDefaultBranch);
}

/** Whether `ref` names a commit of the repository at `cwd`. */
export function isCommit(cwd: string, ref: string): boolean {
  return !ref.startsWith("-") && git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], 4096).ok;
}

/** The files changed (added, copied, modified or renamed) since `ref` under `inputs`, working copy included, relative to `cwd`. */
export function changedFiles(cwd: string, ref: string | undefined, inputs: readonly string[]): string[] {
  if (ref !== undefined && (ref === "" || ref.startsWith("-"))) throw phrasedError((p) => p.git.notRevision(ref));
  inRepository(cwd, "--changed");
  const base = ref ?? defaultChangedBase(cwd);
  if (!isCommit(cwd, base)) throw phrasedError((p) => p.git.notCommit(base));
  const out = gitOrFail(cwd, ["diff", "--name-only", "-z", "--diff-filter=ACMR", "--relative", "--no-renames", base, "--", ...pathspecs(inputs)], "--changed needs a git repository");
  return names(out);
}
