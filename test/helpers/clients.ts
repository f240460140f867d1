/** The generated clients, loaded by API id, for tests that go through every API. */
import type { ApiClientOptions, ApiSpec } from "@error-contracts/runtime";
import { ApiError } from "@error-contracts/runtime";

export interface LooseResult {
  data?: unknown;
  error?: ApiError;
  response: Response;
}
/** A generated client without its path types, for calls built from the bundle. */
export type LooseClient = Record<string, (url: string, init?: Record<string, unknown>) => Promise<LooseResult>> & {
  orThrow: Record<
    string,
    (url: string, init?: Record<string, unknown>) => Promise<{ data: unknown; response: Response }>
  >;
};

export async function loadClient(
  api: string,
): Promise<{ create: (options?: ApiClientOptions) => LooseClient; spec: ApiSpec }> {
  const module = (await import(`../../generated/${api}/client.ts`)) as Record<string, unknown>;
  const create = Object.entries(module).find(([name]) => /^create\w+Client$/.test(name))?.[1];
  const spec = Object.entries(module).find(([name]) => name.endsWith("Api"))?.[1];
  if (typeof create !== "function" || !spec)
    throw new Error(`generated/${api}/client.ts exports no create…Client or …Api`);
  return { create: create as (options?: ApiClientOptions) => LooseClient, spec: spec as ApiSpec };
}

export { ApiError };
