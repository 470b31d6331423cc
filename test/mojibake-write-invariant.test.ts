// normalize checks, before anything is written, that the repaired text is the input with the
// reported mojibake spans replaced and nothing else. Here repairMojibake is replaced by a broken
// one (it drops a line outside its spans, as overlapping edits once did): normalize must refuse.
import { describe, expect, it, vi } from "vitest";
import { normalizeBytes } from "../src/core/normalize/normalize.js";
import { loadSchema } from "../src/core/schema/schema.js";

const broken = vi.hoisted(() => ({ on: false }));

vi.mock("../src/core/read/mojibake.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../src/core/read/mojibake.js")>();
  return {
    ...real,
    repairMojibake: (text: string) => {
      const result = real.repairMojibake(text);
      return broken.on ? { ...result, text: result.text.replace("Une ligne à garder.\n", "") } : result;
    },
  };
});

const input = Buffer.from("---\ntitle: Chargée de mission\n---\nL’Ã©quipe recrute.\nUne ligne à garder.\n", "utf8");

describe("normalize: the mojibake write invariant", () => {
  it("writes the repair when the output is the input plus the reported spans", () => {
    broken.on = false;
    const result = normalizeBytes("x.md", input, { schema: loadSchema() });
    expect(result.status).toBe("changed");
    if (result.status === "changed") expect(result.after).toContain("L’équipe recrute.\nUne ligne à garder.\n");
  });

  it("refuses the file (NORMALIZE_UNSAFE) when the output differs outside the spans", () => {
    broken.on = true;
    const result = normalizeBytes("x.md", input, { schema: loadSchema() });
    expect(result.status).toBe("refused");
    expect(result.findings.map((f) => f.code)).toEqual(["NORMALIZE_UNSAFE"]);
    const check = normalizeBytes("x.md", input, { schema: loadSchema(), verify: false });
    expect(check.status).toBe("refused");
    broken.on = false;
  });
});
