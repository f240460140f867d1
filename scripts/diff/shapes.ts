/**
 * The error body as a whole: where clients read the code and the message, by the shape the spec
 * declares or the one inferred (`src/openapi/error-shape.js`). When a new version no longer has
 * them there, or the code's type changed, clients' error handling breaks: one breaking finding for
 * all the responses that changed the same way, instead of a finding per field.
 */
import { schemaAt, shapeOfSchema, type Json, type JsonPath } from "../../src/openapi/index.js";
import { meaningOf } from "./meaning.js";
import type { Findings } from "./findings.js";

type ErrorShape = NonNullable<ReturnType<typeof shapeOfSchema>>;

/**
 * The code's type on the wire by what its schema allows (`meaning.ts`), not how it is written:
 * `integer` (or number), `string`, or `undefined` where it allows either or anything.
 */
function wireType(doc: Json, schema: unknown): "integer" | "string" | undefined {
  const { types } = meaningOf(doc, schema, []);
  if (!types || types.size === 0) return undefined;
  if ([...types].every((t) => t === "integer" || t === "number")) return "integer";
  return [...types].every((t) => t === "string") ? "string" : undefined;
}

/** `errors[0].extensions.code`: a path in a body as a client writes it. */
const dotted = (path: string[]) =>
  path.map((key, i) => (/^\d+$/.test(key) ? `[${key}]` : i === 0 ? key : `.${key}`)).join("");

const describe = (shape: ErrorShape) =>
  `the code at ${dotted(shape.code)} (${shape.codeType})` +
  (shape.message[0] ? ` and the message at ${dotted(shape.message[0])}` : "");

interface Change {
  message: string;
  responses: { where: string; base: JsonPath; head: JsonPath }[];
}

/** The shape changes of one comparison, grouped by what changed. */
export class ShapeChanges {
  private readonly changes = new Map<string, Change>();

  /**
   * Whether an error body's shape changed between two schemas (`$ref`s followed by the callee);
   * when it did, it is noted under `where` and the caller compares no fields of that body.
   */
  note(
    docs: { base: Json; head: Json },
    before: { schema: unknown; path: JsonPath },
    after: { schema: unknown; path: JsonPath },
    mediaType: string,
    where: string,
  ): boolean {
    const was = shapeOfSchema(docs.base, before.schema, mediaType);
    // Only what the base's bodies have is read by clients: a declared member its schema lacks is not.
    const codeWas = was && schemaAt(docs.base, before.schema, was.code);
    if (!was || codeWas === undefined) return false;
    const now = shapeOfSchema(docs.head, after.schema, mediaType);
    const code = schemaAt(docs.head, after.schema, was.code);
    const [typeWas, codeType] = [
      wireType(docs.base, codeWas),
      code === undefined ? undefined : wireType(docs.head, code),
    ];
    const messages = (doc: Json, schema: unknown) =>
      was.message.filter((path) => schemaAt(doc, schema, path) !== undefined);
    const messageGone = messages(docs.base, before.schema).length > 0 && messages(docs.head, after.schema).length === 0;
    const typeChanged = typeWas !== undefined && codeType !== undefined && codeType !== typeWas;
    if (code !== undefined && !typeChanged && !messageGone) return false;
    const then = describe(was);
    // Moved: the head's own shape reads them elsewhere, where its schema has them.
    const moved =
      now !== undefined &&
      schemaAt(docs.head, after.schema, now.code) !== undefined &&
      ((code === undefined && now.code.join("/") !== was.code.join("/")) ||
        (messageGone && now.message.some((p) => schemaAt(docs.head, after.schema, p) !== undefined)));
    const message = moved
      ? `clients read ${then}; they must now read ${describe(now!)}.`
      : code === undefined
        ? `clients read ${then}; the body no longer has a code there, nor one a client can find.`
        : messageGone
          ? `clients read ${then}; the body no longer has that message.`
          : `clients read ${then}; the code there is now ${String(codeType)}.`;
    const change = this.changes.get(message) ?? { message, responses: [] };
    change.responses.push({ where, base: before.path, head: after.path });
    this.changes.set(message, change);
    return true;
  }

  /** One finding per kind of change, at the first response (by name) that made it. */
  report(findings: Findings): void {
    for (const { message, responses } of this.changes.values()) {
      const [first, ...others] = [...responses].sort((a, b) => a.where.localeCompare(b.where));
      const also = others.length > 0 ? ` The same change: ${others.map((o) => o.where).join(", ")}.` : "";
      findings.add("error-shape-changed", first!.where, message + also, first!.base, first!.head);
    }
  }
}
