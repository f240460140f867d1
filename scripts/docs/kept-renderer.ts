import fs from "node:fs";
import { type DocsRenderer, openDocsRenderer } from "./build-docs-renderer.js";

/** A rendering process kept from one build to the next (`build --watch`, `serve`): see `keepDocsRenderer`. */
export interface KeptDocsRenderer {
  /**
   * The kept process's renderer, or a new one where there is none, it ended, or its configuration changed; once
   * closed, a renderer of the caller's own (not kept: `keeps` says false).
   */
  open(redoclyConfig: string): DocsRenderer;
  /** Whether `renderer` is the kept one (its builds must not close it). */
  keeps(renderer: DocsRenderer | undefined): boolean;
  /** Ends the kept process, and keeps none after. */
  close(): Promise<void>;
}

/**
 * One rendering process for a watch's builds, so that a save does not wait for Redocly to load again (about
 * 1 s of the 1.1–1.5 s a one-API rebuild took): it is kept while its Redocly configuration's path and text stay
 * the same, and replaced when they change or the process ended (a build that fails kills it, as a build
 * without it would).
 */
export function keepDocsRenderer(): KeptDocsRenderer {
  let kept: { renderer: DocsRenderer; key: string } | undefined;
  let closed = false;
  const keyOf = (redoclyConfig: string) => {
    try {
      return `${redoclyConfig}\n${fs.readFileSync(redoclyConfig, "utf8")}`;
    } catch {
      return `${redoclyConfig}\n(unreadable)`;
    }
  };
  return {
    open(redoclyConfig) {
      // Closed (the watch is over, a build still running): that build's own renderer, which it closes.
      if (closed) return openDocsRenderer({ redoclyConfig });
      const key = keyOf(redoclyConfig);
      if (kept?.renderer.running && kept.key === key) return kept.renderer;
      void kept?.renderer.close({ kill: true });
      kept = { renderer: openDocsRenderer({ redoclyConfig, kept: true }), key };
      return kept.renderer;
    },
    keeps: (renderer) => renderer !== undefined && renderer === kept?.renderer,
    async close() {
      closed = true;
      await kept?.renderer.close();
      kept = undefined;
    },
  };
}
