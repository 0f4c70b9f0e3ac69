import { useEffect, useState } from 'react';
import { jobViewsItem } from '../../lib/jobs/view-item';
import { type JobView, readJobViews } from '../../lib/jobs/views';

/** Every worker job's view, kept current as the worker reports (the item is rewritten after each step). */
export function useJobViews(): Record<string, JobView> {
  const [views, setViews] = useState<Record<string, JobView>>({});
  useEffect(() => {
    void jobViewsItem.getValue().then((raw) => setViews(readJobViews(raw)));
    return jobViewsItem.watch((raw) => setViews(readJobViews(raw)));
  }, []);
  return views;
}
