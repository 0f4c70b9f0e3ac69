import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type CompanionDatabase, openCompanionDb } from '../../../lib/db';
import {
  answerKeyCapture,
  captureTikiKey,
  type KeyCaptureDeps,
} from '../../../lib/seller-center/key-capture';
import { getSettings, saveSettings, settingsItem } from '../../../lib/settings';
import { listActivity } from '../../../lib/status/activity-log';
import { getHealth } from '../../../lib/status/status';
import { createManualClock } from '../../../lib/time/clock';
import { createSandbox, type Sandbox } from '../../../sandbox';

const API = {
  tiki: 'http://127.0.0.1/tiki',
  nhanh: 'http://127.0.0.1/nhanh',
  nhanhOauth: 'http://127.0.0.1/o',
};
const WRONG_KEY = '00000000-0000-4000-8000-000000000000';

let sandbox: Sandbox;
let db: CompanionDatabase;
let deps: KeyCaptureDeps;
let ids: number;

async function configure(shops: object[] = []) {
  const saved = await saveSettings({ apiBase: API, shops }, 'vi');
  expect(saved.ok).toBe(true);
}

beforeEach(async () => {
  fakeBrowser.reset();
  sandbox = createSandbox({ seed: 11 });
  db = await openCompanionDb(`key-capture-${Math.random()}`);
  ids = 0;
  deps = {
    fetch: sandbox.fetch,
    db: async () => db,
    newId: () => `new-${++ids}`,
    now: () => 1_700_000_000_000,
  };
});

