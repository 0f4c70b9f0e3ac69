import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadShopCatalogue } from '../../../lib/products/catalogue';
import { createInNhanh } from '../../../lib/products/create-in-nhanh';
import { type DownloadProgress, downloadCatalogues } from '../../../lib/products/download';
import { getProductLink } from '../../../lib/products/links';
import { appProductIdOf, creatableOf } from '../../../lib/products/nhanh-draft';
import { autoMatchShop } from '../../../lib/products/pairing';
import { readNhanhProducts, readTikiProducts } from '../../../lib/products/store';
import { sandboxSetup } from './harness';

type Setup = Awaited<ReturnType<typeof sandboxSetup>>;

async function downloaded(setup: Setup) {
  const progress: DownloadProgress[] = [];
  const result = await downloadCatalogues(
    { db: setup.db, clock: setup.clock, tiki: setup.tiki, nhanh: setup.nhanh },
    setup.shopId,
    { onProgress: (step) => progress.push(step) },
  );
  return { result, progress };
}

const nhanhSnapshot = (setup: Setup) => setup.sandbox.nhanh.snapshot();

describe('products against the sandbox', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should download every Tiki page (inactive products, parents and variants) and the whole Nhanh catalogue', async () => {
    const setup = await sandboxSetup();
    const { result, progress } = await downloaded(setup);
    const seedProducts = setup.shopSeed.products as {
      product_id: number;
      active: unknown;
      super_id: number;
    }[];

    expect(result.tiki).toEqual({ state: 'done', count: seedProducts.length, markedDeleted: 0 });
    expect(result.nhanh).toEqual({
      state: 'done',
      count: setup.sandbox.seed.nhanh.products.length,
      markedDeleted: 0,
    });
    const stored = await readTikiProducts(setup.db, setup.shopId);
    expect(stored.map((record) => record.id).sort()).toEqual(
      seedProducts.map((product) => product.product_id).sort(),
    );
    expect(stored.some((record) => !record.active)).toBe(true);
    expect(stored.filter((record) => record.superId !== 0)).toHaveLength(
      seedProducts.filter((product) => product.super_id !== 0).length,
    );
    // Variants carry the option values from their names, e.g. "Xanh Navy".
    expect(stored.filter((record) => record.superId !== 0).every((record) => record.optionLabel !== '')).toBe(
      true,
    );
    // The list carries attributes (asked for with include=attributes): each variant of a parent has its own.
    const variants = stored.filter((record) => record.superId !== 0);
    expect(variants.every((record) => record.attributeFingerprint !== undefined)).toBe(true);
    const firstParent = variants.filter((record) => record.superId === variants[0]!.superId);
    expect(new Set(firstParent.map((record) => record.attributeFingerprint)).size).toBe(firstParent.length);
    // Tiki's 50 per page: more than one page, and the bar knew the total from the first page.
    const tikiSteps = progress.filter((step) => step.source === 'tiki');
    expect(tikiSteps.length).toBeGreaterThan(1);
    expect(tikiSteps.every((step) => step.total === seedProducts.length)).toBe(true);
    expect(await readNhanhProducts(setup.db)).toHaveLength(setup.sandbox.seed.nhanh.products.length);
  });

  it('should pair the seed by its rules, list the ambiguous ones and never pair them', async () => {
    const setup = await sandboxSetup();
    await downloaded(setup);
    const summary = await autoMatchShop(setup.db, setup.shopId, setup.clock.now());
    const { rows, nhanhById } = await loadShopCatalogue(setup.db, setup.shopId);

    expect(summary.paired).toBeGreaterThan(20);
    // Two SKUs that are one product's code and another's barcode, two barcodes shared by two products.
    expect(summary.ambiguous).toBe(4);
    for (const row of rows.filter((candidate) => candidate.state === 'paired')) {
      const nhanh = nhanhById.get(row.mapping!.nhanhProductId)!;
      const sellerSku = row.product.originalSku.toLowerCase();
      if (row.mapping!.method === 'sku-code') expect(nhanh.codeKey).toBe(sellerSku);
      else expect(nhanh.barcodeKey).toBe(sellerSku || row.product.sku);
    }
    for (const row of rows.filter((candidate) => candidate.state === 'ambiguous'))
      expect(row.product.candidates.length).toBeGreaterThan(1);
    // Products whose seller never filled the SKU stay unpaired: only a name suggestion or a hand can pair them.
    const noSku = rows.filter((row) => row.product.originalSku === '');
    expect(noSku.length).toBeGreaterThan(0);
    expect(noSku.every((row) => row.state === 'unpaired')).toBe(true);
    expect(noSku.some((row) => row.product.suggestions.length > 0)).toBe(true);
  });

  it('should keep pairings through a promotion on Tiki, and ask to re-pair a renamed product, a new seller SKU or new option values', async () => {
    const setup = await sandboxSetup();
    await downloaded(setup);
    await autoMatchShop(setup.db, setup.shopId, setup.clock.now());
    const paired = (await loadShopCatalogue(setup.db, setup.shopId)).rows
      .filter((row) => row.state === 'paired')
      .map((row) => row.product);
    const pairedVariant = paired.find((product) => product.superId !== 0)!;
    const [renamed, newSku] = paired.filter((product) => product.superId === 0);
    expect(renamed && newSku && pairedVariant).toBeTruthy();
    const stateOf = async (id: number) => (await getProductLink(setup.db, setup.shopId, id)).state;

    // Tiki runs a promotion on every paired product: prices, price_restore and special_from_date move.
    for (const product of paired)
      setup.sandbox.tiki.startPromotion(product.id, Math.round((product.price * 0.8) / 1000) * 1000);
    await downloaded(setup);
    for (const product of paired) expect(await stateOf(product.id)).toBe('paired');

    // Then the seller renames one product, changes another's seller SKU and a variant's first option value.
    const seedProducts = setup.shopSeed.products as { product_id: number; option_attributes: string[] }[];
    const optionCode = seedProducts.find((product) => product.product_id === pairedVariant.superId)!
      .option_attributes[0]!;
    setup.sandbox.tiki.editProduct(renamed!.id, { name: `${renamed!.name} (mẫu mới)` });
    setup.sandbox.tiki.editProduct(newSku!.id, { originalSku: `${newSku!.originalSku}-2` });
    setup.sandbox.tiki.editProduct(pairedVariant.id, { options: { [optionCode]: 'Tím than' } });
    await downloaded(setup);
    const changed = [renamed!.id, newSku!.id, pairedVariant.id];
    for (const id of changed) expect(await stateOf(id)).toBe('needs-repair');
    for (const product of paired.filter((candidate) => !changed.includes(candidate.id)))
      expect(await stateOf(product.id)).toBe('paired');
  });

  it('should create products in Nhanh once, even when an answer is lost and the call retried', async () => {
    const setup = await sandboxSetup();
    await downloaded(setup);
    await autoMatchShop(setup.db, setup.shopId, setup.clock.now());
    const { rows } = await loadShopCatalogue(setup.db, setup.shopId);
    const targets = rows
      .filter((row) => row.state === 'unpaired' && row.product.originalSku !== '')
      .slice(0, 2)
      .map((row) => creatableOf(row.product));
    expect(targets).toHaveLength(2);
    const before = nhanhSnapshot(setup).products.length;

    // The first product/add reaches Nhanh, but its answer is lost on the way back: the client sends it again.
    let lost = false;
    const flakyNhanh = {
      addProducts: async (items: Parameters<typeof setup.nhanh.addProducts>[0]) => {
        if (!lost) {
          lost = true;
          await setup.nhanh.addProducts(items);
        }
        return setup.nhanh.addProducts(items);
      },
    };
    const first = await createInNhanh(
      { db: setup.db, nhanh: flakyNhanh, clock: setup.clock },
      setup.shopId,
      targets,
    );
    // And the seller presses the button again later.
    const again = await createInNhanh(
      { db: setup.db, nhanh: setup.nhanh, clock: setup.clock },
      setup.shopId,
      targets,
    );

    const after = nhanhSnapshot(setup).products;
    expect(after.length).toBe(before + 2);
    for (const target of targets)
      expect(
        after.filter((product) => product.appProductId === appProductIdOf(target.tikiProductId)),
      ).toHaveLength(1);
    expect(again).toEqual(first);
    for (const result of first) {
      expect(result.ok).toBe(true);
      const link = await getProductLink(setup.db, setup.shopId, result.tikiProductId);
      expect(link.state).toBe('paired');
      expect(link.mapping?.method).toBe('created');
      expect(link.nhanhProductId).toBe(result.ok ? result.nhanhProductId : null);
    }
  });

  it('should create the valid products of a batch and show Nhanh’s message next to the invalid one', async () => {
    const setup = await sandboxSetup();
    await downloaded(setup);
    await autoMatchShop(setup.db, setup.shopId, setup.clock.now());
    const { rows } = await loadShopCatalogue(setup.db, setup.shopId);
    const unpaired = rows.filter((row) => row.state === 'unpaired').slice(0, 3);
    const batch = [
      creatableOf(unpaired[0]!.product),
      // A name longer than Nhanh takes: Nhanh refuses this one item.
      { ...creatableOf(unpaired[1]!.product), name: 'Tên rất dài '.repeat(30) },
      creatableOf(unpaired[2]!.product),
    ];

    const results = await createInNhanh(
      { db: setup.db, nhanh: setup.nhanh, clock: setup.clock },
      setup.shopId,
      batch,
    );

    expect(results.map((result) => result.ok)).toEqual([true, false, true]);
    const refused = results[1]!;
    expect(refused.ok === false && refused.fieldMessages.name).toContain('name');
    expect((await getProductLink(setup.db, setup.shopId, batch[1]!.tikiProductId)).state).toBe('unpaired');
    expect((await getProductLink(setup.db, setup.shopId, batch[0]!.tikiProductId)).state).toBe('paired');
    expect((await getProductLink(setup.db, setup.shopId, batch[2]!.tikiProductId)).state).toBe('paired');
    const codes = nhanhSnapshot(setup).products.map((product) => product.appProductId);
    expect(codes).not.toContain(appProductIdOf(batch[1]!.tikiProductId));
  });
});
