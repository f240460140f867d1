// @ts-check
// A piece of work claimed by creating a file that must not exist yet (O_EXCL): of two processes that
// could both do it, the first to create the file does it, once. Plain JavaScript, for the build and
// the docs' rendering process alike (scripts/build/steps/types.ts, scripts/docs/build-docs-process.js).
import fs from "node:fs";

/**
 * Whether this process created the file `claim`: false where it exists (another took the work first) or
 * cannot be created (its folder is gone: the work is over).
 * @param {string} claim
 * @returns {boolean}
 */
export function take(claim) {
  try {
    fs.closeSync(fs.openSync(claim, "wx"));
    return true;
  } catch {
    return false;
  }
}
