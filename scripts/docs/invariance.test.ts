import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../core/problems.js";
import { checkTranslations, invarianceProblems, invariantsOf, type Invariants } from "./invariance.js";
import { shopApi as doc, shopCatalog as catalog } from "./shop-api.fixture.js";
import { parseTranslations } from "./translations.js";

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
  it("takes the catalog's codes, camelCase property and parameter names, header names and response statuses", () => {
    const { codes, names, statuses } = invariantsOf(catalog, [doc]);
    expect([...codes]).toEqual(["404"]);
    expect([...names].sort()).toEqual(["errorCode", "orderId", "x-request-id"]);
    expect([...statuses].sort()).toEqual(["200", "404"]);
  });
});

describe("checkTranslations", () => {
  it("points a broken translation to its line", () => {
    const text =
      "language: X\ntranslations:\n  k:\n    en: Returns INSUFFICIENT_PERMISSIONS.\n    id: Mengembalikan IZIN_TIDAK_MEMADAI.\n";
    const { translations } = parseTranslations("/spec/i18n/id.yaml", text);
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
      '    id: "Setiap respons gagal membawa `code` numerik. Respons 492 dan 503 membawa `Retry-After`.\\n"',
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
