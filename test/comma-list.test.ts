// One rule for comma-separated text, in normalize (list fields) and in `posting new` (typed
// answers): commas outside brackets and parentheses separate items; text with commas whose
// brackets do not pair up is not split (normalize leaves it, with COMMA_LIST_UNBALANCED).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { lintBytes } from "../src/core/lint/lint.js";
import { splitCommaList } from "../src/core/words/comma-list.js";
import { normalizeBytes } from "../src/core/normalize/normalize.js";
import { parseText, splitList } from "../src/core/scaffold/answers.js";
import { loadSchema } from "../src/core/schema/schema.js";
import { wordFindings } from "../src/core/messages/word.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const schema = loadSchema();
const fixture = (name: string) => readFileSync(join(ROOT, "fixtures", "normalize", name, "input.md"));

describe("splitCommaList", () => {
  it.each([
    ["React, NodeJS", ["React", "NodeJS"]],
    [" a ,, b ,", ["a", "b"]],
    ["Stack Web (Vue, Nuxt) + Go", ["Stack Web (Vue, Nuxt) + Go"]],
    ["Front (Vue, Nuxt) + API [Go, gRPC], Terraform", ["Front (Vue, Nuxt) + API [Go, gRPC]", "Terraform"]],
    ["{a, b}, (c, [d, e]), f", ["{a, b}", "(c, [d, e])", "f"]],
    ["Python", ["Python"]],
    ["Vue (3", ["Vue (3"]], // no comma: one item, whatever the brackets
    ["", []],
  ])("%j → %j", (text, items) => {
    expect(splitCommaList(text)).toEqual(items);
  });

  it.each([["Outils (Jira, Confluence"], ["a), (b"], ["a, b]"], ["(a, b]"], ["[a, (b], c)"]])("%j: brackets do not pair up, not split", (text) => {
    expect(splitCommaList(text)).toBeUndefined();
  });
});

describe("posting new reads lists by the same rule", () => {
  const techno = schema.fieldsByKey.get("techno")!;

  it("splits typed answers on top-level commas only; semicolons are text", () => {
    expect(splitList("Front (Vue, Nuxt), Go; Rust")).toEqual(["Front (Vue, Nuxt)", "Go; Rust"]);
    expect(parseText(techno, "Stack Web (Vue, Nuxt) + Go, Python", schema, "fr")).toEqual({ ok: true, value: ["Stack Web (Vue, Nuxt) + Go", "Python"] });
  });

  it("keeps an answer whose brackets do not pair up as one item", () => {
    expect(splitList("Outils (Jira, Confluence")).toEqual(["Outils (Jira, Confluence"]);
  });
});

describe("normalize and lint on comma lists", () => {
  it("brackets: the list is split outside them, and lint promised exactly that", () => {
    const input = fixture("comma-list-brackets");
    const value = wordFindings(lintBytes("x.md", input, schema)).find((f) => f.code === "NORMALIZE_VALUE");
    expect(value).toMatchObject({ fixable: true, path: "techno" });
    expect(value?.message).toContain("[Front web (Vue, Nuxt) + API [Go, gRPC], Terraform, {Ansible, Packer}]");
  });

  it("unbalanced brackets: no change, a warning that says why, nothing fixable", () => {
    const input = fixture("comma-list-unbalanced");
    expect(normalizeBytes("x.md", input, { schema })).toMatchObject({ status: "unchanged", findings: [{ code: "COMMA_LIST_UNBALANCED", line: 5, column: 9 }] });
    const findings = lintBytes("x.md", input, schema);
    expect(findings).toMatchObject([{ code: "COMMA_LIST_UNBALANCED", severity: "warning", line: 5, column: 9, path: "techno" }]);
    expect(findings[0]?.fixable).toBeUndefined();
  });

  it("unbalanced brackets in a list-only field: the type error's hint does not send to normalize", () => {
    const bytes = Buffer.from("---\nroles: Dev\nopen: true\ndomaines: Produit (Design, Animation\n---\n");
    const findings = wordFindings(lintBytes("x.md", bytes, schema));
    const type = findings.find((f) => f.path === "domaines");
    expect(type?.code).toBe("SCHEMA_TYPE");
    expect(type?.fixable).toBeUndefined();
    expect(type?.hint).toContain("brackets do not pair up");
    expect(findings.map((f) => f.code)).not.toContain("COMMA_LIST_UNBALANCED"); // said once
    expect(normalizeBytes("x.md", bytes, { schema }).status).toBe("unchanged");
  });

  it("NFD text in a comma list becomes NFC items", () => {
    const result = normalizeBytes("x.md", fixture("nfd-comma-list"), { schema, style: "canonical" });
    expect(result.status).toBe("changed");
    if (result.status !== "changed") return;
    expect(result.after).toContain("  - Sécurité\n");
    expect(result.after.normalize("NFC")).toBe(result.after);
  });

  it("an alias equal to its key once coerced is merged, not a conflict", () => {
    const input = fixture("alias-equal-once-coerced");
    const result = normalizeBytes("x.md", input, { schema });
    expect(result).toMatchObject({ status: "changed", findings: [] });
    if (result.status !== "changed") return;
    expect(result.after).not.toContain("domaine:");
    expect(lintBytes("x.md", input, schema).map((f) => f.code)).not.toContain("ALIAS_CONFLICT");
    // Values that differ once coerced are still a conflict.
    const conflict = Buffer.from("---\nroles: Dev\nopen: true\ndomaine: Design\ndomaines: [Produit]\n---\n");
    expect(normalizeBytes("x.md", conflict, { schema }).findings.map((f) => f.code)).toEqual(["ALIAS_CONFLICT"]);
  });
});
