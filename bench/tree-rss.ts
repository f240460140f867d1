import fs from "node:fs";

const pageSize = 4096;

/**
 * Resident memory (bytes) of a process and all its descendants, read from /proc (Linux):
 * the build's memory includes the `redocly build-docs` processes it starts. 0 where /proc
 * is not there.
 */
export function treeRss(root: number): number {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of entries) {
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
    } catch {
      continue; // the process ended while we looked
    }
    // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so read after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const pid = Number(name);
    const ppid = Number(fields[1]);
    rss.set(pid, Number(fields[21]) * pageSize);
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  let total = 0;
  for (const queue = [root]; queue.length > 0; ) {
    const pid = queue.pop()!;
    total += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Samples `treeRss(pid)` every `intervalMs` until stopped; `stop()` returns the peak seen. */
export function sampleTreeRss(pid: number, intervalMs = 100): { stop(): number } {
  let peak = treeRss(pid);
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(pid))), intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
