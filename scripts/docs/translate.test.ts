import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Catalog } from "./catalog.js";
import { formatProblem } from "../build/problems.js";
import { catalogProse, checkTranslations, invarianceProblems, invariantsOf, parseTranslations, proseOf, translateDoc, Translator, type Invariants } from "./translate.js";

const doc = {
  openapi: "3.1.0",
  info: { title: "Shop API", summary: "Sells things.", description: "Fails with `ShopError`.", contact: { name: "Team" } },
  servers: [{ url: "https://{host}/api", description: "The shop", variables: { host: { default: "localhost", description: "Host name." } } }],
  tags: [{ name: "orders", description: "Orders of a shop." }],
  paths: {
    "/orders": {
      parameters: [{ $ref: "#/components/parameters/OrderId" }],
      get: {
        operationId: "listOrders",
        tags: ["orders"],
        summary: "List orders",
        responses: { "200": { description: "The orders." }, "404": { $ref: "#/components/responses/Shop404" } },
      },
    },
  },
  components: {
    schemas: {
      ShopError: {
        title: "Shop error",
        properties: {
          errorCode: { type: "string", description: "The code." },
          title: { type: "string", description: "A property named title." },
          value: { type: "string", description: "A property named value." },
        },
        example: { errorCode: "NOT_FOUND", title: "not prose" },
      },
    },
    parameters: { OrderId: { name: "orderId", in: "path", description: "The order ID.", schema: { type: "string", default: "x" } } },
    responses: {
      Shop404: {
        description: "Not Found.",
        headers: { "x-request-id": { description: "Quote it to support.", schema: { type: "string" } } },
        content: { "application/json": { examples: { ShopNotFound: { $ref: "#/components/examples/ShopNotFound" } } } },
      },
    },
    examples: { ShopNotFound: { summary: "Not found", description: "No such order.", "x-error": { status: 404 }, value: { errorCode: "NOT_FOUND", description: "wire data" } } },
    securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "A token." } },
  },
};

describe("proseOf", () => {
  const prose = proseOf("shop", doc, (name) => name !== "bearerAuth");
  const keys = Object.fromEntries(prose.map((p) => [p.key, { path: p.path?.join("/"), en: p.en }]));
  const want: { key: string; path: string; en: string }[] = [
    { key: "apis.shop.info.title", path: "info/title", en: "Shop API" },
    { key: "apis.shop.info.summary", path: "info/summary", en: "Sells things." },
    { key: "apis.shop.info.description", path: "info/description", en: "Fails with `ShopError`." },
    { key: "apis.shop.servers.0.description", path: "servers/0/description", en: "The shop" },
    { key: "apis.shop.servers.0.variables.host.description", path: "servers/0/variables/host/description", en: "Host name." },
    { key: "apis.shop.tags.orders.name", path: "tags/0/x-displayName", en: "orders" },
    { key: "apis.shop.tags.orders.description", path: "tags/0/description", en: "Orders of a shop." },
    { key: "apis.shop.operations.listOrders.summary", path: "paths//orders/get/summary", en: "List orders" },
    { key: "apis.shop.operations.listOrders.responses.200.description", path: "paths//orders/get/responses/200/description", en: "The orders." },
    { key: "schemas.ShopError.title", path: "components/schemas/ShopError/title", en: "Shop error" },
    { key: "schemas.ShopError.properties.errorCode.description", path: "components/schemas/ShopError/properties/errorCode/description", en: "The code." },
    { key: "schemas.ShopError.properties.title.description", path: "components/schemas/ShopError/properties/title/description", en: "A property named title." },
    { key: "schemas.ShopError.properties.value.description", path: "components/schemas/ShopError/properties/value/description", en: "A property named value." },
    { key: "parameters.OrderId.description", path: "components/parameters/OrderId/description", en: "The order ID." },
    { key: "responses.Shop404.description", path: "components/responses/Shop404/description", en: "Not Found." },
    { key: "responses.Shop404.headers.x-request-id.description", path: "components/responses/Shop404/headers/x-request-id/description", en: "Quote it to support." },
    { key: "examples.ShopNotFound.summary", path: "components/examples/ShopNotFound/summary", en: "Not found" },
    { key: "examples.ShopNotFound.description", path: "components/examples/ShopNotFound/description", en: "No such order." },
    { key: "apis.shop.securitySchemes.bearerAuth.description", path: "components/securitySchemes/bearerAuth/description", en: "A token." },
  ];
  it.each(want)("$key", ({ key, path, en }) => {
    expect(keys[key]).toEqual({ path, en });
  });
  it("has nothing else: no example value, default, property name, contact name or x- extension", () => {
    expect(prose.map((p) => p.key).sort()).toEqual(want.map((w) => w.key).sort());
  });
});

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
    expect(translated.components.examples.ShopNotFound).toEqual({ ...doc.components.examples.ShopNotFound, description: "Pesanan tidak ada." });
    expect(translated.tags[0]).toEqual({ name: "orders", description: "Orders of a shop.", "x-displayName": "Pesanan" });
    expect(translated.components.schemas).toEqual(doc.components.schemas);
    expect(doc.components.examples.ShopNotFound.description).toBe("No such order.");
    expect(translator.missing.get("apis.shop.info.title")).toBe("Shop API");
  });
});

