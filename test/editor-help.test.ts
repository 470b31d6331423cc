// Editor help comes from the schemas themselves: an $id, and for every key a title, a description
// and examples that the schema accepts (editors show them on hover and in completions).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createAjv } from "../src/core/schema/ajv.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const read = (name: string) => JSON.parse(readFileSync(join(ROOT, "schemas", name), "utf8")) as { $id: string; title: string; properties: Record<string, Record<string, unknown>> };
const posting = read("posting.schema.json");
const config = read("config.schema.json");

describe("schemas/posting.schema.json", () => {
  const validate = createAjv().compile(posting);
  const base = { roles: "Développeur·se", open: true };

  it("has an $id and a title", () => {
    expect(posting.$id).toBe("urn:posting-toolkit:schema:posting");
    expect(posting.title).toBeTruthy();
  });

  it.each(Object.keys(posting.properties))("%s: title, description and examples the schema accepts", (key) => {
    const property = posting.properties[key]!;
    expect(property.title, key).toEqual(expect.any(String));
    expect(property.description, key).toEqual(expect.any(String));
    expect(property.examples, key).toEqual(expect.any(Array));
    for (const example of property.examples as unknown[]) {
      expect(validate({ ...base, [key]: example }), `${key}: ${JSON.stringify(example)} ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});

describe("schemas/config.schema.json", () => {
  it("has an $id, and a description for every setting", () => {
    expect(config.$id).toBe("urn:posting-toolkit:schema:config");
    for (const [key, property] of Object.entries(config.properties)) expect(property.description, key).toEqual(expect.any(String));
  });

  it("accepts what `posting init` writes, with $schema for editors", () => {
    const validate = createAjv().compile(config);
    const written = { $schema: "./node_modules/posting-toolkit/schemas/config.schema.json", content: ["content/_jobs"], fileName: "YYYY-MM-DD-slug.md", references: { startup: "content/_startups/{value}.md" } };
    expect(validate(written), JSON.stringify(validate.errors)).toBe(true);
  });
});
