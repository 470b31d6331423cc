// The small ideas behind `posting new` (issue 17), each one function: dates as typed, the near miss,
// template placeholders, the startups a reference names, and French spacing.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findPlaceholders, sectionsToFill } from "../src/core/lint/placeholders.js";
import { readTemplate, bundledTemplatePath, renderBody } from "../src/core/scaffold/scaffold.js";
import { referenceProblem, referenceValues } from "../src/core/scaffold/references.js";
import { labelled, typeset } from "../src/core/scaffold/typography.js";
import { nearMiss } from "../src/core/words/near-miss.js";
import { readTypedDate } from "../src/core/words/typed-date.js";

describe("readTypedDate: one rule for prompts, flags and --from-json", () => {
  it.each([
    ["05/06/2026", "fr", { kind: "date", value: "2026-06-05" }],
    ["15/12/2026", "fr", { kind: "date", value: "2026-12-15" }],
    ["5.6.2026", "fr", { kind: "date", value: "2026-06-05" }],
    ["05-06-2026", "fr", { kind: "date", value: "2026-06-05" }],
    ["29/02/2028", "fr", { kind: "date", value: "2028-02-29" }],
    ["31/02/2026", "fr", { kind: "unreal", iso: "2026-02-31" }],
    ["12/13/2026", "fr", { kind: "unreal", iso: "2026-13-12" }],
    ["2026-11-20", "fr", { kind: "date", value: "2026-11-20" }],
    ["2026-11-20", "en", { kind: "date", value: "2026-11-20" }],
    ["2021-07-13T17:01:57Z", "en", { kind: "date", value: "2021-07-13T17:01:57Z" }],
    ["2026-02-30", "en", { kind: "unreal", iso: "2026-02-30" }],
    ["05/06/2026", "en", { kind: "day-month-order" }],
    ["15/12/2026", "en", { kind: "day-month-order" }],
    ["demain", "fr", { kind: "not-a-date" }],
    ["2026/11/20", "fr", { kind: "not-a-date" }],
    ["1/2/26", "fr", { kind: "not-a-date" }],
  ] as const)("%j in %s", (text, lang, expected) => {
    expect(readTypedDate(text, lang)).toEqual(expected);
  });
});

describe("nearMiss: lint's rule for 'did you mean'", () => {
  const startups = ["aides-jeunes", "ma-cantine-egalim", "mes-aides", "itou"];
  it.each([
    ["mes-aide", "mes-aides"],
    ["mes-aids", "mes-aides"],
    ["Mes-Aides", "mes-aides"],
    ["aides-jeune", "aides-jeunes"],
    ["itu", "itou"],
    ["ma-cantine", undefined],
    ["zzz", undefined],
    ["", undefined],
  ])("%j -> %j", (typed, expected) => {
    expect(nearMiss(typed, startups)).toBe(expected);
  });
});

