import { htmlHeader } from "../build/header.js";
import { contentSecurityPolicy, cspMeta, escapeHtml, inlineMarkdown } from "./html.js";

/** The landing page's words (`ui.landing.*`), in English. */
export const landingText: Record<string, string> = {
  "ui.landing.product": "Error contracts",
  "ui.landing.title": "API error reference",
  "ui.landing.lead": "Every error code the APIs return: its HTTP status, what it means, whether a retry can succeed, and where the reference documents it.",
  "ui.landing.statApis": "APIs",
  "ui.landing.statCodes": "error codes",
  "ui.landing.statStatuses": "HTTP error statuses",
  "ui.landing.language": "Language",
  "ui.landing.apisHeading": "APIs",
  "ui.landing.apiCode": "code",
  "ui.landing.apiCodes": "codes",
  "ui.landing.apiStatuses": "error statuses",
  "ui.landing.apiOpen": "Open the reference",
  "ui.landing.matrixHeading": "Error matrix",
  "ui.landing.matrixLead": "API families down, HTTP statuses across. A number counts the codes that come with the status: select it to list them. A dot marks a status the family documents without a code of its own.",
  "ui.landing.matrixFamily": "Family",
  "ui.landing.matrixNoCodes": "documented, no code in the catalog",
  "ui.landing.catalogHeading": "Error catalog",
  "ui.landing.catalogLead": "Search by code, message or description. Every code has a stable link (its # anchor) to quote in support tickets and logs.",
  "ui.landing.search": "Search codes, messages and descriptions",
  "ui.landing.allFamilies": "All families",
  "ui.landing.allStatuses": "All statuses",
  "ui.landing.anyRetry": "Retryable or not",
  "ui.landing.retryableOnly": "Retryable",
  "ui.landing.notRetryable": "Not retryable",
  "ui.landing.clear": "Clear",
  "ui.landing.countShowing": "Showing",
  "ui.landing.countOf": "of",
  "ui.landing.countCodes": "codes",
  "ui.landing.noMatch": "No code matches. Clear the filters, or search for part of a code or message.",
  "ui.landing.colCode": "Code",
  "ui.landing.colStatus": "Status",
  "ui.landing.colFamily": "Family",
  "ui.landing.colMessage": "Message",
  "ui.landing.colDescription": "Description",
  "ui.landing.colRetryable": "Retryable",
  "ui.landing.colDocs": "Documented at",
  "ui.landing.yes": "Yes",
  "ui.landing.no": "No",
  "ui.landing.innerCode": "in innerError",
  "ui.landing.wireMessage": "The response says",
  "ui.landing.permalink": "Link to this code",
  "ui.landing.footer": "Built from the OpenAPI contracts by error-contracts. Do not edit this page: change openapi/ and rebuild.",
};

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

export interface LandingPage {
  lang: string;
  /** Looks up `ui.landing.*` in the page's language. */
  text: (key: string) => string;
  title: string;
  languages: { lang: string; label: string; href: string; current: boolean }[];
  apis: { id: string; title: string; summary: string; href: string; family: string; mediaType: string; codes: number; statuses: number }[];
  families: { id: string; statuses: { status: number; meaning: string }[] }[];
  errors: LandingError[];
  /** The source named in the do-not-edit line. */
  source: string;
}

