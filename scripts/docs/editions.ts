import type { Problem } from "../core/problems.js";
import type { BundledApi } from "../core/bundle.js";
import type { Catalog } from "../core/catalog-format.js";
import { checkTranslations, invariantsOf } from "./invariance.js";
import type { Json } from "./json.js";
import { catalogProse, proseOf } from "./prose.js";
import { loadTranslations } from "./translations.js";
import { translateDoc, Translator } from "./translator.js";
import { uiDefaults } from "./ui-text.js";

/** One language of the docs: English at the root of `docs/`, each translation in `docs/<locale>/`. */
export interface Edition {
  lang: string;
  /** The language's own name, for the language switch. */
  language: string;
  /** The edition's folder inside `docs/`: `""` or `"id/"`. */
  dir: string;
  translator: Translator;
  /** Each API with its prose in this language. */
  docs: Map<string, Json>;
}

export interface EditionPlan {
  editions: Edition[];
  /** Translations that break the invariance rule: the build stops on them. */
  problems: Problem[];
  /** One summary per translation: `id: 431 keys, 0 missing, 0 outdated`. */
  summary: string;
  /** The keys each translation lacks, has outdated, or no longer needs: one line each. */
  details: string[];
}

/** The relative link from one edition's folder to another's (`""` is the English root, `"id/"`). */
export function editionHref(from: string, to: string): string {
  const up = from
    .split("/")
    .filter(Boolean)
    .map(() => "../")
    .join("");
  return up + to;
}

const oneLine = (text: string) => {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 80 ? `${line.slice(0, 77)}...` : line;
};

/** What a translation lacks, has outdated or no longer needs: one line each. */
function untranslated(translator: Translator, file: string): string[] {
  return [
    ...[...translator.missing].map(([key, en]) => `  ${file}: missing ${key} (shown in English: "${oneLine(en)}")`),
    ...[...translator.outdated].map(
      ([key, en]) => `  ${file}: outdated ${key}: the English text is now "${oneLine(en)}"`,
    ),
    ...translator.unused().map((key) => `  ${file}: unused ${key}: no text of the contracts has this key`),
  ];
}

/**
 * Reads the translations beside the contracts (`<spec>/i18n/<locale>.yaml`) and translates
 * every text the pages will show, so that what a translation lacks is known before any page
 * is rendered. A missing or outdated translation shows the English text.
 */
export function planEditions(
  apis: BundledApi[],
  catalog: Catalog,
  components: Map<string, string>,
  i18nDir: string,
  displayName: (file: string) => string,
): EditionPlan {
  const prose = new Map(apis.map((api) => [api.id, proseOf(api.id, api.doc, (name) => components.has(name))]));
  const { locales, problems } = loadTranslations(i18nDir);
  const invariants = invariantsOf(
    catalog,
    apis.map((api) => api.doc),
  );
  const englishDocs = new Map(apis.map((api) => [api.id, api.doc]));
  const editions: Edition[] = [
    { lang: "en", language: "English", dir: "", translator: new Translator(undefined), docs: englishDocs },
  ];
  const summaries: string[] = [];
  const details: string[] = [];
  for (const translations of locales) {
    problems.push(...checkTranslations(translations, invariants));
    const translator = new Translator(translations);
    const docs = new Map(apis.map((api) => [api.id, translateDoc(api.doc, prose.get(api.id)!, translator)]));
    for (const field of catalogProse(catalog)) translator.text(field.key, field.en);
    for (const [key, en] of Object.entries(uiDefaults)) translator.text(key, en);
    const { locale, language } = translations;
    editions.push({ lang: locale, language, dir: `${locale}/`, translator, docs });
    const { used, missing, outdated } = translator;
    summaries.push(`${locale}: ${used.size} keys, ${missing.size} missing, ${outdated.size} outdated`);
    details.push(...untranslated(translator, displayName(translations.file)));
  }
  return { editions, problems, summary: summaries.join("; ") || "no translations", details };
}
