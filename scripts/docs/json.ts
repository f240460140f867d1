// The docs read JSON through the OpenAPI model: its one `Json` type, `isObject`, and an object's entries.
export { entriesOf as entries, isObject, type Json, type JsonPath } from "../../src/openapi/index.js";
