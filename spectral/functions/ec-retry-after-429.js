// @ts-check
/**
 * ec-retry-after-429: a 429 response declares the `Retry-After` header, as does a response of any
 * other status the API's error shape lists in `retryAfter` (503 among them: then this rule, an
 * error, checks it instead of ec-retry-after-503, a warning).
 */
import { documentRule, errorShapeOf, missingRetryAfter } from "../shared.js";

export default documentRule("ec-retry-after-429", (doc) => {
  const declared = (errorShapeOf(doc)?.shape.retryAfter ?? []).map(String).filter((s) => s !== "429");
  return missingRetryAfter(doc, ["429", ...declared]);
});