describe("Translator", () => {
  const file = { locale: "id", language: "Bahasa Indonesia", file: "id.yaml" };
  const entry = (en: string, text: string) => ({ en, text, line: 1, column: 1 });
  const cases: { name: string; entries: [string, ReturnType<typeof entry>][]; en: string; want: string; missing?: boolean; outdated?: boolean }[] = [
    { name: "a translation", entries: [["k", entry("Hello.", "Halo.")]], en: "Hello.", want: "Halo." },
    { name: "a rewrapped English text", entries: [["k", entry("Hello\n  world.", "Halo dunia.")]], en: "Hello world.\n", want: "Halo dunia." },
    { name: "no entry: English, listed as missing", entries: [], en: "Hello.", want: "Hello.", missing: true },
    { name: "an empty translation: English, missing", entries: [["k", entry("Hello.", "")]], en: "Hello.", want: "Hello.", missing: true },
    { name: "a translation of an older English text: English, outdated", entries: [["k", entry("Hello.", "Halo.")]], en: "Hello again.", want: "Hello again.", outdated: true },
  ];
  it.each(cases)("$name", ({ entries, en, want, missing = false, outdated = false }) => {
    const translator = new Translator({ ...file, entries: new Map(entries) });
    expect(translator.text("k", en)).toBe(want);
    expect(translator.missing.has("k")).toBe(missing);
    expect(translator.outdated.has("k")).toBe(outdated);
  });
  it("lists the keys no text asked for", () => {
    const translator = new Translator({ ...file, entries: new Map([["k", entry("a", "b")], ["gone", entry("c", "d")]]) });
    translator.text("k", "a");
    expect(translator.unused()).toEqual(["gone"]);
  });
  it("is English itself without a translation file", () => {
    const english = new Translator(undefined);
    expect(english.text("k", "Hello.")).toBe("Hello.");
    expect([english.missing.size, english.locale]).toEqual([0, "en"]);
  });
});

