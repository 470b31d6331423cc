// How discovered files are named to the user: relative to the working folder when inside it
// (with `/` on every system), absolute otherwise; the quick prefix cut must agree with relative().
import { relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { displayPath } from "../src/core/files/targets.js";

describe("displayPath", () => {
  const cwd = "/work/site";
  it.each([
    ["/work/site/content/_jobs/2026-01-12-dev.md", "content/_jobs/2026-01-12-dev.md"],
    ["/work/site/a.md", "a.md"],
    ["/work/site/.hidden/a.md", ".hidden/a.md"],
    ["/work/site/x/../a.md", "a.md"],
    ["/work/sites/a.md", "/work/sites/a.md"],
    ["/work/a.md", "/work/a.md"],
    ["/elsewhere/a.md", "/elsewhere/a.md"],
    ["/work/site", "/work/site"],
  ])("%s is shown as %s", (path, shown) => {
    if (sep !== "/") return; // the cases are POSIX paths
    expect(displayPath(path, cwd)).toBe(shown);
    expect(displayPath(path, `${cwd}/`)).toBe(shown);
    const rel = relative(cwd, path);
    expect(shown).toBe(rel === "" || rel.startsWith("..") ? path : rel);
  });
});
