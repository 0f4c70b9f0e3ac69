import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { type MessageType, removeAllListeners } from '../../lib/messaging';
import { MESSAGE_POLICY, type SenderKind } from '../../lib/worker/message-policy';

const ownId = fakeBrowser.runtime.id;
const KEY = 'Zq7Secret-KEY-0123456789abcdef';

/** Data each message's own schema accepts, so a refusal can only come from the sender check. */
const VALID_DATA: { [K in MessageType]: unknown } = {
  getStatus: undefined,
  openDashboard: { section: 'orders' },
  checkTikiConnection: { shopId: 'shop-1' },
  checkNhanhConnection: undefined,
  connectNhanh: undefined,
  startCompatCheck: { shopId: 'shop-1' },
  startOrderImport: { shopId: 'shop-1', statuses: ['new'] },
  cancelJob: { jobId: 'order-sync:shop-1' },
  startCatalogueDownload: { shopId: 'shop-1' },
  startCreateProducts: { shopId: 'shop-1', tikiProductIds: [1] },
  startReconcileMatch: { statementId: 'a'.repeat(64) },
  previewNhanhPayments: { statementId: 'a'.repeat(64) },
  startNhanhPayments: { statementId: 'a'.repeat(64) },
  cancelNhanhShipment: { shopId: 'shop-1', code: '100000001' },
  getSellerCenterLocale: undefined,
  captureTikiKey: { shopName: 'Shop', key: KEY },
  reportSellerCenterIssue: { issue: 'keyTableMissing', page: '/new/#/account' },
  deliverStatementFile: { fileName: 'sao-ke.xlsx', base64: 'UEsDBA==' },
  openStatementPicker: undefined,
  getOrderChipStates: { codes: ['812345678'] },
  pushOrderToNhanh: { code: '812345678' },
  openOrderFix: { code: '812345678' },
  pullOrderEvents: undefined,
};

/** Every way a sender can look: our pages, our content script, and the hostile ones. */
const SENDERS: { label: string; kind: SenderKind; sender: object }[] = [
  {
    label: 'popup',
    kind: 'extension-page',
    sender: { id: ownId, url: `chrome-extension://${ownId}/popup.html` },
  },
  {
    label: 'content script on the seller center',
    kind: 'seller-center',
    sender: { id: ownId, url: 'https://sellercenter.tiki.vn/new/#/account', tab: { id: 3 } },
  },
  {
    label: 'another extension',
    kind: 'foreign',
    sender: { id: 'evilextensionid', url: 'chrome-extension://evilextensionid/bg.html' },
  },
  {
    label: 'another extension claiming our page URL',
    kind: 'foreign',
    sender: { id: 'evilextensionid', url: `chrome-extension://${ownId}/popup.html` },
  },
  { label: 'a web page (externally connectable)', kind: 'foreign', sender: { url: 'https://evil.example/' } },
  {
    label: 'a look-alike seller-center host',
    kind: 'foreign',
    sender: { id: ownId, url: 'https://sellercenter.tiki.vn.evil.example/', tab: { id: 3 } },
  },
  {
    label: 'an http (not https) seller-center page',
    kind: 'foreign',
    sender: { id: ownId, url: 'http://sellercenter.tiki.vn/', tab: { id: 3 } },
  },
  {
    label: 'our id with no URL',
    kind: 'foreign',
    sender: { id: ownId },
  },
  {
    label: 'our id from another site tab',
    kind: 'foreign',
    sender: { id: ownId, url: 'https://tiki.vn/', tab: { id: 9 } },
  },
];

async function deliver(type: string, data: unknown, sender: object) {
  const results = await fakeBrowser.runtime.onMessage.trigger(
    { id: 1, type, data, timestamp: Date.now() },
    sender,
  );
  return results[0] as { res?: unknown; err?: { message: string } } | undefined;
}

const refusals = (Object.keys(MESSAGE_POLICY) as MessageType[]).flatMap((type) =>
  SENDERS.filter(({ kind }) => !MESSAGE_POLICY[type].from.includes(kind)).map(({ label, kind, sender }) => ({
    type,
    label,
    kind,
    sender,
  })),
);

describe('every message from every sender it does not allow', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    removeAllListeners();
    background.main();
  });

  it('should cover every message type with at least one hostile sender', () => {
    const covered = new Set(refusals.map(({ type }) => type));
    expect([...covered].sort()).toEqual(Object.keys(MESSAGE_POLICY).sort());
  });

  it.each(refusals)('should refuse $type from $label', async ({ type, kind, sender }) => {
    const answer = await deliver(type, VALID_DATA[type], sender);
    expect(answer?.res).toBeUndefined();
    expect(answer?.err?.message).toContain(`sender ${kind} not allowed`);
    // A refusal never echoes what was sent (a key offered by a hostile page stays out of the error).
    expect(answer?.err?.message).not.toContain(KEY);
  });

  it('should never hand settings, keys or tokens to the seller-center content script', async () => {
    const contentScript = SENDERS[1]!.sender;
    const answers = await Promise.all(
      (Object.keys(MESSAGE_POLICY) as MessageType[])
        // captureTikiKey calls Tiki; its answer (no key in it) is covered by tests/unit/seller-center.
        .filter((type) => MESSAGE_POLICY[type].from.includes('seller-center') && type !== 'captureTikiKey')
        .map((type) => deliver(type, VALID_DATA[type], contentScript)),
    );
    for (const answer of answers) expect(JSON.stringify(answer?.res ?? null)).not.toMatch(/secret|token/i);
  });

  it('should refuse malformed data from an allowed sender without echoing it', async () => {
    const contentScript = SENDERS[1]!.sender;
    const hostile = [
      ['captureTikiKey', { shopName: 'x', key: `${KEY}<script>` }],
      ['captureTikiKey', { shopName: 'x', key: KEY, extra: KEY }],
      ['captureTikiKey', { shopName: 'x'.repeat(500), key: KEY }],
      ['reportSellerCenterIssue', { issue: '__proto__', page: KEY }],
      ['openDashboard', { section: 'javascript:alert(1)' }],
      ['openDashboard', JSON.parse('{"section":"orders","__proto__":{"polluted":true}}')],
    ] as const;
    for (const [type, data] of hostile) {
      const answer = await deliver(type, data, contentScript);
      expect(answer?.res).toBeUndefined();
      expect(answer?.err?.message).toContain('refused');
      expect(answer?.err?.message).not.toContain(KEY);
    }
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
