import fs from "node:fs/promises";
import path from "node:path";

/**
 * A folder beside `outDir` to write a build into. Only `commit()` puts it in place of
 * `outDir`; until then, and after `discard()`, `outDir` stays exactly as it was.
 */
export async function stage(outDir: string): Promise<{ dir: string; commit(): Promise<void>; discard(): Promise<void> }> {
  const target = path.resolve(outDir);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const dir = await fs.mkdtemp(`${target}.staging-`);
  return {
    dir,
    async commit() {
      const old = `${target}.old-${process.pid}-${Date.now()}`;
      const existed = await fs.stat(target).then(() => true, () => false);
      if (existed) await fs.rename(target, old);
      try {
        await fs.rename(dir, target);
      } catch (error) {
        if (existed) await fs.rename(old, target);
        throw error;
      }
      if (existed) await fs.rm(old, { recursive: true, force: true });
    },
    async discard() {
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

export async function writeFiles(dir: string, files: Map<string, string>): Promise<void> {
  for (const [relative, content] of files) {
    const file = path.join(dir, relative);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content);
  }
}
