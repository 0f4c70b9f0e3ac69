import { z } from 'zod';
import { isCompatCheckId } from '../lib/compat/lines';
import { type Clock, systemClock } from '../lib/time/clock';
import { breakAnswer, breakRequest, faultsOfBreak } from './compat-break';
import { createNhanhSimulator, type NhanhSimulator } from './nhanh';
import { seededRandom } from './random';
import { createSeed } from './seed';
import { createContractSurprise, type SurpriseReport } from './surprise';
import { createTikiSimulator, type TiedOrdersOptions, type TikiSimulator } from './tiki';
import {
  DEFAULT_FAULTS,
  type Faults,
  type SandboxRequest,
  type SandboxResponse,
  type SeedData,
} from './types';

export interface SandboxOptions {
  /** Seed of the demo data and of the fault draws. */
  seed?: number;
  clock?: Clock;
  faults?: Partial<Faults>;
  /**
   * Changes the generated demo data before the simulators take it (benchmarks add thousands of orders or
   * products); `seed` then holds what it returned.
   */
  extendSeed?: (generated: SeedData) => SeedData;
  /** Sees every request as it arrives, with the sandbox time (benchmarks count what each API receives). */
  onRequest?: (request: SandboxRequest, at: number) => void;
}

export interface Sandbox {
  seed: SeedData;
  tiki: TikiSimulator;
  nhanh: NhanhSimulator;
  faults(): Faults;
  setFaults(patch: Partial<Faults>): Faults;
  /** What the `contractSurprise` fault changed since it was last set (also `GET /__admin/surprise`). */
  surprise(): SurpriseReport;
  /**
   * Answers a request addressed to the sandbox's own URL space: `/tiki/...`, `/nhanh/...`,
   * `/nhanh-oauth` (the Nhanh login page stand-in) and `/__admin/...`.
   */
  handle(request: SandboxRequest): Promise<SandboxResponse>;
  /** A `fetch` that answers in-process, for unit tests: any origin, the path decides. */
  fetch: typeof fetch;
}

const FAULT_KEYS = Object.keys(DEFAULT_FAULTS) as (keyof Faults)[];

/** Bodies of the admin routes that play a seller's edits and Tiki's promotions (see `TikiSimulator`). */
const productEditSchema = z.strictObject({
  name: z.string().min(1).optional(),
  originalSku: z.string().optional(),
  options: z.record(z.string(), z.string()).optional(),
});
const promotionSchema = z.strictObject({ price: z.number().positive() });
const nhanhGrowthSchema = z.strictObject({ count: z.number().int().min(1).max(100_000) });
const tikiGrowthSchema = nhanhGrowthSchema.extend({ sellerId: z.number().int().optional() });
/** Knobs whose value is one of a few words: the words allowed. */
const FAULT_CHOICES: Partial<Record<keyof Faults, readonly string[]>> = {
  tikiTiedOrder: ['stable', 'shuffled'],
  tikiUpdatedFromBound: ['inclusive', 'exclusive'],
  tikiQueueAuth: ['any', 'bearer-only'],
  nhanhAppOrderIdsFilter: ['ignored', 'honoured', 'refused'],
  nhanhEditRefusal: ['form-fields', 'message'],
  nhanhPaymentOnSuccess: ['refused', 'accepted'],
};

function isFraction(value: unknown): boolean {
  return typeof value === 'number' && value >= 0 && value <= 1;
}

/** Why a `contractSurprise` value is wrong, or null when it is `null` or `{seed, rate, unreadableRate?}`. */
function contractSurpriseProblem(value: unknown): string | null {
  if (value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value))
    return 'must be null or {seed, rate, unreadableRate?}';
  const { seed, rate, unreadableRate, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return `has unknown keys ${Object.keys(rest).join(', ')}`;
  if (!Number.isInteger(seed)) return 'needs an integer seed';
  if (!isFraction(rate)) return 'needs a rate between 0 and 1';
  if (unreadableRate !== undefined && !isFraction(unreadableRate))
    return 'needs an unreadableRate between 0 and 1';
  return null;
}

