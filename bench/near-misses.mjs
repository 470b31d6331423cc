// Strings built to make a backtracking regular expression try every split before failing: used by
// test/fuzz.test.ts (every pattern and format of the schema gives a verdict on them) and timed by
// bench/redos.mjs (how the time grows with the length).
export function nearMisses(length) {
  const n = length;
  return [
    `${"a".repeat(n)}!`,
    `${"a-".repeat(n / 2)}!`,
    `${"a.".repeat(n / 2)}@`,
    `${"-".repeat(n)}a`,
    `${" ".repeat(n)}x`,
    `${"\t".repeat(n)}x`,
    `${"1".repeat(n)}x`,
    `http://${"a".repeat(n)} `,
    `http://${"a.".repeat(n / 2)}:`,
    `http://[${":".repeat(n)}`,
    `https:${"/".repeat(n)}`,
    `${"/".repeat(n)}\n`,
    `a@${"a".repeat(n)}.`,
    `${"a@".repeat(n / 2)}`,
    `"${"\\\\".repeat(n / 2)}`,
    `2026-01-01T00:00:00${" ".repeat(n)}x`,
    `2026-01-01 ${"0".repeat(n)}`,
    `${"12/".repeat(n / 3)}2026`,
    `2026-01-01T00:00:00.${"9".repeat(n)}Z!`,
  ];
}

