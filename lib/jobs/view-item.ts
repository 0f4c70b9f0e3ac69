import { storage } from 'wxt/utils/storage';
import type { JobRecord } from '../db';
import { type JobView, readJobViews, viewOfJob } from './views';

/** The one storage item of every job's view, keyed by job id. */
export const jobViewsItem = storage.defineItem<Record<string, JobView>>('local:jobs', { fallback: {} });

let writing: Promise<unknown> = Promise.resolve();

/** Writes one job's view; writes are chained so two jobs reporting at once never drop each other's view. */
export function publishJobView(job: JobRecord): Promise<void> {
  const view = viewOfJob(job);
  if (!view) return Promise.resolve();
  const next = writing.then(async () => {
    const views = readJobViews(await jobViewsItem.getValue());
    await jobViewsItem.setValue({ ...views, [view.id]: view });
  });
  writing = next.catch(() => {});
  return next;
}
