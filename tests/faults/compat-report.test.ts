import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { COMPAT_CHECK_IDS, type CompatCheckId, type CompatLine } from '../../lib/compat/lines';
import { buildCompatReport } from '../../lib/compat/report';
import type { SeedData } from '../../sandbox/types';
import { type CompatSetup, compatSetup, runCheck } from '../fixtures/compat-setup';

/*
 * The compatibility report is meant to be sent to whoever maintains the extension: it must carry nothing that
 * identifies a buyer and no secret. The sandbox's buyers here have names, streets, phones and emails no field
 * name could contain; the run is repeated under every break and under drifting answers, and the serialised
 * report is searched for all of them, for every order code and every secret.
 */

const VIETNAMESE_MOBILE = /(?:\+?84|0)(?:3|5|7|8|9)\d{8}/;
const EMAIL = /[^\s@"]+@[^\s@"]+\.[a-z]{2,}/i;

/** Buyer n of the Tiki orders: every identifying field distinctive and of a realistic shape. */
function tikiBuyer(n: number) {
  return {
    name: `Đặng Thị Zyxqwv ${n}`,
    street: `Số ${n} Ngõ Bímật Qwzx`,
    phone: `09${String(10_000_000 + n).slice(-8)}`,
    email: `zyxqwv.buyer${n}@example.vn`,
  };
}

/** Every Tiki order of every shop bought by a distinctive buyer. */
function withDistinctiveBuyers(seed: SeedData): SeedData {
  let n = 0;
  for (const shop of seed.tiki.shops)
    for (const order of shop.orders as Record<string, Record<string, unknown>>[]) {
      const buyer = tikiBuyer(++n);
      const address = (order.shipping as { address: Record<string, unknown> }).address;
      Object.assign(address, {
        full_name: buyer.name,
        street: buyer.street,
        phone: buyer.phone,
        email: buyer.email,
      });
      order.customer = { ...order.customer, full_name: buyer.name };
    }
  return seed;
}

const NHANH_BUYERS = [1, 2, 3].map((n) => ({
  name: `Lê Văn Qwzxbuyer ${n}`,
  mobile: `090${String(1_000_000 + n).slice(-7)}`,
  address: `${n} Đường Kínđáo, Phường Bímật`,
}));

async function privateSetup(extra: Parameters<typeof compatSetup>[0] = {}): Promise<CompatSetup> {
  return compatSetup({ extendSeed: withDistinctiveBuyers, buyers: NHANH_BUYERS, ...extra });
}

/** Everything the report must not hold: buyers, order codes and ids, secrets and credentials. */
function forbiddenStrings(setup: CompatSetup): string[] {
  const { seed } = setup.sandbox;
  const tikiOrders = seed.tiki.shops.flatMap((shop) => shop.orders as { code: string }[]);
  const buyers = tikiOrders.flatMap((_, index) => Object.values(tikiBuyer(index + 1)));
  const nhanhOrders = setup.sandbox.nhanh.snapshot().orders;
  return [
    ...buyers,
    ...NHANH_BUYERS.flatMap((buyer) => Object.values(buyer)),
    ...tikiOrders.map((order) => order.code),
    ...nhanhOrders.flatMap((order) => [String(order.id), order.appOrderId ?? '']),
    'Zyxqwv',
    'Qwzx',
    ...seed.tiki.shops.flatMap((shop) => [shop.connectionKey, shop.clientId, shop.clientSecret]),
    seed.nhanh.secretKey,
    seed.nhanh.accessToken,
  ].filter((value) => value.length > 0);
}

function expectNothingIdentifying(text: string, forbidden: readonly string[]): void {
  for (const value of forbidden) expect(text.includes(value), `the report holds "${value}"`).toBe(false);
  expect(text).not.toMatch(VIETNAMESE_MOBILE);
  expect(text).not.toMatch(EMAIL);
}

describe('the compatibility report holds no buyer data and no secret', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('should give a full report of the sandbox with distinctive buyers, and none of them in it', async () => {
    const setup = await privateSetup();
    const { report } = await runCheck(setup);
    const text = JSON.stringify(report);
    expect(report.lines.map((line) => line.id)).toEqual([...COMPAT_CHECK_IDS]);
    // Still a useful report: counts, key names and types survive the whitelist.
    expect(report.lines.find((line) => line.id === 'tiki.orders.feeKeys')?.facts.feeKeys).toContain(
      'base_fee',
    );
    expect(report.lines.find((line) => line.id === 'nhanh.token.expiry')?.facts.answerKeys).toContain(
      'expiredAt',
    );
    expectNothingIdentifying(text, forbiddenStrings(setup));
  });

  it.each<CompatCheckId>(COMPAT_CHECK_IDS.filter((id) => id !== 'nhanh.order.returnedStatus'))(
    'should hold none of them when %s is broken',
    async (id) => {
      const setup = await privateSetup({ faults: { compatBreak: id } });
      const { report } = await runCheck(setup);
      expectNothingIdentifying(JSON.stringify(report), forbiddenStrings(setup));
    },
  );

  it('should hold none of them when the answers drift (unknown keys, odd values, numbers as text)', async () => {
    for (const seed of [1, 2, 3]) {
      const setup = await privateSetup({ faults: { contractSurprise: { seed, rate: 0.6 } } });
      const { report } = await runCheck(setup);
      expectNothingIdentifying(JSON.stringify(report), forbiddenStrings(setup));
    }
  });

  it('should withhold any fact that is not a count, flag, key name or type, whatever a line puts in it', () => {
    const secret = 'a3f9c0d1e2b4a5c6d7e8f9a0b1c2d3e4';
    const hostile: CompatLine = {
      id: 'tiki.orders.feeKeys',
      verdict: 'right',
      evidence: { key: 'compat.ev.noFees' },
      facts: {
        fees: 3,
        feeKeys: ['base_fee', 'payment_fee'],
        buyer: 'Đặng Thị Zyxqwv',
        phone: '0912345678',
        phoneAsNumber: 912_345_678,
        orderCode: '812345678',
        orderId: 126_222_345,
        email: 'buyer@example.vn',
        secret,
        secretPart: secret.slice(0, 20),
        keyLooking: 'abcdef1234567890',
        mixedList: ['base_fee', 'Zyxqwv Buyer'],
        'not a name': 1,
      },
    };
    const report = buildCompatReport([hostile], {
      generatedAt: 0,
      state: 'done',
      extensionVersion: '0.1.0',
      secrets: [secret],
    });
    expect(report.lines[0]).toMatchObject({
      facts: { fees: 3, feeKeys: ['base_fee', 'payment_fee'] },
      withheld: 11,
    });
    expect(Object.keys(report.lines[0]!.facts)).toEqual(['fees', 'feeKeys']);
    // The evidence text is the page's: it never goes into the file.
    expect(JSON.stringify(report)).not.toContain('compat.ev');
  });
});
