// @ts-check
// openapi-typescript's text of one OpenAPI document: the one call the types step makes, in the build's
// process or in the docs' rendering process once its pages are done (`typesAhead`, steps/types.ts), so
// that both give the same bytes. Plain JavaScript, so that the rendering process runs it without the
// toolkit's TypeScript.
//
// Through openapi-typescript's CommonJS build and `require`: its `typescript` (9 MB of CommonJS) then loads
// without the scan for named exports and the module-format check that an ESM import makes (0.5 s a build).
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * @param {object} doc an OpenAPI document openapi-typescript can type (`typedBranches`)
 * @returns {Promise<string>}
 */
export async function openapiTypes(doc) {
  /** @type {typeof import("openapi-typescript")} */
  const { default: openapiTS, astToString } = require("openapi-typescript");
  return astToString(await openapiTS(/** @type {import("openapi-typescript").OpenAPI3} */ (doc), { silent: true }));
}
