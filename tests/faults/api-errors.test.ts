import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/http/api-error';
import { translate } from '../../lib/i18n';
import { type Settings, secretsOf, settingsSchemaFor } from '../../lib/settings';
import { createManualClock } from '../../lib/time/clock';
import { createNhanhClientFromSettings, createTikiClientForShop } from '../../lib/worker/api-clients';
import { createSandbox } from '../../sandbox/index';
import type { Faults } from '../../sandbox/types';
import { IN_PROCESS_API_BASE, seededNhanhSettings } from '../fixtures/sandbox-settings';

const WRONG_KEY = 'WrongKey0123456789abcdefABCDEF00';
const WRONG_SECRET = 'WrongSecret-9f8e7d6c5b4a';
const WRONG_TOKEN = 'WrongToken-1a2b3c4d5e6f7g8h9i0j';

/** Real seeded credentials in settings, as the extension holds them. */
function world(faults: Partial<Faults> = {}) {
  const clock = createManualClock();
  const sandbox = createSandbox({ clock, faults });
  const [shop] = sandbox.seed.tiki.shops;
  const { nhanh } = sandbox.seed;
  const settings = settingsSchemaFor('development').parse({
    apiBase: IN_PROCESS_API_BASE,
    shops: [
      { id: 'key', name: shop!.name, connectionKey: shop!.connectionKey },
      { id: 'app', name: shop!.name, clientId: shop!.clientId, clientSecret: shop!.clientSecret },
    ],
    nhanh: seededNhanhSettings(sandbox.seed),
  });
  const deps = { fetch: sandbox.fetch, clock };
  return {
    sandbox,
    settings,
    clock,
    tiki: (shopPatch: Partial<Settings['shops'][number]> = {}, index = 0) =>
      createTikiClientForShop(settings, { ...settings.shops[index]!, ...shopPatch }, deps)!,
    nhanh: (patch: Partial<Settings['nhanh']> = {}) =>
      createNhanhClientFromSettings({ ...settings, nhanh: { ...settings.nhanh, ...patch } }, deps)!,
    secrets: [
      ...secretsOf(settings),
      WRONG_KEY,
      WRONG_SECRET,
      WRONG_TOKEN,
      nhanh.appId === '' ? 'x' : nhanh.secretKey,
    ],
  };
}

async function failure(call: () => Promise<unknown>): Promise<ApiError> {
  const error = await call().then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

/** Everything a seller, a log or a bug report could see of an error. */
function visibleTexts(error: ApiError): string[] {
  return [
    error.message,
    String(error),
    error.stack ?? '',
    JSON.stringify(error),
    JSON.stringify(error.text),
    JSON.stringify(error.fieldMessages ?? {}),
    translate('vi', error.text),
    translate('en', error.text),
    error.cause instanceof Error ? `${error.cause.message} ${error.cause.stack}` : String(error.cause ?? ''),
  ];
}

type Case = [
  label: string,
  run: (w: ReturnType<typeof world>) => Promise<unknown>,
  faults?: Parameters<typeof world>[0],
];

const TIKI_CASES: Case[] = [
  ['wrong connection key', (w) => w.tiki({ connectionKey: WRONG_KEY }).getSeller()],
  ['wrong app secret', (w) => w.tiki({ clientSecret: WRONG_SECRET }, 1).getSeller()],
  ['connection paused by the seller', (w) => w.tiki().getSeller(), { tikiPaused: true }],
  ['429 storm after every retry', (w) => w.tiki().getSeller(), { rateLimitStorm: true }],
  ['5xx after every retry', (w) => w.tiki().getSeller(), { errorRate: 1 }],
  ['unknown order', (w) => w.tiki().getOrder('NO-SUCH-ORDER')],
  ['paused, app credentials', (w) => w.tiki({}, 1).getSeller(), { tikiPaused: true }],
];

const NHANH_CASES: Case[] = [
  ['wrong access token', (w) => w.nhanh({ accessToken: WRONG_TOKEN }).listDepots()],
  [
    'token revoked mid-run',
    async (w) => {
      const client = w.nhanh();
      await client.listDepots();
      w.sandbox.nhanh.expireTokens();
      return client.listDepots();
    },
  ],
  ['5xx after every retry', (w) => w.nhanh().listDepots(), { errorRate: 1 }],
  [
    'order refused for its data',
    (w) =>
      w.nhanh().addOrder({
        appOrderId: 'T-1',
        depotId: -1,
        customer: { name: '', mobile: 'x' },
        products: [{ id: -5, price: -1, quantity: 0 }],
      }),
  ],
];

describe('no secret in any error a client throws', () => {
  it.each([...TIKI_CASES, ...NHANH_CASES])(
    'should keep keys and tokens out of: %s',
    async (_label, run, faults) => {
      const w = world(faults);
      const error = await failure(() => run(w));
      const vietnamese = translate('vi', error.text);
      expect(vietnamese.length).toBeGreaterThan(10);
      expect(vietnamese).not.toBe(error.text.key);
      for (const text of visibleTexts(error))
        for (const secret of w.secrets.filter((value) => value.length >= 8))
          expect(text).not.toContain(secret);
    },
  );

  it('should say the connection is paused, in Vietnamese, and not retry it', async () => {
    const w = world({ tikiPaused: true });
    const error = await failure(() => w.tiki().getSeller());
    expect(error.code).toBe('paused_by_seller');
    expect(error.retryable).toBe(false);
    expect(translate('vi', error.text)).toContain('tạm ngưng');
  });
});

describe('slow and expiring APIs at the client level', () => {
  it('should complete a Tiki and a Nhanh call answered after 2 s each', async () => {
    const w = world({ latencyMs: 2000 });
    const [seller, depots] = await Promise.all([w.tiki().getSeller(), w.nhanh().listDepots()]);
    expect(seller).toBeTruthy();
    expect(depots.length).toBeGreaterThan(0);
  });

  it('should renew a Tiki token that expires mid-run and list every order once', async () => {
    const reference = world();
    const all = async (w: ReturnType<typeof world>, midway?: () => void) => {
      const client = w.tiki({}, 1);
      const codes: string[] = [];
      for await (const page of client.iterateOrders({})) {
        codes.push(...page.data.map((order) => order.code));
        midway?.();
      }
      return codes;
    };
    const expected = await all(reference);
    const w = world({ tikiTokenTtlSeconds: 5 });
    const codes = await all(w, () => {
      w.sandbox.tiki.expireTokens();
      w.clock.advance(10_000);
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(expected));
  });

  it('should list every Tiki order once despite 30 % 5xx (8 seeds of retry jitter)', async () => {
    const expected = new Set<string>();
    for await (const page of world().tiki().iterateOrders({}))
      for (const o of page.data) expected.add(o.code);
    for (let seed = 0; seed < 8; seed++) {
      const w = world({ errorRate: 0.3 });
      for (let i = 0; i < seed; i++)
        await w.sandbox.handle({
          method: 'GET',
          path: '/tiki/x',
          query: new URLSearchParams(),
          headers: {},
          body: '',
        });
      const seen = new Set<string>();
      try {
        for await (const page of w.tiki().iterateOrders({})) for (const o of page.data) seen.add(o.code);
        expect(seen).toEqual(expected);
      } catch (error) {
        expect(error).toBeInstanceOf(ApiError);
        expect((error as ApiError).code).toBe('server_error');
      }
    }
  });
});
