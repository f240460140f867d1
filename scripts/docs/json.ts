/** A JSON object: a bundled API, or a node of one. */
export type Json = Record<string, unknown>;
export type JsonPath = (string | number)[];

export const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
/** An object's entries; none for anything else. */
export const entries = (value: unknown): [string, unknown][] => (isObject(value) ? Object.entries(value) : []);
