import { landingText } from "./landing-text.js";
import { pageText } from "./nav.js";
import { redocLabels } from "./redoc-labels.js";
import type { Translator } from "./translator.js";

/** Every UI text of the pages (landing page, reference bar, Redoc's labels) by translation key, in English. */
export const uiDefaults: Record<string, string> = {
  ...landingText,
  ...pageText,
  ...Object.fromEntries(Object.entries(redocLabels).map(([key, en]) => [`ui.redoc.${key}`, en])),
};

/** Looks a UI text up in the translator's language (English where it has none). */
export const uiText = (translator: Translator) => (key: string) => translator.text(key, uiDefaults[key] ?? key);

/** Redoc's labels in the translator's language, by Redoc's keys. */
export const redocLabelsIn = (translator: Translator) =>
  Object.fromEntries(Object.keys(redocLabels).map((key) => [key, uiText(translator)(`ui.redoc.${key}`)]));