describe("findPlaceholders", () => {
  it("finds what the bundled templates leave, in both languages, with the sections to fill", async () => {
    for (const lang of ["fr", "en"] as const) {
      const body = renderBody(await readTemplate(bundledTemplatePath(lang)), { roles: "Dev", startup: "ma-cantine" });
      const found = findPlaceholders(body);
      expect(found.map((p) => p.kind)).toEqual(["comment", "instruction", "instruction", "instruction", "instruction", "instruction", "instruction", "instruction", "instruction"]);
      expect(sectionsToFill(body)).toHaveLength(5);
      // Once every bracket and the comment are replaced, nothing is left.
      const done = body.replace(/<!--.*-->\n/, "").replace(/\[[^\]\n]*\]/g, "texte");
      expect(findPlaceholders(done)).toEqual([]);
    }
  });

  it("leaves links, references, footnotes, tasks, short brackets and code alone", () => {
    const body = [
      "Voir [le guide](https://example.gouv.fr) et [la charte][charte].",
      "[Postuler ici](https://example.gouv.fr/postuler)",
      "[charte]: https://example.gouv.fr/charte",
      "[^1]: une note",
      "- [ ] relire la charte",
      "- [x] préparer les ateliers",
      "Salaire : 45 k€ [1]",
      "[EN]",
      "```",
      "[Présentez la structure.]",
      "```",
      "Texte [entre crochets] au milieu d'une phrase.",
      "<!-- un commentaire du site -->",
    ].join("\n");
    expect(findPlaceholders(body)).toEqual([]);
  });

  it("leaves a shortcut reference link with its definition and a GitHub alert marker alone, not an undefined bracket line", () => {
    const body = ["[Lire la  suite]", "", "[!IMPORTANT]", "[Présentez la structure]", "", "[lire la suite]: https://example.gouv.fr/suite"].join("\n");
    expect(findPlaceholders(body).map((p) => [p.line, p.text])).toEqual([[4, "Présentez la structure"]]);
  });

  it("gives the line and column, and the section above", () => {
    const body = "\n## Mission\n\n   [Ce que fera la personne.]\n\n- Lieu : [ville]\n";
    expect(findPlaceholders(body)).toEqual([
      { line: 4, column: 4, kind: "instruction", text: "Ce que fera la personne.", section: "Mission" },
      { line: 6, column: 10, kind: "instruction", text: "ville", section: "Mission" },
    ]);
  });

  it("is bounded: a long line costs one look, a long instruction is cut", () => {
    const long = `[${"Présentez ".repeat(10_000)}]`;
    const [found] = findPlaceholders(long);
    expect(found?.text.length).toBeLessThanOrEqual(60);
    expect(findPlaceholders(`${"x".repeat(200_000)}[`)).toEqual([]);
    const [emoji] = findPlaceholders(`[abc ${"🙂".repeat(100)}]`);
    expect(emoji?.text).toMatch(/^abc (?:🙂)+…$/u);
  });
});

describe("referenceValues: the startups there are", () => {
  const root = mkdtempSync(join(tmpdir(), "posting-refs-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const folder = join(root, "_startups");
  mkdirSync(join(folder, "a-folder.md"), { recursive: true });
  for (const name of ["mes-aides.md", "itou.md", "notes.txt", ".md"]) writeFileSync(join(folder, name), "---\n---\n");
  symlinkSync(join(folder, "itou.md"), join(folder, "lien.md"));
  const refs = referenceValues({ key: "startup", template: join(folder, "{value}.md"), written: "_startups/{value}.md" })!;

  it("lists the files of the folder that match, sorted; not folders, not other extensions", () => {
    expect(refs.values).toEqual(["itou", "lien", "mes-aides"]);
  });

  it("checks a value on disk and suggests the near miss", () => {
    expect(referenceProblem(refs, "mes-aides")).toBeUndefined();
    expect(referenceProblem(refs, "mes-aide")).toEqual({ expected: "_startups/mes-aide.md", suggestion: "mes-aides" });
    expect(referenceProblem(refs, "a-folder")).toEqual({ expected: "_startups/a-folder.md" });
    expect(referenceProblem(refs, "../_startups/itou")).toEqual({ expected: "_startups/../_startups/itou.md" });
  });

  it("is bounded", () => {
    expect(referenceValues({ key: "startup", template: join(folder, "{value}.md"), written: "" }, 1)!.values).toHaveLength(1);
  });

  it("knows nothing of a path with {value} in a folder name, and of a folder that does not exist", () => {
    expect(referenceValues({ key: "startup", template: join(root, "{value}", "index.md"), written: "" })).toBeUndefined();
    expect(referenceValues({ key: "startup", template: join(root, "nope", "{value}.md"), written: "" })!.values).toEqual([]);
  });
});

describe("typeset: French spacing, only where a space is", () => {
  it.each([
    ["Créer ce fichier ?", "Créer ce fichier\u202F?"],
    ["Interrompu : rien n'a été écrit.", "Interrompu\u00A0: rien n'a été écrit."],
    ["écrit ; vouliez-vous dire ! ?", "écrit\u202F; vouliez-vous dire\u202F!\u202F?"],
    ["« mes-aides »", "«\u00A0mes-aides\u00A0»"],
    ["https://example.gouv.fr, 10:30", "https://example.gouv.fr, 10:30"],
  ])("%j", (text, expected) => {
    expect(typeset(text, "fr")).toBe(expected);
    expect(typeset(text, "en")).toBe(text);
  });

  it("labels a value", () => {
    expect(labelled("Fichier", "a.md", "fr")).toBe("Fichier\u00A0: a.md");
    expect(labelled("File", "a.md", "en")).toBe("File: a.md");
  });
});
