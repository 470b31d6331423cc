// The precompiled validator (src/generated/posting-validator.js) must be what ajv generates from
// the schemas as they are now, and must judge postings exactly as a runtime-compiled one does.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createAjv } from "../src/core/schema/ajv.js";
import { parsePosting } from "../src/core/read/posting.js";
import { precompiledConfigValidator, precompiledPostingValidator } from "../src/core/schema/precompiled.js";
import { BUNDLED_SCHEMA_PATH, loadSchema } from "../src/core/schema/schema.js";
import { validatorModuleSource } from "../src/core/schema/validator-codegen.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const read = (path: string) => readFileSync(join(root, path), "utf8");

describe("precompiled schema validator", () => {
  it("is up to date with schemas/posting.schema.json and schemas/config.schema.json (run `npm run build`)", () => {
    const fresh = validatorModuleSource({ posting: read("schemas/posting.schema.json"), config: read("schemas/config.schema.json") });
    expect(read("src/generated/posting-validator.js") === fresh, "src/generated/posting-validator.js is out of date: run `npm run build`").toBe(true);
  });

  it("is the validator loadSchema uses for the bundled schema, and only for its exact text", () => {
    const text = readFileSync(BUNDLED_SCHEMA_PATH, "utf8");
    expect(precompiledPostingValidator(text)).toBeTypeOf("function");
    expect(loadSchema().validate).toBe(precompiledPostingValidator(text));
    expect(precompiledPostingValidator(`${text} `)).toBeUndefined();
    expect(precompiledConfigValidator(read("schemas/config.schema.json"))).toBeTypeOf("function");
  });

  it("gives the same verdict and errors as ajv compiling the schema at runtime", () => {
    const schemaJson = JSON.parse(readFileSync(BUNDLED_SCHEMA_PATH, "utf8")) as object;
    const runtime = createAjv().compile(schemaJson);
    const precompiled = loadSchema().validate;
    const files = [
      ...readdirSync(join(root, "fixtures/postings")).map((name) => join(root, "fixtures/postings", name)),
      ...readdirSync(join(root, "fixtures/lint")).map((name) => join(root, "fixtures/lint", name, "posting.md")),
    ];
    let compared = 0;
    for (const file of files) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        continue; // scenarios without a posting.md (an unreadable file, a folder)
      }
      const data = parsePosting(file, bytes).frontMatter?.data;
      if (!data) continue;
      expect(precompiled(data), file).toBe(runtime(data));
      expect(precompiled.errors ?? null, file).toEqual(runtime.errors ?? null);
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });
});
