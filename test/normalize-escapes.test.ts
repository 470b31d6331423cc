// A control, bidi or invisible character written as an escape in a double-quoted value (`"\x9b"`)
// stays an escape when normalize rewrites the file: never a raw byte in the output, and the
// value reads back the same.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { normalizeBytes } from "../src/core/normalize/normalize.js";
import { loadSchema } from "../src/core/schema/schema.js";
import { ESCAPED_SET, hex, NEVER_RAW_PATTERN } from "./helpers/unsafe.js";

const schema = loadSchema();

function frontMatterOf(text: string): unknown {
  return parse(text.split("---\n")[1]!);
}

describe("normalize keeps escapes for control characters", () => {
  it.each(ESCAPED_SET.filter((ch) => ch !== "\t" && ch !== "\n").map((ch) => [hex(ch), ch]))("U+%s in a value and a key", (code) => {
    // `open: yes` makes the file change, so it is rewritten.
    const input = `---\nroles: "Dev \\u${code} x"\nopen: yes\ntitle: "\\u${code}"\n"k\\u${code}": "v"\n---\n\nTexte.\n`;
    const result = normalizeBytes("p.md", Buffer.from(input), { schema });
    expect(result.status).toBe("changed");
    if (result.status !== "changed") return;
    const output = Buffer.from(result.output).toString("utf8");
    expect(output).not.toMatch(NEVER_RAW_PATTERN);
    const before = frontMatterOf(input) as Record<string, unknown>;
    const after = frontMatterOf(output) as Record<string, unknown>;
    expect(after.roles).toBe(before.roles);
    expect(after[`k${String.fromCharCode(parseInt(code, 16))}`]).toBe("v");
  });

  it("the C1 CSI of issue 13 (`\\x9b`) stays `\\u009b`", () => {
    const result = normalizeBytes("p.md", Buffer.from('---\nroles: "Dev \\x9b31m"\nopen: yes\n---\n'), { schema, style: "canonical" });
    if (result.status !== "changed") throw new Error("should change");
    expect(Buffer.from(result.output).includes(Buffer.from([0xc2, 0x9b]))).toBe(false);
    expect(Buffer.from(result.output).toString("utf8")).toContain('roles: "Dev \\u009b31m"');
    // The default style leaves the line as written: an escape, never the raw byte.
    const minimal = normalizeBytes("p.md", Buffer.from('---\nroles: "Dev \\x9b31m"\nopen: yes\n---\n'), { schema });
    if (minimal.status !== "changed") throw new Error("should change");
    expect(Buffer.from(minimal.output).toString("utf8")).toBe('---\nroles: "Dev \\x9b31m"\nopen: true\n---\n');
  });
});
