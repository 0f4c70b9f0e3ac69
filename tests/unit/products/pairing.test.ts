import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CompanionDatabase, NhanhProductRecord } from '../../../lib/db';
import { loadShopCatalogue, refreshProductAttention } from '../../../lib/products/catalogue';
import { downloadTikiProducts } from '../../../lib/products/download';
import { matchKey } from '../../../lib/products/keys';
import { getMapping, getProductLinks } from '../../../lib/products/links';
import {
  autoMatchShop,
  confirmSuggestions,
  deleteDownloadedProducts,
  pairProducts,
  repairProducts,
  unpairProducts,
} from '../../../lib/products/pairing';
import {
  readMappings,
  readTikiProductsById,
  writeMappings,
  writeNhanhProducts,
  writeTikiProducts,
} from '../../../lib/products/store';
import { readAttention, recordAttention } from '../../../lib/status/attention';
import {
  type TikiPage,
  type TikiProductSummary,
  tikiListSchema,
  tikiProductSummarySchema,
} from '../../../lib/tiki/schemas';
import { createManualClock } from '../../../lib/time/clock';
import { freshDb } from './harness';

const SHOP = 'shop-1';

interface RawProduct {
  id: number;
  name: string;
  originalSku?: string;
  superId?: number;
  type?: string;
  price?: number;
  /** As the list carries them with `include=attributes`; left out, the answer has none (an older download). */
  attributes?: Record<string, unknown> | unknown[];
  /** A configurable product's option codes, with its attributes. */
  optionAttributes?: string[];
}

/** A Tiki catalogue as the API pages it, run through the client's own schema. */
function fakeTiki(pages: RawProduct[][], options: { failOnPage?: number } = {}) {
  const total = pages.flat().length;
  return {
    async *iterateProducts(): AsyncGenerator<TikiPage<TikiProductSummary>> {
      for (const [index, products] of pages.entries()) {
        if (options.failOnPage === index + 1) throw new Error('connection reset');
        const page = tikiListSchema.parse({
          data: products.map((product) => ({
            product_id: product.id,
            sku: `80000000${product.id}`,
            original_sku: product.originalSku ?? '',
            name: product.name,
            super_id: product.superId ?? 0,
            type: product.type ?? 'simple',
            active: 1,
            price: `${product.price ?? 99000}.00`,
            created_at: '2026-01-02 03:04:05',
            updated_at: '2026-01-02 03:04:05',
            ...(product.attributes === undefined ? {} : { attributes: product.attributes }),
            ...(product.optionAttributes === undefined
              ? {}
              : { option_attributes: product.optionAttributes }),
          })),
          paging: { total, current_page: index + 1, per_page: 50, last_page: pages.length },
        });
        yield { ...page, data: page.data.map((row) => tikiProductSummarySchema.parse(row)), unreadable: [] };
      }
    },
  };
}

function nhanhRecord(id: number, code: string, barcode = '', name = `Sản phẩm ${code}`): NhanhProductRecord {
  return {
    id,
    parentId: 0,
    kind: 'independent',
    code,
    barcode,
    name,
    price: 1000,
    codeKey: matchKey(code),
    barcodeKey: matchKey(barcode),
    downloadedAt: 0,
  };
}

const CATALOGUE: RawProduct[] = [
  { id: 1, name: 'Nhà Giả Kim', originalSku: 'BK-001' },
  { id: 2, name: 'Áo thun cotton', type: 'configurable' },
  { id: 3, name: 'Áo thun cotton - Đỏ, XL', originalSku: 'AO-DO-XL', superId: 2 },
  { id: 4, name: 'Bình giữ nhiệt Inox 500ml' },
  { id: 5, name: 'Combo sách thiếu nhi', originalSku: 'DUP' },
];

