import { createNhanhClient, type NhanhClientOptions } from '../../../lib/nhanh/client';
import { createNhanhRateLimiter, type NhanhRateLimiterOptions } from '../../../lib/nhanh/rate-limiter';
import { createManualClock } from '../../../lib/time/clock';
import { createSandbox } from '../../../sandbox/index';
import type { NhanhSnapshot } from '../../../sandbox/nhanh/index';
import { seededRandom } from '../../../sandbox/random';
import type { Faults } from '../../../sandbox/types';

export const NHANH_BASE = 'http://sandbox.test/nhanh';

/** One request as the sandbox received it, for assertions on what the client sent. */
export interface SentRequest {
  path: string;
  body: string;
}

/**
 * A sandbox on a manual clock, its in-process fetch wrapped to record requests (and optionally doctor
 * answers), and a Nhanh client with the seeded demo credentials and a limiter on the same time scale.
 */
export function setup(
  options: {
    faults?: Partial<Faults>;
    client?: Partial<NhanhClientOptions>;
    /** Overrides of the client's limiter (which always runs on the harness clock and time scale). */
    limiter?: Partial<NhanhRateLimiterOptions>;
    doctor?: (path: string, body: unknown) => unknown;
  } = {},
) {
  const clock = createManualClock();
  const sandbox = createSandbox({ clock, faults: options.faults });
  const seed = sandbox.seed.nhanh;
  const sent: SentRequest[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    sent.push({ path, body: await request.clone().text() });
    const response = await sandbox.fetch(request);
    if (!options.doctor) return response;
    const doctored = options.doctor(path, await response.json());
    return new Response(JSON.stringify(doctored), { status: response.status, headers: response.headers });
  };
  const limiter = createNhanhRateLimiter({
    clock,
    timeScale: options.faults?.timeScale ?? 1,
    ...options.limiter,
  });
  const client = createNhanhClient({
    baseUrl: NHANH_BASE,
    appId: seed.appId,
    businessId: seed.businessId,
    accessToken: seed.accessToken,
    fetch,
    clock,
    random: seededRandom(7),
    limiter,
    ...options.client,
  });
  return {
    clock,
    sandbox,
    seed,
    client,
    sent,
    snapshot: () => sandbox.nhanh.snapshot() as NhanhSnapshot,
    /** A raw v3 call to the sandbox, bypassing the client, to check the simulator's own answers. */
    async raw(
      path: string,
      body: string,
      headers: Record<string, string> = {},
      query?: Record<string, string>,
    ) {
      const params = new URLSearchParams({
        appId: seed.appId,
        businessId: String(seed.businessId),
        ...query,
      });
      const response = await sandbox.fetch(`${NHANH_BASE}${path}?${params}`, {
        method: 'POST',
        headers: { Authorization: seed.accessToken, 'Content-Type': 'application/json', ...headers },
        body,
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
  };
}

/** A product the seed sells alone (not a parent), with stock in `depotId`. */
export function sellableProduct(seed: ReturnType<typeof setup>['seed'], depotId: number, skip = 0) {
  const products = seed.products.filter((product) => !product.isParent && (product.stock[depotId] ?? 0) > 5);
  const product = products[skip];
  if (!product) throw new Error('the seed has no sellable product with stock in that depot');
  return product;
}

/** A Tiki order as the import sends it to order/add: one line of `quantity` units of `productId`. */
export function orderFor(appOrderId: string, depotId: number, productId: number, quantity = 2) {
  return {
    appOrderId,
    depotId,
    sourceName: 'Tiki',
    customer: { name: 'Khách Tiki', mobile: '0900000000' },
    products: [{ id: productId, price: 100_000, quantity }],
  };
}
