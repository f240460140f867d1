import { isObject, mediaTypeBase } from "../../../src/openapi/index.js";
import type { Hit, Rule } from "./rule.js";

/** A problem details body (RFC 9457) whose `status` member differs from the HTTP status. */
export const problemStatusMismatch: Rule = {
  id: "problem-status-mismatch",
  level: "error",
  check({ exchange, json, media }): Hit[] {
    const sent = mediaTypeBase(exchange.response.headers["content-type"] ?? "");
    const problem =
      sent === "application/problem+json" || (media && mediaTypeBase(media.mediaType) === "application/problem+json");
    if (!problem || !json || !isObject(json.value) || !("status" in json.value)) return [];
    const member = json.value.status;
    if (member === exchange.response.status) return [];
    return [
      {
        message: `the problem's status member is ${JSON.stringify(member)}, the HTTP status ${exchange.response.status}`,
        evidence: `"status": ${JSON.stringify(member)}`,
      },
    ];
  },
};