/** Keeps only known fault knobs with the right type, so a typo in a test cannot silently do nothing. */
export function parseFaults(input: unknown): Partial<Faults> {
  if (typeof input !== 'object' || input === null) throw new Error('faults must be a JSON object');
  const patch: Partial<Faults> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!FAULT_KEYS.includes(key as keyof Faults))
      throw new Error(`unknown fault "${key}"; known: ${FAULT_KEYS.join(', ')}`);
    if (key === 'contractSurprise') {
      const problem = contractSurpriseProblem(value);
      if (problem) throw new Error(`fault "contractSurprise" ${problem}`);
    } else if (key === 'compatBreak') {
      if (value !== null && !isCompatCheckId(value))
        throw new Error('fault "compatBreak" must be null or the id of a compatibility check line');
    } else {
      const expected = typeof DEFAULT_FAULTS[key as keyof Faults];
      if (typeof value !== expected) throw new Error(`fault "${key}" must be a ${expected}`);
      const choices = FAULT_CHOICES[key as keyof Faults];
      if (choices && !choices.includes(value as string))
        throw new Error(`fault "${key}" must be one of ${choices.join(', ')}`);
    }
    Object.assign(patch, { [key]: value });
  }
  return patch;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const clock = options.clock ?? systemClock;
  const seedNumber = options.seed ?? 20261128;
  const random = seededRandom(seedNumber);
  let faults: Faults = { ...DEFAULT_FAULTS, ...options.faults };
  const generated = createSeed({ seed: seedNumber, now: clock.now() });
  const seed = options.extendSeed ? options.extendSeed(generated) : generated;
  // A compatibility break that an existing knob already is turns that knob for as long as it is set.
  const context = {
    clock,
    faults: () => ({ ...faults, ...faultsOfBreak(faults.compatBreak) }),
    random,
    seed,
  };
  const tiki = createTikiSimulator(context);
  const nhanh = createNhanhSimulator(context);
  const surprise = createContractSurprise(() => faults.contractSurprise);

  async function handleAdmin(request: SandboxRequest): Promise<SandboxResponse> {
    try {
      if (request.path === '/__admin/faults' && request.method === 'POST') {
        faults = { ...faults, ...parseFaults(JSON.parse(request.body || '{}')) };
        return { status: 200, body: faults };
      }
      if (request.path === '/__admin/faults') return { status: 200, body: faults };
      if (request.path === '/__admin/expire-tokens' && request.method === 'POST') {
        tiki.expireTokens();
        nhanh.expireTokens();
        return { status: 200, body: { ok: true } };
      }
      if (request.path === '/__admin/tiki/orders/tied' && request.method === 'POST') {
        // `{count, updatedAt, sellerId?, status?, sameCreatedAt?}` → `{codes}` (see `addTiedOrders`).
        const options = JSON.parse(request.body || '{}') as TiedOrdersOptions;
        return { status: 200, body: { codes: tiki.addTiedOrders(options) } };
      }
      if (request.path === '/__admin/tiki/orders/place' && request.method === 'POST') {
        // `{template}` → `{code}`: a buyer places a copy of order `template` now (see `placeOrder`).
        const { template } = JSON.parse(request.body || '{}') as { template?: unknown };
        return { status: 200, body: { code: tiki.placeOrder(String(template)) } };
      }
      const tikiStatus = /^\/__admin\/tiki\/orders\/([^/]+)\/status$/.exec(request.path);
      if (tikiStatus && request.method === 'POST') {
        const { status } = JSON.parse(request.body || '{}') as { status?: unknown };
        return { status: 200, body: tiki.setOrderStatus(decodeURIComponent(tikiStatus[1]!), String(status)) };
      }
      const tikiProduct = /^\/__admin\/tiki\/products\/(\d+)(?:\/(promotion|hide|delete))?$/.exec(
        request.path,
      );
      if (tikiProduct && request.method === 'POST') {
        const body = JSON.parse(request.body || '{}');
        const id = Number(tikiProduct[1]);
        const action = tikiProduct[2];
        if (action === 'delete') {
          tiki.deleteProduct(id);
          return { status: 200, body: { deleted: id } };
        }
        return {
          status: 200,
          body:
            action === 'promotion'
              ? tiki.startPromotion(id, promotionSchema.parse(body).price)
              : action === 'hide'
                ? tiki.hideProduct(id)
                : tiki.editProduct(id, productEditSchema.parse(body)),
        };
      }
      if (request.path === '/__admin/tiki/products' && request.method === 'POST') {
        const { count, sellerId } = tikiGrowthSchema.parse(JSON.parse(request.body || '{}'));
        return { status: 200, body: tiki.addCatalogueProducts(count, sellerId) };
      }
      if (request.path === '/__admin/nhanh/products' && request.method === 'POST')
        return {
          status: 200,
          body: nhanh.addCatalogueProducts(nhanhGrowthSchema.parse(JSON.parse(request.body || '{}')).count),
        };
      const nhanhOrder = /^\/__admin\/nhanh\/orders\/(\d+)$/.exec(request.path);
      if (nhanhOrder && request.method === 'POST')
        return {
          status: 200,
          body: nhanh.editOrder(Number(nhanhOrder[1]), JSON.parse(request.body || '{}')),
        };
      if (request.path === '/__admin/surprise') return { status: 200, body: surprise.report() };
      if (request.path === '/__admin/state') {
        return {
          status: 200,
          body: { faults, tiki: tiki.snapshot(), nhanh: nhanh.snapshot(), surprise: surprise.report() },
        };
      }
    } catch (error) {
      return { status: 400, body: { error: (error as Error).message } };
    }
    return { status: 404, body: { error: `no admin route ${request.method} ${request.path}` } };
  }

  async function handle(request: SandboxRequest): Promise<SandboxResponse> {
    const { path } = request;
    options.onRequest?.(request, clock.now());
    if (path.startsWith('/__admin/')) return handleAdmin(request);
    const mount = ['/tiki', '/nhanh'].find((prefix) => path === prefix || path.startsWith(`${prefix}/`));
    // The Nhanh login page stand-in lives outside the API mount, as nhanh.vn/oauth does outside pos.open.nhanh.vn.
    if (path === '/nhanh-oauth') return nhanh.handle(request);
    if (!mount) return { status: 404, body: { error: `unknown sandbox path ${path}` } };
    const api = mount === '/tiki' ? 'tiki' : 'nhanh';
    const simulator = api === 'tiki' ? tiki : nhanh;
    const inner = breakRequest(faults.compatBreak, api, {
      ...request,
      path: path.slice(mount.length) || '/',
    });
    if (!('path' in inner)) return inner;
    const answer = breakAnswer(faults.compatBreak, api, inner, await simulator.handle(inner));
    // The one place answers drift under the `contractSurprise` fault, after the simulator has answered.
    return surprise.apply(api, inner, answer);
  }

  const fetchInProcess: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    const response = await handle({
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers,
      body: request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text(),
    });
    return toFetchResponse(response);
  };

  return {
    seed,
    tiki,
    nhanh,
    faults: () => faults,
    surprise: () => surprise.report(),
    setFaults: (patch) => {
      faults = { ...faults, ...parseFaults(patch) };
      return faults;
    },
    handle,
    fetch: fetchInProcess,
  };
}

export function toFetchResponse(response: SandboxResponse): Response {
  const headers = new Headers(response.headers);
  if (response.bytes) return new Response(response.bytes, { status: response.status, headers });
  if (typeof response.body === 'string')
    return new Response(response.body, { status: response.status, headers });
  if (!headers.has('content-type')) headers.set('content-type', 'application/json; charset=utf-8');
  const body = response.body === undefined ? null : JSON.stringify(response.body);
  return new Response(body, { status: response.status, headers });
}
