// @ts-check
/**
 * Temporary: the OpenAPI model moved to `src/openapi/`. Only `scripts/build/anchors.ts` still
 * imports this file (it is being moved by another change); delete this folder once its import reads
 * `import { followRef, isObject, operations } from "../../src/openapi/index.js";`.
 */
export { followRef, isObject, operations } from "../../../src/openapi/index.js";
