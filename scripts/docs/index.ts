/**
 * What the build imports from the docs: its i18n step (`planEditions`: one edition per
 * language, what each translation lacks) and its docs step (`renderDocs`: every page of `docs/`).
 */
export { planEditions, type Edition, type EditionPlan } from "./editions.js";
export { renderDocs, type DocsOptions, type DocsResult } from "./pages.js";
export {
  keepDocsRenderer,
  openDocsRenderer,
  type DocsRenderer,
  type KeptDocsRenderer,
} from "./build-docs-renderer.js";