describe('captureTikiKey', () => {
  it('should check a new key with Tiki and add its shop under the name the page shows', async () => {
    await configure();
    const tiki = sandbox.seed.tiki.shops[0]!;
    const result = await captureTikiKey(
      { shopName: ' Minh An (trên Tiki) ', key: ` ${tiki.connectionKey} ` },
      deps,
    );

    expect(result).toEqual({
      ok: true,
      outcome: 'created',
      shopName: 'Minh An (trên Tiki)',
      text: { key: 'sellerCenter.key.created', params: { shop: 'Minh An (trên Tiki)' } },
    });
    const [shop] = (await getSettings()).shops;
    expect(shop).toMatchObject({
      id: 'new-1',
      name: 'Minh An (trên Tiki)',
      connectionKey: tiki.connectionKey,
      tikiSellerId: tiki.sellerId,
      defaultCustomerName: 'Khách Tiki',
    });
    expect((await getHealth()).tiki['new-1']).toMatchObject({ state: 'ok', remoteName: tiki.name });
    const [entry] = await listActivity(db);
    expect(entry).toMatchObject({
      level: 'info',
      source: 'seller-center',
      text: { key: 'sellerCenter.log.keyAdded' },
    });
    // What travels back to the page names the shop only.
    expect(JSON.stringify(result)).not.toContain(tiki.connectionKey);
  });

  it('should name a new shop after Tiki’s seller when the page shows no name', async () => {
    await configure();
    const tiki = sandbox.seed.tiki.shops[1]!;
    const result = await captureTikiKey({ shopName: '', key: tiki.connectionKey }, deps);
    expect(result).toMatchObject({ ok: true, shopName: tiki.name });
  });

  it('should store the key on the shop of the same name and keep everything else the seller set', async () => {
    const tiki = sandbox.seed.tiki.shops[0]!;
    await configure([
      { id: 'minh-an', name: 'nhà sách & gia dụng  MINH AN', connectionKey: WRONG_KEY, nhanhDepotId: 42 },
      { id: 'other', name: 'Cửa hàng khác', connectionKey: sandbox.seed.tiki.shops[1]!.connectionKey },
    ]);
    const result = await captureTikiKey({ shopName: tiki.name, key: tiki.connectionKey }, deps);

    expect(result).toMatchObject({ ok: true, outcome: 'updated', shopName: 'nhà sách & gia dụng  MINH AN' });
    const { shops } = await getSettings();
    expect(shops).toHaveLength(2);
    expect(shops[0]).toMatchObject({
      id: 'minh-an',
      connectionKey: tiki.connectionKey,
      tikiSellerId: tiki.sellerId,
      nhanhDepotId: 42,
    });
  });

  it('should recognise the shop by Tiki’s seller id even when the seller renamed it in the extension', async () => {
    const tiki = sandbox.seed.tiki.shops[0]!;
    await configure([
      { id: 'renamed', name: 'Kho chính', connectionKey: WRONG_KEY, tikiSellerId: tiki.sellerId },
      { id: 'same-name', name: tiki.name, connectionKey: WRONG_KEY, tikiSellerId: 999 },
    ]);
    const result = await captureTikiKey({ shopName: tiki.name, key: tiki.connectionKey }, deps);
    expect(result).toMatchObject({ ok: true, outcome: 'updated', shopName: 'Kho chính' });
    expect((await getSettings()).shops.map((shop) => shop.connectionKey)).toEqual([
      tiki.connectionKey,
      WRONG_KEY,
    ]);
  });

  it('should say the key is already saved when it is, without writing settings or the log', async () => {
    const tiki = sandbox.seed.tiki.shops[0]!;
    await configure([{ id: 'a', name: 'A', connectionKey: tiki.connectionKey, tikiSellerId: tiki.sellerId }]);
    const before = await settingsItem.getValue();
    const result = await captureTikiKey({ shopName: 'A', key: tiki.connectionKey }, deps);
    expect(result).toMatchObject({
      ok: true,
      outcome: 'unchanged',
      text: { key: 'sellerCenter.key.unchanged' },
    });
    expect(await settingsItem.getValue()).toEqual(before);
    expect(await listActivity(db)).toEqual([]);
  });

  it('should refuse a wrong key with the in-page reason, store nothing and log a line without the key', async () => {
    await configure();
    const result = await captureTikiKey({ shopName: 'Minh An', key: WRONG_KEY }, deps);
    expect(result).toEqual({ ok: false, text: { key: 'sellerCenter.key.wrongKey' } });
    expect((await getSettings()).shops).toEqual([]);
    const [entry] = await listActivity(db);
    expect(entry).toMatchObject({ level: 'warn', text: { key: 'sellerCenter.log.keyRejected' } });
    expect(entry?.detail).toContain('Tiki không chấp nhận khóa này');
    expect(JSON.stringify(entry)).not.toContain(WRONG_KEY);
  });

  it('should tell a connection paused by the seller apart from a network failure', async () => {
    await configure();
    const key = sandbox.seed.tiki.shops[0]!.connectionKey;
    sandbox.setFaults({ tikiPaused: true });
    expect(await captureTikiKey({ shopName: 'A', key }, deps)).toMatchObject({
      ok: false,
      text: { key: 'sellerCenter.key.paused' },
    });
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const result = await captureTikiKey(
      { shopName: 'A', key },
      { ...deps, fetch: offline, clock: createManualClock() },
    );
    expect(result).toMatchObject({ ok: false, text: { key: 'sellerCenter.key.network' } });
    expect((await getSettings()).shops).toEqual([]);
  });

  it('should refuse to save over stored settings that do not validate, leaving them for the form to repair', async () => {
    const broken = { apiBase: API, shops: [{ id: 'x', name: '', connectionKey: 'short' }] };
    await settingsItem.setValue(broken);
    const result = await captureTikiKey(
      { shopName: 'A', key: sandbox.seed.tiki.shops[0]!.connectionKey },
      deps,
    );
    expect(result).toEqual({ ok: false, text: { key: 'sellerCenter.key.settingsInvalid' } });
    expect(await settingsItem.getValue()).toEqual(broken);
  });

  it('should keep both shops when the seller clicks two rows at once', async () => {
    await configure();
    const [first, second] = sandbox.seed.tiki.shops;
    const results = await Promise.all([
      captureTikiKey({ shopName: first!.name, key: first!.connectionKey }, deps),
      captureTikiKey({ shopName: second!.name, key: second!.connectionKey }, deps),
    ]);
    expect(results.map((result) => result.ok)).toEqual([true, true]);
    expect((await getSettings()).shops.map((shop) => shop.tikiSellerId)).toEqual([
      first!.sellerId,
      second!.sellerId,
    ]);
  });
});

describe('answerKeyCapture', () => {
  it("should answer the page in the seller's language, Tiki's own failures included (the page carries no Tiki messages)", async () => {
    await configure();
    const tiki = sandbox.seed.tiki.shops[0]!;
    expect(await answerKeyCapture({ shopName: 'Minh An', key: tiki.connectionKey }, deps)).toEqual({
      ok: true,
      message: 'Đã thêm cửa hàng "Minh An" vào tiện ích với khóa này.',
    });

    await saveSettings({ language: 'en' }, 'vi');
    const notFound: typeof fetch = async () => new Response('{"errors":["gone"]}', { status: 404 });
    const answer = await answerKeyCapture(
      { shopName: 'Minh An', key: tiki.connectionKey },
      { ...deps, fetch: notFound },
    );
    expect(answer.ok).toBe(false);
    expect(answer.message).toMatch(/^Not found on Tiki \(.+\)\. Tiki says: gone\./);
  });
});
