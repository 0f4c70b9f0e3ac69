import { z } from 'zod';
import type { LocalizedText } from '../i18n';
import type { CatalogueSource, SourceOutcome } from './download';

/*
 * What Sản phẩm shows of the worker's catalogue download and "Tạo trên Nhanh" jobs, read from their views and
 * records with zod (they are stored data, written by another version maybe).
 */

const localizedText = z.object({ key: z.string(), params: z.record(z.string(), z.unknown()).optional() });
const outcomeSchema = z.union([
  z.object({ state: z.literal('done'), count: z.number(), markedDeleted: z.number() }),
  z.object({ state: z.literal('cancelled'), count: z.number() }),
  z.object({ state: z.literal('failed'), count: z.number(), error: localizedText }),
]);
const sourceSchema = z.object({
  done: z.number(),
  total: z.number().nullable(),
  outcome: outcomeSchema.nullable(),
});
const catalogueSummarySchema = z.object({ tiki: sourceSchema, nhanh: sourceSchema });

export type CatalogueSummary = {
  [S in CatalogueSource]: { done: number; total: number | null; outcome: SourceOutcome | null };
};

export function catalogueSummaryOf(summary: unknown): CatalogueSummary | null {
  const read = catalogueSummarySchema.safeParse(summary);
  return read.success ? (read.data as CatalogueSummary) : null;
}

/** The seller's lines for one source's outcome. */
export function outcomeLines(source: CatalogueSource, outcome: SourceOutcome): LocalizedText[] {
  const sourceName = source === 'tiki' ? 'Tiki' : 'Nhanh';
  const params = { source: sourceName, count: outcome.count };
  if (outcome.state === 'cancelled') return [{ key: 'products.download.cancelled', params }];
  if (outcome.state === 'failed') return [{ key: 'products.download.failed', params }, outcome.error];
  const lines: LocalizedText[] = [{ key: 'products.download.done', params }];
  if (source === 'tiki' && outcome.markedDeleted > 0)
    lines.push({ key: 'products.download.deletedOnTiki', params: { count: outcome.markedDeleted } });
  return lines;
}

const createResultSchema = z.union([
  z.object({ tikiProductId: z.number(), ok: z.literal(true), nhanhProductId: z.number() }),
  z.object({
    tikiProductId: z.number(),
    ok: z.literal(false),
    fieldMessages: z.record(z.string(), z.string()),
  }),
]);
const createCursorSchema = z.object({ results: z.array(createResultSchema) });

export type CreateResultView = z.output<typeof createResultSchema>;

/** Each product's result of a "Tạo trên Nhanh" job, from its stored cursor. */
export function createResultsOf(cursor: unknown): Map<number, CreateResultView> {
  const read = createCursorSchema.safeParse(cursor);
  return new Map((read.success ? read.data.results : []).map((result) => [result.tikiProductId, result]));
}
