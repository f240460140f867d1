import { describe, expect, it } from "vitest";
import { proseOf } from "./prose.js";
import { shopApi as doc } from "./shop-api.fixture.js";
import { translateDoc, Translator } from "./translator.js";

describe("translateDoc", () => {
  it("translates prose and nothing else, in a copy", () => {
    const prose = proseOf("shop", doc, () => true);
    const translator = new Translator({
      locale: "id",
      language: "Bahasa Indonesia",
      file: "id.yaml",
      entries: new Map([
        ["examples.ShopNotFound.description", { en: "No such order.", text: "Pesanan tidak ada.", line: 1, column: 1 }],
        ["apis.shop.tags.orders.name", { en: "orders", text: "Pesanan", line: 2, column: 1 }],
      ]),
    });
    const translated = translateDoc(doc, prose, translator) as typeof doc & { tags: { "x-displayName"?: string }[] };
    expect(translated.components.examples.ShopNotFound).toEqual({
      ...doc.components.examples.ShopNotFound,
      description: "Pesanan tidak ada.",
    });
    expect(translated.tags[0]).toEqual({
      name: "orders",
      description: "Orders of a shop.",
      "x-displayName": "Pesanan",
    });
    expect(translated.components.schemas).toEqual(doc.components.schemas);
    expect(doc.components.examples.ShopNotFound.description).toBe("No such order.");
    expect(translator.missing.get("apis.shop.info.title")).toBe("Shop API");
  });
});

describe("Translator", () => {
  const file = { locale: "id", language: "Bahasa Indonesia", file: "id.yaml" };
  const entry = (en: string, text: string) => ({ en, text, line: 1, column: 1 });
  const cases: {
    name: string;
    entries: [string, ReturnType<typeof entry>][];
    en: string;
    want: string;
    missing?: boolean;
    outdated?: boolean;
  }[] = [
    { name: "a translation", entries: [["k", entry("Hello.", "Halo.")]], en: "Hello.", want: "Halo." },
    {
      name: "a rewrapped English text",
      entries: [["k", entry("Hello\n  world.", "Halo dunia.")]],
      en: "Hello world.\n",
      want: "Halo dunia.",
    },
    { name: "no entry: English, listed as missing", entries: [], en: "Hello.", want: "Hello.", missing: true },
    {
      name: "an empty translation: English, missing",
      entries: [["k", entry("Hello.", "")]],
      en: "Hello.",
      want: "Hello.",
      missing: true,
    },
    {
      name: "a translation of an older English text: English, outdated",
      entries: [["k", entry("Hello.", "Halo.")]],
      en: "Hello again.",
      want: "Hello again.",
      outdated: true,
    },
  ];
  it.each(cases)("$name", ({ entries, en, want, missing = false, outdated = false }) => {
    const translator = new Translator({ ...file, entries: new Map(entries) });
    expect(translator.text("k", en)).toBe(want);
    expect(translator.missing.has("k")).toBe(missing);
    expect(translator.outdated.has("k")).toBe(outdated);
  });
  it("lists the keys no text asked for", () => {
    const translator = new Translator({
      ...file,
      entries: new Map([
        ["k", entry("a", "b")],
        ["gone", entry("c", "d")],
      ]),
    });
    translator.text("k", "a");
    expect(translator.unused()).toEqual(["gone"]);
  });
  it("is English itself without a translation file", () => {
    const english = new Translator(undefined);
    expect(english.text("k", "Hello.")).toBe("Hello.");
    expect([english.missing.size, english.locale]).toEqual([0, "en"]);
  });
});