const style = `
:root { --ink: #172033; --muted: #5b6577; --line: #e3e7ee; --soft: #f5f7fa; --brand: #1f5eff; --brand-ink: #0f1b2d;
  --c4: #9a5b00; --c4-bg: #fff4e0; --c5: #b3261e; --c5-bg: #fdecea; --ok: #1b7f4b; --ok-bg: #e6f6ed; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: var(--brand); text-decoration: none; }
a:hover, a:focus-visible { text-decoration: underline; }
code, .mono { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: .88em; }
code { background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 0 .3em; }
.bar { position: sticky; top: 0; z-index: 5; display: flex; align-items: center; gap: 24px; height: 52px; padding: 0 32px; background: var(--brand-ink); color: #c9d3e3; font-size: 14px; }
.bar .product { color: #fff; font-weight: 650; letter-spacing: .01em; font-size: 15px; }
.bar nav { display: flex; gap: 18px; }
.bar nav.sections { flex: 1; }
.bar a { color: #c9d3e3; }
.bar a:hover { color: #fff; }
.bar .langs { display: flex; gap: 12px; }
.bar .langs [aria-current] { color: #fff; border-bottom: 2px solid #5b9dff; }
main { max-width: 1280px; margin: 0 auto; padding: 0 32px 64px; }
.hero { padding: 44px 0 28px; border-bottom: 1px solid var(--line); }
.hero h1 { margin: 0 0 8px; font-size: 34px; line-height: 1.2; letter-spacing: -.01em; }
.hero p { margin: 0; max-width: 760px; color: var(--muted); font-size: 17px; }
.stats { display: flex; gap: 36px; margin-top: 22px; }
.stats div { display: flex; flex-direction: column; }
.stats b { font-size: 26px; line-height: 1.1; }
.stats span { color: var(--muted); font-size: 13px; }
section { padding-top: 36px; scroll-margin-top: 60px; }
h2 { margin: 0 0 6px; font-size: 22px; }
.lead { margin: 0 0 18px; color: var(--muted); max-width: 820px; }
.apis { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 16px; }
.api { display: flex; flex-direction: column; gap: 8px; padding: 18px 18px 16px; border: 1px solid var(--line); border-radius: 10px; background: #fff; }
.api:hover { border-color: #b8c4d8; box-shadow: 0 2px 10px rgba(15,27,45,.06); }
.api h3 { margin: 0; font-size: 16px; }
.api p { margin: 0; color: var(--muted); font-size: 14px; flex: 1; }
.api .meta { display: flex; flex-wrap: wrap; gap: 6px 14px; color: var(--muted); font-size: 13px; }
.api .open { font-weight: 600; font-size: 14px; }
.matrix-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 10px; }
table { border-collapse: collapse; width: 100%; }
.matrix th, .matrix td { padding: 8px 6px; text-align: center; border-bottom: 1px solid var(--line); font-variant-numeric: tabular-nums; }
.matrix thead th { font-size: 12.5px; color: var(--muted); font-weight: 600; background: var(--soft); }
.matrix thead tr:first-child th { font-size: 11.5px; text-transform: uppercase; letter-spacing: .06em; }
.matrix th.group4 { color: var(--c4); } .matrix th.group5 { color: var(--c5); }
.matrix th.s5, .matrix td.s5.first { border-left: 2px solid var(--line); }
.matrix tbody th { text-align: left; padding-left: 16px; font-weight: 600; white-space: nowrap; }
.matrix tbody tr:last-child > * { border-bottom: 0; }
.matrix a.n { display: inline-block; min-width: 30px; padding: 3px 6px; border-radius: 6px; font-weight: 650; font-size: 13.5px; }
.matrix a.n.s4 { color: var(--c4); background: var(--c4-bg); } .matrix a.n.s5 { color: var(--c5); background: var(--c5-bg); }
.matrix a.n:hover { text-decoration: none; outline: 2px solid currentColor; }
.matrix .dot { color: #a3acbb; font-size: 18px; line-height: 1; cursor: help; }
.controls { position: sticky; top: 52px; z-index: 4; display: flex; flex-wrap: wrap; align-items: center; gap: 10px; padding: 12px 0; background: #fff; }
.controls input[type=search] { flex: 1 1 260px; min-width: 220px; height: 40px; padding: 0 14px; border: 1px solid #c8d0dc; border-radius: 8px; font: inherit; }
.controls select, .controls button { height: 40px; padding: 0 10px; border: 1px solid #c8d0dc; border-radius: 8px; background: #fff; font: inherit; color: var(--ink); }
.controls button { cursor: pointer; }
.controls input:focus, .controls select:focus, .controls button:focus { outline: 2px solid var(--brand); outline-offset: 1px; }
.count { margin-left: auto; color: var(--muted); font-size: 14px; white-space: nowrap; }
.catalog { border: 1px solid var(--line); border-radius: 10px; }
.catalog table { border-collapse: separate; border-spacing: 0; table-layout: fixed; }
.catalog col.c-code { width: 210px; } .catalog col.c-status { width: 84px; } .catalog col.c-family { width: 104px; }
.catalog col.c-retry { width: 100px; } .catalog col.c-docs { width: 215px; }
.catalog td { overflow-wrap: anywhere; }
.catalog thead th:first-child { border-top-left-radius: 10px; } .catalog thead th:last-child { border-top-right-radius: 10px; }
.catalog th { position: sticky; top: var(--thead-top, 116px); z-index: 3; background: var(--soft); text-align: left; font-size: 12.5px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); padding: 10px 12px; border-bottom: 1px solid var(--line); }
.catalog td { padding: 12px; vertical-align: top; border-bottom: 1px solid var(--line); font-size: 14px; }
.catalog tbody tr:last-child td { border-bottom: 0; }
.catalog tr { scroll-margin-top: calc(var(--thead-top, 116px) + 56px); }
.catalog tr:target td { background: #fff8dc; }
.catalog tr:target td:first-child { box-shadow: inset 4px 0 0 #f0b400; }
.catalog .code { white-space: nowrap; }
.catalog .code .mono { font-weight: 650; font-size: 13.5px; }
.catalog .code .perma { margin-left: 6px; color: #a3acbb; font-weight: 400; }
.catalog .code .perma:hover { color: var(--brand); text-decoration: none; }
.catalog .inner { display: block; color: var(--muted); font-size: 12px; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12.5px; font-weight: 650; font-variant-numeric: tabular-nums; }
.badge.s4 { color: var(--c4); background: var(--c4-bg); } .badge.s5 { color: var(--c5); background: var(--c5-bg); }
.badge.yes { color: var(--ok); background: var(--ok-bg); } .badge.no { color: var(--muted); background: var(--soft); }
.catalog .family { color: var(--muted); }
.catalog .wire { display: block; margin-top: 4px; color: var(--muted); font-size: 12.5px; }
.catalog .desc { color: #303a4d; }
.catalog .docs { font-size: 13.5px; }
.empty { padding: 28px; text-align: center; color: var(--muted); }
footer { max-width: 1280px; margin: 0 auto; padding: 24px 32px 40px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); }
@media (max-width: 760px) { main, footer { padding-left: 16px; padding-right: 16px; } .bar { padding: 0 16px; } .bar nav.sections { display: none; } .catalog table { table-layout: auto; } .catalog col, .catalog .desc, .catalog .family, .catalog thead th:nth-child(3), .catalog thead th:nth-child(5) { display: none; } }
`;

