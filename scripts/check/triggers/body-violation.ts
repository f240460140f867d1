import { errorCodeOf, flattenSchema, followRef, isObject } from "../../../src/openapi/index.js";
import { LIMITS, requiredOf, violationsOf } from "../values.js";
import { derive, type Trigger, type TriggerKind, unsafe } from "./trigger.js";

/**
 * One JSON body per constraint of the request body's top-level object, each breaking it alone
 * (a body Ajv confirms the schema refuses): a required member left out, none of an "at least one
 * of" group, a member of the wrong type, too long, out of range, outside its `enum`, missing its
 * `pattern`, too many items or entries, a member `additionalProperties: false` refuses. 400 or
 * 422. The code expected is the `x-error-code` of the schema whose limit is broken: the member's
 * for its limits (not for a wrong type or `enum`), the object's for its required members.
 */
export const bodyViolation: TriggerKind = {
  kind: "body-violation",
  make({ doc, plan, random, schemas }) {
    const body = plan.body;
    const base = plan.bodyValue;
    if (!body || !plan.bodyValid || !isObject(base)) return [];
    const schema = followRef(doc, body.schema).node;
    if (!isObject(schema)) return [];
    const flat = flattenSchema(schema, doc);
    const objectCode = errorCodeOf(doc, schema);
    const triggers: Trigger[] = [];
    const add = (value: Record<string, unknown>, description: string, code: string | undefined) => {
      if (schemas.valid(schema, value)) return;
      triggers.push({
        info: {
          kind: "body-violation",
          description,
          expects: [400, 422],
          ...(code === undefined ? {} : { expectedCode: code }),
          mustFail: true,
          clientFault: true,
        },
        parts: derive(plan, { body: JSON.stringify(value) }),
        write: unsafe(plan.op.method),
        needsToken: true,
      });
    };
    for (const name of requiredOf(doc, schema)) {
      const { [name]: _, ...rest } = base;
      add(rest, `required member ${name} left out`, objectCode);
    }
    if (Object.keys(base).length > 0 && requiredOf(doc, schema).length > flat.required.length)
      add({}, "an empty object (it needs at least one of its members)", objectCode);
    for (const [name, member] of Object.entries(flat.properties)) {
      const code = errorCodeOf(doc, member);
      for (const { constraint, value } of violationsOf(doc, member, random, false))
        add(
          { ...base, [name]: value },
          `member ${name} breaks ${constraint}`,
          LIMITS.has(constraint) ? code : undefined,
        );
    }
    if (schema.additionalProperties === false)
      add({ ...base, ecUnexpected: 1 }, "a member the schema does not allow", undefined);
    return triggers;
  },
};
