import fs from "node:fs";
import path from "node:path";
import { isMap, isScalar, LineCounter, parseDocument, type Node } from "yaml";
import type { Catalog } from "./catalog.js";
import type { Problem } from "../build/problems.js";

type Json = Record<string, unknown>;
export type JsonPath = (string | number)[];
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const entries = (value: unknown): [string, unknown][] => (isObject(value) ? Object.entries(value) : []);

/** One reader-facing text, under a stable key derived from the contracts. */
export interface Prose {
  /** `apis.messaging.info.description`, `examples.Messaging30011.description`, … */
  key: string;
  /** Where the text sits in the bundled API (none for texts that are not in a bundle). */
  path?: JsonPath;
  /** The English text: what the contracts say today. */
  en: string;
}

/** Fields whose string value readers read. */
const proseFields = new Set(["title", "summary", "description"]);
/** Fields that hold wire data (example bodies, defaults, enum values): never translated. */
const dataFields = new Set(["value", "example", "examples", "default", "enum", "const", "externalValue"]);
/** Fields whose keys are names (properties, headers, media types, statuses), not OpenAPI fields. */
const namedMaps = new Set([
  "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "headers", "content",
  "responses", "variables", "encoding", "links", "callbacks",
]);
const methods = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

function walk(node: unknown, at: JsonPath, key: string[], out: Prose[], named = false): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => walk(item, [...at, index], [...key, String(index)], out));
    return;
  }
  for (const [name, value] of entries(node)) {
    const here = [...at, name];
    const keyHere = [...key, name];
    if (named) walk(value, here, keyHere, out);
    else if (name.startsWith("x-") || name === "$ref") continue;
    else if (proseFields.has(name) && typeof value === "string") {
      if (value.trim() !== "") out.push({ key: keyHere.join("."), path: here, en: value });
    } else if (name === "examples" && isObject(value)) walk(value, here, keyHere, out, true); // Example Objects by name
    else if (!dataFields.has(name)) walk(value, here, keyHere, out, namedMaps.has(name));
  }
}

/**
 * Every reader-facing text of one bundled API (titles, summaries, descriptions), keyed by a
 * stable id: `apis.<api>.info.description`, `apis.<api>.tags.<tag>.description`,
 * `apis.<api>.operations.<operationId>.summary`, and `<kind>.<Component>.<path>` for a component
 * that has its own file under components/ (`schemas.SalesError.properties.errorCode.description`),
 * `apis.<api>.<kind>.<Component>.<path>` for one defined in the API root.
 * Example values, defaults, enum values, property names and `x-` extensions are wire data: not prose.
 */
export function proseOf(apiId: string, doc: Json, isSharedComponent: (name: string) => boolean): Prose[] {
  const out: Prose[] = [];
  const api = ["apis", apiId];
  for (const [name, value] of Object.entries(doc)) {
    if (name === "paths" || name === "webhooks") {
      for (const [route, item] of entries(value)) {
        for (const [field, operation] of entries(item)) {
          if (methods.has(field) && isObject(operation)) {
            const id = typeof operation.operationId === "string" ? operation.operationId : `${field.toUpperCase()} ${route}`;
            walk(operation, [name, route, field], [...api, "operations", id], out);
          } else {
            walk({ [field]: operation }, [name, route], [...api, name, route], out);
          }
        }
      }
    } else if (name === "components") {
      for (const [kind, group] of entries(value)) {
        for (const [component, node] of entries(group)) {
          walk(node, ["components", kind, component], isSharedComponent(component) ? [kind, component] : [...api, kind, component], out);
        }
      }
    } else if (name === "tags" && Array.isArray(value)) {
      value.forEach((tag, index) => {
        if (!isObject(tag) || typeof tag.name !== "string") return;
        // A tag's name is its id (Redoc's links use it); readers see its `x-displayName`.
        out.push({ key: [...api, "tags", tag.name, "name"].join("."), path: ["tags", index, "x-displayName"], en: typeof tag["x-displayName"] === "string" ? tag["x-displayName"] : tag.name });
        walk(tag, ["tags", index], [...api, "tags", tag.name], out);
      });
    } else {
      walk({ [name]: value }, [], api, out);
    }
  }
  return out;
}

/** The catalog's messages, as readers see them on the landing page: `examples.<Example>.message`. */
export function catalogProse(catalog: Catalog): Prose[] {
  return catalog.families.flatMap((family) => family.errors.map((error) => ({ key: `examples.${error.example}.message`, en: error.message })));
}

/** A translation file: `openapi/i18n/<locale>.yaml`. */
export interface Translations {
  locale: string;
  /** The language's own name, for the language switch (`Bahasa Indonesia`). */
  language: string;
  file: string;
  entries: Map<string, { en: string; text: string; line: number; column: number }>;
}