/** Filters the catalog as the reader types; a `#codes-<family>-<status>` link sets the filters. */
const script = `(() => {
  const rows = [...document.querySelectorAll("#catalog tbody tr")];
  const [q, family, status, retry] = ["q", "family", "status", "retry"].map((id) => document.getElementById(id));
  const norm = (text) => text.toLowerCase().replace(/[\\s_\\-]+/g, " ").trim();
  const index = rows.map((row) => norm(row.id + " " + row.textContent));
  const apply = () => {
    const words = norm(q.value).split(" ").filter(Boolean);
    let shown = 0;
    rows.forEach((row, i) => {
      const match = (!family.value || row.dataset.family === family.value) && (!status.value || row.dataset.status === status.value) &&
        (!retry.value || row.dataset.retryable === retry.value) && words.every((word) => index[i].includes(word));
      row.hidden = !match;
      if (match) shown++;
    });
    document.getElementById("shown").textContent = String(shown);
    document.getElementById("empty").hidden = shown > 0;
  };
  const clear = () => { q.value = ""; family.value = ""; status.value = ""; retry.value = ""; };
  // The table's header sticks below the bar and the controls, however tall they wrap.
  const controls = document.querySelector(".controls");
  const place = () => document.documentElement.style.setProperty("--thead-top", document.querySelector(".bar").offsetHeight + controls.offsetHeight + "px");
  place();
  window.addEventListener("resize", place);
  const fromHash = () => {
    const target = decodeURIComponent(location.hash.slice(1));
    const cell = /^codes-(.+)-(\\d{3})$/.exec(target);
    if (cell) {
      clear(); family.value = cell[1]; status.value = cell[2]; apply();
      document.getElementById("catalog-section").scrollIntoView();
      return;
    }
    const row = target ? document.getElementById(target) : null;
    if (row && row.tagName === "TR" && row.hidden) { clear(); apply(); row.scrollIntoView({ block: "center" }); }
  };
  for (const control of [q, family, status, retry]) control.addEventListener("input", apply);
  document.getElementById("clear").addEventListener("click", () => { clear(); apply(); q.focus(); });
  for (const a of document.querySelectorAll("a[data-keep-hash]")) a.addEventListener("click", () => { a.href = a.href.split("#")[0] + location.hash; });
  window.addEventListener("hashchange", fromHash);
  apply();
  fromHash();
})();`;

const statusClass = (status: number) => (status >= 500 ? "s5" : "s4");

