import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { resolverDepGraph, speedUpDependencyGraph } from "./dep-graph.js";

const require = createRequire(import.meta.url);

interface Graph {
  addNode(node: string): void;
  addDependency(from: string, to: string): boolean;
  removeDependency(from: string, to: string): void;
  overallOrder(leavesOnly?: boolean): string[];
  outgoingEdges: Record<string, string[]>;
  incomingEdges: Record<string, string[]>;
}
type GraphClass = new (options?: { circular?: boolean }) => Graph;

/** A copy of the library's module of its own (not the one the resolver shares), to patch or keep. */
function freshDepGraph(): GraphClass {
  const file = createRequire(require.resolve("@stoplight/json-ref-resolver")).resolve("dependency-graph");
  const cached = require.cache[file];
  delete require.cache[file];
  try {
    return (require(file) as { DepGraph: GraphClass }).DepGraph;
  } finally {
    if (cached) require.cache[file] = cached;
    else delete require.cache[file];
  }
}

/** A deterministic graph: `size` nodes, `edges` edges drawn with repeats and cycles, a few removed. */
function build(Graph: GraphClass, size: number, edges: number, seed: number): Graph {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % size;
  };
  const graph = new Graph({ circular: true });
  for (let i = 0; i < size; i++) graph.addNode(`#/n${i}`);
  for (let i = 0; i < edges; i++) {
    graph.addDependency(`#/n${next()}`, `#/n${next() % 5}`);
    graph.addDependency(`#/n${next()}`, `#/n${next()}`);
    if (i % 50 === 0) graph.removeDependency(`#/n${next()}`, `#/n${next() % 5}`);
  }
  return graph;
}

describe("speedUpDependencyGraph", () => {
  it("gives the edges and the orders of the original DepGraph", () => {
    const Original = freshDepGraph();
    const Sped = freshDepGraph();
    speedUpDependencyGraph({ prototype: Sped.prototype } as never);
    expect(Sped.prototype.addDependency).not.toBe(Original.prototype.addDependency);
    for (const [size, edges, seed] of [
      [10, 40, 1],
      [200, 3000, 7],
      [1000, 500, 42],
    ] as const) {
      const a = build(Original, size, edges, seed);
      const b = build(Sped, size, edges, seed);
      expect(b.outgoingEdges).toEqual(a.outgoingEdges);
      expect(b.incomingEdges).toEqual(a.incomingEdges);
      expect(b.overallOrder()).toEqual(a.overallOrder());
      expect(b.overallOrder(true)).toEqual(a.overallOrder(true));
    }
  });

  it("still refuses a dependency on a missing node, and a cycle where cycles are not allowed", () => {
    const Sped = freshDepGraph();
    speedUpDependencyGraph({ prototype: Sped.prototype } as never);
    const graph = new Sped();
    graph.addNode("a");
    graph.addNode("b");
    expect(() => graph.addDependency("a", "c")).toThrow("Node does not exist: c");
    graph.addDependency("a", "b");
    graph.addDependency("b", "a");
    expect(() => graph.overallOrder()).toThrow(/Dependency Cycle Found/);
  });

  it("patches the class Spectral's resolver loads", () => {
    speedUpDependencyGraph();
    const loaded = resolverDepGraph();
    const crawler = createRequire(require.resolve("@stoplight/json-ref-resolver"))("./crawler.js") as {
      ResolveCrawler: new (...args: unknown[]) => { pointerGraph: object };
    };
    const graph = new crawler.ResolveCrawler({}, undefined, { errors: [] }).pointerGraph;
    expect(Object.getPrototypeOf(graph)).toBe(loaded.prototype);
    expect(loaded.prototype.addDependency.toString()).not.toContain("indexOf");
  });
});
