import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { type CompanionDatabase, getDb, type NhanhProductRecord } from '../../lib/db';
import type { LocalizedText } from '../../lib/i18n';
import { translate } from '../../lib/i18n';
import { refreshProductAttention } from '../../lib/products/catalogue';
import { buildMatchIndex } from '../../lib/products/match';
import {
  autoMatchShop,
  confirmSuggestions,
  deleteDownloadedProducts,
  pairProducts,
  repairProducts,
  repairTargetOf,
  unpairProducts,
} from '../../lib/products/pairing';
import { buildPairingWorkbook, importPairingFile } from '../../lib/products/pairing-file';
import { readPairingFileInWorker } from '../../lib/products/pairing-file-in-worker';
import { PAIRING_STATES } from '../../lib/products/pairing-state';
import { countStates, filterRows, type ProductRow, type RowFilter } from '../../lib/products/rows';
import { getSettings, type Settings, secretsOf, watchSettings } from '../../lib/settings';
import { logActivity } from '../../lib/status/activity-log';
import type { ProductTarget } from '../../lib/ui-state/dashboard-location';
import { FileButton } from '../common/file-button';
import { FilterBar, SelectionBar } from '../common/filter-bar';
import { NoShopState } from '../common/no-shop';
import { ShopPicker } from '../common/shop-picker';
import { useLocale } from '../locale';
import { CreatePreview } from './create-preview';
import { DownloadPanel, type Notice } from './download-panel';
import { PairDialog } from './pair-dialog';
import { ProductTable } from './product-table';
import { useShopCatalogue } from './use-shop-catalogue';
import './products.css';

type Dialog =
  | { kind: 'pair'; row: ProductRow }
  | { kind: 'create'; rows: ProductRow[]; skipped: number }
  | null;

const FILTERS: readonly RowFilter[] = ['all', ...PAIRING_STATES];
const NO_NHANH = new Map<number, NhanhProductRecord>();

/**
 * "Sản phẩm": download, match, pair by hand, create in Nhanh, per Tiki shop. A `target` (a blocked order's
 * shortcut) selects its shop, narrows the table to its product and opens what fixes it.
 */
