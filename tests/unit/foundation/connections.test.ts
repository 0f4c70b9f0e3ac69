import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { translate } from '../../../lib/i18n';
import { getSettings, saveSettings } from '../../../lib/settings';
import { getHealth } from '../../../lib/status/status';
import { checkNhanh, checkTikiShop, connectNhanh } from '../../../lib/worker/connections';
import { createSandbox, type Sandbox } from '../../../sandbox';
import { IN_PROCESS_API_BASE, seededNhanhSettings } from '../../fixtures/sandbox-settings';

async function configure(sandbox: Sandbox, shopPatch: object = {}, nhanhPatch: object = {}) {
  const shop = sandbox.seed.tiki.shops[0]!;
  const result = await saveSettings(
    {
      apiBase: IN_PROCESS_API_BASE,
      shops: [{ id: 'shop-1', name: 'Cửa hàng demo', connectionKey: shop.connectionKey, ...shopPatch }],
      nhanh: { ...seededNhanhSettings(sandbox.seed), ...nhanhPatch },
    },
    'vi',
  );
  expect(result.ok).toBe(true);
}

describe('connection checks against the sandbox', () => {
  let sandbox: Sandbox;
  beforeEach(() => {
    fakeBrowser.reset();
    sandbox = createSandbox({ seed: 7 });
  });

  it('should confirm a good Tiki key, show the seller name and remember the seller id', async () => {
    await configure(sandbox);
    const health = await checkTikiShop('shop-1', { fetch: sandbox.fetch });
    expect(health).toMatchObject({ state: 'ok', remoteName: sandbox.seed.tiki.shops[0]!.name });
    expect((await getSettings()).shops[0]?.tikiSellerId).toBe(sandbox.seed.tiki.shops[0]!.sellerId);
    expect((await getHealth()).tiki['shop-1']?.state).toBe('ok');
  });

  it('should explain a wrong key and a connection paused by the seller', async () => {
    await configure(sandbox, { connectionKey: '00000000-0000-4000-8000-000000000000' });
    expect((await checkTikiShop('shop-1', { fetch: sandbox.fetch })).error?.key).toBe('tiki.error.wrongKey');
    await configure(sandbox);
    sandbox.setFaults({ tikiPaused: true });
    const paused = await checkTikiShop('shop-1', { fetch: sandbox.fetch });
    expect(paused.error?.key).toBe('tiki.error.pausedBySeller');
    expect((await getHealth()).tiki['shop-1']?.state).toBe('error');
  });

  it('should say which feature the key may not read when Tiki lets it read the shop only', async () => {
    await configure(sandbox);
    const name = sandbox.seed.tiki.shops[0]!.name;
    sandbox.setFaults({ compatBreak: 'tiki.key.orders' });
    const orders = await checkTikiShop('shop-1', { fetch: sandbox.fetch });
    expect(orders).toMatchObject({
      state: 'error',
      error: { key: 'connections.keyRefused.orders', params: { name, status: 401 } },
    });
    expect(translate('vi', orders.error!)).toContain(
      'Khóa này đọc được thông tin shop "Nhà Sách & Gia Dụng Minh An" nhưng không được phép đọc đơn hàng',
    );
    // The seller is still recognised: the key does read sellers/me.
    expect((await getSettings()).shops[0]?.tikiSellerId).toBe(sandbox.seed.tiki.shops[0]!.sellerId);
    sandbox.setFaults({ compatBreak: 'tiki.key.products' });
    const products = await checkTikiShop('shop-1', { fetch: sandbox.fetch });
    expect(products.error?.key).toBe('connections.keyRefused.products');
    expect((await getHealth()).tiki['shop-1']?.state).toBe('error');
  });

  it('should list Nhanh depots with a good token and ask to reconnect after expiry', async () => {
    await configure(sandbox);
    const ok = await checkNhanh({ fetch: sandbox.fetch });
    expect(ok.health.state).toBe('ok');
    expect(ok.depots.map((depot) => depot.id)).toEqual(sandbox.seed.nhanh.depots.map((depot) => depot.id));
    sandbox.nhanh.expireTokens();
    const expired = await checkNhanh({ fetch: sandbox.fetch });
    expect(expired.health.error?.key).toBe('nhanh.err.reconnect');
  });

  it('should sign in to Nhanh through the OAuth window and store the token and its expiry', async () => {
    await configure(sandbox, {}, { mode: 'oauth', businessId: null, accessToken: '', expiredAt: null });
    const launchWebAuthFlow = async (url: string) => {
      // Stands in for the browser window: the sandbox's login page approves and redirects with an accessCode.
      const answer = await sandbox.fetch(url, { redirect: 'manual' });
      return answer.headers.get('location') ?? undefined;
    };
    const result = await connectNhanh({
      fetch: sandbox.fetch,
      launchWebAuthFlow,
      redirectUrl: 'https://abcdefghijklmnop.chromiumapp.org/',
    });
    expect(result).toMatchObject({ ok: true, health: { state: 'ok' } });
    const { nhanh } = await getSettings();
    expect(nhanh).toMatchObject({ mode: 'oauth', businessId: sandbox.seed.nhanh.businessId });
    expect(nhanh.accessToken.length).toBeGreaterThan(10);
    expect(nhanh.expiredAt).toBeGreaterThan(Date.now() / 1000);
  });

  it('should say what is missing when the window is closed or the app is not set up', async () => {
    await configure(sandbox, {}, { appId: '', secretKey: '' });
    const missing = await connectNhanh({
      fetch: sandbox.fetch,
      launchWebAuthFlow: async () => undefined,
      redirectUrl: 'x',
    });
    expect(missing).toEqual({ ok: false, error: { key: 'connections.nhanhAppMissing' } });
    await configure(sandbox);
    const closed = await connectNhanh({
      fetch: sandbox.fetch,
      launchWebAuthFlow: async () => {
        throw new Error('The user did not approve access.');
      },
      redirectUrl: 'https://abcdefghijklmnop.chromiumapp.org/',
    });
    expect(closed).toMatchObject({ ok: false, error: { key: 'nhanh.oauth.cancelled' } });
  });
});
