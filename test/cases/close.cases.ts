// `posting close` from the command line, on fixtures/edit/close: a stale open posting, a future
// one, and one closed already (`open: no`, which Jekyll reads as false).
import { readFileSync } from "node:fs";
import type { CliCase } from "./case.js";

const CLOSE = "fixtures/edit/close";
const text = (name: string) => readFileSync(new URL(`../../${CLOSE}/${name}`, import.meta.url), "utf8");
const OLD = text("2020-01-01-ancienne.md");
const FUTURE = text("2099-01-01-future.md");
const CLOSED = text("2020-02-01-fermee.md");

export const CLOSE_CASES: CliCase[] = [
  {
    name: "--stale 30 --write closes the stale open posting only; the closed one is left as written",
    args: ["close", "--stale", "30", "--write", "."],
    cwd: CLOSE,
    copy: true,
    exitCode: 0,
    spawn: true,
    stdout: { equals: "closed 2020-01-01-ancienne.md: open: true → false\n" },
    stderr: { equals: "1 posting selected: 1 closed, 0 already closed\n" },
    files: { "2020-01-01-ancienne.md": { equals: OLD.replace("open: true   #", "open: false   #") }, "2099-01-01-future.md": { equals: FUTURE }, "2020-02-01-fermee.md": { equals: CLOSED } },
  },
  {
    name: "paths without a filter: a posting closed already is untouched",
    args: ["close", "2020-02-01-fermee.md", "2099-01-01-future.md", "--check"],
    cwd: CLOSE,
    exitCode: 1,
    stdout: { equals: "2099-01-01-future.md\n" },
    stderr: { equals: "2 postings selected: 1 would change, 1 already closed\n" },
  },
  { name: "neither a path nor a filter: refused, use --all", args: ["close"], cwd: CLOSE, exitCode: 2, stderr: { includes: ["--all closes every posting"] } },
  {
    name: "a schema's x-close with a closing date sets the day",
    args: ["close", "--all", "--schema", "schema.json", "--check", "a.md"],
    layout: {
      "schema.json": JSON.stringify({ type: "object", "x-close": { set: { statut: "pourvu" }, date: "ferme_le" }, properties: { statut: { type: "string", enum: ["ouvert", "pourvu"] }, ferme_le: { type: "string", format: "date" } } }),
      "a.md": "---\nstatut: ouvert\n---\n",
    },
    exitCode: 1,
    stdout: { equals: "a.md\n" },
  },
  {
    name: "--write sets the schema's closing values and today's date in schema order",
    args: ["close", "--all", "--schema", "schema.json", "--write", "a.md"],
    layout: {
      "schema.json": JSON.stringify({ type: "object", "x-close": { set: { statut: "pourvu" }, date: "ferme_le" }, properties: { statut: { type: "string", enum: ["ouvert", "pourvu"] }, ferme_le: { type: "string", format: "date" }, titre: { type: "string" } } }),
      "a.md": "---\n# suivi\nstatut: ouvert # à jour\ntitre: Coach\n---\nCorps.\n",
    },
    exitCode: 0,
    stdout: { matches: [/^closed a\.md: statut: ouvert → pourvu; ferme_le: added \d{4}-\d{2}-\d{2}\n$/] },
    files: { "a.md": { matches: [/^---\n# suivi\nstatut: pourvu # à jour\nferme_le: \d{4}-\d{2}-\d{2}\ntitre: Coach\n---\nCorps\.\n$/] } },
  },
  {
    name: "a bad x-close stops the run naming the schema",
    args: ["close", "--all", "--schema", "schema.json", "a.md"],
    layout: { "schema.json": JSON.stringify({ type: "object", "x-close": { set: { nope: 1 } }, properties: { statut: { type: "string" } } }), "a.md": "---\nstatut: ouvert\n---\n" },
    exitCode: 2,
    stderr: { includes: ['schema.json: a bad "x-close": "set" names `nope`, which is not a property of the schema'] },
  },
];
