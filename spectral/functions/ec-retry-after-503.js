// @ts-check
/** ec-retry-after-503: a 503 response declares the `Retry-After` header. */
import { documentRule, missingRetryAfter } from "../shared.js";

export default documentRule("ec-retry-after-503", (doc) => missingRetryAfter(doc, "503"));
