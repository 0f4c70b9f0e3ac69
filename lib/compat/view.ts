import { z } from 'zod';
import { isMessageKey, type LocalizedText } from '../i18n';
import { COMPAT_CHECK_IDS, type CompatLine, VERDICTS } from './lines';
import { COMPAT_REPORT_FORMAT, type CompatReport } from './report';

/*
 * What the Cài đặt panel reads of a compatibility check from its job view: stored data, maybe written by another
 * version, so read with zod. A line this version cannot show is left out rather than shown half-broken.
 */

const lineSchema = z.object({
  id: z.enum(COMPAT_CHECK_IDS),
  verdict: z.enum(VERDICTS),
  evidence: z.object({
    key: z.string().refine(isMessageKey),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  }),
  facts: z.record(z.string(), z.unknown()),
});

const summarySchema = z.object({
  lines: z.array(z.unknown()),
  report: z.looseObject({ format: z.literal(COMPAT_REPORT_FORMAT) }).nullable(),
});

export interface CompatView {
  lines: (Omit<CompatLine, 'evidence'> & { evidence: LocalizedText })[];
  /** Set once the run ended: the file "Tải báo cáo" saves, as the worker built it. */
  report: CompatReport | null;
}

export function compatViewOf(summary: unknown): CompatView | null {
  const read = summarySchema.safeParse(summary);
  if (!read.success) return null;
  const lines = read.data.lines.flatMap((line) => {
    const parsed = lineSchema.safeParse(line);
    return parsed.success ? [parsed.data as CompatView['lines'][number]] : [];
  });
  return { lines, report: read.data.report as CompatReport | null };
}
