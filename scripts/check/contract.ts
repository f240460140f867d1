import {
  allCodes,
  apiErrorShape,
  catalogEntries,
  contentOf,
  type ErrorShape,
  entriesOf,
  followRef,
  isCode,
  isObject,
  type Json,
  type JsonPath,
  keyCovers,
  type Operation,
  operationName,
  operations,
  readErrorBody,
  responsesOf,
  shapeOfSchema,
} from "../../src/openapi/index.js";

/** A response an operation documents for a status: the exact status, else its range, else `default`. */
export interface DocumentedResponse {
  /** `404`, `4XX` or `default` */
  key: string;
  /** The response object, `$ref`s followed. */
  response: Json;
  /** Where the operation lists it (`paths./x.get.responses.404`). */
  path: JsonPath;
  /** The codes its examples carry (the code each example is identified by: its deepest one). */
  codes: Set<string>;
}

/**
 * What the checker reads of a bundled API: its operations, the documented response for a status,
 * the codes each response lists, and, for each code of the catalog (top-level and inner alike),
 * the statuses of the catalog examples that carry it.
 */
export class Contract {
  readonly operations: Operation[];
  readonly shape: ErrorShape | undefined;
  /** Code (as text) → the statuses of the catalog examples that carry it anywhere in their body. */
  readonly codeStatuses = new Map<string, Set<number>>();

  constructor(
    readonly doc: Json,
    readonly file: string,
  ) {
    this.operations = operations(doc);
    this.shape = apiErrorShape(doc)?.shape;
    for (const entry of catalogEntries(doc, this.shape)) {
      if (typeof entry.status !== "number") continue;
      for (const { code } of allCodes(entry.example.value, this.shape)) {
        if (!isCode(code)) continue;
        const statuses = this.codeStatuses.get(String(code)) ?? new Set<number>();
        statuses.add(entry.status);
        this.codeStatuses.set(String(code), statuses);
      }
    }
  }

  /** The documented response for a status, or undefined when nothing covers it. */
  responseFor(op: Operation, status: number): DocumentedResponse | undefined {
    const listed = responsesOf(op.operation, op.path);
    const found =
      listed.find(({ key }) => key === String(status)) ??
      listed.find(({ key }) => key !== String(status) && keyCovers(key, status)) ??
      listed.find(({ key }) => key === "default");
    if (!found) return undefined;
    const response = followRef(this.doc, found.response).node;
    if (!isObject(response)) return undefined;
    return { key: found.key, response, path: found.path, codes: this.codesOf(response) };
  }

  /** Whether the operation documents this exact status (not through a range or `default`). */
  documents(op: Operation, status: number): boolean {
    return responsesOf(op.operation, op.path).some(({ key }) => key === String(status));
  }

  /** Every response an operation documents, with its codes. */
  responsesOf(op: Operation): DocumentedResponse[] {
    return responsesOf(op.operation, op.path).flatMap(({ key, response: raw, path }) => {
      const response = followRef(this.doc, raw).node;
      return isObject(response) ? [{ key, response, path, codes: this.codesOf(response) }] : [];
    });
  }

  /** The error shape of a documented body: its schema's, else the API's. */
  shapeOf(media: Json | undefined, mediaType: string | undefined): ErrorShape | undefined {
    return (media && mediaType && shapeOfSchema(this.doc, media.schema, mediaType)) || this.shape;
  }

  /** The operation by name (`GET /customers`). */
  operation(name: string): Operation | undefined {
    return this.operations.find((op) => operationName(op) === name);
  }

  private codesOf(response: Json): Set<string> {
    const codes = new Set<string>();
    for (const { mediaType, media } of contentOf(response, [])) {
      const shape = this.shapeOf(media, mediaType);
      for (const [, raw] of entriesOf(media.examples)) {
        const example = followRef(this.doc, raw).node;
        if (!isObject(example) || !("x-error" in example)) continue;
        const code = readErrorBody(example.value, shape)?.code;
        if (isCode(code)) codes.add(String(code));
      }
    }
    return codes;
  }
}
