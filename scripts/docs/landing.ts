import { htmlHeader } from "../core/do-not-edit.js";
import { inlineScript, inlineStyle } from "./assets.js";
import { contentSecurityPolicy, cspMeta } from "./csp.js";
import { html, inlineMarkdown, join, raw } from "./html.js";
import { renderCatalog } from "./landing-catalog.js";
import { renderMatrix } from "./landing-matrix.js";

export interface LandingError {
  /** `messaging-30011`: the row's id, stable for links from tickets and logs. */
  anchor: string;
  family: string;
  code: string;
  status: number;
  /** The message in the page's language. */
  message: string;
  /** The message as the response carries it, when the page shows a translation of it. */
  wireMessage?: string;
  description: string;
  retryable: boolean;
  /** The code sits in `innerError`, not at the top of the body. */
  inner: boolean;
  /** Where the reference documents the code, relative to the page, and the operation's label. */
  doc?: { href: string; label: string; status: number };
}

/** An API's card: its title and summary, its family's media type, how many codes, how many error statuses it documents. */
export interface LandingApi {
  id: string;
  title: string;
  summary: string;
  href: string;
  family: string;
  mediaType: string;
  codes: number;
  statuses: number;
}

export interface LandingPage {
  lang: string;
  /** Looks up `ui.landing.*` in the page's language. */
  text: (key: string) => string;
  title: string;
  languages: { lang: string; label: string; href: string; current: boolean }[];
  apis: LandingApi[];
  /** The matrix's rows: each family, then each API that no family covers, with the statuses it documents. */
  families: { id: string; statuses: { status: number; meaning: string }[] }[];
  errors: LandingError[];
  /** How many error statuses (4xx, 5xx, 4XX, 5XX, default) the APIs document, each counted once. */
  errorStatuses: number;
  /** The source named in the do-not-edit line. */
  source: string;
}

const style = inlineStyle("landing.css");
/** Filters the catalog as the reader types; a `#codes-<family>-<status>` link sets the filters. */
const script = inlineScript("landing.js");

const ariaCurrent = html` aria-current="page"`;
const sections: [string, string][] = [
  ["apis", "ui.landing.apisHeading"],
  ["matrix", "ui.landing.matrixHeading"],
  ["catalog-section", "ui.landing.catalogHeading"],
];

function apiCard(api: LandingApi, t: (key: string) => string) {
  const codes = `${api.codes} ${t(api.codes === 1 ? "ui.landing.apiCode" : "ui.landing.apiCodes")}`;
  const statuses = `${api.statuses} ${t("ui.landing.apiStatuses")}`;
  return html`<a class="api" href="${api.href}">
  <h3>${api.title}</h3>
  <p>${inlineMarkdown(api.summary)}</p>
  <div class="meta"><span class="mono">${api.mediaType}</span><span>${codes}</span><span>${statuses}</span></div>
  <span class="open">${t("ui.landing.apiOpen")} →</span>
</a>`;
}

/** `docs/index.html` (and `docs/<locale>/index.html`): the APIs, the error matrix and the searchable catalog. */
export function renderLandingPage(page: LandingPage): string {
  const t = page.text;
  const languages = page.languages.map((l) => {
    const current = l.current ? ariaCurrent : "";
    return html`<a href="${l.href}" hreflang="${l.lang}" lang="${l.lang}" data-keep-hash${current}>${l.label}</a>`;
  });
  const sectionLinks = sections.map(([id, key]) => html`<a href="#${id}">${t(key)}</a>`);
  const body = html`<header class="bar">
  <span class="product">${t("ui.landing.product")}</span>
  <nav class="sections" aria-label="${t("ui.landing.apisHeading")}">${sectionLinks}</nav>
  <nav class="langs" aria-label="${t("ui.landing.language")}">${languages}</nav>
</header>
<main>
<div class="hero">
  <h1>${page.title}</h1>
  <p>${t("ui.landing.lead")}</p>
  <div class="stats">
    <div><b>${page.apis.length}</b><span>${t("ui.landing.statApis")}</span></div>
    <div><b>${page.errors.length}</b><span>${t("ui.landing.statCodes")}</span></div>
    <div><b>${page.errorStatuses}</b><span>${t("ui.landing.statStatuses")}</span></div>
  </div>
</div>
<section id="apis">
<h2>${t("ui.landing.apisHeading")}</h2>
<div class="apis">
${join(
  page.apis.map((api) => apiCard(api, t)),
  "\n",
)}
</div>
</section>
<section id="matrix">
<h2>${t("ui.landing.matrixHeading")}</h2>
<p class="lead">${t("ui.landing.matrixLead")}</p>
${renderMatrix(page)}
</section>
${renderCatalog(page)}
</main>
<footer>${t("ui.landing.footer")}</footer>
<script>${raw(script)}</script>`;
  const policy = contentSecurityPolicy([script], [style]);
  return String(html`${raw(htmlHeader(page.source))}<!DOCTYPE html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
${cspMeta(policy)}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${page.title} · ${t("ui.landing.product")}</title>
<style>${raw(style)}</style>
</head>
<body>
${body}
</body>
</html>
`);
}