describe("invarianceProblems: codes, statuses, field names, headers, code spans, URLs and numbers", () => {
  const invariants: Invariants = {
    codes: new Set(["INSUFFICIENT_PERMISSIONS", "30011", "30016", "unAuthorized"]),
    names: new Set(["errorCode", "innerError", "Retry-After", "ETag"]),
    statuses: new Set(["404", "429", "500", "501", "503"]),
  };
  const adds = (token: string) => `adds ${token}, which the English text does not have`;
  const addsNumber = (token: string) => `adds the number ${token}, which the English text does not have`;
  const cases: { given: string; en: string; translated: string; want: string[] }[] = [
    {
      given: "a faithful translation",
      en: "Wait for `Retry-After`, then retry 30011.",
      translated: "Tunggu `Retry-After`, lalu coba lagi 30011.",
      want: [],
    },
    {
      given: "a translated code",
      en: "Returns INSUFFICIENT_PERMISSIONS.",
      translated: "Mengembalikan IZIN_TIDAK_MEMADAI.",
      want: [
        "must keep the code INSUFFICIENT_PERMISSIONS verbatim",
        "adds the code IZIN_TIDAK_MEMADAI, which the English text does not have: codes are never translated",
      ],
    },
    {
      given: "a translated field name in a code span",
      en: "The `errorCode` is required.",
      translated: "`Kode kesalahan` wajib diisi.",
      want: [
        "must keep `errorCode` of the English text",
        "must keep the name errorCode verbatim",
        "adds `Kode kesalahan`, which the English text does not have",
      ],
    },
    {
      given: "a translated field name in prose",
      en: "Returned if innerError is non-null.",
      translated: "Dikembalikan jika kesalahan dalam tidak null.",
      want: ["must keep the name innerError verbatim"],
    },
    {
      given: "a dropped numeric code",
      en: "See code 30011.",
      translated: "Lihat kodenya.",
      want: ["must keep the code 30011 verbatim"],
    },
    {
      given: "a changed numeric code",
      en: "Code 30016 means the text is empty.",
      translated: "Kode 30061 berarti teksnya kosong.",
      want: ["must keep the code 30016 verbatim", addsNumber("30061")],
    },
    {
      given: "a numeric code written with a thousands separator",
      en: "See 30011.",
      translated: "Lihat 30.011.",
      want: ["must keep the code 30011 verbatim"],
    },
    {
      given: "a code the English does not have",
      en: "Not allowed.",
      translated: "Tidak diizinkan (unAuthorized).",
      want: ["adds the code unAuthorized, which the English text does not have: codes are never translated"],
    },
    {
      given: "an Indonesian suffix on a name",
      en: "Reads it with its ETag.",
      translated: "Membacanya beserta ETag-nya.",
      want: [],
    },
    {
      given: "a header name translated",
      en: "The Retry-After header says when.",
      translated: "Header Coba-Lagi-Setelah menyebutkan kapan.",
      want: ["must keep the name Retry-After verbatim"],
    },
    {
      given: "a changed URL",
      en: "See https://example.com/errors.",
      translated: "Lihat https://example.com/kesalahan.",
      want: ["must keep the URL https://example.com/errors"],
    },
    {
      given: "a URL at the end of an English sentence, inside the translated one",
      en: "See https://example.com/errors.",
      translated: "Lihat https://example.com/errors untuk rinciannya.",
      want: [],
    },
    {
      given: "a number inside a changed URL: the URL is the problem",
      en: "See https://example.com/errors/429 for why.",
      translated: "Lihat https://example.com/errors/492 untuk alasannya.",
      want: ["must keep the URL https://example.com/errors/429"],
    },
    {
      given: "a code as part of a longer word is not the code",
      en: "Code 30011.",
      translated: "Kode 30011.",
      want: [],
    },
    // HTTP statuses: three-digit numbers 100–599 and classes such as 4xx, kept verbatim.
    {
      given: "a changed HTTP status",
      en: "429 and 503 carry `Retry-After`.",
      translated: "492 dan 503 membawa `Retry-After`.",
      want: ["must keep the HTTP status 429 verbatim", addsNumber("492")],
    },
    {
      given: "a dropped HTTP status",
      en: "Not implemented in every cloud (501).",
      translated: "Tidak diimplementasikan di setiap cloud.",
      want: ["must keep the HTTP status 501 verbatim"],
    },
    {
      given: "a status class replaced by a status",
      en: "Every 4xx and 5xx response is JSON.",
      translated: "Setiap respons 4xx dan 500 berupa JSON.",
      want: [
        "must keep the HTTP status class 5xx verbatim",
        "adds the HTTP status 500, which the English text does not have",
      ],
    },
    {
      given: "an added HTTP status",
      en: "Not found.",
      translated: "Tidak ditemukan (404).",
      want: ["adds the HTTP status 404, which the English text does not have"],
    },
    {
      given: "a three-digit count changed",
      en: "How many, from 1 to 250.",
      translated: "Berapa banyak, dari 1 sampai 205.",
      want: ["must keep the number 250", addsNumber("205")],
    },
    // Other numbers keep their value; the locale's separators are right.
    {
      given: "a number in the locale's format",
      en: "Longer than 6,000 characters.",
      translated: "Lebih panjang dari 6.000 karakter.",
      want: [],
    },
    { given: "a decimal in the locale's format", en: "Wait 2.5 seconds.", translated: "Tunggu 2,5 detik.", want: [] },
    {
      given: "a thousands separator the English leaves out",
      en: "At most 1024 characters.",
      translated: "Paling banyak 1.024 karakter.",
      want: [],
    },
    {
      given: "a number spelled as the English spells it",
      en: "At most 1,024 characters.",
      translated: "Paling banyak 1,024 karakter.",
      want: [],
    },
    {
      given: "a section number",
      en: "An HTTP-date (RFC 9110, section 10.2.3).",
      translated: "HTTP-date (RFC 9110, bagian 10.2.3).",
      want: [],
    },
    {
      given: "a changed value",
      en: "`message` is at most 1,024 characters.",
      translated: "`message` paling panjang 1.042 karakter.",
      want: ["must keep the number 1,024 (its value, written 1.024 in id)", addsNumber("1.042")],
    },
    {
      given: "an English thousands separator the locale reads as a decimal mark",
      en: "Max 6000 characters.",
      translated: "Maks. 6,000 karakter.",
      want: ["must keep the number 6000", addsNumber("6,000")],
    },
    {
      given: "a changed section number",
      en: "See RFC 9110, section 10.2.3.",
      translated: "Lihat RFC 9110, bagian 10.3.2.",
      want: ["must keep the number 10.2.3", addsNumber("10.3.2")],
    },
    {
      given: "an added number",
      en: "Retry later.",
      translated: "Coba lagi setelah 30 detik.",
      want: [addsNumber("30")],
    },
    {
      given: "a number changed inside a code span: the span is the problem",
      en: "Send `maxLength: 1024`.",
      translated: "Kirim `maxLength: 1.024`.",
      want: ["must keep `maxLength: 1024` of the English text", adds("`maxLength: 1.024`")],
    },
  ];
  it.each(cases)("$given", ({ en, translated, want }) => {
    expect(invarianceProblems(en, translated, invariants, "id").sort()).toEqual([...want].sort());
  });
});

