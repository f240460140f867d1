/** What the build imports from the docs: its i18n step (`planEditions`) and its docs step (`renderDocs`). */
export { planEditions, renderDocs, type DocsResult, type Edition, type EditionPlan } from "./docs.js";
