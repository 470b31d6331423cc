#!/usr/bin/env node
// Writes the fixtures whose bytes cannot be typed in an editor (UTF-16, Latin-1, BOM, CRLF, NUL
// bytes, an empty file). The files are committed; run this again only to change them:
//   node scripts/make-encoding-fixtures.mjs [output folder, default fixtures/lint]
// Each fixture's expected.json is written by hand, next to it, and is not touched here.
// test/lint-fixtures.test.ts runs it into a temporary folder and checks the committed bytes match.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "lint");

function write(caseName, bytes) {
  const dir = join(root, caseName);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "posting.md"), typeof bytes === "string" ? bytes : Buffer.from(bytes));
}

const lines = (...l) => `${l.join("\n")}\n`;
const utf16be = (text) => Buffer.from(text, "utf16le").swap16();
const concat = (...parts) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

// UTF-16LE with a BOM (what Windows Notepad used to call "Unicode"); `salaire` is unknown on line 4.
write(
  "encoding-utf16le-bom",
  concat([0xff, 0xfe], Buffer.from(lines("---", "roles: Développeur·se", "open: true", "salaire: 50 k€", "---", "", "Enregistré en UTF-16LE avec BOM."), "utf16le")),
);

// UTF-16BE with a BOM, CRLF line endings; `open: yes` on line 3, column 7.
write(
  "encoding-utf16be-bom",
  concat([0xfe, 0xff], utf16be(lines("---", "roles: Chargé·e de déploiement", "open: yes", "---", "", "Enregistré en UTF-16BE avec BOM.").replace(/\n/g, "\r\n"))),
);

// UTF-16LE without a BOM; trailing spaces on line 3 start at column 22.
write(
  "encoding-utf16le-nobom",
  Buffer.from(lines("---", "roles: Designer", "title: Offre de poste  ", "open: false", "---", "", "UTF-16LE sans BOM."), "utf16le"),
);

// Windows-1252 throughout: the first non-UTF-8 byte is the é (0xE9) of "Développeur", line 2
// column 9; 0x92 is Windows-1252's curly apostrophe.
write(
  "encoding-windows-1252",
  Buffer.from(lines("---", "roles: Développeur", "open: true", "title: L\u2019équipe recrute", "---", "", "Enregistré en Windows-1252."), "latin1").map((b, i, all) =>
    // latin1 cannot encode U+2019; put Windows-1252's byte for it.
    b === 0x19 && all[i - 1] === 0x4c ? 0x92 : b,
  ),
);

// Mostly UTF-8, with one Latin-1 é pasted in on line 4 after valid multi-byte characters: the column
// counts characters (É, –, ·), not bytes, so the bad byte is at line 4, column 21.
write(
  "encoding-invalid-utf8-mixed",
  concat(lines("---", "roles: Développeur·se", "open: true"), "title: \u00c9quipe \u2013 \u00b7 \u00e9t", [0xe9], lines("", "---", "", "Texte.")),
);

// A UTF-8 byte order mark; line numbers are unchanged (`open: yes` is still line 3, column 7).
write("encoding-utf8-bom", concat([0xef, 0xbb, 0xbf], lines("---", "roles: Développeur·se", "open: yes", "---", "", "UTF-8 avec BOM.")));

// Windows line endings: reported once (at the end of line 1), and positions stay right
// (trailing space at 3:18, unknown key at 5:1).
write(
  "line-endings-crlf",
  lines("---", "roles: Développeur·se", "title: Offre CRLF ", "open: true", "salaire: 45 k€", "---", "", "Fins de ligne Windows.").replace(/\n/g, "\r\n"),
);

// Old Mac line endings (CR only): told about them (end of line 1), and read with each CR as a
// line break, so `open: yes` is still found at 3:7.
write("line-endings-cr", lines("---", "roles: Développeur·se", "open: yes", "---", "", "Fins de ligne Mac.").replace(/\n/g, "\r"));

// A UTF-8 file whose last character is cut short (E2 82, two of the three bytes of `€`):
// broken UTF-8 at 6:14, not Windows-1252.
write("encoding-truncated-utf8", concat(lines("---", "roles: Développeur", "open: true", "---", ""), "Prime de 500 ", [0xe2, 0x82]));

// A PNG image saved with a .md name: the first NUL byte is on "line" 3, column 1.
write("file-binary", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01]);

// Text with one NUL byte in it (a bad copy and paste): line 2, column 10.
write("file-binary-nul-in-text", concat(lines("---"), "roles: De", [0x00], lines("v", "open: true", "---")));

// Zero bytes.
write("file-empty", []);

// Only white space (spaces, tabs, blank lines).
write("file-empty-whitespace", " \n\t\n\n   \n");
