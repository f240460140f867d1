import type { Problem } from "../core/problems.js";
import type { Catalog } from "../core/catalog-format.js";
import { entries, isObject, type Json } from "./json.js";
import { english, numbers, numberStyle, numberValue } from "./numbers.js";
import { dataFields } from "./prose.js";
import { codeSpans, hasWord, statusClasses, statusLike, upperSnake, urls, words } from "./tokens.js";
import type { Translations } from "./translations.js";

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
    if (Array.isArray(node)) {
      for (const item of node) visit(item, [...at, "[]"]);
      return;
    }
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

/** HTTP statuses verbatim; other numbers by value, as each language writes them. Codes are checked as codes. */
function numberProblems(en: string, translated: string, invariants: Invariants, locale: string): string[] {
  const problems: string[] = [];
  const style = numberStyle(locale);
  const enNumbers = numbers(en, english);
  const trNumbers = numbers(translated, style);
  /** The same number: spelled the same, or (not a status) of the same value as each language writes it. */
  const same = (enNumber: string, trNumber: string) => {
    if (enNumber === trNumber) return true;
    if (statusLike.test(enNumber) || statusLike.test(trNumber)) return false;
    const value = numberValue(enNumber, english);
    return value !== undefined && numberValue(trNumber, style) === value;
  };
  for (const number of new Set(enNumbers)) {
    if (invariants.codes.has(number) || trNumbers.some((other) => same(number, other))) continue;
    const value = numberValue(number, english);
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
  return problems;
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
    problems.push(
      isCode(word)
        ? `adds the code ${word}, which the English text does not have: codes are never translated`
        : `adds ${word}, which the English text does not have`,
    );
  }
  const trUrls = urls(translated);
  for (const url of new Set(urls(en))) if (!trUrls.includes(url)) problems.push(`must keep the URL ${url}`);

  // HTTP status classes verbatim (`4xx`); statuses and other numbers below.
  const enClasses = statusClasses(en);
  const trClasses = statusClasses(translated);
  for (const c of new Set(enClasses)) {
    if (!trClasses.includes(c)) problems.push(`must keep the HTTP status class ${c} verbatim`);
  }
  for (const c of new Set(trClasses)) {
    if (!enClasses.includes(c)) problems.push(`adds the HTTP status class ${c}, which the English text does not have`);
  }
  problems.push(...numberProblems(en, translated, invariants, locale));
  return [...new Set(problems)];
}

/** Every entry of a translation file that breaks the invariance rule, as build problems. */
export function checkTranslations(translations: Translations, invariants: Invariants): Problem[] {
  const problems: Problem[] = [];
  for (const [key, entry] of translations.entries) {
    if (entry.text.trim() === "") continue;
    for (const message of invarianceProblems(entry.en, entry.text, invariants, translations.locale)) {
      const { line, column } = entry;
      const problem = `${key}: the translation ${message}`;
      problems.push({ file: translations.file, line, column, severity: "error", rule: "i18n", message: problem });
    }
  }
  return problems;
}
