import fs from "node:fs";
import path from "node:path";
import { SourceReader, UnreadableFile } from "../core/read.js";
import { isMap, isScalar, LineCounter, parseDocument, type Node } from "yaml";
import type { Problem } from "../core/problems.js";

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
  for (const name of fs
    .readdirSync(dir)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()) {
    const file = path.join(dir, name);
    let text: string;
    try {
      // Read as every spec file is: within the size limit, UTF-8 only (the byte offset named).
      text = new SourceReader().read(file);
    } catch (error) {
      if (!(error instanceof UnreadableFile)) throw error;
      const { line, column, reason } = error;
      problems.push({ file, line, column, severity: "error", rule: "i18n", message: reason });
      continue;
    }
    const result = parseTranslations(file, text);
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
  const problem = (node: Node | null | undefined, message: string) =>
    problems.push({ file, ...at(node), severity: "error", rule: "i18n", message });
  for (const error of doc.errors) {
    const { line, col } = lines.linePos(error.pos[0]);
    problems.push({ file, line, column: col, severity: "error", rule: "i18n", message: error.message.split("\n")[0]! });
  }
  if (problems.length > 0) return { problems };
  const root = doc.contents;
  const language = doc.get("language");
  const list = doc.get("translations", true) as Node | undefined;
  if (!isMap(root) || typeof language !== "string" || !isMap(list)) {
    problem(
      root,
      "a translation file needs `language` (its name, e.g. Bahasa Indonesia)" +
        ` and a \`translations\` map of key: { en, ${locale} }`,
    );
    return { problems };
  }
  const translations: Translations = { locale, language, file, entries: new Map() };
  for (const pair of list.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const value = pair.value as Node | null;
    const en = isMap(value) ? value.get("en") : undefined;
    const translated = isMap(value) ? value.get(locale, true) : undefined;
    const textValue = isScalar(translated) ? translated.value : translated;
    const badText = textValue !== undefined && textValue !== null && typeof textValue !== "string";
    if (!key || typeof en !== "string" || badText) {
      const shape = `{ en: <the English text>, ${locale}: <its translation> }`;
      problem((pair.key as Node | null) ?? value, `${key || "an entry"}: write it as ${shape}`);
      continue;
    }
    if (translations.entries.has(key)) {
      problem(pair.key as Node, `${key} is translated twice`);
      continue;
    }
    const text = typeof textValue === "string" ? textValue : "";
    translations.entries.set(key, { en, text, ...at((translated as Node | undefined) ?? (pair.key as Node)) });
  }
  return { translations, problems };
}
