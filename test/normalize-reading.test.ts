// normalizeBytes with the caller's reading (what lint passes) against normalizeBytes reading the
// file itself: the same result on every fixture, on their CRLF, BOM and garbled variants (where
// the reading must not serve), with --from-encoding and in both styles.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Buffer } from "node:buffer";
import { describe, expect, it } from "vitest";
import { normalizeBytes } from "../src/core/normalize/normalize.js";
import type { NormalizeOptions } from "../src/core/normalize/normalize.js";
import { readPosting } from "../src/core/read/read-posting.js";
import { loadSchema } from "../src/core/schema/schema.js";

const schema = loadSchema();

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith(".md") ? [path] : [];
  });
}

/** A file and the variants normalize reads as other text than their bytes. */
function variants(bytes: Buffer): Buffer[] {
  const text = bytes.toString("utf8");
  return [
    bytes,
    Buffer.from(text.replace(/\n/g, "\r\n"), "utf8"),
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]),
    Buffer.from(text.replace(/^(title|roles): .*$/m, "$1: CafÃ© Ã©tÃ©"), "utf8"),
  ];
}

/** What a caller sees of its reading: the findings, whether the document was read, and the document's text. */
function snapshot(reading: ReturnType<typeof readPosting>) {
  return { findings: reading.parsed.findings.length, read: reading.parsed.frontMatter !== undefined, doc: docText(reading.parsed.frontMatter?.doc) };
}

function docText(doc: { toString(): string } | undefined): string | undefined {
  try {
    return doc?.toString();
  } catch (error) {
    return `unprintable: ${(error as Error).message}`; // an alias before its anchor
  }
}

describe("normalizeBytes with the caller's reading", () => {
  // The files the full reader reads (the only readings that can serve), and a tenth of the others.
  const files = markdownFiles(join(import.meta.dirname, "..", "fixtures")).filter((file, i) => i % 10 === 0 || readPosting(file, readFileSync(file)).frontMatter?.simple === undefined);
  const optionSets: NormalizeOptions[] = [{ schema }, { schema, verify: false }, { schema, style: "canonical" }, { schema, fromEncoding: "windows-1252" }, { schema, fullParse: true } as NormalizeOptions];

  it("gives what it gives reading the file itself", () => {
    let aliases = 0;
    for (const file of files) {
      for (const bytes of variants(readFileSync(file))) {
        for (const options of optionSets) {
          const reading = readPosting(file, bytes, options);
          if (reading.frontMatter?.hasAliases()) aliases++;
          const alone = normalizeBytes(file, bytes, options);
          const before = snapshot(reading);
          const given = normalizeBytes(file, bytes, options, reading);
          const where = `${file} ${JSON.stringify({ ...options, schema: undefined })}`;
          expect(given, where).toEqual(alone);
          // The caller goes on with its reading (lint): normalize leaves it as it was.
          expect(snapshot(reading), where).toEqual(before);
        }
      }
    }
    expect(files.length).toBeGreaterThan(50);
    expect(aliases).toBeGreaterThan(20);
  });
});
