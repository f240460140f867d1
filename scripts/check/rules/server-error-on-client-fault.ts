import type { Exchange } from "../model.js";
import { excerpt, type Hit } from "./rule.js";

/** A 5xx to a request that was wrong on the client's side (a trigger): the server failed where it had to refuse. */
export const serverErrorOnClientFault = {
  id: "server-error-on-client-fault",
  level: "error" as const,
  check({ trigger, response }: Exchange): Hit[] {
    if (!trigger?.clientFault || response.status < 500) return [];
    return [
      {
        message: `${trigger.description} got ${response.status}; a client's fault must get a 4xx (${trigger.expects.join(" or ")})`,
        evidence: excerpt(response.body),
      },
    ];
  },
};
