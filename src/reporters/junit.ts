// JUnit XML for CI systems that show test reports (GitLab, Jenkins, Azure Pipelines, CircleCI):
// one test suite, one test case per file, one <failure> per error. Warnings go to the case's
// <system-out>, so they are visible without failing it.
import type { WordedFinding } from "../core/findings.js";
import { wordFindings } from "../core/messages/word.js";
import { escapeInline, escapeUnsafe } from "../core/sanitize.js";
import { linesOf, reporterOf } from "./parts.js";
import type { Reporter, ReporterParts } from "./types.js";

export const junitParts: ReporterParts = {
  totalsFirst: true,
  header: (totals) =>
    linesOf([
      `<?xml version="1.0" encoding="UTF-8"?>`,
      `<testsuites name="posting lint" tests="${totals.fileCount}" failures="${totals.failedFileCount}" errors="0">`,
      `  <testsuite name="posting lint" tests="${totals.fileCount}" failures="${totals.failedFileCount}" errors="0" skipped="0">`,
    ]),
  file: (result, options) => {
    const file = xmlAttribute(result.file);
    const findings = wordFindings(result.findings, options.catalog);
    const errors = findings.filter((f) => f.severity === "error");
    const warnings = findings.filter((f) => f.severity === "warning");
    if (errors.length === 0 && warnings.length === 0) return linesOf([`    <testcase classname="posting" name="${file}" file="${file}"/>`]);
    const lines = [`    <testcase classname="posting" name="${file}" file="${file}">`];
    for (const f of errors) {
      lines.push(`      <failure type="${xmlAttribute(f.code)}" message="${xmlAttribute(f.message)}">${xmlText(describe(f))}</failure>`);
    }
    if (warnings.length > 0) lines.push(`      <system-out>${xmlText(warnings.map(describe).join("\n"))}</system-out>`);
    lines.push(`    </testcase>`);
    return linesOf(lines);
  },
  footer: () => linesOf([`  </testsuite>`, `</testsuites>`]),
};

export const junit: Reporter = reporterOf(junitParts);

function describe(f: WordedFinding): string {
  // Each part stays on its line (a line break in a file name or a key must not start a line of the log).
  const line = (text: string) => escapeInline(text, "junit");
  return `${line(f.file)}:${f.line}:${f.column} ${f.severity} ${f.code}: ${line(f.message)}${f.hint ? `\n  → ${line(f.hint)}` : ""}`;
}

// Not allowed anywhere in XML 1.0, even as a character reference: C0 controls but tab, LF and CR,
// lone surrogates, U+FFFE and U+FFFF. They are dropped.
// Lone surrogates and U+FFFE/U+FFFF are not XML characters: dropped. The rest goes through the
// one escaper, whose XML form drops the C0 controls XML 1.0 forbids and writes the other unsafe
// characters as character references (parsers read the same text, a terminal acts on nothing).
const ILLEGAL_IN_XML = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const charRef = (ch: string) => `&#x${ch.charCodeAt(0).toString(16).toUpperCase()};`;

/** Element content: markup characters escaped, illegal characters dropped. */
export function xmlText(text: string): string {
  return escapeUnsafe(text.replace(ILLEGAL_IN_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"), "xml", "junit");
}

/** Attribute value (always double-quoted): also quotes, and line breaks and tabs kept as references. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/[\t\n\r]/g, charRef);
}
