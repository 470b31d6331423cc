// Build-time only: ajv standalone code for the bundled schemas, as one ES module. The module
// exports a factory taking the formats (src/core/formats.ts), so custom formats such as
// `jekyll-date` stay in TypeScript, and the schema texts it was generated from (compared whole
// at run time: no hash to compute, so no node:crypto to load).
import { createRequire } from "node:module";
import { _ } from "ajv/dist/2020.js";
import { createAjv } from "./ajv.js";

// CommonJS with `module.exports = fn`: require() gives the function under any module setting.
const standaloneCode = createRequire(import.meta.url)("ajv/dist/standalone") as typeof import("ajv/dist/standalone/index.js").default;

export interface SchemaTexts {
  posting: string;
  config: string;
}

export function validatorModuleSource(texts: SchemaTexts): string {
  const ajv = createAjv({ code: { source: true, formats: _`formats` } });
  ajv.addSchema(JSON.parse(texts.posting) as object, "posting");
  ajv.addSchema(JSON.parse(texts.config) as object, "config");
  // CommonJS-style output, wrapped in a function: `exports` and `require` are provided below.
  const code = standaloneCode(ajv, { posting: "posting", config: "config" });

  const runtime = [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!))].sort();
  const imports = runtime.map((name, i) => `import * as runtime${i} from ${JSON.stringify(`${name}.js`)};`);
  const table = runtime.map((name, i) => `${JSON.stringify(name)}: runtime${i}`).join(", ");
  return [
    "// Generated from schemas/posting.schema.json and schemas/config.schema.json by `npm run build`",
    "// (src/core/validator-codegen.ts, ajv standalone code). Do not edit: test/validator.test.ts",
    "// fails when this file is out of date.",
    "/* eslint-disable */",
    ...imports,
    `const RUNTIME = { ${table} };`,
    "// ajv's runtime helpers are CommonJS `exports.default = fn`; loaders wrap that differently.",
    "function unwrap(m) {",
    "  while (m && typeof m !== \"function\" && m.default !== undefined) m = m.default;",
    "  return m;",
    "}",
    `export const SOURCE_TEXTS = ${JSON.stringify({ posting: texts.posting, config: texts.config })};`,
    "export function createValidators(formats) {",
    "  const exports = {};",
    "  const require = (name) => ({ default: unwrap(RUNTIME[name]) });",
    code,
    "  return exports;",
    "}",
    "",
  ].join("\n");
}
