import { z } from 'zod';
import { isMessageKey, type LocalizedText } from './index';

/** A stored `LocalizedText` read back: a key this version knows, with string or number parameters. */
export const localizedTextSchema = z.object({
  key: z.string().refine(isMessageKey),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
}) as z.ZodType<LocalizedText>;
