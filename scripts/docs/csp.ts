import { createHash } from "node:crypto";
import { html } from "./html.js";

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

export const cspMeta = (policy: string) => html`<meta http-equiv="Content-Security-Policy" content="${policy}">`;
