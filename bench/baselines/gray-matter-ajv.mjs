// Baseline: the script one would write by hand: gray-matter for the front matter, ajv (with
// ajv-formats and the jekyll-date format) for the schema, one file after the other. gray-matter's
// js/javascript/coffee engines are disabled (they evaluate code), which also turns off its
// unbounded cache of every input.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import matter from "gray-matter";

const schema = JSON.parse(readFileSync(fileURLToPath(new URL("../../schemas/posting.schema.json", import.meta.url)), "utf8"));
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
addFormats.default(ajv);
ajv.addFormat("jekyll-date", /^\d{4}-\d{2}-\d{2}/);
const validate = ajv.compile(schema);
const refuse = () => {
  throw new Error("code in front matter is not evaluated");
};
const options = { engines: { js: refuse, javascript: refuse, coffee: refuse } };

let files = 0;
let problems = 0;
const pending = process.argv.slice(2);
while (pending.length > 0) {
  const dir = pending.pop();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) pending.push(path);
    else if (entry.name.endsWith(".md")) {
      files++;
      try {
        const { data } = matter(readFileSync(path, "utf8"), options);
        // js-yaml turns dates into Date objects; the site reads them as text.
        for (const [k, v] of Object.entries(data)) if (v instanceof Date) data[k] = v.toISOString().slice(0, 10);
        if (!validate(data)) problems += validate.errors.length;
      } catch {
        problems++;
      }
    }
  }
}
console.log(`${files} files, ${problems} problems`);
process.exitCode = problems > 0 ? 1 : 0;
