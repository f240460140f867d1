import { followRef } from "../../../src/openapi/index.js";
import { wireValue } from "../schemas.js";
import { asText, LIMITS, violationsOf } from "../values.js";
import { derive, type Trigger, type TriggerKind, unsafe } from "./trigger.js";

/**
 * One value per constraint of each path, query and header parameter that breaks it alone (a
 * value Ajv confirms the schema refuses), and each required query parameter left out: 400 or
 * 422, with the parameter's `x-error-code` where a limit (not the type or `enum`) is broken.
 */
export const parameterViolation: TriggerKind = {
  kind: "parameter-violation",
  make({ doc, plan, random, schemas }) {
    const triggers: Trigger[] = [];
    const skipped = new Set(["authorization", "if-match", "content-type", "accept"]);
    for (const p of plan.parameters) {
      if (p.in === "cookie" || (p.in === "header" && skipped.has(p.name.toLowerCase()))) continue;
      const schema = followRef(doc, p.schema).node;
      const info = (description: string, limit: boolean) => ({
        kind: "parameter-violation",
        description,
        expects: [400, 422],
        ...(p.errorCode === undefined || !limit ? {} : { expectedCode: p.errorCode }),
        mustFail: true,
        clientFault: true,
      });
      for (const { constraint, value } of violationsOf(doc, schema, random, true)) {
        const wire = asText(value);
        if (schemas.valid(schema, wireValue(schema, wire))) continue;
        if (p.in === "path" && wire === "") continue;
        const parts =
          p.in === "path"
            ? derive(plan, { path: { ...plan.base.path, [p.name]: wire } })
            : p.in === "query"
              ? derive(plan, { query: { ...plan.base.query, [p.name]: wire } })
              : derive(plan, { headers: { [p.name.toLowerCase()]: wire } });
        triggers.push({
          info: info(
            `${p.in} ${p.name}=${JSON.stringify(wire).slice(0, 60)} breaks ${constraint}`,
            LIMITS.has(constraint),
          ),
          parts,
          write: unsafe(plan.op.method),
          needsToken: true,
        });
      }
      if (p.required && p.in === "query") {
        const query = { ...plan.base.query };
        delete query[p.name];
        triggers.push({
          info: info(`required query ${p.name} left out`, false),
          parts: derive(plan, { query }),
          write: unsafe(plan.op.method),
          needsToken: true,
        });
      }
    }
    return triggers;
  },
};
