import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The files in `assets/`: the pages' CSS and browser JavaScript, inlined into each page as the
 * file holds them (the Content-Security-Policy hashes exactly that text, so every page works
 * from file:// and offline), and the template `redocly build-docs` renders with.
 */
export const assetPath = (name: string) => path.join(path.dirname(fileURLToPath(import.meta.url)), "assets", name);

const read = (name: string) => fs.readFileSync(assetPath(name), "utf8");

/** A script's text for an inline `<script>`: the file without its final newline. */
export const inlineScript = (name: string) => read(name).replace(/\n$/, "");

/** A style sheet's text for an inline `<style>`: the file on its own lines. */
export const inlineStyle = (name: string) => `\n${read(name)}`;
