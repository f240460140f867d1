import { describe, expect, it } from "vitest";
import { parseTranslations } from "./translations.js";

describe("parseTranslations", () => {
  const cases: { name: string; text: string; entries?: number; problems: RegExp[] }[] = [
    {
      name: "a good file",
      text: "language: Bahasa Indonesia\ntranslations:\n  a.b:\n    en: Hello.\n    id: Halo.\n  c.d:\n    en: Bye.\n",
      entries: 2,
      problems: [],
    },
    { name: "no language", text: "translations: {}\n", problems: [/^1:1 .*needs `language`/] },
    {
      name: "an entry without en",
      text: "language: X\ntranslations:\n  a.b:\n    id: Halo.\n",
      entries: 0,
      problems: [/^3:3 a\.b: write it as \{ en: <the English text>, id: <its translation> \}/],
    },
    {
      name: "a key twice",
      text: "language: X\ntranslations:\n  a.b: { en: A, id: B }\n  a.b: { en: A, id: C }\n",
      problems: [/^\d+:\d+ .*(twice|unique)/],
    },
    { name: "a YAML error", text: "language: [\n", problems: [/^\d+:\d+ /] },
  ];
  it.each(cases)("$name", ({ text, entries, problems }) => {
    const result = parseTranslations("/spec/i18n/id.yaml", text);
    expect(result.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toHaveLength(problems.length);
    for (const [i, pattern] of problems.entries()) {
      const got = result.problems[i]!;
      expect(`${got.line}:${got.column} ${got.message}`).toMatch(pattern);
    }
    if (entries !== undefined) expect(result.translations?.entries.size).toBe(entries);
  });
});