function matrix(page: LandingPage): string {
  const t = page.text;
  const statuses = [...new Set(page.families.flatMap((f) => f.statuses.map((s) => s.status)))].filter((s) => s >= 400).sort((a, b) => a - b);
  const fours = statuses.filter((s) => s < 500).length;
  const fives = statuses.length - fours;
  const firstFive = statuses.find((s) => s >= 500);
  const head = `<thead>
<tr><th rowspan="2" scope="col">${escapeHtml(t("ui.landing.matrixFamily"))}</th>${fours ? `<th colspan="${fours}" class="group4" scope="colgroup">4xx</th>` : ""}${fives ? `<th colspan="${fives}" class="group5 s5" scope="colgroup">5xx</th>` : ""}</tr>
<tr>${statuses.map((s) => `<th scope="col"${s === firstFive ? ' class="s5"' : ""}>${s}</th>`).join("")}</tr>
</thead>`;
  const body = page.families.map((family) => {
    const cells = statuses.map((status) => {
      const cls = [statusClass(status), status === firstFive ? "first" : ""].filter(Boolean).join(" ");
      const documented = family.statuses.find((s) => s.status === status);
      const codes = page.errors.filter((e) => e.family === family.id && e.status === status);
      if (codes.length > 0) {
        const title = `${status} ${documented?.meaning ?? ""}\n${codes.map((e) => e.code).join(", ")}`;
        return `<td class="${cls}"><a class="n ${statusClass(status)}" href="#codes-${escapeHtml(family.id)}-${status}" title="${escapeHtml(title)}">${codes.length}</a></td>`;
      }
      if (documented) return `<td class="${cls}"><span class="dot" title="${escapeHtml(`${status} ${documented.meaning} (${t("ui.landing.matrixNoCodes")})`)}">·</span></td>`;
      return `<td class="${cls}"></td>`;
    });
    return `<tr><th scope="row">${escapeHtml(family.id)}</th>${cells.join("")}</tr>`;
  });
  return `<div class="matrix-wrap"><table class="matrix">${head}<tbody>
${body.join("\n")}
</tbody></table></div>`;
}

function row(error: LandingError, t: (key: string) => string): string {
  const cls = statusClass(error.status);
  const message = error.wireMessage === undefined
    ? escapeHtml(error.message)
    : `${escapeHtml(error.message)}<span class="wire">${escapeHtml(t("ui.landing.wireMessage"))}: <span lang="en">“${escapeHtml(error.wireMessage)}”</span></span>`;
  const doc = error.doc
    ? `<a href="${escapeHtml(error.doc.href)}">${escapeHtml(error.doc.label)}</a> <span class="badge ${statusClass(error.doc.status)}">${error.doc.status}</span>`
    : "";
  return `<tr id="${escapeHtml(error.anchor)}" data-family="${escapeHtml(error.family)}" data-status="${error.status}" data-retryable="${error.retryable ? "yes" : "no"}">` +
    `<td class="code">${error.doc ? `<a class="mono" href="${escapeHtml(error.doc.href)}">${escapeHtml(error.code)}</a>` : `<span class="mono">${escapeHtml(error.code)}</span>`}` +
    `<a class="perma" href="#${escapeHtml(error.anchor)}" title="${escapeHtml(t("ui.landing.permalink"))}" aria-label="${escapeHtml(`${t("ui.landing.permalink")}: ${error.code}`)}">#</a>` +
    `${error.inner ? `<span class="inner">${escapeHtml(t("ui.landing.innerCode"))}</span>` : ""}</td>` +
    `<td><span class="badge ${cls}">${error.status}</span></td>` +
    `<td class="family">${escapeHtml(error.family)}</td>` +
    `<td>${message}</td>` +
    `<td class="desc">${inlineMarkdown(error.description)}</td>` +
    `<td><span class="badge ${error.retryable ? "yes" : "no"}">${escapeHtml(t(error.retryable ? "ui.landing.yes" : "ui.landing.no"))}</span></td>` +
    `<td class="docs">${doc}</td></tr>`;
}

