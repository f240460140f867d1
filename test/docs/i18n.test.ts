/**
 * The Indonesian edition against the catalog: every code reaches the Indonesian pages
 * verbatim, and no translation carries a code its English text does not. The codes come
 * from generated/catalog.json; this file holds none of its own.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, inject, it } from "vitest";
import type { Catalog } from "../../scripts/build/catalog.js";
import { copySpec, repoRoot, runCli } from "../helpers/cli.js";

const catalog = JSON.parse(fs.readFileSync(path.join(repoRoot, "generated", "catalog.json"), "utf8")) as Catalog;
const docs = path.join(repoRoot, "generated", "docs");
const file = parse(fs.readFileSync(path.join(repoRoot, "openapi", "i18n", "id.yaml"), "utf8")) as {
  translations: Record<string, { en: string; id: string }>;
};
const codes = catalog.families.flatMap((family) =>
  family.errors.map((error) => ({ family, code: String(error.code) })),
);
const word = (code: string) => new RegExp(`(?<![\\p{L}\\p{N}_])${code}(?![\\p{L}\\p{N}_])`, "u");

describe("the Indonesian edition (docs/id/)", () => {
  it("builds with every key translated and none outdated or unused", () => {
    const { build } = inject("rebuild");
    expect(build.stdout).toMatch(/^i18n +id: \d+ keys, 0 missing, 0 outdated +\d+ ms$/m);
    expect(build.stdout).not.toMatch(/^ {2}openapi\/i18n\/id\.yaml: (missing|outdated|unused) /m);
  });

  it.each(codes)(
    "carries $family.id code $code verbatim on the landing page and the API's page",
    ({ family, code }) => {
      const landing = fs.readFileSync(path.join(docs, "id", "index.html"), "utf8");
      expect(landing).toContain(`id="${family.id}-${code}"`);
      expect(landing).toMatch(new RegExp(`>${code}</a>|<span class="mono">${code}</span>`));
      for (const api of family.apis) {
        // The page embeds the API for Redoc as JSON: the code as the wire has it.
        expect(fs.readFileSync(path.join(docs, "id", `${api}.html`), "utf8")).toMatch(
          new RegExp(`"(?:errorCode|code)":"?${code}"?[,}]`),
        );
      }
    },
  );

  it("has no translation that carries a catalog code its English text does not, or drops one", () => {
    const wrong: string[] = [];
    for (const [key, { en, id }] of Object.entries(file.translations)) {
      for (const { code } of codes) if (word(code).test(en) !== word(code).test(id)) wrong.push(`${key}: ${code}`);
      // A code-shaped word (UPPER_SNAKE) that the English lacks is a translated code.
      for (const token of id.match(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g) ?? [])
        if (!en.includes(token)) wrong.push(`${key}: ${token}`);
    }
    expect(wrong).toEqual([]);
  });

  it("translates prose, not codes: every English text with a code keeps it in Indonesian", () => {
    const withCodes = Object.entries(file.translations).filter(([, { en }]) =>
      codes.some(({ code }) => word(code).test(en)),
    );
    expect(withCodes.length).toBeGreaterThan(5);
  });
});

describe("a translation that changes an HTTP status", () => {
  it("stops the build: one line names openapi/i18n/id.yaml, the line and what the translation must keep", async () => {
    const { dir, out } = copySpec("i18n-status");
    try {
      const file = path.join(dir, "openapi", "i18n", "id.yaml");
      const lines = fs.readFileSync(file, "utf8").split("\n");
      const at = lines.findIndex((line) => line.includes("Respons 429 dan 503 membawa `Retry-After`"));
      expect(at).toBeGreaterThan(0);
      lines[at] = lines[at]!.replace("Respons 429 dan", "Respons 492 dan");
      fs.writeFileSync(file, lines.join("\n"));
      const key = lines
        .slice(0, at)
        .reverse()
        .find((line) => /^ {2}\S+:$/.test(line))!
        .trim()
        .slice(0, -1);
      const run = await runCli(["build", "openapi", "--no-docs"], dir);
      expect(run.code).toBe(1);
      const want =
        `openapi/i18n/id.yaml:${at + 1}:9 error i18n: ${key}: ` +
        "the translation must keep the HTTP status 429 verbatim";
      expect(run.stderr.split("\n")).toContain(want);
      expect(fs.existsSync(out)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
