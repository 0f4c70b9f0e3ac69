import { useCallback, useEffect, useRef, useState } from 'react';
import { getDb } from '../../lib/db';
import { loadFirstRows, loadShopCatalogue, type ShopCatalogue } from '../../lib/products/catalogue';
import type { ProductRow } from '../../lib/products/rows';

/** Rows read first from one storage chunk: enough to fill the visible table while everything else loads. */
const FIRST_ROWS = 20;

export interface CatalogueView {
  rows: ProductRow[];
  /** Null until the whole catalogue is read (the first rows may already show). */
  catalogue: ShopCatalogue | null;
  /** The shop `catalogue` belongs to (for one render after a shop change it is still the previous one's). */
  catalogueShopId: string | null;
  reload: () => Promise<void>;
}

/**
 * A shop's products for the Sản phẩm section: the first rows at once, then the whole catalogue in the same
 * order (counters, filters, the Nhanh list for pairing). A newer load always wins over an older one.
 */
export function useShopCatalogue(shopId: string | null): CatalogueView {
  const [rows, setRows] = useState<ProductRow[]>([]);
  const [catalogue, setCatalogue] = useState<ShopCatalogue | null>(null);
  const [catalogueShopId, setCatalogueShopId] = useState<string | null>(null);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    if (!shopId) return;
    const mine = ++generation.current;
    const full = await loadShopCatalogue(await getDb(), shopId);
    if (mine !== generation.current) return;
    setCatalogue(full);
    setCatalogueShopId(shopId);
    setRows(full.rows);
  }, [shopId]);

  useEffect(() => {
    setRows([]);
    setCatalogue(null);
    setCatalogueShopId(null);
    if (!shopId) return;
    const mine = ++generation.current;
    void getDb().then(async (db) => {
      const first = await loadFirstRows(db, shopId, FIRST_ROWS);
      if (mine !== generation.current) return;
      setRows(first);
      await reload();
    });
  }, [shopId, reload]);

  return { rows, catalogue, catalogueShopId, reload };
}
