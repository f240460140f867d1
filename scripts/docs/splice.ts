/**
 * Edits of a big text, each found in the text as it is and all made in one pass. Redoc's page is 2.5 MB: V8 copies
 * a string that size in about 20 ms, and each replace or search on the result of another replace copied the page
 * again (finishing a page that way took 60–170 ms, most of the build's time after Redocly had rendered).
 */
export interface Edit {
  /** The range of the text the edit replaces (`start === end`: an insertion). */
  start: number;
  end: number;
  text: string;
}

/**
 * The pieces of `text` between `from` and `to` with `edits` made, in order (to join, or to write one by one): an edit
 * inside a range another edit replaces is dropped (the same edit found twice, an insertion into removed text);
 * edits that overlap in part are a mistake of the caller's, and throw.
 */
export function splice(text: string, edits: readonly Edit[], from = 0, to = text.length): string[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const pieces: string[] = [];
  let at = from;
  for (const edit of sorted) {
    const inside = edit.start >= from && edit.end <= to;
    if (!inside && (edit.end <= from || edit.start >= to)) continue;
    if (!inside) throw new Error(`an edit at ${edit.start}–${edit.end} crosses ${from}–${to}`);
    if (edit.start < at && edit.end <= at) continue;
    if (edit.start < at) throw new Error(`edits overlap at ${edit.start}–${at}`);
    pieces.push(text.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  pieces.push(text.slice(at, to));
  return pieces;
}

/** Whether `start`–`end` lies inside a range one of `edits` replaces (the text is gone). */
export const removed = (edits: readonly Edit[], start: number, end: number): boolean =>
  edits.some((edit) => edit.start < edit.end && edit.start <= start && end <= edit.end);
