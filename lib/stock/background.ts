import type { LocalizedText } from '../i18n';
import type { StockPushSetup } from './types';

/*
 * The service worker's side of the stock push: the messages of the settings section and the preview. Until the
 * push job lands, every message answers that the feature is not ready (nothing pretends to run).
 */

const NOT_READY: LocalizedText = { key: 'stock.err.notReady' };

export async function getStockPushSetup(_shopId: string): Promise<StockPushSetup> {
  return { ok: false, error: NOT_READY };
}

export async function startStockPreview(
  _shopId: string,
): Promise<{ started: true } | { started: false; error: LocalizedText }> {
  return { started: false, error: NOT_READY };
}

export async function startStockPush(
  _shopId: string,
  _tikiProductIds: number[] | null,
): Promise<{ started: true } | { started: false; error: LocalizedText }> {
  return { started: false, error: NOT_READY };
}
