import type { LocalizedText } from '../i18n';

/*
 * The lines of "Kiểm tra tương thích API": one per assumption about Tiki or Nhanh that a read-only run against the
 * seller's own accounts can test. Each id is stable: docs/api-contracts.md names it beside its assumption, the
 * sandbox can break exactly that assumption (`compatBreak`), and the downloaded report is keyed by it.
 */

export const COMPAT_CHECK_IDS = [
  'tiki.key.seller',
  'tiki.key.orders',
  'tiki.key.products',
  'tiki.key.warehouses',
  'tiki.app.basic',
  'tiki.app.post',
  'tiki.paging.maxLimit',
  'tiki.paging.empty',
  'tiki.orders.itemFees',
  'tiki.orders.itemsFees',
  'tiki.orders.feeKeys',
  'tiki.orders.canceledIncome',
  'tiki.orders.updatedFromStrict',
  'tiki.time.zone',
  'tiki.products.idKey',
  'tiki.products.approvedOnly',
  'tiki.products.children',
  'tiki.products.attributes',
  'tiki.products.optionAttributes',
  'tiki.product.detailInclude',
  'nhanh.product.depots',
  'nhanh.product.paging',
  'nhanh.product.parentCodes',
  'nhanh.product.nameFilter',
  'nhanh.product.inventory',
  'nhanh.depot.paging',
  'nhanh.token.expiry',
  'nhanh.order.appOrderIds',
  'nhanh.order.transferAmount',
  'nhanh.order.statusInts',
  'nhanh.order.returnedStatus',
] as const;
export type CompatCheckId = (typeof COMPAT_CHECK_IDS)[number];

/** đúng / sai / chưa rõ: the assumption held, was contradicted, or the accounts gave nothing to judge it by. */
export const VERDICTS = ['right', 'wrong', 'unclear'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * What a line observed, as counts, flags, key names and type names: never a value read from an answer (no buyer
 * data, no codes, no secrets). `buildCompatReport` keeps only what fits this shape.
 */
export type Fact = number | boolean | null | string | readonly (number | string)[];
export type Facts = Record<string, Fact>;

export interface CompatLine {
  id: CompatCheckId;
  verdict: Verdict;
  /** The evidence as the seller reads it, built from the facts. */
  evidence: LocalizedText;
  facts: Facts;
}

export function isCompatCheckId(value: unknown): value is CompatCheckId {
  return (COMPAT_CHECK_IDS as readonly unknown[]).includes(value);
}
