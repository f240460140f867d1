// @ts-check
/** The toolkit's model of OpenAPI 3.x: one import for everything in `src/openapi/` (see README.md). */
export { arrayAt, entriesOf, isObject, objectAt } from "./json.js";
export {
  componentAt,
  componentOf,
  followRef,
  pathOfPointer,
  pathOfRef,
  refersToItself,
  refOf,
  resolveRef,
  SCHEMA_DATA_KEYS,
  setValueAt,
  valueAt,
} from "./pointer.js";
export {
  errorCodeOf,
  headerParameterNames,
  isMethod,
  METHODS,
  operationName,
  operations,
  parametersOf,
} from "./operations.js";
export {
  contentOf,
  errorResponsesOf,
  errorStatuses,
  headerNames,
  isErrorKey,
  keyCovers,
  mediaTypeBase,
  responsesOf,
  statusClass,
} from "./responses.js";
export { flattenSchema, LIMIT_KEYWORDS, typesOf } from "./schema.js";
export { EXTENSION as ERROR_SHAPE, isJsonMediaType, readDeclaredShape } from "./declared-shape.js";
export { apiErrorShape, inferShape, schemaAt, shapeOfSchema } from "./error-shape.js";
export { allCodes, isCode, readErrorBody } from "./error-body.js";
export { catalogEntries, codeIndex, errorExamples } from "./catalog.js";

/** @typedef {import("./json.js").Json} Json */
/** @typedef {import("./json.js").JsonPath} JsonPath */
/** @typedef {import("./operations.js").Operation} Operation */
/** @typedef {import("./operations.js").Parameter} Parameter */
/** @typedef {import("./error-body.js").ErrorBody} ErrorBody */
/** @typedef {import("./declared-shape.js").ErrorShape} ErrorShape */
/** @typedef {import("./catalog.js").CatalogEntry} CatalogEntry */
