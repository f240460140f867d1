import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { isObject, type Json, typesOf } from "../../src/openapi/index.js";

/**
 * OpenAPI 3.1 schemas of one document through Ajv 2020 (formats checked): each schema compiled
 * once, with the document's components beside it so that its local `$ref`s resolve.
 */
export class Schemas {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  private readonly compiled = new Map<unknown, ValidateFunction>();

  constructor(private readonly doc: Json) {
    addFormats.default(this.ajv);
  }

  /** Why a value does not match a schema (Ajv's text, at most `limit` characters), or "" when it does. */
  errors(schema: unknown, value: unknown, limit = 400): string {
    if (!isObject(schema) && typeof schema !== "boolean") return "";
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(isObject(schema) ? { ...schema, components: this.doc.components } : schema);
      this.compiled.set(schema, validate);
    }
    if (validate(value)) return "";
    const text = this.ajv.errorsText(validate.errors, { dataVar: "body" });
    return text.length > limit ? `${text.slice(0, limit)}…` : text;
  }

  /** Whether a value matches a schema. */
  valid(schema: unknown, value: unknown): boolean {
    return this.errors(schema, value) === "";
  }
}

/**
 * A header or query value (always text on the wire) as the schema reads it: a number where the
 * schema takes a number or an integer and the text is one, a boolean likewise, else the text.
 */
export function wireValue(schema: unknown, text: string): unknown {
  const types = typesOf(schema);
  if ((types.includes("integer") || types.includes("number")) && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (types.includes("boolean") && (text === "true" || text === "false")) return text === "true";
  return text;
}
