// Floor: what any front matter checker must do, and nothing else: walk the folders, read every
// *.md file, split off the front matter, parse it with js-yaml and run one ajv validator (the
// bundled schema) over it. No positions, encodings, garbled text, fixes or messages.
import { readFileSync } from "node:fs";
import yaml from "js-yaml";
import { bundledValidator, datesAsText, markdownFiles } from "./common.mjs";

const validate = await bundledValidator();

let files = 0;
let problems = 0;
for (const path of markdownFiles(process.argv.slice(2))) {
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
    if (!validate(datesAsText(data))) problems += validate.errors.length;
  } catch {
    problems++;
  }
}
console.log(`${files} files, ${problems} problems`);
process.exitCode = problems > 0 ? 1 : 0;
