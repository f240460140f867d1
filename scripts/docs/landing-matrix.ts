import { html, join } from "./html.js";
import type { LandingPage } from "./landing.js";

/** The class of a status's badge and cells: `s4` for 4xx, `s5` for 5xx. */
export const statusClass = (status: number) => (status >= 500 ? "s5" : "s4");

const colgroup = (count: number, cls: string, label: string) =>
  count > 0 && html`<th colspan="${count}" class="${cls}" scope="colgroup">${label}</th>`;

/**
 * The error matrix: a row per family, a column per error status; a cell counts the family's
 * codes of that status and links to them in the catalog (`#codes-<family>-<status>`).
 */
export function renderMatrix(page: LandingPage) {
  const t = page.text;
  const allStatuses = page.families.flatMap((f) => f.statuses.map((s) => s.status));
  const statuses = [...new Set(allStatuses)].filter((s) => s >= 400).sort((a, b) => a - b);
  const fours = statuses.filter((s) => s < 500).length;
  const fives = statuses.length - fours;
  const firstFive = statuses.find((s) => s >= 500);
  const firstFiveClass = html` class="s5"`;
  const groups = [colgroup(fours, "group4", "4xx"), colgroup(fives, "group5 s5", "5xx")];
  const head = html`<thead>
<tr><th rowspan="2" scope="col">${t("ui.landing.matrixFamily")}</th>${groups}</tr>
<tr>${statuses.map((s) => html`<th scope="col"${s === firstFive ? firstFiveClass : ""}>${s}</th>`)}</tr>
</thead>`;
  const body = page.families.map((family) => {
    const cells = statuses.map((status) => {
      const cls = [statusClass(status), status === firstFive ? "first" : ""].filter(Boolean).join(" ");
      const documented = family.statuses.find((s) => s.status === status);
      const codes = page.errors.filter((e) => e.family === family.id && e.status === status);
      if (codes.length > 0) {
        const title = `${status} ${documented?.meaning ?? ""}\n${codes.map((e) => e.code).join(", ")}`;
        const href = `#codes-${family.id}-${status}`;
        // Its name says what the number counts: "sales 403: 2 codes" (the number read alone says nothing).
        const noun = t(codes.length === 1 ? "ui.landing.apiCode" : "ui.landing.apiCodes");
        const name = `${family.id} ${status}: ${codes.length} ${noun}`;
        const n = codes.length;
        const link = html`<a class="n ${statusClass(status)}" href="${href}" title="${title}" aria-label="${name}">${n}</a>`;
        return html`<td class="${cls}">${link}</td>`;
      }
      if (documented) {
        const title = `${status} ${documented.meaning} (${t("ui.landing.matrixNoCodes")})`;
        const said = html`<span class="sr">${family.id} ${title}</span>`;
        return html`<td class="${cls}"><span class="dot" title="${title}" aria-hidden="true">·</span>${said}</td>`;
      }
      return html`<td class="${cls}"></td>`;
    });
    return html`<tr><th scope="row">${family.id}</th>${cells}</tr>`;
  });
  return html`<div class="matrix-wrap"><table class="matrix">${head}<tbody>
${join(body, "\n")}
</tbody></table></div>`;
}
