import { derive, type TriggerKind, unsafe } from "./trigger.js";

/** A byte range past any resource's end, on an operation that takes `Range` and documents 416 (a 2xx warns). */
export const rangeUnsatisfiable: TriggerKind = {
  kind: "range-unsatisfiable",
  make({ plan, documents }) {
    const takesRange = plan.parameters.some((p) => p.in === "header" && p.name.toLowerCase() === "range");
    if (!takesRange || !documents(416)) return [];
    return [
      {
        info: {
          kind: "range-unsatisfiable",
          description: "Range: bytes=999999999999-",
          expects: plan.realIds ? [416] : [416, 404],
          mustFail: true,
          clientFault: true,
          acceptedLevel: "warning",
        },
        parts: derive(plan, { headers: { range: "bytes=999999999999-" } }),
        write: unsafe(plan.op.method),
        needsToken: true,
      },
    ];
  },
};
