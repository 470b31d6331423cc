// The value rules' hot path (spelledAsIs, textKeptAsIs) against the rules it skips: wherever it
// says a text is kept as it is, the full rules must keep it too, for every field of the schema.
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../bench/generate.mjs";
import { canonicalListItem, noChanges, planValue, scalarPlan, spelledAsIs, textKeptAsIs } from "../src/core/normalize/value-rules.js";
import { compileSchema, loadSchema } from "../src/core/schema/schema.js";
import type { FieldSpec } from "../src/core/schema/schema.js";
import { isYaml11BooleanWord } from "../src/core/read/yaml11.js";
import { splitCommaList } from "../src/core/words/comma-list.js";

const schema = loadSchema();
// The bundled schema has no enum outside a list, nor a date-time field: a small one adds them.
const other = compileSchema(
  {
    type: "object",
    properties: {
      niveau: { type: "string", enum: ["Junior", "Confirmé", "Senior"], "x-synonyms": { Junior: ["debutant", "débutant"], Senior: ["expert"] } },
      quand: { type: "string", format: "date-time" },
      jour: { type: "string", format: "date" },
      actif: { type: "boolean" },
      partenaire: { type: ["boolean", "string"] },
      tags: { type: "array", items: { type: "string", enum: ["a", "B"] } },
    },
  },
  "test",
);
const FIELDS: FieldSpec[] = [...schema.fields, ...other.fields];

/** Texts the rules treat differently: enum spellings and synonyms, yes/no words, dates, lists, white space, marks. */
function texts(): string[] {
  const enums = FIELDS.flatMap((f) => [...(f.enum ?? []).map(String), ...f.synonyms.keys()]);
  const fixed = [
    ...enums,
    ...enums.map((e) => e.toUpperCase()),
    ...enums.map((e) => `${e} `),
    ...enums.map((e) => e.normalize("NFD")),
    "yes", "No", "oui", "Non", "true", "FALSE", "on", "off", "1", "0", "vrai", "y",
    "24/06/2021", "06/07/2021", "31/02/2021", "24.06.2021", " 24/06/2021", "2021-06-24", "2021-06-24T10:00:00Z", "2021.5", "a/b", "v1.2",
    "a, b", "Dev, (A, B)", "(a, b", "a,", ",", "Design, Produit",
    "e\u0301t\u00e9", "été", "x ", "x\t", "x\u00a0", "x\u2028", "x\ufeff", "x\n", "x\ny", "\u3000x", "", " ", "0612345678", "12:30", "1e3", "~", "null",
  ];
  const pieces = ["a", "Z", "é", "e\u0301", "\u0301", "ü", "ß", "İ", " ", "\t", "\u00a0", "/", ".", ",", "-", "(", ")", "1", "24", "2021", "yes", "Design", "ux", "\u2066", "😀", "x"];
  const random = mulberry32(20);
  const generated = Array.from({ length: 4000 }, () => Array.from({ length: 1 + Math.floor(random() * 5) }, () => pieces[Math.floor(random() * pieces.length)]!).join(""));
  return [...fixed, ...generated];
}

describe("the value rules' hot path", () => {
  const all = texts();
  /** The texts `shortcut` keeps in each field that the full rules would not keep (`wrongly`), and how many it kept. */
  const disagreements = (shortcut: (text: string, field: FieldSpec) => boolean, wrongly: (text: string, field: FieldSpec) => boolean) => {
    const wrong: string[] = [];
    let kept = 0;
    for (const field of FIELDS) {
      for (const text of all) {
        if (!shortcut(text, field)) continue;
        kept++;
        if (wrongly(text, field)) wrong.push(`${field.key}: ${JSON.stringify(text)}`);
      }
    }
    return { wrong, kept };
  };

  it("keeps a list item only where canonicalListItem keeps it", () => {
    const { wrong, kept } = disagreements(spelledAsIs, (text, field) => canonicalListItem(text, field) !== text);
    expect(wrong).toEqual([]);
    expect(kept).toBeGreaterThan(1000);
  });

  it("keeps a scalar only where every rule keeps it (scalarPlan, the YAML 1.1 boolean words, unsplit lists)", () => {
    const { wrong, kept } = disagreements(textKeptAsIs, (text, field) => {
      const plan = scalarPlan(text, field);
      const yaml11Boolean = isYaml11BooleanWord(text) && field.types.includes("boolean");
      const unsplit = field.list && splitCommaList(text) === undefined;
      return plan?.kind !== "text" || plan.to !== text || plan.ambiguity !== undefined || yaml11Boolean || unsplit === true;
    });
    expect(wrong).toEqual([]);
    expect(kept).toBeGreaterThan(1000);
  });

  it("leaves to the full rules the texts they change, in every kind of field", () => {
    // Not a shortcut that never applies nor one that always does: each kind of rule is reached.
    const changed = (text: string, field: FieldSpec) => {
      const changes = noChanges();
      const fixes = planValue({ value: text, plain: false, offset: 0 }, field, changes);
      return fixes.length > 0 || changes.ambiguities.length > 0 || changes.unsplit.length > 0;
    };
    const field = (key: string) => schema.fieldsByKey.get(key)!;
    expect(changed("Design ", field("title"))).toBe(true);
    expect(changed("e\u0301t\u00e9", field("title"))).toBe(true);
    expect(changed("design", field("domaines"))).toBe(true);
    expect(changed("oui", field("open"))).toBe(true);
    expect(changed("yes", field("friend"))).toBe(false); // quoted: text, as written
    expect(planValue({ value: "yes", plain: true, offset: 0 }, field("friend"), noChanges())).toEqual([{ kind: "boolean", to: true }]);
    expect(planValue({ value: "Incubateur", plain: true, offset: 0 }, field("friend"), noChanges())).toEqual([]);
    expect(changed("24/06/2021", field("date"))).toBe(true);
    expect(changed("06/07/2021", field("date"))).toBe(true);
    expect(changed("a, b", field("techno"))).toBe(true);
    expect(changed("Design", field("title"))).toBe(false);
  });
});
