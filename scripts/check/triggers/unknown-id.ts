import type { Parameter } from "../../../src/openapi/index.js";
import { asText, validValue } from "../values.js";
import { derive, type Trigger, type TriggerContext, type TriggerKind, unsafe } from "./trigger.js";

/**
 * Schema-valid path values that no resource has: 404. With real values for the others, each path
 * parameter is made unknown alone (a conversation unknown in a known channel); else all at once. With an
 * unsafe method, a write (a server may create what a valid request names: a PUT, a POST to an id), made
 * only where the operation documents 404.
 */
export const unknownId: TriggerKind = {
  kind: "unknown-id",
  make(context) {
    const ids = context.plan.parameters.filter((p) => p.in === "path");
    if (ids.length === 0) return [];
    // An unsafe method that documents no 404 may create what it names (a PUT): nothing says it must fail.
    if (unsafe(context.plan.op.method) && !context.documents(404)) return [];
    return context.plan.realIds ? ids.map((p) => unknown(context, [p])) : [unknown(context, ids)];
  },
};

function unknown({ doc, plan, random }: TriggerContext, ids: Parameter[]): Trigger {
  const path: Record<string, string> = { ...plan.base.path };
  for (const p of ids) {
    path[p.name] = asText(validValue(doc, p.schema, random));
  }
  return {
    info: {
      kind: "unknown-id",
      description: `unknown ${ids.map((p) => `${p.name}=${path[p.name]}`).join(", ")}`,
      expects: [404],
      mustFail: true,
      clientFault: true,
    },
    parts: derive(plan, { path }),
    write: unsafe(plan.op.method),
    needsToken: true,
  };
}
