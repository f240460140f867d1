/**
 * What the build imports from the docs: its i18n step (`planEditions`: one edition per
 * language, what each translation lacks) and its docs step (`renderDocs`: every page of `docs/`).
 */
export { planEditions, type Edition, type EditionPlan } from "./editions.js";
export { renderDocs, type DocsOptions, type DocsResult } from "./pages.js";
export { openDocsRenderer, type DocsRenderer } from "./build-docs-renderer.js";
export { keepDocsRenderer, type KeptDocsRenderer } from "./kept-renderer.js";
