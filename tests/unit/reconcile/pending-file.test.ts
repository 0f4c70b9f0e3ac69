import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  putPendingStatement,
  requestStatementPicker,
  takePendingStatement,
  takePickerRequest,
} from '../../../lib/reconcile/pending-file';

describe('statement hand-off from the seller center', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should hand over the exact bytes once, then nothing', async () => {
    const bytes = new Uint8Array(200_000).map((_, index) => (index * 31) % 256);
    await putPendingStatement({ fileName: 'sao-ke.xlsx', bytes, source: 'seller-center' });
    const taken = await takePendingStatement();
    expect(taken?.fileName).toBe('sao-ke.xlsx');
    expect(taken?.source).toBe('seller-center');
    expect(Array.from(taken?.bytes ?? [])).toEqual(Array.from(bytes));
    expect(await takePendingStatement()).toBeUndefined();
  });

  it('should answer a picker request once', async () => {
    expect(await takePickerRequest()).toBe(false);
    await requestStatementPicker();
    expect(await takePickerRequest()).toBe(true);
    expect(await takePickerRequest()).toBe(false);
  });
});
