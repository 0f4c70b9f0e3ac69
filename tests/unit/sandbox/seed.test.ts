import { describe, expect, it } from 'vitest';
import { TIKI_ORDER_STATUSES } from '../../../lib/tiki/contract';
import { createSeed } from '../../../sandbox/seed';

const NOW = Date.UTC(2026, 10, 28, 3, 0, 0);
const seed = createSeed({ seed: 20261128, now: NOW });
const [main, small] = seed.tiki.shops;
const WALL_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

// The seed is untyped JSON on purpose (it is what the API sends); the test reads it as such.
// biome-ignore lint/suspicious/noExplicitAny: reading raw API-shaped JSON
type Json = any;
const products = (shop = main!) => shop.products as Json[];
const orders = (shop = main!) => shop.orders as Json[];
/** Vietnam wall time → epoch ms (UTC+7, no daylight saving). */
const wallTimeToMs = (text: string) => Date.parse(`${text.replace(' ', 'T')}+07:00`);

describe('createSeed', () => {
  it('should give two Tiki shops of the expected size feeding one Nhanh business', () => {
    expect(seed.tiki.shops).toHaveLength(2);
    expect(products().length).toBeGreaterThanOrEqual(55);
    expect(products().length).toBeLessThanOrEqual(70);
    expect(orders()).toHaveLength(300);
    expect(products(small).length).toBe(8);
    expect(orders(small).length).toBe(20);
    expect(seed.nhanh.depots.length).toBeGreaterThanOrEqual(2);
    expect(seed.nhanh.depots.length).toBeLessThanOrEqual(3);
    expect(seed.nhanh.accessToken.length).toBeGreaterThanOrEqual(40);
    expect(seed.nhanh.accessTokenExpiredAt - NOW / 1000).toBeCloseTo(300 * 86_400, -3);
    for (const shop of seed.tiki.shops) {
      expect(shop.connectionKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(shop.clientSecret.length).toBeGreaterThanOrEqual(32);
    }
  });

  it('should be the same for the same seed and differ for another seed', () => {
    expect(createSeed({ seed: 20261128, now: NOW })).toEqual(seed);
    const other = createSeed({ seed: 7, now: NOW });
    expect(other.tiki.shops[0]!.connectionKey).not.toBe(main!.connectionKey);
    expect((other.tiki.shops[0]!.orders[0] as Json).code).not.toBe(orders()[0].code);
  });

  it('should give products in the v2.1 shape, with configurable parents, variants and inactive ones', () => {
    for (const product of products()) {
      expect(product.sku).toMatch(/^\d{13}$/);
      expect(product.created_at).toMatch(WALL_TIME);
      expect(product.updated_at).toMatch(WALL_TIME);
      expect(['simple', 'configurable']).toContain(product.type);
      expect(product.inventory.fulfillment_type).toBeTypeOf('string');
      for (const stock of product.inventory.warehouse_stocks)
        expect(stock.quantity_available).toBe(stock.quantity_sellable + stock.quantity_reserved);
    }
    const byId = new Map(products().map((product) => [product.product_id, product]));
    const variants = products().filter((product) => product.super_id !== 0);
    expect(variants.length).toBeGreaterThanOrEqual(10);
    for (const variant of variants) expect(byId.get(variant.super_id)?.type).toBe('configurable');
    expect(
      products().filter((product) => product.active === 0 || product.active === '0').length,
    ).toBeGreaterThan(0);
    // The real API is inconsistent about types; the seed must exercise the client's tolerance.
    expect(products().some((product) => product.active === '1')).toBe(true);
    expect(products().some((product) => typeof product.price === 'string')).toBe(true);
  });

  it('should contain every pairing case against the Nhanh catalogue', () => {
    const nhanh = seed.nhanh.products;
    const sellables = products().filter((product) => product.type === 'simple');
    const cases = { empty: 0, code: 0, barcodeOnly: 0, ambiguous: 0, none: 0 };
    for (const product of sellables) {
      const sku: string = product.original_sku;
      if (!sku) {
        cases.empty++;
        continue;
      }
      const byCode = nhanh.filter((item) => item.code === sku).length;
      const byBarcode = nhanh.filter((item) => item.barcode === sku).length;
      if (byCode + byBarcode >= 2) cases.ambiguous++;
      else if (byCode === 1) cases.code++;
      else if (byBarcode === 1) cases.barcodeOnly++;
      else cases.none++;
    }
    expect(cases.empty).toBeGreaterThanOrEqual(3);
    expect(cases.code).toBeGreaterThanOrEqual(20);
    expect(cases.barcodeOnly).toBeGreaterThanOrEqual(3);
    expect(cases.ambiguous).toBeGreaterThanOrEqual(3);
    expect(cases.none).toBeGreaterThanOrEqual(3);
    // Both kinds of ambiguity: a code that is someone else's barcode, and a barcode two products share.
    expect(nhanh.some((item) => nhanh.some((other) => other !== item && other.barcode === item.code))).toBe(
      true,
    );
    expect(
      nhanh.some((item) => item.barcode && nhanh.some((o) => o !== item && o.barcode === item.barcode)),
    ).toBe(true);
  });

  it('should give the Nhanh catalogue parents with variants and stock per depot', () => {
    const parents = seed.nhanh.products.filter((product) => product.isParent);
    expect(parents.length).toBeGreaterThan(0);
    for (const parent of parents)
      expect(seed.nhanh.products.some((product) => product.parentId === parent.id)).toBe(true);
    const depotIds = seed.nhanh.depots.map((depot) => String(depot.id)).sort();
    for (const product of seed.nhanh.products.filter((item) => !item.isParent))
      expect(Object.keys(product.stock).sort()).toEqual(depotIds);
    expect(new Set(seed.nhanh.products.map((product) => product.code)).size).toBe(seed.nhanh.products.length);
  });

  it('should cover every Tiki order status over the last 45 days, with histories that end in it', () => {
    for (const shop of seed.tiki.shops)
      expect(new Set(orders(shop).map((order) => order.status))).toEqual(new Set(TIKI_ORDER_STATUSES));
    for (const order of orders()) {
      const created = wallTimeToMs(order.created_at);
      expect(created).toBeGreaterThanOrEqual(NOW - 45 * 86_400_000);
      expect(wallTimeToMs(order.updated_at)).toBeLessThanOrEqual(NOW);
      const history = order.status_histories as Json[];
      expect(history.at(-1).status).toBe(order.status);
      expect(history.at(-1).created_at).toBe(order.updated_at);
      const times = history.map((entry) => wallTimeToMs(entry.created_at));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(times[0]).toBe(created);
    }
  });

  it('should give items that reference the shop products and hide the buyer phone', () => {
    for (const shop of seed.tiki.shops) {
      const ids = new Set(products(shop).map((product) => product.product_id));
      for (const order of orders(shop)) {
        for (const item of order.items) expect(ids.has(item.product.id)).toBe(true);
        if (order.fulfillment_type !== 'seller_delivery') expect(order.shipping.address.phone).toBe('');
      }
    }
  });

  it('should keep the documented money rules on every item and order', () => {
    let withFees = 0;
    for (const order of [...orders(), ...orders(small)]) {
      const canceled = order.status === 'canceled' || order.status === 'closed';
      for (const item of order.items) {
        const invoice = item.invoice;
        expect(invoice.subtotal).toBe(item.qty * item.price);
        expect(invoice.row_total).toBe(Math.max(0, invoice.subtotal - invoice.discount_amount));
        const fees = invoice.fees as Json[];
        for (const fee of fees) {
          expect(fee.final_amount).toBeLessThanOrEqual(0);
          expect(fee.final_amount).toBe(fee.total_amount + fee.discount_amount);
        }
        expect(invoice.seller_fee).toBe(fees.reduce((sum, fee) => sum + fee.final_amount, 0));
        const sellerDiscount = invoice.is_seller_discount_coupon ? invoice.discount_coupon : 0;
        expect(invoice.seller_income).toBe(
          canceled ? invoice.seller_fee : invoice.subtotal - sellerDiscount + invoice.seller_fee,
        );
        if (fees.some((fee) => fee.fee_type_name === 'Phí thanh toán')) withFees++;
      }
      const sum = (pick: (item: Json) => number) =>
        order.items.reduce((total: number, item: Json) => total + pick(item), 0);
      expect(order.invoice.subtotal).toBe(sum((item) => item.invoice.subtotal));
      expect(order.invoice.total_seller_fee).toBe(sum((item) => item.invoice.seller_fee));
      expect(order.invoice.total_seller_income).toBe(sum((item) => item.invoice.seller_income));
    }
    expect(withFees).toBeGreaterThan(100);
    const feeNames = new Set(
      orders().flatMap((order) =>
        order.items.flatMap((item: Json) => item.invoice.fees.map((fee: Json) => fee.fee_type_name)),
      ),
    );
    expect(feeNames).toEqual(new Set(['Phí cố định', 'Phí thanh toán', 'Phí hoa hồng', 'Phí lấy hàng']));
  });
});
