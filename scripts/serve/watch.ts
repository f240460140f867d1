import fs from "node:fs";
import path from "node:path";

export interface Watcher {
  close(): void;
}

/**
 * Watches a folder and everything under it. Changes that come within `debounceMs` of each
 * other are reported once, with every file that changed (relative to `dir`); while
 * `onChange` runs, further changes wait and are reported together when it is done.
 */
export function watchTree(
  dir: string,
  options: { debounceMs?: number; include?: (file: string) => boolean; onChange: (files: string[]) => Promise<void> | void; onError?: (error: unknown) => void },
): Watcher {
  const include = options.include ?? (() => true);
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let closed = false;

  const flush = async () => {
    timer = undefined;
    if (running || pending.size === 0 || closed) return;
    const files = [...pending].sort();
    pending = new Set();
    running = true;
    try {
      await options.onChange(files);
    } catch (error) {
      options.onError?.(error);
    } finally {
      running = false;
      if (pending.size > 0 && !closed) schedule();
    }
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void flush(), options.debounceMs ?? 200);
  };
  const watcher = fs.watch(dir, { recursive: true }, (_event, name) => {
    if (!name) return;
    const file = String(name).split(path.sep).join("/");
    if (!include(file)) return;
    pending.add(file);
    if (!running) schedule();
  });
  watcher.on("error", (error) => options.onError?.(error));
  return {
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
