import { createHash } from "node:crypto";

/** Text for HTML content and attribute values. */
export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** JSON to embed in a `<script>`: `<` escaped so no text can close the element. */
export const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");

/** A CSP source for an inline script or style: `'sha256-…'`. */
export const cspHash = (content: string) => `'sha256-${createHash("sha256").update(content, "utf8").digest("base64")}'`;

/**
 * The Content-Security-Policy of a docs page: only the page's own inline scripts (by hash) run;
 * nothing is fetched from anywhere (images and fonts only as `data:`). A script a description
 * smuggled in, an `onerror=` handler or a `javascript:` link would not run even if it reached
 * the page.
 */
export function contentSecurityPolicy(scripts: string[], styles: "unsafe-inline" | string[]): string {
  const styleSrc = styles === "unsafe-inline" ? "'unsafe-inline'" : styles.map(cspHash).join(" ");
  return [
    "default-src 'none'",
    `script-src ${scripts.map(cspHash).join(" ")}`,
    `style-src ${styleSrc}`,
    "img-src data:",
    "font-src data:",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

export const cspMeta = (policy: string) => `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">`;

/** Description Markdown for a landing-page cell: escaped text, with `code spans` as <code>. */
export const inlineMarkdown = (text: string) =>
  escapeHtml(text).replace(/`([^`]+)`/g, (_, code: string) => `<code>${code}</code>`);

/** The relative link from one edition's folder to another's (`""` is the English root, `"id/"`). */
export function editionHref(from: string, to: string): string {
  const up = from.split("/").filter(Boolean).map(() => "../").join("");
  return up + to;
}
