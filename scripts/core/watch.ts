import path from "node:path";
import { watch } from "chokidar";

export interface Watcher {
  /** Resolves once the folder is watched: every save from then on is seen. */
  readonly ready: Promise<void>;
  /** Stops watching: nothing is reported once it is called; resolves when every file watcher is closed. */
  close(): Promise<void>;
}

/**
 * Watches a folder and everything under it. Changes that come within `debounceMs` of each
 * other are reported once, with every file that changed (relative to `dir`); while
 * `onChange` runs, further changes wait and are reported together when it is done.
 *
 * chokidar does the watching: Node's recursive `fs.watch` on Linux watches each file's inode,
 * so it loses a file that a save replaces by rename (an editor's safe write, `mv`, `sed -i`)
 * and every later save to it. A file created and removed again before it is reported (an
 * editor's or sed's temporary file) is not reported. Keep `debounceMs` above 100: chokidar
 * holds a deletion back 100 ms and drops a file's further changes for 50 ms after one.
 * (Over 60 lines as one job: the debounce, the hold during a rebuild and chokidar's events share
 * their state; split, each piece would need all of it.)
 */
export function watchTree(
  dir: string,
  options: {
    debounceMs?: number;
    include?: (file: string) => boolean;
    onChange: (files: string[]) => Promise<void> | void;
    onError?: (error: unknown) => void;
  },
): Watcher {
  const include = options.include ?? (() => true);
  /** The files to report next, each with whether it existed before this batch (false: it was added). */
  let pending = new Map<string, boolean>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let closed = false;

  const flush = async () => {
    timer = undefined;
    if (running || pending.size === 0 || closed) return;
    const files = [...pending.keys()].sort();
    pending = new Map();
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
  const record = (event: "add" | "change" | "unlink", absolute: string) => {
    if (closed) return;
    const file = path.relative(dir, absolute).split(path.sep).join("/");
    if (!include(file)) return;
    if (!pending.has(file)) pending.set(file, event !== "add");
    else if (event === "unlink" && pending.get(file) === false) pending.delete(file);
    if (!running) schedule();
  };

  // ignoreInitial: the files already there are not changes. atomic (the default) reports a file
  // deleted and re-created within 100 ms, as some editors save, as one change.
  const watcher = watch(dir, { ignoreInitial: true });
  watcher.on("add", (file) => record("add", file));
  watcher.on("change", (file) => record("change", file));
  watcher.on("unlink", (file) => record("unlink", file));
  watcher.on("error", (error) => {
    if (!closed) options.onError?.(error);
  });
  let resolveReady = () => {};
  const ready = new Promise<void>((resolve) => (resolveReady = resolve));
  watcher.once("ready", () => resolveReady());
  let closing: Promise<void> | undefined;
  return {
    ready,
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      resolveReady();
      closing ??= watcher.close();
      return closing;
    },
  };
}
