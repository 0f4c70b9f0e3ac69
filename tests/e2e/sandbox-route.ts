import type { BrowserContext, Request, Route } from '@playwright/test';
import { DOCUMENTED_API_BASE } from '../../lib/config/api-bases';
import type { SandboxOptions } from '../../sandbox';
import { type RunningSandbox, startSandboxServer } from '../../sandbox/server';
import { SANDBOX_MOUNTS, seededNhanhSettings, seededShopSettings } from '../fixtures/sandbox-settings';
import { E2E_SHOP_ID } from './fixtures';

/** The production API hosts the built extension calls, and where the sandbox serves each. */
const ROUTED_HOSTS = [
  [DOCUMENTED_API_BASE.tiki, 'tiki', SANDBOX_MOUNTS.tiki],
  [DOCUMENTED_API_BASE.nhanh, 'nhanh', SANDBOX_MOUNTS.nhanh],
] as const;

/** One request the extension made to a routed API host, in the order the route saw them. */
export interface ApiCall {
  /** 1 for the first routed request, and so on. */
  seq: number;
  api: 'tiki' | 'nhanh';
  method: string;
  /** The URL path as the extension sent it (no query), e.g. `/v3.0/product/list`. */
  path: string;
  /** Whether the extension's service worker sent it (Playwright's `request.serviceWorker()`, Chromium only). */
  fromServiceWorker: boolean;
  /** The URL of the page (frame) that sent it, when it did not come from the service worker. */
  page: string | null;
}

/**
 * Ways for a test to act at an exact request (e.g. stop the worker): each is awaited in the route handler, in
 * the request's own turn. `before` returning false refuses the request before the sandbox sees it; `after`
 * returning false loses the sandbox's answer after the request took effect. Either way the extension sees a
 * connection refused.
 */
export interface CallHooks {
  before?(call: ApiCall): boolean | Promise<boolean>;
  after?(call: ApiCall): boolean | Promise<boolean>;
}

/** A running sandbox and every API request routed to it so far. */
export interface RoutedSandbox extends RunningSandbox {
  calls: ApiCall[];
}

function callOf(request: Request, seq: number, api: ApiCall['api']): ApiCall {
  const fromServiceWorker = request.serviceWorker() !== null;
  let page: string | null = null;
  if (!fromServiceWorker)
    try {
      page = request.frame().url();
    } catch {
      page = '(no frame)';
    }
  return {
    seq,
    api,
    method: request.method(),
    path: new URL(request.url()).pathname,
    fromServiceWorker,
    page,
  };
}

/**
 * Starts a sandbox for this test and answers every call the production build makes to the Tiki and Nhanh API
 * hosts from it (`context.route` forwards to the sandbox's own URL space), recording each call (`calls`).
 * Close it when the test ends.
 */
export async function routeApisToSandbox(
  context: BrowserContext,
  options: SandboxOptions = {},
  hooks: CallHooks = {},
): Promise<RoutedSandbox> {
  const running = await startSandboxServer({ ...options, port: 0 });
  const calls: ApiCall[] = [];
  const refuse = (route: Route) => route.abort('connectionrefused').catch(() => {});
  for (const [host, api, mount] of ROUTED_HOSTS)
    await context.route(`${host}/**`, async (route) => {
      const call = callOf(route.request(), calls.length + 1, api);
      calls.push(call);
      if (hooks.before && !(await hooks.before(call))) return refuse(route);
      const url = new URL(route.request().url());
      let response: Awaited<ReturnType<typeof route.fetch>>;
      try {
        response = await route.fetch({ url: `${running.origin}${mount}${url.pathname}${url.search}` });
      } catch {
        // The worker's jobs outlive the page's part of a test: once the test closed its sandbox, their calls
        // fail as an unreachable host would.
        return refuse(route);
      }
      if (hooks.after && !(await hooks.after(call))) return refuse(route);
      // The worker that sent it may be gone by now (stopped by the test).
      await route.fulfill({ response }).catch(() => {});
    });
  return { ...running, calls };
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
