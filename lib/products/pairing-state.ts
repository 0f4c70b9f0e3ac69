import type { ProductMappingRecord, TikiProductRecord } from '../db';
import { isCurrentOptionFingerprint } from './keys';

/**
 * Where a Tiki product stands with Nhanh. Orders can be imported only for `paired` products:
 * - `deleted`: a re-download no longer found it on Tiki (its pairing, if any, is kept but flagged);
 * - `needs-repair` ("cần ghép lại"): paired, but its name, seller SKU or option values changed since, or the
 *   Nhanh product it was paired with is gone from Nhanh (a price or a promotion is no change);
 * - `ambiguous`: the rules found several Nhanh products and the seller must choose;
 * - `unpaired`: nothing yet.
 */
export type PairingState = 'paired' | 'unpaired' | 'ambiguous' | 'needs-repair' | 'deleted';

export const PAIRING_STATES: readonly PairingState[] = [
  'paired',
  'unpaired',
  'ambiguous',
  'needs-repair',
  'deleted',
];

/** A Tiki product a seller sells: configurable parents only group variants and are never ordered. */
export function isSellable(product: Pick<TikiProductRecord, 'type'>): boolean {
  return product.type !== 'configurable';
}

/**
 * Whether the Tiki product changed since it was paired: its name or seller SKU, or its option values. Option
 * values count only where both sides hold a fingerprint of the current rule: a pairing stored before options
 * were known (or under an older rule, which hashed prices too), or a download whose answer had no attributes,
 * is judged on name and seller SKU alone (no false alarm after an upgrade).
 */
function changedSincePaired(
  product: Pick<TikiProductRecord, 'fingerprint' | 'attributeFingerprint'>,
  mapping: Pick<ProductMappingRecord, 'tikiFingerprint' | 'tikiAttributeFingerprint'>,
): boolean {
  if (mapping.tikiFingerprint !== product.fingerprint) return true;
  return (
    isCurrentOptionFingerprint(mapping.tikiAttributeFingerprint) &&
    isCurrentOptionFingerprint(product.attributeFingerprint) &&
    mapping.tikiAttributeFingerprint !== product.attributeFingerprint
  );
}

export function pairingStateOf(
  product: Pick<TikiProductRecord, 'deletedOnTiki' | 'fingerprint' | 'attributeFingerprint' | 'candidates'>,
  mapping: Pick<ProductMappingRecord, 'tikiFingerprint' | 'tikiAttributeFingerprint'> | undefined,
  /** Whether the paired Nhanh product is still in the downloaded Nhanh catalogue. */
  nhanhExists: boolean,
): PairingState {
  if (product.deletedOnTiki) return 'deleted';
  if (mapping) return changedSincePaired(product, mapping) || !nhanhExists ? 'needs-repair' : 'paired';
  return product.candidates.length > 1 ? 'ambiguous' : 'unpaired';
}

/** States the seller must act on before orders of the product can be imported (the popup's count). */
export function needsAttention(state: PairingState): boolean {
  return state === 'unpaired' || state === 'ambiguous' || state === 'needs-repair';
}

export type StateCounts = Record<PairingState | 'all', number>;

export function emptyCounts(): StateCounts {
  return { all: 0, paired: 0, unpaired: 0, ambiguous: 0, 'needs-repair': 0, deleted: 0 };
}

export function attentionCount(counts: StateCounts): number {
  return PAIRING_STATES.filter(needsAttention).reduce((sum, state) => sum + counts[state], 0);
}
