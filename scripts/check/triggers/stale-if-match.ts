import { derive, type TriggerKind } from "./trigger.js";

/** An `If-Match` with an ETag the resource does not have (after reading its real one, when the path has a GET): 412. */
export const staleIfMatch: TriggerKind = {
  kind: "stale-if-match",
  make({ plan, random }) {
    if (!plan.parameters.some((p) => p.in === "header" && p.name.toLowerCase() === "if-match")) return [];
    const stale = `"ec-stale-${random.hex(12)}"`;
    return [
      {
        info: {
          kind: "stale-if-match",
          description: `If-Match: ${stale}${plan.etag ? ` (the resource's ETag is ${plan.etag})` : ""}`,
          expects: plan.realIds ? [412] : [412, 404],
          mustFail: true,
          clientFault: true,
        },
        parts: derive(plan, { headers: { "if-match": stale } }),
        write: true,
        needsToken: true,
      },
    ];
  },
};
