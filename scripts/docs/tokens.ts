/** The tokens of a prose text that the invariance rule compares between English and a translation. */

export const codeSpanPattern = /(`+)([\s\S]*?[^`])\1(?!`)/g;
export const codeSpans = (text: string) => [...text.matchAll(codeSpanPattern)].map((m) => m[2]!.trim());
/** Words, hyphenated words (`Retry-After`) and their parts (`ETag` of `ETag-nya`). */
export const words = (text: string) =>
  (text.match(/[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*/gu) ?? []).flatMap((word) =>
    word.includes("-") ? [word, ...word.split("-")] : [word],
  );
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The token as a word of `text`: not inside a longer word (a suffix such as `-nya` may follow). */
export const hasWord = (text: string, token: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}_-])${escapeRegExp(token)}(?![\\p{L}\\p{N}_])`, "u").test(text);
/** URLs, without the punctuation that ends a sentence or clause after them. */
export const urlPattern = /https?:\/\/[^\s)>\]"'`]+/g;
export const urls = (text: string) => (text.match(urlPattern) ?? []).map((url) => url.replace(/[.,;:!?]+$/, ""));
export const upperSnake = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

/** An HTTP status written in prose: a three-digit number from 100 to 599 (`429`); its class is `4xx`. */
export const statusLike = /^[1-5]\d\d$/;
export const statusClasses = (text: string) =>
  (text.match(/(?<![\p{L}\p{N}_])[1-5]xx(?![\p{L}\p{N}_])/giu) ?? []).map((c) => c.toLowerCase());
