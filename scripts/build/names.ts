/** `referrals` → `Referrals`, `sales-extension` → `SalesExtension`: names for generated identifiers. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}

export function camelCase(id: string): string {
  const pascal = pascalCase(id);
  return pascal[0]!.toLowerCase() + pascal.slice(1);
}
