import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import { removeAllListeners } from '../../../lib/messaging';
import { pendingStatementItem } from '../../../lib/reconcile/pending-file';
import { MAX_STATEMENT_BYTES } from '../../../lib/seller-center/limits';
import { classifySender } from '../../../lib/worker/message-policy';

const ownId = fakeBrowser.runtime.id;

/** Delivers a message the way @webext-core/messaging puts it on the wire, from the given sender. */
async function deliver(type: string, data: unknown, sender: object) {
  const results = await fakeBrowser.runtime.onMessage.trigger(
    { id: 1, type, data, timestamp: Date.now() },
    sender,
  );
  return results[0] as { res?: unknown; err?: { message: string } };
}

describe('background message policy', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    removeAllListeners();
    background.main();
  });

  it('should answer its own pages', async () => {
    const answer = await deliver('getStatus', undefined, {
      id: ownId,
      url: `chrome-extension://${ownId}/popup.html`,
    });
    expect(answer.err).toBeUndefined();
    expect(answer.res).toMatchObject({ shops: [], attentionTotal: 0, language: 'vi' });
  });

  it('should refuse a message from another extension', async () => {
    const answer = await deliver('getStatus', undefined, {
      id: 'evil-extension',
      url: 'chrome-extension://evil-extension/x.html',
    });
    expect(answer.res).toBeUndefined();
    expect(answer.err?.message).toContain('refused');
  });

  it('should refuse settings-bearing messages from the seller-center content script', async () => {
    const answer = await deliver('getStatus', undefined, {
      id: ownId,
      url: 'https://sellercenter.tiki.vn/new/',
      tab: { id: 4 },
    });
    expect(answer.err?.message).toContain('sender seller-center not allowed');
  });

  it('should refuse a message whose data does not match its schema', async () => {
    const answer = await deliver(
      'openDashboard',
      { section: 'javascript:alert(1)' },
      {
        id: ownId,
        url: `chrome-extension://${ownId}/popup.html`,
      },
    );
    expect(answer.err?.message).toContain('invalid data');
  });

  it('should refuse a statement file over the size cap, or not in base64, before storing anything', async () => {
    const seller = { id: ownId, url: 'https://sellercenter.tiki.vn/new/#/finance', tab: { id: 4 } };
    const oversize = Buffer.alloc(MAX_STATEMENT_BYTES + 1).toString('base64');
    const tooLarge = await deliver('deliverStatementFile', { fileName: 'a.xlsx', base64: oversize }, seller);
    expect(tooLarge.err?.message).toContain('file too large');
    const garbled = await deliver('deliverStatementFile', { fileName: 'a.xlsx', base64: '<html>' }, seller);
    expect(garbled.err?.message).toContain('invalid data');
    expect(await pendingStatementItem.getValue()).toBeNull();
  });
});

describe('classifySender', () => {
  it.each([
    [
      { id: ownId, url: `chrome-extension://${ownId}/dashboard.html#settings`, tab: { id: 1 } },
      'extension-page',
    ],
    [{ id: ownId, url: 'https://sellercenter.tiki.vn/new/#/account', tab: { id: 1 } }, 'seller-center'],
    [{ id: ownId, url: 'https://sellercenter.tiki.vn.evil.com/', tab: { id: 1 } }, 'foreign'],
    [{ id: ownId, url: 'https://example.com/', tab: { id: 1 } }, 'foreign'],
    [{ id: ownId }, 'foreign'],
    [{ id: 'other', url: `chrome-extension://${ownId}/popup.html` }, 'foreign'],
  ])('should classify %j as %s', (sender, kind) => {
    expect(classifySender(sender, ownId)).toBe(kind);
  });
});
