/** A count with its noun: `count(1, "API", "APIs")` → `1 API`, `count(4, "API", "APIs")` → `4 APIs`. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
