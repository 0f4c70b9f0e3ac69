import { z } from 'zod';

/**
 * The fee rates of the seller's contract with Tiki, which the statement's fees are audited against (Tiki asks
 * sellers to check each line's fee rate and to report wrong ones by order code). Commission depends on the
 * category, which a statement line does not carry, so a rate can be set for SKUs starting with a prefix (sellers
 * usually code SKUs by category); the default applies to the rest. Rates left empty are not audited.
 */
const percent = z.number().min(0).max(100);

export const contractRatesSchema = z.object({
  /** Commission (hoa hồng / chiết khấu) in % of the line's sales value. */
  commissionPercent: percent.nullable(),
  /** Payment fee (phí thanh toán) in % of the line's sales value. */
  paymentPercent: percent.nullable(),
  /** Commission by SKU prefix (seller SKU or Tiki SKU), longest prefix first. */
  commissionBySkuPrefix: z.array(z.object({ prefix: z.string().trim().min(1).max(64), percent })).max(200),
});
export type ContractRates = z.infer<typeof contractRatesSchema>;

export const NO_CONTRACT_RATES: ContractRates = {
  commissionPercent: null,
  paymentPercent: null,
  commissionBySkuPrefix: [],
};

/** The commission rate that applies to a line's SKUs, or null when the contract says nothing. */
export function commissionRateFor(rates: ContractRates, skus: readonly string[]): number | null {
  let best: { length: number; percent: number } | null = null;
  for (const { prefix, percent: rate } of rates.commissionBySkuPrefix) {
    const wanted = prefix.toLowerCase();
    if (skus.some((sku) => sku.toLowerCase().startsWith(wanted)) && (!best || wanted.length > best.length))
      best = { length: wanted.length, percent: rate };
  }
  return best?.percent ?? rates.commissionPercent;
}
