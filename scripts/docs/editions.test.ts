import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { BundledApi } from "../core/bundle.js";
import type { Catalog } from "../core/catalog-format.js";
import { editionHref, planEditions } from "./editions.js";

const doc = {
  info: { title: "Shop API", description: "Fails with NOT_FOUND." },
  components: {
    examples: {
      ShopNotFound: { summary: "Not found", description: "No such order.", value: { errorCode: "NOT_FOUND" } },
    },
  },
};
const api: BundledApi = { id: "shop", root: "/spec/shop/openapi.yaml", doc, files: [] };
const catalog: Catalog = {
  families: [
    {
      id: "shop",
      apis: ["shop"],
      mediaType: "application/json",
      statuses: [],
      errors: [
        {
          code: "NOT_FOUND",
          status: 404,
          message: "No order.",
          description: "No such order.",
          retryable: false,
          summary: "s",
          kind: "code",
          example: "ShopNotFound",
        },
      ],
    },
  ],
};
const dirs: string[] = [];
const i18n = (files: Record<string, string>) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "i18n-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});
const components = new Map([["ShopNotFound", "/spec/components/examples/ShopNotFound.yaml"]]);
const name = (file: string) => `i18n/${path.basename(file)}`;

describe("planEditions", () => {
  it("is English alone without translation files", () => {
    const plan = planEditions([api], catalog, components, "/no/such/dir", name);
    expect(plan.editions.map((e) => [e.lang, e.dir])).toEqual([["en", ""]]);
    expect(plan.summary).toBe("no translations");
  });

  it("translates what the file has, and lists what it lacks, has outdated or no longer needs", () => {
    const dir = i18n({
      "id.yaml": [
        "language: Bahasa Indonesia",
        "translations:",
        "  apis.shop.info.title: { en: Shop API, id: API Toko }",
        "  examples.ShopNotFound.description: { en: No such orders., id: Pesanan tidak ada. }",
        "  examples.Gone.summary: { en: Gone, id: Hilang }",
        "",
      ].join("\n"),
    });
    const plan = planEditions([api], catalog, components, dir, name);
    expect(plan.problems).toEqual([]);
    const id = plan.editions[1]!;
    expect([id.lang, id.language, id.dir]).toEqual(["id", "Bahasa Indonesia", "id/"]);
    expect((id.docs.get("shop")!.info as { title: string }).title).toBe("API Toko");
    expect(plan.summary).toMatch(/^id: \d+ keys, \d+ missing, 1 outdated$/);
    expect(plan.details).toContain(
      '  i18n/id.yaml: missing examples.ShopNotFound.summary (shown in English: "Not found")',
    );
    expect(plan.details).toContain(
      '  i18n/id.yaml: outdated examples.ShopNotFound.description: the English text is now "No such order."',
    );
    expect(plan.details).toContain(
      "  i18n/id.yaml: unused examples.Gone.summary: no text of the contracts has this key",
    );
    expect(plan.details).toContain(
      '  i18n/id.yaml: missing examples.ShopNotFound.message (shown in English: "No order.")',
    );
    expect(plan.details.some((line) => line.includes("missing ui.landing.title"))).toBe(true);
  });

  it("stops on a translation that changes a code", () => {
    const dir = i18n({
      "id.yaml":
        "language: Bahasa Indonesia\ntranslations:\n  apis.shop.info.description:\n    en: Fails with NOT_FOUND.\n    id: Gagal dengan TIDAK_DITEMUKAN.\n",
    });
    const plan = planEditions([api], catalog, components, dir, name);
    expect(plan.problems.map((p) => `${path.basename(p.file)}:${p.line} ${p.rule}: ${p.message}`)).toEqual([
      "id.yaml:5 i18n: apis.shop.info.description: the translation must keep the code NOT_FOUND verbatim",
      "id.yaml:5 i18n: apis.shop.info.description: the translation adds the code TIDAK_DITEMUKAN, which the English text does not have: codes are never translated",
    ]);
  });
});

describe("editionHref", () => {
  const cases: { name: string; from: string; to: string; want: string }[] = [
    { name: "from English to a translation", from: "", to: "id/index.html", want: "id/index.html" },
    { name: "from a translation to English", from: "id/", to: "sales.html", want: "../sales.html" },
    { name: "between translations", from: "id/", to: "fr/sales.html", want: "../fr/sales.html" },
  ];
  it.each(cases)("$name", ({ from, to, want }) => {
    expect(editionHref(from, to)).toBe(want);
  });
});