/** Every translation file of a spec folder (`<spec>/i18n/<locale>.yaml`), with what is wrong in them. */
export function loadTranslations(dir: string): { locales: Translations[]; problems: Problem[] } {
  if (!fs.existsSync(dir)) return { locales: [], problems: [] };
  const locales: Translations[] = [];
  const problems: Problem[] = [];
  for (const name of fs.readdirSync(dir).filter((file) => /\.ya?ml$/.test(file)).sort()) {
    const result = parseTranslations(path.join(dir, name), fs.readFileSync(path.join(dir, name), "utf8"));
    problems.push(...result.problems);
    if (result.translations) locales.push(result.translations);
  }
  return { locales, problems };
}

/** Parses one translation file: `language`, then `translations: { <key>: { en, <locale> } }`. */
export function parseTranslations(file: string, text: string): { translations?: Translations; problems: Problem[] } {
  const locale = path.basename(file).replace(/\.ya?ml$/, "");
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const problems: Problem[] = [];
  const at = (node: Node | null | undefined) => {
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
    return { line, column: col };
  };
  const problem = (node: Node | null | undefined, message: string) => problems.push({ file, ...at(node), severity: "error", rule: "i18n", message });
  for (const error of doc.errors) {
    const { line, col } = lines.linePos(error.pos[0]);
    problems.push({ file, line, column: col, severity: "error", rule: "i18n", message: error.message.split("\n")[0]! });
  }
  if (problems.length > 0) return { problems };
  const root = doc.contents;
  const language = doc.get("language");
  const list = doc.get("translations", true) as Node | undefined;
  if (!isMap(root) || typeof language !== "string" || !isMap(list)) {
    problem(root, `a translation file needs \`language\` (its name, e.g. Bahasa Indonesia) and a \`translations\` map of key: { en, ${locale} }`);
    return { problems };
  }
  const translations: Translations = { locale, language, file, entries: new Map() };
  for (const pair of list.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const value = pair.value as Node | null;
    const en = isMap(value) ? value.get("en") : undefined;
    const translated = isMap(value) ? value.get(locale, true) : undefined;
    const textValue = isScalar(translated) ? translated.value : translated;
    if (!key || typeof en !== "string" || (textValue !== undefined && textValue !== null && typeof textValue !== "string")) {
      problem((pair.key as Node | null) ?? value, `${key || "an entry"}: write it as { en: <the English text>, ${locale}: <its translation> }`);
      continue;
    }
    if (translations.entries.has(key)) {
      problem(pair.key as Node, `${key} is translated twice`);
      continue;
    }
    translations.entries.set(key, { en, text: typeof textValue === "string" ? textValue : "", ...at((translated as Node | undefined) ?? (pair.key as Node)) });
  }
  return { translations, problems };
}

/** Whitespace does not count: a file may wrap a long text differently. */
const sameText = (a: string, b: string) => a.replace(/\s+/g, " ").trim() === b.replace(/\s+/g, " ").trim();

/**
 * Looks texts up in one locale and remembers what it could not translate. A key is
 * **missing** when the file has no translation for it, **outdated** when the file translated
 * another English text than the contracts hold today; both show the English text.
 */
export class Translator {
  readonly missing = new Map<string, string>();
  readonly outdated = new Map<string, string>();
  readonly used = new Set<string>();
  constructor(readonly translations: Translations | undefined) {}

  get locale(): string {
    return this.translations?.locale ?? "en";
  }

  text(key: string, en: string): string {
    if (!this.translations) return en;
    this.used.add(key);
    const entry = this.translations.entries.get(key);
    if (!entry || entry.text.trim() === "") {
      this.missing.set(key, en);
      return en;
    }
    if (sameText(entry.en, en) === false) {
      this.outdated.set(key, en);
      return en;
    }
    return entry.text;
  }

  /** Keys of the file that no text of the contracts or pages asked for. */
  unused(): string[] {
    return [...(this.translations?.entries.keys() ?? [])].filter((key) => !this.used.has(key));
  }
}

/** A copy of a bundled API with every prose field translated; wire data is never touched. */
export function translateDoc(doc: Json, prose: Prose[], translator: Translator): Json {
  const copy = structuredClone(doc);
  for (const field of prose) {
    if (!field.path) continue;
    const text = translator.text(field.key, field.en);
    if (text === field.en) continue;
    let node: unknown = copy;
    for (const step of field.path.slice(0, -1)) node = (node as Json)[step as string];
    (node as Json)[field.path.at(-1) as string] = text;
  }
  return copy;
}

