import { html, inlineMarkdown, join, type Html, type HtmlValue } from "./html.js";
import type { LandingError, LandingPage } from "./landing.js";
import { statusClass } from "./landing-matrix.js";

type Text = (key: string) => string;

const badge = (status: number) => html`<span class="badge ${statusClass(status)}">${status}</span>`;
/** The message as the response carries it, beside its translation. */
const wire = (message: string) => html`<span lang="en">“${message}”</span>`;

const columns = ["code", "status", "family", "message", "desc", "retry", "docs"];
const labelled = new Set(["family", "retry", "docs"]);
const headings = [
  "ui.landing.colCode",
  "ui.landing.colStatus",
  "ui.landing.colFamily",
  "ui.landing.colMessage",
  "ui.landing.colDescription",
  "ui.landing.colRetryable",
  "ui.landing.colDocs",
];

function row(error: LandingError, t: Text): Html {
  const message =
    error.wireMessage === undefined
      ? error.message
      : html`${error.message}<span class="wire">${t("ui.landing.wireMessage")}: ${wire(error.wireMessage)}</span>`;
  const doc = error.doc && html`<a href="${error.doc.href}">${error.doc.label}</a> ${badge(error.doc.status)}`;
  const code = error.doc
    ? html`<a class="mono" href="${error.doc.href}">${error.code}</a>`
    : html`<span class="mono">${error.code}</span>`;
  const link = t("ui.landing.permalink");
  const aria = `${link}: ${error.code}`;
  const permalink = html`<a class="perma" href="#${error.anchor}" title="${link}" aria-label="${aria}">#</a>`;
  const inner = error.inner && html`<span class="inner">${t("ui.landing.innerCode")}</span>`;
  const retryable = error.retryable ? "yes" : "no";
  const retryableText = t(error.retryable ? "ui.landing.yes" : "ui.landing.no");
  const contents: HtmlValue[] = [
    html`${code}${permalink}${inner}`,
    badge(error.status),
    error.family,
    message,
    inlineMarkdown(error.description),
    html`<span class="badge ${retryable}">${retryableText}</span>`,
    doc,
  ];
  // On a phone each row is a card: the cells whose value says little alone carry their column's name.
  const cells = contents.map((content, i) => {
    const label = labelled.has(columns[i]!) && html` data-label="${t(headings[i]!)}"`;
    return html`<td class="${columns[i]!}"${label}>${content}</td>`;
  });
  const data = html`data-family="${error.family}" data-status="${error.status}" data-retryable="${retryable}"`;
  return html`<tr id="${error.anchor}" ${data}>${cells}</tr>`;
}

const option = (value: string, label: string) => html`<option value="${value}">${label}</option>`;

/** The searchable catalog: the filters, then a row per code with its stable anchor. */
export function renderCatalog(page: LandingPage): Html {
  const t = page.text;
  const count = page.errors.length;
  const codeStatuses = [...new Set(page.errors.map((e) => e.status))].sort((a, b) => a - b).map(String);
  const select = (id: string, labelKey: string, options: Html[]) =>
    html`<select id="${id}" aria-label="${t(labelKey)}">${options}</select>`;
  // A row of the matrix may be an API without codes: the filter offers what has codes.
  const withCodes = page.families.filter((f) => page.errors.some((e) => e.family === f.id));
  const families = [option("", t("ui.landing.allFamilies")), ...withCodes.map((f) => option(f.id, f.id))];
  const statuses = [option("", t("ui.landing.allStatuses")), ...codeStatuses.map((s) => option(s, s))];
  const retry = [
    option("", t("ui.landing.anyRetry")),
    option("yes", t("ui.landing.retryableOnly")),
    option("no", t("ui.landing.notRetryable")),
  ];
  const shown = html`${t("ui.landing.countShowing")} <b id="shown">${count}</b> ${t("ui.landing.countOf")} ${count}`;
  const search = t("ui.landing.search");
  return html`<section id="catalog-section">
<h2 id="catalog-heading">${t("ui.landing.catalogHeading")}</h2>
<p class="lead">${t("ui.landing.catalogLead")}</p>
<div class="controls" role="search">
  <input id="q" type="search" placeholder="${search}" aria-label="${search}" aria-keyshortcuts="/" autocomplete="off" spellcheck="false">
  ${select("family", "ui.landing.colFamily", families)}
  ${select("status", "ui.landing.colStatus", statuses)}
  ${select("retry", "ui.landing.colRetryable", retry)}
  <button id="clear" type="button">${t("ui.landing.clear")}</button>
  <span class="count" aria-live="polite">${shown} ${t("ui.landing.countCodes")}</span>
</div>
<div class="catalog">
<table id="catalog" aria-labelledby="catalog-heading" tabindex="-1">
<colgroup>${columns.map((c) => html`<col class="c-${c}">`)}</colgroup>
<thead><tr>${headings.map((key) => html`<th scope="col">${t(key)}</th>`)}</tr></thead>
<tbody>
${join(
  page.errors.map((error) => row(error, t)),
  "\n",
)}
</tbody>
</table>
<p id="empty" class="empty" hidden>${t("ui.landing.noMatch")}</p>
</div>
</section>`;
}
