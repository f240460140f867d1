// @ts-check
/** ec-retry-after-429: a 429 response declares the `Retry-After` header. */
import { documentRule, missingRetryAfter } from "../shared.js";

export default documentRule("ec-retry-after-429", (doc) => missingRetryAfter(doc, "429"));
