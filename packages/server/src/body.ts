/**
 * Error bodies as the kit builds them: templates (the catalog's example, a status's minimal body)
 * frozen once, and a copy along the path of each member a caller sets, so no response shares a
 * mutable object with another and an unchanged body costs nothing.
 */

/** Freezes a JSON value and everything in it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

/** `value` without the member at `path` (a copy along the path; `value` itself where there is no such member). */
export function omitAt(value: unknown, path: readonly string[]): unknown {
  const [key, ...rest] = path;
  if (key === undefined || value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return value;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
  if (rest.length === 0) delete copy[key];
  else copy[key] = omitAt(copy[key], rest);
  return copy;
}

/** `value` with `member` set at `path`: the objects along the path copied, everything else shared. */
export function setAt(value: unknown, path: readonly string[], member: unknown): unknown {
  if (path.length === 0) return member;
  const [key, ...rest] = path as [string, ...string[]];
  const node = value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
  const copy: Record<string, unknown> | unknown[] = Array.isArray(node) ? [...node] : { ...node };
  (copy as Record<string, unknown>)[key] = setAt(node[key], rest, member);
  return copy;
}
