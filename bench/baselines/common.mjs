// What the baselines share, so each differs from the others only in what it measures: the walk
// (every *.md file under the given folders, depth first), the one ajv validator of the bundled
// schema, and dates as the site reads them.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The path of every *.md file under `dirs`. */
export function* markdownFiles(dirs) {
  const pending = [...dirs];
  while (pending.length > 0) {
    const dir = pending.pop();
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.name.endsWith(".md")) yield path;
    }
  }
}

/** One ajv validator (with ajv-formats and the jekyll-date format) of the bundled schema. */
export async function bundledValidator() {
  const { default: Ajv2020 } = await import("ajv/dist/2020.js");
  const { default: addFormats } = await import("ajv-formats");
  const schema = JSON.parse(readFileSync(fileURLToPath(new URL("../../schemas/posting.schema.json", import.meta.url)), "utf8"));
  const ajv = new Ajv2020.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  ajv.addFormat("jekyll-date", /^\d{4}-\d{2}-\d{2}/);
  return ajv.compile(schema);
}

/** js-yaml turns dates into Date objects; the site reads them as text. */
export function datesAsText(data) {
  for (const [k, v] of Object.entries(data)) if (v instanceof Date) data[k] = v.toISOString().slice(0, 10);
  return data;
}
