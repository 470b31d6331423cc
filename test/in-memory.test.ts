// The core on text that is not on disk (an editor's unsaved buffer, standard input, a test): text
// gives exactly what its bytes give, and the cross-file checks ask a FileAccess, not the disk.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { FileAccess } from "../src/core/files/access.js";
import { checkCollections } from "../src/core/lint/collection.js";
import { lintBytes, lintPosting } from "../src/core/lint/lint.js";
import { loadConfig } from "../src/core/project/config.js";
import { loadSchema } from "../src/core/schema/schema.js";

const FIXTURES = resolve(import.meta.dirname, "../fixtures");

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith(".md") ? [path] : [];
  });
}

describe("lint on text", () => {
  const schema = loadSchema();
  // Text is the file decoded as UTF-8: only files that are valid UTF-8 read back to the same bytes.
  const utf8 = markdownFiles(FIXTURES).filter((path) => {
    const bytes = readFileSync(path);
    return Buffer.from(bytes.toString("utf8"), "utf8").equals(bytes);
  });

  it("finds what the bytes find, on every UTF-8 fixture", () => {
    expect(utf8.length).toBeGreaterThan(100);
    for (const path of utf8) {
      const bytes = readFileSync(path);
      expect(lintBytes(path, bytes.toString("utf8"), schema), path).toEqual(lintBytes(path, bytes, schema));
    }
  });

  it("reads an unsaved change: the text, not the file", () => {
    const path = join(FIXTURES, "postings", readdirSync(join(FIXTURES, "postings"))[0]!);
    const text = readFileSync(path, "utf8").replace(/^open: .*$/m, "open: peut-être");
    expect(lintPosting(path, text, schema).findings.map((f) => f.code)).toContain("SCHEMA_TYPE");
  });
});

describe("cross-file checks through a FileAccess", () => {
  const site = join(FIXTURES, "collection", "site");
  const posting = "content/_jobs/2026-05-11-designer.md"; // startup: startup-fantome, which has no page

  it("look for referenced files where the FileAccess says, not on the disk", async () => {
    const config = await loadConfig(site);
    const results = [{ file: posting, findings: [] }];
    const onDisk = await checkCollections(results, { cwd: site, config });
    expect(onDisk[0]!.findings.map((f) => f.code)).toContain("REFERENCE_MISSING");

    const asked: string[] = [];
    const withUnsavedPage: FileAccess = {
      isFile: (path) => {
        asked.push(path);
        return path === join(site, "content/_startups/startup-fantome.md");
      },
      read: async (path) => readFileSync(path),
    };
    const inEditor = await checkCollections(results, { cwd: site, config, files: withUnsavedPage });
    expect(asked).toContain(join(site, "content/_startups/startup-fantome.md"));
    expect(inEditor[0]!.findings.map((f) => f.code)).not.toContain("REFERENCE_MISSING");
  });

  it("read the posting again through it when its facts are not in hand", async () => {
    const config = await loadConfig(site);
    const unsaved = "---\nroles: Designer\nstartup: ma-cantine\nopen: true\n---\n\nTexte.\n";
    const files: FileAccess = { isFile: (path) => path.endsWith("ma-cantine.md"), read: async () => Buffer.from(unsaved) };
    const checked = await checkCollections([{ file: posting, findings: [] }], { cwd: site, config, files });
    expect(checked[0]!.findings.map((f) => f.code)).not.toContain("REFERENCE_MISSING");
  });
});
