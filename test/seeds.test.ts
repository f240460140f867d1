/**
 * The contracts against their sources: every row of every table in ../shared/seeds must be in
 * generated/catalog.json with the exact code, status and message. The seeds are read, not
 * copied: this test holds no table of codes of its own. Without ../shared/seeds (a clone anywhere
 * else) it is skipped, saying so in one line.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import type { Catalog, CatalogFamily } from "../scripts/build/catalog.js";
import { repoRoot } from "./helpers/cli.js";
import { apiErrorShape, schemaAt } from "../src/openapi/index.js";
import { bundle } from "./helpers/openapi.js";
import { haveSeeds, noSeeds, readSeed as seed } from "./helpers/seeds.js";

if (!haveSeeds) console.warn(`seeds test skipped: ${noSeeds}`);
/** Every suite here reads the seeds: all are skipped without them. */
const describeSeeds = describe.skipIf(!haveSeeds);
const catalog = JSON.parse(fs.readFileSync(path.join(repoRoot, "generated", "catalog.json"), "utf8")) as Catalog;
const family = (id: string) => catalog.families.find((f) => f.id === id) as CatalogFamily;
const rows = (text: string, pattern: RegExp) => [...text.matchAll(pattern)];
const byCode = (fam: CatalogFamily) => new Map(fam.errors.map((e) => [String(e.code), e]));

describeSeeds("sales extensions (seed 000)", () => {
  const table = rows(seed("000"), /^\| (.+?) \| ([A-Z_]+) \| (\d{3}) \|$/gm);
  it("has the 6 seed codes, each with its status and the scenario as message", () => {
    expect(table).toHaveLength(6);
    const errors = byCode(family("sales"));
    expect([...errors.keys()].sort()).toEqual(table.map((r) => r[2]).sort());
    for (const [, scenario, code, status] of table) {
      expect(errors.get(code!)).toMatchObject({ status: Number(status), message: scenario, kind: "code" });
    }
  });
});

describeSeeds("messaging (seed 002)", () => {
  const text = seed("002");
  const codes = rows(text, /^(30\d{3}) (.+) (\d{3})$/gm);
  const statuses = rows(text, /^(\d{3}) ((?:[A-Z][a-z]+ ?)+?) (The .+)$/gm);
  it("has the 16 numeric codes 30001–30016 with the seed's message and status, as numbers", () => {
    expect(codes).toHaveLength(16);
    const errors = family("messaging").errors;
    expect(errors.map((e) => e.code)).toEqual(codes.map((r) => Number(r[1])));
    for (const [, code, message, status] of codes) {
      expect(errors.find((e) => e.code === Number(code))).toMatchObject({ status: Number(status), message });
    }
  });
  it("has the 6 statuses with their meaning, and problem+json as media type", () => {
    expect(statuses).toHaveLength(6);
    const fam = family("messaging");
    expect(fam.mediaType).toBe("application/problem+json");
    expect(fam.statuses.map((s) => s.status)).toEqual(statuses.map((r) => Number(r[1])));
    for (const [, status, name, description] of statuses) {
      expect(fam.statuses.find((s) => s.status === Number(status))?.meaning).toBe(`${name!.trim()}. ${description}`);
    }
  });
});

/**
 * The message's limit a seed states ("Maximum length is 1,024 characters") is the maxLength of the
 * schema member the API's error shape reads the message from.
 */
function messageLimit(seedId: string, api: string) {
  it("limits the message as the seed does, where the error shape reads it", () => {
    const stated = /message\b.*Maximum length is ([\d,]+) characters/.exec(seed(seedId));
    expect(stated, "the seed states a maximum length").not.toBeNull();
    const doc = bundle(api);
    const found = apiErrorShape(doc);
    const member = schemaAt(doc, found?.schema, found?.shape.message[0] ?? []) as { maxLength?: number };
    expect(member?.maxLength).toBe(Number(stated![1]!.replace(/,/g, "")));
  });
}

describeSeeds("partner (seed 003)", () => {
  messageLimit("003", "partner");
  const statuses = rows(seed("003"), /^ {4}- (\d{3}): (.+)$/gm);
  it("has the 14 statuses with the seed's names", () => {
    expect(statuses).toHaveLength(14);
    expect(family("partner").statuses.map((s) => [s.status, s.meaning])).toEqual(
      statuses.map((r) => [Number(r[1]), r[2]]),
    );
  });
  it("carries the seed's sample code", () => {
    expect(byCode(family("partner")).get("unAuthorized")).toMatchObject({
      status: 401,
      message: "Caller is not authorized to access the resource.",
    });
  });
});

