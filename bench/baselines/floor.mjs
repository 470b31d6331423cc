// Floor: what any front matter checker must do, and nothing else: walk the folders, read every
// *.md file, split off the front matter, parse it with js-yaml and run one ajv validator (the
// bundled schema) over it. No positions, encodings, garbled text, fixes or messages.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import yaml from "js-yaml";

const schema = JSON.parse(readFileSync(fileURLToPath(new URL("../../schemas/posting.schema.json", import.meta.url)), "utf8"));
const ajv = new Ajv2020.default({ allErrors: true, strict: false });
addFormats.default(ajv);
ajv.addFormat("jekyll-date", /^\d{4}-\d{2}-\d{2}/);
const validate = ajv.compile(schema);

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
      const text = readFileSync(path, "utf8");
      const end = text.startsWith("---\n") ? text.indexOf("\n---", 3) : -1;
      if (end === -1) {
        problems++;
        continue;
      }
      try {
        const data = yaml.load(text.slice(4, end + 1));
        if (data === null || typeof data !== "object") {
          problems++;
          continue;
        }
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