/** What a translation must carry over verbatim: what clients and code read, never prose. */
export interface Invariants {
  /** Every catalog code, as text (`30011`, `INSUFFICIENT_PERMISSIONS`, `unAuthorized`). */
  codes: Set<string>;
  /** Names from the contracts: camelCase property and parameter names, header names. */
  names: Set<string>;
  /** The HTTP statuses the contracts document (their responses' keys: `404`, `429`), as text. */
  statuses: Set<string>;
}

export function invariantsOf(catalog: Catalog, docs: Json[]): Invariants {
  const codes = new Set(catalog.families.flatMap((family) => family.errors.map((error) => String(error.code))));
  const names = new Set<string>();
  const statuses = new Set<string>();
  // `at` is the path to `node`; a `headers` map names headers, except `components.headers` (components).
  const visit = (node: unknown, at: string[]): void => {
    if (Array.isArray(node)) return node.forEach((item) => visit(item, [...at, "[]"]));
    const parent = at.at(-1);
    const headerMap = parent === "headers" && at.at(-2) !== "components";
    for (const [key, value] of entries(node)) {
      if (parent === "properties" && /[a-z][A-Z]/.test(key)) names.add(key);
      if (headerMap) names.add(key);
      if (parent === "responses" && statusLike.test(key)) statuses.add(key);
      if (key === "name" && typeof value === "string" && isObject(node) && typeof node.in === "string") {
        if (node.in === "header" || /[a-z][A-Z]/.test(value)) names.add(value);
      }
      if (!dataFields.has(key) || parent === "properties") visit(value, [...at, key]);
    }
  };
  for (const doc of docs) visit(doc, []);
  return { codes, names, statuses };
}

const codeSpanPattern = /(`+)([\s\S]*?[^`])\1(?!`)/g;
const codeSpans = (text: string) => [...text.matchAll(codeSpanPattern)].map((m) => m[2]!.trim());
/** Words, hyphenated words (`Retry-After`) and their parts (`ETag` of `ETag-nya`). */
const words = (text: string) =>
  (text.match(/[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*/gu) ?? [])
    .flatMap((word) => (word.includes("-") ? [word, ...word.split("-")] : [word]));
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The token as a word of `text`: not inside a longer word (a suffix such as `-nya` may follow). */
const hasWord = (text: string, token: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}_-])${escapeRegExp(token)}(?![\\p{L}\\p{N}_])`, "u").test(text);
/** URLs, without the punctuation that ends a sentence or clause after them. */
const urlPattern = /https?:\/\/[^\s)>\]"'`]+/g;
const urls = (text: string) => (text.match(urlPattern) ?? []).map((url) => url.replace(/[.,;:!?]+$/, ""));
const upperSnake = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** An HTTP status written in prose: a three-digit number from 100 to 599 (`429`); its class is `4xx`. */
const statusLike = /^[1-5]\d\d$/;
const statusClasses = (text: string) =>
  (text.match(/(?<![\p{L}\p{N}_])[1-5]xx(?![\p{L}\p{N}_])/giu) ?? []).map((c) => c.toLowerCase());

/** How a locale writes numbers: its thousands separator and decimal mark (Indonesian: `.` and `,`). */
interface NumberStyle {
  group: string;
  decimal: string;
  format: (value: number) => string;
}
const numberStyles = new Map<string, NumberStyle>();
function numberStyle(locale: string): NumberStyle {
  let style = numberStyles.get(locale);
  if (style) return style;
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale.replace(/_/g, "-"), { maximumFractionDigits: 20 });
  } catch {
    format = new Intl.NumberFormat("en", { maximumFractionDigits: 20 }); // a file name that is no language tag
  }
  const parts = format.formatToParts(12345.6);
  const part = (type: string, fallback: string) => parts.find((p) => p.type === type)?.value ?? fallback;
  style = { group: part("group", ","), decimal: part("decimal", "."), format: (value) => format.format(value) };
  numberStyles.set(locale, style);
  return style;
}
const english = numberStyle("en");

/**
 * The numbers of a prose text, outside code spans and URLs (those are kept verbatim as a
 * whole): digits with separators between groups (`6,000`, `1.024`, `2,5`, `10.2.3`), not
 * part of a word (`base64`, `Messaging30011`, `4xx`).
 */