describeSeeds("referrals (seed 004)", () => {
  messageLimit("004", "referrals");
  const text = seed("004");
  const success = rows(text, /^ {2}• (\d{3}): (.+)$/gm);
  const statusTable = text.slice(
    text.indexOf("Status code Status message Description"),
    text.indexOf("Error resource type"),
  );
  const errorStatuses = rows(statusTable, /^(\d{3}) (.+)$/gm);
  const topCodes = rows(text, /^([a-z][A-Za-z]+) (\d{3}) (.+)$/gm);
  const innerCodes = rows(text, /^[A-Za-z]+ (\d{3}) (\d{5}) (.+)$/gm);
  const fam = family("referrals");

  it("has 4 success and 22 error statuses", () => {
    expect(success).toHaveLength(4);
    expect(errorStatuses).toHaveLength(22);
    expect(fam.statuses.map((s) => s.status)).toEqual([...success, ...errorStatuses].map((r) => Number(r[1])));
    for (const [, status, meaning] of success)
      expect(fam.statuses.find((s) => s.status === Number(status))?.meaning).toBe(`${meaning}.`);
    for (const [, status, rest] of errorStatuses) {
      const meaning = fam.statuses.find((s) => s.status === Number(status))?.meaning ?? "";
      // The seed runs "Bad Request Can't process…" together; the contract writes "Bad Request. Can't process…".
      expect(meaning.replace(". ", " ")).toBe(rest);
    }
  });
  it("has the 8 top-level codes with status and message", () => {
    expect(topCodes).toHaveLength(8);
    const top = fam.errors.filter((e) => e.kind === "code");
    expect(top.map((e) => e.code).sort()).toEqual(topCodes.map((r) => r[1]).sort());
    for (const [, code, status, message] of topCodes)
      expect(top.find((e) => e.code === code)).toMatchObject({ status: Number(status), message });
  });
  it("has the 19 numeric inner codes (no 99916) as strings, with status and message", () => {
    expect(innerCodes).toHaveLength(19);
    const inner = fam.errors.filter((e) => e.kind === "innerCode");
    expect(inner.map((e) => e.code)).toEqual(innerCodes.map((r) => r[2]));
    expect(inner.map((e) => e.code)).not.toContain("99916");
    for (const [, status, code, message] of innerCodes)
      expect(inner.find((e) => e.code === code)).toMatchObject({ status: Number(status), message });
  });
});

describeSeeds("codes are never translated (seed 001)", () => {
  const translated = rows(seed("001"), /^.+ \| ([A-Z_]+) \| (\d{3}) \|$/gm).map((r) => r[1]!);
  const canonical = new Set(family("sales").errors.map((e) => String(e.code)));
  const foreign = translated.filter((code) => !canonical.has(code));

  it("the Indonesian page really does carry a translated code", () => {
    expect(foreign).toEqual(["IZIN_TIDAK_MEMADAI"]);
  });
  it("the Indonesian message of each sales code is the seed's scenario, word for word (rows in the order of seed 000)", () => {
    const english = rows(seed("000"), /^\| (.+?) \| ([A-Z_]+) \| (\d{3}) \|$/gm);
    const indonesian = rows(seed("001"), /^(.+?) \| ([A-Z_]+) \| (\d{3}) \|$/gm);
    expect(indonesian.map((r) => r[3])).toEqual(english.map((r) => r[3]));
    const file = fs.readFileSync(path.join(repoRoot, "openapi", "i18n", "id.yaml"), "utf8");
    const { translations } = parse(file) as { translations: Record<string, { id: string }> };
    const errors = byCode(family("sales"));
    const message = (code: string) => translations[`examples.${errors.get(code)?.example}.message`]?.id;
    expect(Object.fromEntries(english.map((r) => [r[2], message(r[2]!)]))).toEqual(
      Object.fromEntries(english.map((r, i) => [r[2], indonesian[i]![1]])),
    );
  });
  it.each(["openapi", "generated"])("no translated code anywhere in %s/", (dir) => {
    const files = fs
      .readdirSync(path.join(repoRoot, dir), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files)
      for (const code of foreign) expect(fs.readFileSync(file, "utf8"), file).not.toContain(code);
  });
});
