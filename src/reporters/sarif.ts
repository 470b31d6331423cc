// SARIF 2.1.0 (OASIS), the format GitHub code scanning and other security dashboards import.
// Every finding code is a rule; every finding a result located by a relative, forward-slash URI
// (relative to the folder posting ran in, which should be the repository root).
// https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import { FINDING_CODES } from "../core/findings.js";
import type { Finding, FindingCode, WordedFinding } from "../core/findings.js";
import type { Catalog } from "../core/messages/word.js";
import { en, wordFinding } from "../core/messages/word.js";
import { stringifySafely } from "./json.js";
import { indented, reporterOf } from "./parts.js";
import type { Reporter, ReporterParts } from "./types.js";

export const SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

const RULE_INDEX = new Map<FindingCode, number>(FINDING_CODES.map((code, i) => [code, i]));

/** The SARIF log with no results; the results go between its `"results": [` and `]`. */
function skeleton(version: string | undefined, catalog: Catalog): string {
  return stringifySafely({
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "posting",
            ...(version ? { version, semanticVersion: version } : {}),
            informationUri: "https://www.npmjs.com/package/posting-toolkit",
            rules: FINDING_CODES.map((code) => ({
              id: code,
              shortDescription: { text: catalog.codes[code].summary },
            })),
          },
        },
        // Columns count UTF-16 code units, as findings do (and as SARIF assumes by default).
        columnKind: "utf16CodeUnits",
        results: [],
      },
    ],
  });
}

const RESULTS = '"results": [';

export const sarifParts: ReporterParts = {
  totalsFirst: false,
  header: (_totals, options) => {
    const text = skeleton(options.version, options.catalog ?? en);
    return text.slice(0, text.lastIndexOf(RESULTS) + RESULTS.length);
  },
  file: (result, options) => {
    let text = "";
    result.findings.forEach((f, i) => {
      text += `${i > 0 ? "," : ""}\n${indented(stringifySafely(sarifResult(f, options.catalog), "sarif").slice(0, -1), 8)}`;
    });
    return text;
  },
  separator: (before) => (before.findingCount > 0 ? "," : ""),
  footer: (totals, options) => {
    const text = skeleton(options.version, options.catalog ?? en);
    const rest = text.slice(text.lastIndexOf(RESULTS) + RESULTS.length + 1);
    return totals.findingCount === 0 ? `]${rest}` : `\n      ]${rest}`;
  },
};

export const sarif: Reporter = reporterOf(sarifParts);

function sarifResult(raw: Finding | WordedFinding, catalog: Catalog | undefined) {
  const f = wordFinding(raw, catalog);
  return {
    ruleId: f.code,
    ruleIndex: RULE_INDEX.get(f.code) ?? -1,
    level: f.severity === "error" ? "error" : "warning",
    message: { text: f.hint ? `${f.message} (${f.hint})` : f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: fileUri(f.file) },
          region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) },
        },
      },
    ],
    ...(f.fixable ? { properties: { fixable: true } } : {}),
  };
}

/** A relative path becomes a relative URI reference (each segment percent-encoded); an absolute one a file: URL. */
export function fileUri(file: string): string {
  // encodeURIComponent throws on a lone surrogate; a name can carry one through --stdin-filename.
  const wellFormed = file.replace(LONE_SURROGATE, "\uFFFD");
  if (isAbsolute(wellFormed)) return pathToFileURL(wellFormed).href;
  return wellFormed.split("/").map(encodeURIComponent).join("/");
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
