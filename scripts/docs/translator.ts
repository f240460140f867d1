import type { Json } from "./json.js";
import type { Prose } from "./prose.js";
import type { Translations } from "./translations.js";

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
