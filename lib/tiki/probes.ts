import { ApiError } from '../http/api-error';
import type { TikiClient } from './client';
import { TIKI_READS, type TikiReadName } from './contract';

/*
 * One small read per endpoint, to learn whether a credential may use it. The connection check in Cài đặt asks
 * the endpoints the features read; the compatibility check asks each of them (and the warehouses) with the
 * connection key alone. Every probe is a GET of one row at most: nothing changes at Tiki.
 */

/** What the features read: the seller (who the credential is), orders (the sync) and products (the catalogue). */
export const TIKI_FEATURE_READS = ['seller', 'orders', 'products'] as const satisfies readonly TikiReadName[];

/** The smallest answer each endpoint gives (warehouses: the active ones, as tiki_ex asks). */
const PROBE_QUERY: Record<TikiReadName, Record<string, string>> = {
  seller: {},
  orders: { page: '1', limit: '1' },
  products: { page: '1', limit: '1' },
  warehouses: { status: '1' },
};

/**
 * Tiki's answers that mean "this credential may not read this": a wrong key (403 Permission denied), no valid
 * token (401), a missing scope (403 with errors), app credentials the token endpoint refuses.
 */
const REFUSAL_CODES: readonly string[] = ['wrong_key', 'unauthorized', 'forbidden_scope', 'invalid_client'];

export type TikiProbe =
  | { read: TikiReadName; state: 'answered'; answer: unknown }
  /** `refused`: the credential may not read it; `paused`: the seller paused the connection; `failed`: no verdict. */
  | { read: TikiReadName; state: 'refused' | 'paused' | 'failed'; error: ApiError };

export async function probeTikiRead(
  client: Pick<TikiClient, 'readAnswer'>,
  read: TikiReadName,
): Promise<TikiProbe> {
  try {
    return { read, state: 'answered', answer: await client.readAnswer(TIKI_READS[read], PROBE_QUERY[read]) };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (REFUSAL_CODES.includes(error.code)) return { read, state: 'refused', error };
    return { read, state: error.code === 'paused_by_seller' ? 'paused' : 'failed', error };
  }
}
