/**
 * `referrals` → `Referrals`, `sales-extension` → `SalesExtension`: names for generated identifiers.
 * An id may start with a digit (one taken from a title such as "3scale API"); its identifier starts with `Api`.
 */
export function pascalCase(id: string): string {
  const name = id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
  return /^[A-Za-z]/.test(name) ? name : `Api${name}`;
}

export function camelCase(id: string): string {
  const pascal = pascalCase(id);
  return pascal[0]!.toLowerCase() + pascal.slice(1);
}
