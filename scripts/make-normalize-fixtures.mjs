#!/usr/bin/env node
// Writes the byte-exact encoding fixtures of fixtures/normalize/ (the files are committed; this
// script documents how they were made and can regenerate them).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "normalize");
const posting = [
  "---",
  "title: Chargée de mission « numérique responsable »",
  "roles: Chargé·e de mission",
  "open: true",
  "contrat: CDD – 2 ans, 45 000 €",
  "---",
  "",
  "L’équipe recherche une personne passionnée, prête à « œuvrer » pour l’intérêt général.",
  "",
].join("\n");
const latin1Safe = posting.replace("·", ".").replace(/[«»]/g, '"').replace("–", "-").replace("€", "EUR").replace(/’/g, "'").replace("œ", "oe");

function write(name, bytes) {
  const file = join(root, name, "input.md");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}

write("windows-1252", iconv.encode(posting.replace("·", "."), "windows-1252"));
write("latin1", iconv.encode(latin1Safe, "latin1"));
write("utf8-bom", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(posting)]));
write("utf16le-bom", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(posting, "utf16le")]));
write("utf16le-no-bom", Buffer.from(posting, "utf16le"));
const be = Buffer.from(posting, "utf16le");
be.swap16();
write("utf16be-bom", Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
write("crlf", Buffer.from(posting.replace(/\n/g, "\r\n")));
// 0x81 has no character in Windows-1252: normalize must refuse rather than guess.
write("undecodable", Buffer.concat([iconv.encode(latin1Safe.slice(0, 40), "windows-1252"), Buffer.from([0x81]), iconv.encode(latin1Safe.slice(40), "windows-1252")]));
// Body keeps its bytes: decomposed (NFD) file names, two trailing spaces, `---` lines, no final newline.
write(
  "body-preserved",
  Buffer.from(
    [
      "---",
      "roles: Développeur·se".normalize("NFD"),
      "open: true",
      "---",
      "Premier paragraphe avec un saut de ligne Markdown  ",
      "juste après.",
      "",
      "---",
      "",
      "![Capture d’écran](images/Capture d’écran.png)".normalize("NFD"),
      "",
      "---",
      "roles: pas une clé",
      "---",
      "",
      "",
    ].join("\n"),
  ),
);
// UTF-8 read as Windows-1252 and saved again as UTF-8, like a real posting in the seeds.
const garbled = (s) => iconv.decode(Buffer.from(s, "utf8"), "windows-1252");
write(
  "double-encoded",
  Buffer.from(
    [
      "---",
      `title: ${garbled("L’équipe recrute une personne chargée de déploiement")}`,
      `roles: ${garbled("Chargée de déploiement")}`,
      "open: false",
      "---",
      "",
      `${garbled("Écris-nous à l’adresse indiquée, nous répondons à tous les messages.")}`,
      "",
    ].join("\n"),
  ),
);
console.log(`fixtures written under ${root}`);
