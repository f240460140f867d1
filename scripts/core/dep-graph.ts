/**
 * Spectral's `$ref` resolver (@stoplight/json-ref-resolver) records every `$ref` in `dependency-graph`
 * 0.11's `DepGraph`, whose `addDependency` looks each new edge up in an array (`indexOf`) and whose
 * `overallOrder` looks each node up in its result array: both quadratic. On a spec whose 5,000
 * operations use the same responses, each response has 5,000 incoming edges, and these two took 60 s
 * of a 160 s build (`bench/README.md`, the profile). `speedUpDependencyGraph` replaces the two methods,
 * on the one `DepGraph` the resolver loads, by the same algorithms with the look-ups in sets: the same
 * edges in the same order, the same order of nodes (the test compares them with the originals).
 * The DFS is the library's `createDFS` (MIT, Jim Riecken), which it does not export.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

interface Graph {
  nodes: Record<string, unknown>;
  outgoingEdges: Record<string, string[]>;
  incomingEdges: Record<string, string[]>;
  circular: boolean;
  hasNode(node: string): boolean;
  addDependency(from: string, to: string): boolean;
  overallOrder(leavesOnly?: boolean): string[];
}
type GraphClass = { prototype: Graph };

/** The `DepGraph` class the resolver requires (its own resolution of the package, so the same module). */
export function resolverDepGraph(): GraphClass {
  const fromResolver = createRequire(require.resolve("@stoplight/json-ref-resolver"));
  return (fromResolver("dependency-graph") as { DepGraph: GraphClass }).DepGraph;
}

/** Each edge list's members as a set, rebuilt when the list changed behind it (`removeDependency`). */
const members = new WeakMap<string[], Set<string>>();
function has(list: string[], item: string): boolean {
  let set = members.get(list);
  if (!set || set.size !== list.length) {
    set = new Set(list);
    members.set(list, set);
  }
  return set.has(item);
}
function push(list: string[], item: string): void {
  list.push(item);
  members.get(list)?.add(item);
}

function addDependency(this: Graph, from: string, to: string): boolean {
  if (!this.hasNode(from)) throw new Error(`Node does not exist: ${from}`);
  if (!this.hasNode(to)) throw new Error(`Node does not exist: ${to}`);
  const outgoing = this.outgoingEdges[from]!;
  const incoming = this.incomingEdges[to]!;
  if (!has(outgoing, to)) push(outgoing, to);
  if (!has(incoming, from)) push(incoming, from);
  return true;
}

/** The library's depth-first search, as written there (cycles tolerated: only circular graphs come here). */
function depthFirst(edges: Record<string, string[]>, leavesOnly: boolean, result: string[]) {
  const visited = new Set<string>();
  return (start: string) => {
    if (visited.has(start)) return;
    const inCurrentPath = new Set<string>();
    const todo: { node: string; processed: boolean }[] = [{ node: start, processed: false }];
    while (todo.length > 0) {
      const current = todo[todo.length - 1]!;
      const { node } = current;
      if (!current.processed) {
        if (visited.has(node) || inCurrentPath.has(node)) {
          todo.pop();
          continue;
        }
        inCurrentPath.add(node);
        const nodeEdges = edges[node]!;
        for (let i = nodeEdges.length - 1; i >= 0; i--) todo.push({ node: nodeEdges[i]!, processed: false });
        current.processed = true;
      } else {
        todo.pop();
        inCurrentPath.delete(node);
        visited.add(node);
        if (!leavesOnly || edges[node]!.length === 0) result.push(node);
      }
    }
  };
}

function overallOrder(original: Graph["overallOrder"]) {
  return function (this: Graph, leavesOnly = false): string[] {
    // A graph that must have no cycle is checked for them by the original, which throws the library's error.
    if (!this.circular) return original.call(this, leavesOnly);
    const result: string[] = [];
    const keys = Object.keys(this.nodes);
    const dfs = depthFirst(this.outgoingEdges, leavesOnly, result);
    for (const node of keys.filter((n) => this.incomingEdges[n]!.length === 0)) dfs(node);
    const done = new Set(result);
    for (const node of keys.filter((n) => !done.has(n))) dfs(node);
    return result;
  };
}

const sped = new WeakSet<GraphClass>();

/** Replaces the two quadratic methods of the resolver's `DepGraph` (once; later calls do nothing). */
export function speedUpDependencyGraph(graphClass: GraphClass = resolverDepGraph()): void {
  if (sped.has(graphClass)) return;
  sped.add(graphClass);
  const proto = graphClass.prototype;
  proto.overallOrder = overallOrder(proto.overallOrder);
  proto.addDependency = addDependency;
}