async function setup(db: CompanionDatabase, clock = createManualClock()) {
  await writeNhanhProducts(db, [
    nhanhRecord(101, 'BK-001'),
    nhanhRecord(103, 'AO-DO-XL'),
    nhanhRecord(104, 'BN-500', '', 'Bình Giữ Nhiệt Inox 500ml'),
    nhanhRecord(105, 'DUP'),
    nhanhRecord(106, 'DUP-2', 'DUP'),
  ]);
  await downloadTikiProducts(
    { db, clock, tiki: fakeTiki([CATALOGUE.slice(0, 3), CATALOGUE.slice(3)]) },
    SHOP,
  );
  return clock;
}

async function stateOf(db: CompanionDatabase, id: number) {
  return (await getProductLinks(db, SHOP, [id])).get(id)!.state;
}

async function statesOf(db: CompanionDatabase, ids: number[]) {
  return [...(await getProductLinks(db, SHOP, ids)).values()].map((link) => link.state);
}

/** What Tiki keeps among a product's attributes that moves by itself (the product-v2 sample). */
const MOVING = {
  price: 99000,
  price_restore: 120000,
  special_from_date: '2026-01-02 03:04:05',
  supplier: { id: 1453707 },
  specifications: [{ id: 2077, name: 'General', attributes: [{ code: 'sku', value: '800000001' }] }],
};

/**
 * The catalogue as the list answers with `include=attributes`: the parent's option codes, the variant's option
 * values, a book's publisher, each next to prices and the supplier.
 */
const WITH_ATTRIBUTES: RawProduct[] = CATALOGUE.map((product) =>
  product.id === 2
    ? { ...product, attributes: MOVING, optionAttributes: ['color', 'size'] }
    : product.id === 3
      ? { ...product, attributes: { color: 'Đỏ', size: 'XL', ...MOVING } }
      : product.id === 1
        ? { ...product, attributes: { publisher: 'NXB Văn Học', pages: 228, ...MOVING } }
        : { ...product, attributes: [] },
);

function changeAttributes(id: number, attributes: Record<string, unknown>): RawProduct[] {
  return WITH_ATTRIBUTES.map((product) =>
    product.id === id ? { ...product, attributes: { ...product.attributes, ...attributes } } : product,
  );
}

/** A promotion on products 1 and 3: a new price, the old one kept as `price_restore`, a start date. */
const ON_PROMOTION: RawProduct[] = WITH_ATTRIBUTES.map((product) =>
  product.id === 1 || product.id === 3
    ? {
        ...product,
        price: 79000,
        attributes: {
          ...product.attributes,
          price: 79000,
          price_restore: 99000,
          special_from_date: '2026-12-01 00:00:00',
          supplier: { id: 1453708 },
        },
      }
    : product,
);