describe("invariantsOf", () => {
  const catalog: Catalog = {
    families: [{ id: "shop", apis: ["shop"], mediaType: "application/json", statuses: [], errors: [{ code: 404, status: 404, message: "m", description: "d", retryable: false, kind: "code", example: "ShopNotFound" }] }],
  };
  it("takes the catalog's codes, camelCase property and parameter names, header names and response statuses", () => {
    const { codes, names, statuses } = invariantsOf(catalog, [doc]);
    expect([...codes]).toEqual(["404"]);
    expect([...names].sort()).toEqual(["errorCode", "orderId", "x-request-id"]);
    expect([...statuses].sort()).toEqual(["200", "404"]);
  });
  it("gives each catalog message a key", () => {
    expect(catalogProse(catalog)).toEqual([{ key: "examples.ShopNotFound.message", en: "m" }]);
  });
});

describe("parseTranslations", () => {
  const cases: { name: string; text: string; entries?: number; problems: RegExp[] }[] = [
    { name: "a good file", text: "language: Bahasa Indonesia\ntranslations:\n  a.b:\n    en: Hello.\n    id: Halo.\n  c.d:\n    en: Bye.\n", entries: 2, problems: [] },
    { name: "no language", text: "translations: {}\n", problems: [/^1:1 .*needs `language`/] },
    { name: "an entry without en", text: "language: X\ntranslations:\n  a.b:\n    id: Halo.\n", entries: 0, problems: [/^3:3 a\.b: write it as \{ en: <the English text>, id: <its translation> \}/] },
    { name: "a key twice", text: "language: X\ntranslations:\n  a.b: { en: A, id: B }\n  a.b: { en: A, id: C }\n", problems: [/^\d+:\d+ .*(twice|unique)/] },
    { name: "a YAML error", text: "language: [\n", problems: [/^\d+:\d+ /] },
  ];
  it.each(cases)("$name", ({ text, entries, problems }) => {
    const result = parseTranslations("/spec/i18n/id.yaml", text);
    expect(result.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toHaveLength(problems.length);
    problems.forEach((pattern, i) => expect(`${result.problems[i]!.line}:${result.problems[i]!.column} ${result.problems[i]!.message}`).toMatch(pattern));
    if (entries !== undefined) expect(result.translations?.entries.size).toBe(entries);
  });
  it("points a broken translation to its line", () => {
    const { translations } = parseTranslations("/spec/i18n/id.yaml", "language: X\ntranslations:\n  k:\n    en: Returns INSUFFICIENT_PERMISSIONS.\n    id: Mengembalikan IZIN_TIDAK_MEMADAI.\n");
    const invariants = {
      codes: new Set(["INSUFFICIENT_PERMISSIONS"]),
      names: new Set<string>(),
      statuses: new Set<string>(),
    };
    const problems = checkTranslations(translations!, invariants);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual(["5:9 i18n", "5:9 i18n"]);
  });
  it("refuses a changed status in one line that names the file, the line and what the translation must keep", () => {
    const file = path.join(process.cwd(), "openapi", "i18n", "id.yaml");
    const text = [
      "language: Bahasa Indonesia",
      "translations:",
      "  apis.messaging.info.description:",
      "    en: |",
      "      Every failed response carries a numeric `code`.",
      "      429 and 503 carry `Retry-After`.",
      "    id: \"Setiap respons gagal membawa `code` numerik. Respons 492 dan 503 membawa `Retry-After`.\\n\"",
      "",
    ].join("\n");
    const { translations } = parseTranslations(file, text);
    const invariants = { codes: new Set<string>(), names: new Set(["Retry-After"]), statuses: new Set(["429", "503"]) };
    const problems = checkTranslations(translations!, invariants);
    const at = "openapi/i18n/id.yaml:7:9 error i18n: apis.messaging.info.description: the translation";
    expect(problems.map((p) => formatProblem(p))).toEqual([
      `${at} must keep the HTTP status 429 verbatim`,
      `${at} adds the number 492, which the English text does not have`,
    ]);
  });
});
