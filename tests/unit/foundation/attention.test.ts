import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readAttention, recordAttention, watchAttention } from '../../../lib/status/attention';
import { readStatus } from '../../../lib/status/status';

describe("the popup's attention count", () => {
  beforeEach(() => fakeBrowser.reset());

  it('should keep both counts when two parts are written at the same time', async () => {
    // E.g. the worker finishing a sync while the dashboard recounts products after a pairing.
    await Promise.all([recordAttention('orders', 2), recordAttention('products', 5)]);
    expect(await readAttention()).toEqual({ products: 5, orders: 2, reconcile: 0 });
    expect((await readStatus()).attentionTotal).toBe(7);
  });

  it('should count 0 for a value it cannot read, and replace it with the next count', async () => {
    await fakeBrowser.storage.local.set({ 'attention.orders': 'lots', 'attention.reconcile': -1 });
    await recordAttention('products', 1);
    expect(await readAttention()).toEqual({ products: 1, orders: 0, reconcile: 0 });
    await recordAttention('orders', 4);
    expect(await readAttention()).toEqual({ products: 1, orders: 4, reconcile: 0 });
  });

  it('should show the counts stored by the previous version until each part is counted again', async () => {
    await fakeBrowser.storage.local.set({ attention: { products: 2, orders: 3, reconcile: 'x' } });
    expect(await readAttention()).toEqual({ products: 2, orders: 3, reconcile: 0 });
    await recordAttention('orders', 0);
    expect(await readAttention()).toEqual({ products: 2, orders: 0, reconcile: 0 });
  });

  it('should tell its watchers when a count changes, until they stop watching', async () => {
    const changed = vi.fn();
    const stop = watchAttention(changed);
    await recordAttention('reconcile', 1);
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
    stop();
    await recordAttention('reconcile', 2);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(changed).toHaveBeenCalledTimes(1);
  });
});