export function ProductsSection({
  target,
  onTargetHandled,
}: {
  target?: ProductTarget;
  onTargetHandled?: () => void;
}) {
  const { t, locale } = useLocale();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [shopId, setShopId] = useState<string | null>(null);
  useEffect(() => {
    void getSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  const shop = settings?.shops.find((candidate) => candidate.id === shopId) ?? settings?.shops[0] ?? null;

  const { rows, catalogue, catalogueShopId, reload } = useShopCatalogue(shop?.id ?? null);
  const [filter, setFilter] = useState<RowFilter>('all');
  const [query, setQuery] = useState('');
  // Filtering 50,000 rows runs behind the typing: the input never waits for the table.
  const deferredFilter = useDeferredValue(filter);
  const deferredQuery = useDeferredValue(query);
  const shown = useMemo(
    () => filterRows(rows, deferredFilter, deferredQuery),
    [rows, deferredFilter, deferredQuery],
  );
  const counts = useMemo(() => countStates(rows), [rows]);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusedId, setFocusedId] = useState<number | undefined>();

  const nhanhById = catalogue?.nhanhById ?? NO_NHANH;
  const matchIndex = useMemo(() => buildMatchIndex(catalogue?.nhanhProducts ?? []), [catalogue]);
  const repairTarget = useCallback(
    (row: ProductRow) =>
      repairTargetOf(row.product, row.mapping, matchIndex, (id) => {
        const nhanh = nhanhById.get(id);
        return nhanh !== undefined && nhanh.kind !== 'parent';
      }),
    [matchIndex, nhanhById],
  );

  useEffect(() => {
    if (!target || !settings) return;
    // An unknown shop (removed since the order was blocked, or a hand-edited link): just the section.
    if (!settings.shops.some((candidate) => candidate.id === target.shop)) return onTargetHandled?.();
    if (shopId !== target.shop) return setShopId(target.shop);
    if (!catalogue || catalogueShopId !== target.shop) return;
    onTargetHandled?.();
    const row = catalogue.rows.find((candidate) => candidate.product.id === target.tiki);
    setSelected(new Set());
    if (!row) {
      setNotice({
        kind: 'error',
        lines: [{ key: 'orders.link.notDownloaded', params: { id: target.tiki } }],
      });
      return;
    }
    setFilter('all');
    // The code the order's message named (seller SKU, else Tiki's): the table narrows to this product.
    setQuery(row.product.originalSku || row.product.sku);
    setFocusedId(row.product.id);
    setNotice(
      row.state === 'paired'
        ? {
            kind: 'success',
            lines: [{ key: 'orders.link.alreadyPaired', params: { name: row.product.name } }],
          }
        : null,
    );
    // Changed on Tiki with a known new match: the row's one-click re-pair is focused instead (ProductTable).
    const pairable = row.state === 'unpaired' || row.state === 'ambiguous' || row.state === 'needs-repair';
    if (pairable && !(row.state === 'needs-repair' && repairTarget(row))) setDialog({ kind: 'pair', row });
  }, [target, settings, shopId, catalogue, catalogueShopId, repairTarget, onTargetHandled]);

  if (!settings) return <p>{t('common.loading')}</p>;
  if (!shop) return <NoShopState message="products.noShop" />;
  const currentShop = shop;

  /** Runs one change, then recounts the popup's attention and reloads the table. */
  async function act(change: (db: CompanionDatabase) => Promise<Notice | null>) {
    setBusy(true);
    try {
      const db = await getDb();
      const outcome = await change(db);
      if (outcome) setNotice(outcome);
      await refreshProductAttention(db);
      await reload();
    } catch (cause) {
      setNotice({
        kind: 'error',
        lines: [{ key: 'error.unexpected', params: { message: (cause as Error).message } }],
      });
    } finally {
      setBusy(false);
    }
  }

  const log = (db: CompanionDatabase, text: LocalizedText) =>
    logActivity(db, { level: 'info', source: 'products', text }, { secrets: secretsOf(settings) });
  const success = (line: LocalizedText): Notice => ({ kind: 'success', lines: [line] });
  const selectedRows = shown.filter((row) => selected.has(row.product.id));
  const idsWhere = (test: (row: ProductRow) => boolean) =>
    selectedRows.filter(test).map((row) => row.product.id);
  const bulk = {
    confirm: idsWhere((row) => row.state === 'unpaired' && row.product.suggestions.length > 0),
    create: selectedRows.filter((row) => row.state === 'unpaired'),
    repair: idsWhere((row) => row.state === 'needs-repair'),
    unpair: idsWhere((row) => row.mapping !== undefined),
    delete: idsWhere(() => true),
  };
  const clearSelection = () => setSelected(new Set());

  const autoMatch = () =>
    act(async (db) => {
      const summary = await autoMatchShop(db, currentShop.id, Date.now());
      await log(db, {
        key: 'products.log.autoMatched',
        params: { shop: currentShop.name, paired: summary.paired, ambiguous: summary.ambiguous },
      });
      return success({ key: 'products.autoMatch.done', params: { ...summary } });
    });

  const exportTable = () => {
    const blob = new Blob([buildPairingWorkbook(rows)], {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `ghep-san-pham-tiki-nhanh-${currentShop.name.replace(/[^\p{L}\p{N}]+/gu, '-')}.xlsx`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  };

  const importTable = (file: File) =>
    act(async (db) => {
      const result = await importPairingFile(
        db,
        currentShop.id,
        await file.arrayBuffer(),
        Date.now(),
        readPairingFileInWorker,
      );
      if (!result.ok) return { kind: 'error', lines: [{ key: 'products.import.refused' }, ...result.errors] };
      await log(db, {
        key: 'products.log.imported',
        params: { shop: currentShop.name, changed: result.changed },
      });
      return success({
        key: 'products.import.done',
        params: { changed: result.changed, unchanged: result.unchanged },
      });
    });

  const pairWith = (row: ProductRow, nhanh: NhanhProductRecord) =>
    act(async (db) => {
      await pairProducts(
        db,
        currentShop.id,
        [{ tikiProductId: row.product.id, nhanhProductId: nhanh.id }],
        'manual',
        Date.now(),
      );
      setDialog(null);
      return success({ key: 'products.paired', params: { tiki: row.product.name, code: nhanh.code } });
    });

  return (
    <div className="products">
      <div className="products-toolbar">
        <ShopPicker
          label={t('products.shop')}
          shops={settings.shops}
          value={currentShop.id}
          onChange={(id) => {
            setShopId(id);
            setSelected(new Set());
            setFocusedId(undefined);
            setNotice(null);
          }}
        />
        <DownloadPanel settings={settings} shop={currentShop} onNotice={setNotice} onDone={reload} />
        <button type="button" disabled={busy || rows.length === 0} onClick={() => void autoMatch()}>
          {t('products.autoMatch')}
        </button>
        <button type="button" disabled={rows.length === 0} onClick={exportTable}>
          {t('products.export')}
        </button>
        <FileButton
          label={t('products.import')}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onFile={(file) => void importTable(file)}
        />
      </div>

      {notice && (
        <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.lines.map((line, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one notice never reorder.
            <p key={index}>{translate(locale, line)}</p>
          ))}
        </div>
      )}

      <FilterBar
        label={t('products.filterLabel')}
        filters={FILTERS}
        active={filter}
        counts={counts}
        labelOf={(name) => t(`products.filter.${name}`)}
        onFilter={setFilter}
        query={query}
        onQuery={setQuery}
        searchLabel={t('products.search')}
      />

      {selectedRows.length > 0 && (
        <SelectionBar label={t('products.selected', { count: selectedRows.length })}>
          <button
            type="button"
            disabled={busy || bulk.confirm.length === 0}
            onClick={() =>
              void act(async (db) => {
                const count = await confirmSuggestions(db, currentShop.id, bulk.confirm, Date.now());
                clearSelection();
                return success({ key: 'products.bulk.confirmDone', params: { count } });
              })
            }
          >
            {t('products.bulk.confirm', { count: bulk.confirm.length })}
          </button>
          <button
            type="button"
            disabled={busy || bulk.create.length === 0}
            onClick={() =>
              setDialog({
                kind: 'create',
                rows: bulk.create,
                skipped: selectedRows.length - bulk.create.length,
              })
            }
          >
            {t('products.bulk.create', { count: bulk.create.length })}
          </button>
          <button
            type="button"
            disabled={busy || bulk.repair.length === 0}
            onClick={() =>
              void act(async (db) => {
                const left = await repairProducts(db, currentShop.id, bulk.repair, Date.now());
                clearSelection();
                return success({
                  key: 'products.bulk.repairDone',
                  params: { done: bulk.repair.length - left.length, left: left.length },
                });
              })
            }
          >
            {t('products.bulk.repair', { count: bulk.repair.length })}
          </button>
          <button
            type="button"
            disabled={busy || bulk.unpair.length === 0}
            onClick={() =>
              void act(async (db) => {
                await unpairProducts(db, currentShop.id, bulk.unpair);
                clearSelection();
                return success({ key: 'products.bulk.unpairDone', params: { count: bulk.unpair.length } });
              })
            }
          >
            {t('products.bulk.unpair', { count: bulk.unpair.length })}
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => {
              if (!window.confirm(t('products.bulk.deleteAsk', { count: bulk.delete.length }))) return;
              void act(async (db) => {
                await deleteDownloadedProducts(db, currentShop.id, bulk.delete);
                clearSelection();
                return success({ key: 'products.bulk.deleteDone', params: { count: bulk.delete.length } });
              });
            }}
          >
            {t('products.bulk.delete', { count: bulk.delete.length })}
          </button>
          <button type="button" onClick={clearSelection}>
            {t('products.clearSelection')}
          </button>
        </SelectionBar>
      )}

      {dialog?.kind === 'pair' && (
        <PairDialog
          row={dialog.row}
          nhanhProducts={catalogue?.nhanhProducts ?? []}
          nhanhById={nhanhById}
          onPair={(nhanh) => void pairWith(dialog.row, nhanh)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'create' && (
        <CreatePreview
          settings={settings}
          shop={currentShop}
          rows={dialog.rows}
          skipped={dialog.skipped}
          onClose={() => {
            setDialog(null);
            clearSelection();
          }}
          onDone={reload}
        />
      )}

      {rows.length === 0 ? (
        <p className="empty-state">{catalogue ? t('products.neverDownloaded') : t('products.loading')}</p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {t('products.shown', { shown: shown.length, total: catalogue ? counts.all : '…' })}
          </p>
          {shown.length === 0 ? (
            <p className="empty-state">{t('products.emptyFilter')}</p>
          ) : (
            <ProductTable
              rows={shown}
              focusedId={focusedId}
              nhanhById={nhanhById}
              repairTargetOf={repairTarget}
              selected={selected}
              onToggle={(row) =>
                setSelected((current) => {
                  const next = new Set(current);
                  if (!next.delete(row.product.id)) next.add(row.product.id);
                  return next;
                })
              }
              onToggleAll={(select) =>
                setSelected(select ? new Set(shown.map((row) => row.product.id)) : new Set())
              }
              actions={{
                pairByHand: (row) => setDialog({ kind: 'pair', row }),
                confirmSuggestion: (row) =>
                  void act(async (db) => {
                    await confirmSuggestions(db, currentShop.id, [row.product.id], Date.now());
                    return null;
                  }),
                repair: (row, target) =>
                  void act(async (db) => {
                    await pairProducts(
                      db,
                      currentShop.id,
                      [{ tikiProductId: row.product.id, nhanhProductId: target.nhanhProductId }],
                      target.method,
                      Date.now(),
                    );
                    return null;
                  }),
                unpair: (row) =>
                  void act(async (db) => {
                    await unpairProducts(db, currentShop.id, [row.product.id]);
                    return success({ key: 'products.unpaired', params: { tiki: row.product.name } });
                  }),
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
