import { storage } from 'wxt/utils/storage';
import { type ContractRates, contractRatesSchema, NO_CONTRACT_RATES } from './contract-rates';

/** Where the contract's rates live: a small storage.local item (kept apart so the CLI never loads WXT). */
export const contractRatesItem = storage.defineItem<unknown>('local:reconcileContractRates', {
  fallback: NO_CONTRACT_RATES,
});

/** The saved rates; anything unreadable counts as no rates (nothing is audited rather than audited wrongly). */
export async function getContractRates(): Promise<ContractRates> {
  const parsed = contractRatesSchema.safeParse(await contractRatesItem.getValue());
  return parsed.success ? parsed.data : NO_CONTRACT_RATES;
}

/** Validates and saves the rates. */
export async function saveContractRates(rates: ContractRates): Promise<void> {
  await contractRatesItem.setValue(contractRatesSchema.parse(rates));
}
