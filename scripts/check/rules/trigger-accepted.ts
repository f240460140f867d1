import type { Exchange } from "../model.js";
import { excerpt, type Hit } from "./rule.js";

/** A 2xx to a request that had to fail: auth ignored, invalid input accepted. Judged by judge.ts before the rest. */
export const triggerAccepted = {
  id: "trigger-accepted",
  level: "error" as const,
  check({ trigger, response }: Exchange): Hit[] {
    if (!trigger?.mustFail || response.status < 200 || response.status > 299) return [];
    return [
      {
        ...(trigger.acceptedLevel ? { level: trigger.acceptedLevel } : {}),
        message: `${trigger.description} was accepted with ${response.status}; the contract expects ${trigger.expects.join(" or ")}`,
        evidence: excerpt(response.body),
      },
    ];
  },
};
