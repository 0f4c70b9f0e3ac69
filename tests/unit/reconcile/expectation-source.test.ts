import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type CompanionDatabase, openCompanionDb } from '../../../lib/db';
import { loadExpectations } from '../../../lib/reconcile/expectation-source';
import { settingsSchemaFor } from '../../../lib/settings';
import { createSandbox } from '../../../sandbox/index';
import { storedOrder } from './stored-orders';

const sandbox = createSandbox();
const shopSeed = sandbox.seed.tiki.shops[0]!;
const orders = shopSeed.orders as { code: string; invoice: { total_seller_income: number } }[];

function settings(withKey: boolean) {
  const parsed = settingsSchemaFor('development').parse({
    apiBase: {
      tiki: 'http://127.0.0.1/tiki',
      nhanh: 'http://127.0.0.1/nhanh',
      nhanhOauth: 'http://127.0.0.1/nhanh-oauth',
    },
    shops: [{ id: 'shop', name: shopSeed.name, connectionKey: shopSeed.connectionKey }],
  });
  // A shop whose key was removed since (saved settings are not re-validated on read).
  return withKey
    ? parsed
    : { ...parsed, shops: parsed.shops.map((shop) => ({ ...shop, connectionKey: '' })) };
}

describe('where expected amounts come from', () => {
  let db: CompanionDatabase;
  beforeEach(async () => {
    fakeBrowser.reset();
    db = await openCompanionDb(`reconcile-source-${Math.random()}`);
  });

  it('should use stored orders first, ask Tiki for the rest, and know which codes Tiki does not have', async () => {
    await db.put('orders', storedOrder({ shopId: 'shop', code: 'STORED-1', sellerIncome: 123 }));
    const known = orders[0]!;
    const loaded = await loadExpectations(
      { codes: ['STORED-1', known.code, '999999999'], sellerId: null, period: null },
      { db, settings: settings(true), fetch: sandbox.fetch },
    );
    // Linked to Nhanh order 77, but these settings hold no Nhanh connection: not compared, and it says so.
    expect(loaded.expectations.get('STORED-1')).toEqual([
      expect.objectContaining({
        source: 'orders',
        sellerIncome: 123,
        nhanhOrderId: 77,
        nhanh: { kind: 'unchecked', why: 'noConnection' },
      }),
    ]);
    expect(loaded.expectations.get(known.code)).toEqual([
      expect.objectContaining({
        source: 'tiki-api',
        sellerIncome: known.invoice.total_seller_income,
        shopId: 'shop',
      }),
    ]);
    expect([...loaded.notFound]).toEqual(['999999999']);
    expect(loaded.ordersComplete).toBe(false);
  });

  it('should treat stored orders as complete when there is no Tiki connection to ask', async () => {
    await db.put('orders', storedOrder({ shopId: 'shop', code: 'STORED-1', sellerIncome: 123 }));
    const loaded = await loadExpectations(
      { codes: ['STORED-1', 'OTHER'], sellerId: null, period: null },
      { db, settings: settings(false), fetch: sandbox.fetch },
    );
    expect(loaded.ordersComplete).toBe(true);
    expect(loaded.expectations.has('OTHER')).toBe(false);
  });
});
