import { inlineScript } from "./assets.js";
import { html, raw, type Html } from "./html.js";

/** The bar above each reference page (`ui.page.*`), in English. */
export const pageText: Record<string, string> = {
  "ui.page.catalog": "Error catalog",
  "ui.page.apis": "APIs",
  "ui.page.language": "Language",
};

/** The bar above a reference page: the catalog, every API, the languages. */
export interface PageNav {
  catalogHref: string;
  text: (key: string) => string;
  apis: { id: string; label: string; href: string; current: boolean }[];
  languages: { lang: string; label: string; href: string; current: boolean }[];
}

/** Keeps the reader's place (the part after `#`) when switching language. */
export const keepHashScript = inlineScript("keep-hash.js");

const ariaCurrent = html` aria-current="page"`;
const link = (href: string, label: string, current: boolean, extra: Html | "" = "") =>
  html`<a href="${href}"${current ? ariaCurrent : ""}${extra}>${label}</a>`;

export function renderNav(nav: PageNav): Html {
  const apis = nav.apis.map((api) => link(api.href, api.label, api.current));
  const languages = nav.languages.map((l) =>
    link(l.href, l.label, l.current, html` hreflang="${l.lang}" lang="${l.lang}" data-keep-hash`),
  );
  return html`<header class="ec-bar">
    ${link(nav.catalogHref, `← ${nav.text("ui.page.catalog")}`, false, html` class="ec-home"`)}
    <nav class="ec-apis" aria-label="${nav.text("ui.page.apis")}">${apis}</nav>
    <nav class="ec-langs" aria-label="${nav.text("ui.page.language")}">${languages}</nav>
  </header>
  <script>${raw(keepHashScript)}</script>`;
}