describe('pairing and re-downloads', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should pair by rule, record method and time, and leave parents out', async () => {
    const db = await freshDb();
    const clock = await setup(db);
    const summary = await autoMatchShop(db, SHOP, clock.now());
    expect(summary).toEqual({ paired: 2, ambiguous: 1, suggested: 1, unmatched: 0 });
    expect(await getMapping(db, SHOP, 3)).toMatchObject({
      nhanhProductId: 103,
      method: 'sku-code',
      pairedAt: clock.now(),
    });
    expect(await stateOf(db, 5)).toBe('ambiguous');
    const { rows } = await loadShopCatalogue(db, SHOP);
    expect(rows.map((row) => row.product.id)).toEqual([1, 3, 4, 5]);
    expect(rows.find((row) => row.product.id === 3)?.product.optionLabel).toBe('Đỏ, XL');
  });

  it('should pair a name suggestion only when the seller confirms it', async () => {
    const db = await freshDb();
    const clock = await setup(db);
    await autoMatchShop(db, SHOP, clock.now());
    expect(await stateOf(db, 4)).toBe('unpaired');
    expect(await confirmSuggestions(db, SHOP, [4, 5], clock.now())).toBe(1);
    expect(await getMapping(db, SHOP, 4)).toMatchObject({ nhanhProductId: 104, method: 'suggestion' });
    expect(await stateOf(db, 5)).toBe('ambiguous');
  });

  it('should never replace a pairing made by hand when matching runs again', async () => {
    const db = await freshDb();
    const clock = await setup(db);
    await pairProducts(db, SHOP, [{ tikiProductId: 1, nhanhProductId: 105 }], 'manual', clock.now());
    await autoMatchShop(db, SHOP, clock.now());
    expect(await getMapping(db, SHOP, 1)).toMatchObject({ nhanhProductId: 105, method: 'manual' });
    await unpairProducts(db, SHOP, [1]);
    expect(await stateOf(db, 1)).toBe('unpaired');
  });

  it('should mark a product "needs re-pairing" when its name or seller SKU changed since pairing, and re-pair in one click', async () => {
    const db = await freshDb();
    const clock = await setup(db);
    await autoMatchShop(db, SHOP, clock.now());
    const renamed = CATALOGUE.map((product) =>
      product.id === 3
        ? { ...product, name: 'Áo thun cotton - Đỏ đô, XL' }
        : product.id === 1
          ? { ...product, originalSku: 'BK-001-NEW' }
          : product,
    );
    const result = await downloadTikiProducts({ db, clock, tiki: fakeTiki([renamed]) }, SHOP);
    expect(result).toEqual({ state: 'done', count: 5, markedDeleted: 0 });
    expect(await stateOf(db, 3)).toBe('needs-repair');
    expect(await stateOf(db, 1)).toBe('needs-repair');
    // The mapping survived the re-download: the seller sees which product it was paired with.
    expect((await getMapping(db, SHOP, 3))?.nhanhProductId).toBe(103);

    // Product 3 still matches its code by rule; product 1's new SKU matches nothing, so it keeps its product.
    expect(await repairProducts(db, SHOP, [3, 1], clock.now())).toEqual([]);
    expect(await getMapping(db, SHOP, 3)).toMatchObject({ nhanhProductId: 103, method: 'sku-code' });
    expect(await getMapping(db, SHOP, 1)).toMatchObject({ nhanhProductId: 101, method: 'manual' });
    expect(await stateOf(db, 3)).toBe('paired');
    expect(await stateOf(db, 1)).toBe('paired');
  });

  it('should flag products gone from Tiki after a full download, keep their pairing, and bring them back', async () => {
    const db = await freshDb();
    const clock = await setup(db);
    await autoMatchShop(db, SHOP, clock.now());
    const withoutFirst = CATALOGUE.filter((product) => product.id !== 1);
    expect(await downloadTikiProducts({ db, clock, tiki: fakeTiki([withoutFirst]) }, SHOP)).toMatchObject({
      markedDeleted: 1,
    });
    const link = (await getProductLinks(db, SHOP, [1])).get(1)!;
    expect(link.state).toBe('deleted');
    expect(link.mapping?.nhanhProductId).toBe(101);
    expect(link.nhanhProductId).toBeNull();

    await downloadTikiProducts({ db, clock, tiki: fakeTiki([CATALOGUE]) }, SHOP);
    expect(await stateOf(db, 1)).toBe('paired');
  });

  it('should mark nothing deleted when the download fails or is cancelled part-way', async () => {
    const db = await freshDb();
    const clock = await setup(db);
    const failed = await downloadTikiProducts(
      { db, clock, tiki: fakeTiki([CATALOGUE.slice(0, 1), CATALOGUE.slice(1)], { failOnPage: 2 }) },
      SHOP,
    );
    expect(failed).toMatchObject({ state: 'failed', count: 1 });
    const cancel = new AbortController();
    const cancelled = await downloadTikiProducts(
      { db, clock, tiki: fakeTiki([CATALOGUE.slice(0, 1), CATALOGUE.slice(1)]) },
      SHOP,
      { signal: cancel.signal, onProgress: () => cancel.abort() },
    );
    expect(cancelled).toEqual({ state: 'cancelled', count: 1 });
    const states = await getProductLinks(db, SHOP, [1, 3, 4, 5]);
    expect([...states.values()].map((link) => link.state)).not.toContain('deleted');
  });

  it('should delete a downloaded product and its pairing (the help page workaround) until the next download', async () => {
    const db = await freshDb();
    const clock = await setup(db);
    await autoMatchShop(db, SHOP, clock.now());
    await deleteDownloadedProducts(db, SHOP, [1]);
    expect(await getMapping(db, SHOP, 1)).toBeUndefined();
    expect((await getProductLinks(db, SHOP, [1])).get(1)).toMatchObject({
      state: 'unpaired',
      product: undefined,
    });
    await downloadTikiProducts({ db, clock, tiki: fakeTiki([CATALOGUE]) }, SHOP);
    await autoMatchShop(db, SHOP, clock.now());
    expect(await stateOf(db, 1)).toBe('paired');
  });

  it('should report the products needing attention to the popup', async () => {
    const db = await freshDb();
    const clock = await setup(db);
    await recordAttention('orders', 3);
    expect(await refreshProductAttention(db)).toBe(4);
    await autoMatchShop(db, SHOP, clock.now());
    // Left: product 4 (suggestion only) and product 5 (ambiguous).
    expect(await refreshProductAttention(db)).toBe(2);
    expect(await readAttention()).toEqual({ orders: 3, products: 2, reconcile: 0 });
  });

  it('should keep a pairing through a promotion, and mark it "cần ghép lại" when a variant\'s option value changed, re-paired in one click', async () => {
    const db = await freshDb();
    const clock = createManualClock();
    await setup(db, clock);
    await downloadTikiProducts({ db, clock, tiki: fakeTiki([WITH_ATTRIBUTES]) }, SHOP);
    await autoMatchShop(db, SHOP, clock.now());
    expect(await statesOf(db, [1, 3])).toEqual(['paired', 'paired']);

    // A promotion and a new supplier, and the book's publisher edited: none of it tells which item is sold.
    const promoted = ON_PROMOTION.map((product) =>
      product.id === 1
        ? { ...product, attributes: { ...product.attributes, publisher: 'NXB Trẻ' } }
        : product,
    );
    await downloadTikiProducts({ db, clock, tiki: fakeTiki([promoted]) }, SHOP);
    expect(await statesOf(db, [1, 3])).toEqual(['paired', 'paired']);

    // The seller turns the variant's colour into "Đỏ đô" on Tiki; its name and SKU stay.
    const recoloured = changeAttributes(3, { color: 'Đỏ đô' });
    await downloadTikiProducts({ db, clock, tiki: fakeTiki([recoloured]) }, SHOP);
    expect(await statesOf(db, [1, 3])).toEqual(['paired', 'needs-repair']);
    expect(await refreshProductAttention(db)).toBe(3);

    expect(await repairProducts(db, SHOP, [3], clock.now())).toEqual([]);
    expect(await statesOf(db, [1, 3])).toEqual(['paired', 'paired']);
    // A download with the same options again leaves it paired.
    await downloadTikiProducts({ db, clock, tiki: fakeTiki([recoloured]) }, SHOP);
    expect(await stateOf(db, 3)).toBe('paired');
  });

  it('should raise no false alarm for pairings stored before attributes were downloaded, and watch option values from then on', async () => {
    const db = await freshDb();
    const clock = await setup(db);
    // Paired on a download without attributes (as every pairing made before attributes were asked for was).
    await autoMatchShop(db, SHOP, clock.now());
    await pairProducts(db, SHOP, [{ tikiProductId: 4, nhanhProductId: 104 }], 'manual', clock.now());
    expect((await getMapping(db, SHOP, 3))?.tikiAttributeFingerprint).toBeUndefined();

    // The first download with attributes: nothing changed as far as anyone can tell, so nothing is flagged.
    await downloadTikiProducts({ db, clock, tiki: fakeTiki([WITH_ATTRIBUTES]) }, SHOP);
    expect(await statesOf(db, [1, 3, 4])).toEqual(['paired', 'paired', 'paired']);

    // From then on a change of option values is seen.
    await downloadTikiProducts({ db, clock, tiki: fakeTiki([changeAttributes(3, { color: 'Xanh' })]) }, SHOP);
    expect(await statesOf(db, [1, 3, 4])).toEqual(['paired', 'needs-repair', 'paired']);
  });

  it('should take a new baseline for pairings stored with the first rule (every attribute, prices included) instead of flagging them', async () => {
    const db = await freshDb();
    const clock = await setup(db);
    await downloadTikiProducts({ db, clock, tiki: fakeTiki([WITH_ATTRIBUTES]) }, SHOP);
    await autoMatchShop(db, SHOP, clock.now());
    // As the previous version stored them: unversioned hashes of all attributes, which a promotion since the
    // pairing made differ (that version said "cần ghép lại" here).
    const mappings = await readMappings(db, SHOP);
    await writeMappings(
      db,
      SHOP,
      [1, 3].map((id) => ({ ...mappings.get(id)!, tikiAttributeFingerprint: 'k3j9x0a1b2c3' })),
    );
    const products = await readTikiProductsById(db, SHOP, [1, 3]);
    await writeTikiProducts(
      db,
      SHOP,
      [...products.values()].map((product) => ({ ...product, attributeFingerprint: '5w8q1z7r2m4n' })),
    );
    expect(await statesOf(db, [1, 3])).toEqual(['paired', 'paired']);

    // The next download, on promotion, gives them a baseline of the current rule; an option change is then seen.
    await downloadTikiProducts({ db, clock, tiki: fakeTiki([ON_PROMOTION]) }, SHOP);
    expect(await statesOf(db, [1, 3])).toEqual(['paired', 'paired']);
    await downloadTikiProducts({ db, clock, tiki: fakeTiki([changeAttributes(3, { size: 'L' })]) }, SHOP);
    expect(await statesOf(db, [1, 3])).toEqual(['paired', 'needs-repair']);
  });

  it("should read a variant's option values the same whether Tiki lists it before or after its parent", async () => {
    const db = await freshDb();
    const clock = await setup(db);
    const variantFirst = (catalogue: RawProduct[]) => [
      catalogue.filter((product) => product.id === 3),
      catalogue.filter((product) => product.id !== 3),
    ];
    await downloadTikiProducts({ db, clock, tiki: fakeTiki(variantFirst(WITH_ATTRIBUTES)) }, SHOP);
    await autoMatchShop(db, SHOP, clock.now());
    expect((await getProductLinks(db, SHOP, [3])).get(3)?.product?.optionLabel).toBe('Đỏ, XL');

    await downloadTikiProducts({ db, clock, tiki: fakeTiki([ON_PROMOTION]) }, SHOP);
    expect(await stateOf(db, 3)).toBe('paired');
    await downloadTikiProducts(
      { db, clock, tiki: fakeTiki(variantFirst(changeAttributes(3, { color: 'Đen' }))) },
      SHOP,
    );
    expect(await stateOf(db, 3)).toBe('needs-repair');
  });

  it('should not flag a pairing when a later answer carries no attributes', async () => {
    const db = await freshDb();
    const clock = await setup(db);
    await downloadTikiProducts({ db, clock, tiki: fakeTiki([WITH_ATTRIBUTES]) }, SHOP);
    await autoMatchShop(db, SHOP, clock.now());
    await downloadTikiProducts({ db, clock, tiki: fakeTiki([CATALOGUE]) }, SHOP);
    expect(await statesOf(db, [1, 3])).toEqual(['paired', 'paired']);
  });
});
