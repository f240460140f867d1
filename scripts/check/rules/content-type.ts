import { contentOf } from "../../../src/openapi/index.js";
import type { Hit, Rule } from "./rule.js";

/** The response's `Content-Type` is not one of the media types documented for its status. */
export const contentType: Rule = {
  id: "content-type",
  level: "error",
  check({ exchange, documented, media }): Hit[] {
    const documentedTypes = contentOf(documented.response, []).map((c) => c.mediaType);
    if (documentedTypes.length === 0 || media) return [];
    const sent = exchange.response.headers["content-type"];
    return [
      {
        message: `Content-Type ${sent ? `\`${sent}\`` : "missing"}; the contract documents ${documentedTypes.map((t) => `\`${t}\``).join(", ")} for ${documented.key}`,
        evidence: `content-type: ${sent ?? "(none)"}`,
      },
    ];
  },
};