/** `docs/index.html` (and `docs/<locale>/index.html`): the APIs, the error matrix and the searchable catalog. */
export function renderLandingPage(page: LandingPage): string {
  const t = (key: string) => escapeHtml(page.text(key));
  const errorStatuses = new Set(page.families.flatMap((f) => f.statuses.map((s) => s.status)).filter((s) => s >= 400));
  const codeStatuses = [...new Set(page.errors.map((e) => e.status))].sort((a, b) => a - b);
  const option = (value: string, label: string) => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`;
  const languages = page.languages
    .map((l) => `<a href="${escapeHtml(l.href)}" hreflang="${escapeHtml(l.lang)}" lang="${escapeHtml(l.lang)}" data-keep-hash${l.current ? ' aria-current="page"' : ""}>${escapeHtml(l.label)}</a>`)
    .join("");
  const apis = page.apis
    .map(
      (api) => `<a class="api" href="${escapeHtml(api.href)}">
  <h3>${escapeHtml(api.title)}</h3>
  <p>${inlineMarkdown(api.summary)}</p>
  <div class="meta"><span class="mono">${escapeHtml(api.mediaType)}</span><span>${api.codes} ${t(api.codes === 1 ? "ui.landing.apiCode" : "ui.landing.apiCodes")}</span><span>${api.statuses} ${t("ui.landing.apiStatuses")}</span></div>
  <span class="open">${t("ui.landing.apiOpen")} →</span>
</a>`,
    )
    .join("\n");
  const body = `<header class="bar">
  <span class="product">${t("ui.landing.product")}</span>
  <nav class="sections" aria-label="${t("ui.landing.apisHeading")}"><a href="#apis">${t("ui.landing.apisHeading")}</a><a href="#matrix">${t("ui.landing.matrixHeading")}</a><a href="#catalog-section">${t("ui.landing.catalogHeading")}</a></nav>
  <nav class="langs" aria-label="${t("ui.landing.language")}">${languages}</nav>
</header>
<main>
<div class="hero">
  <h1>${escapeHtml(page.title)}</h1>
  <p>${t("ui.landing.lead")}</p>
  <div class="stats">
    <div><b>${page.apis.length}</b><span>${t("ui.landing.statApis")}</span></div>
    <div><b>${page.errors.length}</b><span>${t("ui.landing.statCodes")}</span></div>
    <div><b>${errorStatuses.size}</b><span>${t("ui.landing.statStatuses")}</span></div>
  </div>
</div>
<section id="apis">
<h2>${t("ui.landing.apisHeading")}</h2>
<div class="apis">
${apis}
</div>
</section>
<section id="matrix">
<h2>${t("ui.landing.matrixHeading")}</h2>
<p class="lead">${t("ui.landing.matrixLead")}</p>
${matrix(page)}
</section>
<section id="catalog-section">
<h2>${t("ui.landing.catalogHeading")}</h2>
<p class="lead">${t("ui.landing.catalogLead")}</p>
<div class="controls" role="search">
  <input id="q" type="search" placeholder="${t("ui.landing.search")}" aria-label="${t("ui.landing.search")}" autocomplete="off" spellcheck="false">
  <select id="family" aria-label="${t("ui.landing.colFamily")}">${option("", page.text("ui.landing.allFamilies"))}${page.families.map((f) => option(f.id, f.id)).join("")}</select>
  <select id="status" aria-label="${t("ui.landing.colStatus")}">${option("", page.text("ui.landing.allStatuses"))}${codeStatuses.map((s) => option(String(s), String(s))).join("")}</select>
  <select id="retry" aria-label="${t("ui.landing.colRetryable")}">${option("", page.text("ui.landing.anyRetry"))}${option("yes", page.text("ui.landing.retryableOnly"))}${option("no", page.text("ui.landing.notRetryable"))}</select>
  <button id="clear" type="button">${t("ui.landing.clear")}</button>
  <span class="count" aria-live="polite">${t("ui.landing.countShowing")} <b id="shown">${page.errors.length}</b> ${t("ui.landing.countOf")} ${page.errors.length} ${t("ui.landing.countCodes")}</span>
</div>
<div class="catalog">
<table id="catalog">
<colgroup><col class="c-code"><col class="c-status"><col class="c-family"><col class="c-message"><col class="c-desc"><col class="c-retry"><col class="c-docs"></colgroup>
<thead><tr><th scope="col">${t("ui.landing.colCode")}</th><th scope="col">${t("ui.landing.colStatus")}</th><th scope="col">${t("ui.landing.colFamily")}</th><th scope="col">${t("ui.landing.colMessage")}</th><th scope="col">${t("ui.landing.colDescription")}</th><th scope="col">${t("ui.landing.colRetryable")}</th><th scope="col">${t("ui.landing.colDocs")}</th></tr></thead>
<tbody>
${page.errors.map((error) => row(error, page.text)).join("\n")}
</tbody>
</table>
<p id="empty" class="empty" hidden>${t("ui.landing.noMatch")}</p>
</div>
</section>
</main>
<footer>${t("ui.landing.footer")}</footer>
<script>${script}</script>`;
  const policy = contentSecurityPolicy([script], [style]);
  return `${htmlHeader(page.source)}<!DOCTYPE html>
<html lang="${escapeHtml(page.lang)}">
<head>
<meta charset="utf-8">
${cspMeta(policy)}
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(page.title)} · ${t("ui.landing.product")}</title>
<style>${style}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
