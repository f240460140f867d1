import { derive, type TriggerKind, unsafe } from "./trigger.js";

/** An `Accept` no server serves, on an operation that documents 406 (a server may ignore it: a 2xx warns). */
export const notAcceptable: TriggerKind = {
  kind: "not-acceptable",
  make({ plan, documents }) {
    if (!documents(406)) return [];
    return [
      {
        info: {
          kind: "not-acceptable",
          description: "Accept: application/x-error-contracts-unservable",
          expects: [406],
          mustFail: true,
          clientFault: true,
          acceptedLevel: "warning",
        },
        parts: derive(plan, { headers: { accept: "application/x-error-contracts-unservable" } }),
        write: unsafe(plan.op.method),
        needsToken: true,
      },
    ];
  },
};
