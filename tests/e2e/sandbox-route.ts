import type { BrowserContext } from '@playwright/test';
import { DOCUMENTED_API_BASE } from '../../lib/config/api-bases';
import type { SandboxOptions } from '../../sandbox';
import { type RunningSandbox, startSandboxServer } from '../../sandbox/server';
import { SANDBOX_MOUNTS, seededNhanhSettings, seededShopSettings } from '../fixtures/sandbox-settings';
import { E2E_SHOP_ID } from './fixtures';

/** The production API hosts the built extension calls, and where the sandbox serves each. */
const ROUTED_HOSTS = [
  [DOCUMENTED_API_BASE.tiki, SANDBOX_MOUNTS.tiki],
  [DOCUMENTED_API_BASE.nhanh, SANDBOX_MOUNTS.nhanh],
] as const;

/**
 * Starts a sandbox for this test and answers every call the production build makes to the Tiki and Nhanh API
 * hosts from it (`context.route` forwards to the sandbox's own URL space). Close it when the test ends.
 */
export async function routeApisToSandbox(
  context: BrowserContext,
  options: SandboxOptions = {},
): Promise<RunningSandbox> {
  const running = await startSandboxServer({ ...options, port: 0 });
  for (const [host, mount] of ROUTED_HOSTS)
    await context.route(`${host}/**`, async (route) => {
      const url = new URL(route.request().url());
      let response: Awaited<ReturnType<typeof route.fetch>>;
      try {
        response = await route.fetch({ url: `${running.origin}${mount}${url.pathname}${url.search}` });
      } catch {
        // The worker's jobs outlive the page's part of a test: once the test closed its sandbox, their calls
        // fail as an unreachable host would.
        await route.abort('connectionrefused').catch(() => {});
        return;
      }
      await route.fulfill({ response });
    });
  return running;
}

/** Settings for the sandbox's shop `shopIndex` and its Nhanh business, as the settings page would save them. */
export function sandboxSettings(running: RunningSandbox, shopIndex = 0) {
  const { seed } = running.sandbox;
  return { shops: [seededShopSettings(seed, E2E_SHOP_ID, shopIndex)], nhanh: seededNhanhSettings(seed) };
}

/** Calls one of the sandbox's admin routes over HTTP, `POST /__admin{path}`, as a tester would; throws on a refusal. */
export async function sandboxAdmin(running: RunningSandbox, path: string, body: object): Promise<unknown> {
  const response = await fetch(`${running.origin}/__admin${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer: unknown = await response.json();
  if (!response.ok)
    throw new Error(`POST /__admin${path} answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}
