import { useCallback, useEffect, useRef, useState } from 'react';
import { getDb } from '../../lib/db';
import { loadFirstRows, loadShopCatalogue, type ShopCatalogue } from '../../lib/products/catalogue';
import type { ProductRow } from '../../lib/products/rows';

/** Rows read first with bounded cursors: enough to fill the visible table while everything else loads. */
const FIRST_ROWS = 40;

export interface CatalogueView {
  rows: ProductRow[];
  /** Null until the whole catalogue is read (the first rows may already show). */
  catalogue: ShopCatalogue | null;
  reload: () => Promise<void>;
}

/**
 * A shop's products for the Sản phẩm section: the first rows at once, then the whole catalogue (counters,
 * filters, the Nhanh list for pairing). A newer load always wins over an older one still running.
 */
export function useShopCatalogue(shopId: string | null): CatalogueView {
  const [rows, setRows] = useState<ProductRow[]>([]);
  const [catalogue, setCatalogue] = useState<ShopCatalogue | null>(null);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    if (!shopId) return;
    const mine = ++generation.current;
    const db = await getDb();
    const full = await loadShopCatalogue(db, shopId);
    if (mine !== generation.current) return;
    setCatalogue(full);
    setRows(full.rows);
  }, [shopId]);

  useEffect(() => {
    setRows([]);
    setCatalogue(null);
    if (!shopId) return;
    const mine = ++generation.current;
    void getDb()
      .then((db) => loadFirstRows(db, shopId, FIRST_ROWS))
      .then((first) => {
        if (mine === generation.current) setRows(first);
      })
      .then(() => {
        if (mine === generation.current) void reload();
      });
  }, [shopId, reload]);

  return { rows, catalogue, reload };
}
