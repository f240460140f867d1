import { codeSpanPattern, escapeRegExp, urlPattern } from "./tokens.js";

/** How a locale writes numbers: its thousands separator and decimal mark (Indonesian: `.` and `,`). */
export interface NumberStyle {
  group: string;
  decimal: string;
  format: (value: number) => string;
}
const numberStyles = new Map<string, NumberStyle>();
export function numberStyle(locale: string): NumberStyle {
  let style = numberStyles.get(locale);
  if (style) return style;
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale.replace(/_/g, "-"), { maximumFractionDigits: 20 });
  } catch {
    format = new Intl.NumberFormat("en", { maximumFractionDigits: 20 }); // a file name that is no language tag
  }
  const parts = format.formatToParts(12345.6);
  const part = (type: string, fallback: string) => parts.find((p) => p.type === type)?.value ?? fallback;
  style = { group: part("group", ","), decimal: part("decimal", "."), format: (value) => format.format(value) };
  numberStyles.set(locale, style);
  return style;
}
export const english = numberStyle("en");

/**
 * The numbers of a prose text, outside code spans and URLs (those are kept verbatim as a
 * whole): digits with separators between groups (`6,000`, `1.024`, `2,5`, `10.2.3`), not
 * part of a word (`base64`, `Messaging30011`, `4xx`).
 */
export function numbers(text: string, style: NumberStyle): string[] {
  const prose = text.replace(codeSpanPattern, " ").replace(urlPattern, " ");
  const separators = escapeRegExp([...new Set([".", ",", style.group, style.decimal])].join(""));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])\\d+(?:[${separators}]\\d+)*(?![\\p{L}\\p{N}_])`, "gu");
  return prose.match(pattern) ?? [];
}

/**
 * The value of a number as `style` writes it (`1.024` in Indonesian is 1024), or none when it
 * is no such number (`10.2.3`).
 */
export function numberValue(token: string, style: NumberStyle): number | undefined {
  const [integer, fraction, ...more] = token.split(style.decimal);
  if (more.length > 0 || (fraction !== undefined && !/^\d+$/.test(fraction))) return undefined;
  const groups = integer!.split(style.group);
  if (!groups.every((group) => /^\d+$/.test(group))) return undefined;
  const [first, ...rest] = groups;
  const grouped = rest.length === 0 || (first!.length <= 3 && rest.every((group) => group.length === 3));
  if (!grouped) return undefined;
  return Number(`${groups.join("")}${fraction === undefined ? "" : `.${fraction}`}`);
}
