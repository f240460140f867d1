import { validValue } from "../values.js";
import { derive, type TriggerKind } from "./trigger.js";

/** Every path value replaced by a schema-valid one that no resource has: 404. */
export const unknownId: TriggerKind = {
  kind: "unknown-id",
  make({ doc, plan, random }) {
    const ids = plan.parameters.filter((p) => p.in === "path");
    if (ids.length === 0) return [];
    const path: Record<string, string> = {};
    for (const p of ids) {
      const value = validValue(doc, p.schema, random);
      path[p.name] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return [
      {
        info: {
          kind: "unknown-id",
          description: `unknown ${ids.map((p) => `${p.name}=${path[p.name]}`).join(", ")}`,
          expects: [404],
          mustFail: true,
          clientFault: true,
        },
        parts: derive(plan, { path }),
        write: false,
        needsToken: true,
      },
    ];
  },
};
