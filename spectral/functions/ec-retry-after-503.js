// @ts-check
/**
 * ec-retry-after-503: a 503 response declares the `Retry-After` header; a recommendation (a
 * warning), unless the API's error shape lists 503 in `retryAfter`: then ec-retry-after-429 checks it.
 */
import { documentRule, errorShapeOf, missingRetryAfter } from "../shared.js";

export default documentRule("ec-retry-after-503", (doc) =>
  errorShapeOf(doc)?.shape.retryAfter.includes(503) ? [] : missingRetryAfter(doc, ["503"]),
);