function numbers(text: string, style: NumberStyle): string[] {
  const prose = text.replace(codeSpanPattern, " ").replace(urlPattern, " ");
  const separators = escapeRegExp([...new Set([".", ",", style.group, style.decimal])].join(""));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])\\d+(?:[${separators}]\\d+)*(?![\\p{L}\\p{N}_])`, "gu");
  return prose.match(pattern) ?? [];
}

/**
 * The value of a number as `style` writes it (`1.024` in Indonesian is 1024), or none when it
 * is no such number (`10.2.3`).
 */
function valueOf(token: string, style: NumberStyle): number | undefined {
  const [integer, fraction, ...more] = token.split(style.decimal);
  if (more.length > 0 || (fraction !== undefined && !/^\d+$/.test(fraction))) return undefined;
  const groups = integer!.split(style.group);
  if (!groups.every((group) => /^\d+$/.test(group))) return undefined;
  const [first, ...rest] = groups;
  const grouped = rest.length === 0 || (first!.length <= 3 && rest.every((group) => group.length === 3));
  if (!grouped) return undefined;
  return Number(`${groups.join("")}${fraction === undefined ? "" : `.${fraction}`}`);
}

/**
 * The invariance rule: a translation keeps every code, HTTP status, field name, header name,
 * code span and URL of its English text exactly, and every other number's value (written the
 * locale's way: `1.024` for `1,024`), and adds none. Returns what breaks it (empty when none).
 */
export function invarianceProblems(en: string, translated: string, invariants: Invariants, locale: string): string[] {
  const problems: string[] = [];
  const enSpans = codeSpans(en);
  const trSpans = codeSpans(translated);
  for (const span of new Set(enSpans)) {
    if (!trSpans.includes(span)) problems.push(`must keep \`${span}\` of the English text`);
  }
  for (const span of new Set(trSpans)) {
    if (!enSpans.includes(span)) problems.push(`adds \`${span}\`, which the English text does not have`);
  }
  // Tokens outside code spans too: "innerError", "Retry-After", "INSUFFICIENT_PERMISSIONS", "30011".
  const isCode = (word: string) => invariants.codes.has(word) || upperSnake.test(word);
  const protectedToken = (word: string) => isCode(word) || invariants.names.has(word);
  for (const word of new Set(words(en))) {
    if (!protectedToken(word) || hasWord(translated, word)) continue;
    const what = invariants.codes.has(word) ? "the code " : invariants.names.has(word) ? "the name " : "";
    problems.push(`must keep ${what}${word} verbatim`);
  }
  for (const word of new Set(words(translated))) {
    if (!protectedToken(word) || hasWord(en, word)) continue;
    problems.push(isCode(word)
      ? `adds the code ${word}, which the English text does not have: codes are never translated`
      : `adds ${word}, which the English text does not have`);
  }
  const trUrls = urls(translated);
  for (const url of new Set(urls(en))) if (!trUrls.includes(url)) problems.push(`must keep the URL ${url}`);

  // HTTP statuses verbatim; other numbers by value. A code is checked as a code, above.
  const enClasses = statusClasses(en);
  const trClasses = statusClasses(translated);
  for (const c of new Set(enClasses)) {
    if (!trClasses.includes(c)) problems.push(`must keep the HTTP status class ${c} verbatim`);
  }
  for (const c of new Set(trClasses)) {
    if (!enClasses.includes(c)) problems.push(`adds the HTTP status class ${c}, which the English text does not have`);
  }
  const style = numberStyle(locale);
  const enNumbers = numbers(en, english);
  const trNumbers = numbers(translated, style);
  /** The same number: spelled the same, or (not a status) of the same value as each language writes it. */
  const same = (enNumber: string, trNumber: string) => {
    if (enNumber === trNumber) return true;
    if (statusLike.test(enNumber) || statusLike.test(trNumber)) return false;
    const value = valueOf(enNumber, english);
    return value !== undefined && valueOf(trNumber, style) === value;
  };
  for (const number of new Set(enNumbers)) {
    if (invariants.codes.has(number) || trNumbers.some((other) => same(number, other))) continue;
    const value = valueOf(number, english);
    const local = value === undefined ? number : style.format(value);
    if (invariants.statuses.has(number)) problems.push(`must keep the HTTP status ${number} verbatim`);
    else if (/[.,]/.test(number) && local !== number) {
      problems.push(`must keep the number ${number} (its value, written ${local} in ${locale})`);
    } else problems.push(`must keep the number ${number}`);
  }
  for (const number of new Set(trNumbers)) {
    if (invariants.codes.has(number) || enNumbers.some((other) => same(other, number))) continue;
    const what = invariants.statuses.has(number) ? "the HTTP status" : "the number";
    problems.push(`adds ${what} ${number}, which the English text does not have`);
  }
  return [...new Set(problems)];
}

/** Every entry of a translation file that breaks the invariance rule, as build problems. */
export function checkTranslations(translations: Translations, invariants: Invariants): Problem[] {
  const problems: Problem[] = [];
  for (const [key, entry] of translations.entries) {
    if (entry.text.trim() === "") continue;
    for (const message of invarianceProblems(entry.en, entry.text, invariants, translations.locale)) {
      problems.push({ file: translations.file, line: entry.line, column: entry.column, severity: "error", rule: "i18n", message: `${key}: the translation ${message}` });
    }
  }
  return problems;
}
