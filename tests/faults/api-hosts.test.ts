import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { API_NAMES, type ApiBases, type ApiName, DOCUMENTED_API_BASE } from '../../lib/config/api-bases';
import { t } from '../../lib/i18n';
import {
  getSettings,
  importSettingsFromFile,
  SETTINGS_FILE_FORMAT,
  SETTINGS_VERSION,
  saveSettings,
  settingsItem,
} from '../../lib/settings';
import { runAutoSync } from '../../lib/sync/background-sync';
import { checkNhanh, checkTikiShop, connectNhanh } from '../../lib/worker/connections';
import { createSandbox, type Sandbox } from '../../sandbox/index';
import { SANDBOX_MOUNTS, seededNhanhSettings, seededShopSettings } from '../fixtures/sandbox-settings';

/*
 * A seller talked into importing a "ready-made settings file", or whose storage another program edited, must
 * not send their Tiki key or Nhanh token anywhere but Tiki and Nhanh. The production build is stood in for by
 * `MODE=production` (what `wxt build` sets); every request the extension makes goes through a spy that answers
 * the documented hosts from the in-process sandbox and refuses any other host as an unreachable one.
 */

const SHOP_ID = 'shop-1';
const DOCUMENTED_ORIGINS = [...new Set(Object.values(DOCUMENTED_API_BASE).map((url) => new URL(url).origin))];

/** Where a crafted file could point an API: another host, a look-alike, a userinfo trick, the local sandbox. */
function foreignBases(api: ApiName): string[] {
  const documented = new URL(DOCUMENTED_API_BASE[api]);
  return [
    `https://collector.example${documented.pathname.replace(/\/$/, '')}`,
    `https://${documented.host}.collector.example`,
    `https://${documented.host}@collector.example`,
    `http://127.0.0.1:8787${SANDBOX_MOUNTS[api]}`,
  ];
}

const CRAFTED_BASES: ApiBases = {
  tiki: foreignBases('tiki')[0]!,
  nhanh: foreignBases('nhanh')[1]!,
  nhanhOauth: foreignBases('nhanhOauth')[2]!,
};

/** The stored settings object as it is, for a file or an edit built on top of it. */
async function storedSettings(): Promise<object> {
  return (await settingsItem.getValue()) as object;
}

/** Records every URL asked for; answers the documented hosts from the sandbox, fails any other like a dead host. */
function spyFetch(sandbox: Sandbox, requests: string[]): typeof fetch {
  return async (input, init) => {
    const url = new Request(input).url;
    requests.push(url);
    const api = API_NAMES.find(
      (name) =>
        /^[/?]/.test(url.slice(DOCUMENTED_API_BASE[name].length)) &&
        url.startsWith(DOCUMENTED_API_BASE[name]),
    );
    if (!api) throw new TypeError('Failed to fetch');
    const inSandbox = `http://127.0.0.1${SANDBOX_MOUNTS[api]}${url.slice(DOCUMENTED_API_BASE[api].length)}`;
    return sandbox.fetch(inSandbox, init);
  };
}

describe('keys and tokens go only to Tiki and Nhanh in a production build', () => {
  let sandbox: Sandbox;
  let requests: string[];
  let fetchSpy: typeof fetch;

  beforeEach(async () => {
    fakeBrowser.reset();
    vi.stubEnv('MODE', 'production');
    sandbox = createSandbox({ seed: 20261128 });
    requests = [];
    fetchSpy = spyFetch(sandbox, requests);
    // The scheduled sync builds its clients with the worker's own `fetch`.
    vi.stubGlobal('fetch', fetchSpy);
    vi.spyOn(browser.notifications, 'create').mockResolvedValue(undefined);
    const saved = await saveSettings(
      {
        // The small demo shop: its 20 orders keep the scheduled sync short.
        shops: [seededShopSettings(sandbox.seed, SHOP_ID, 1)],
        nhanh: seededNhanhSettings(sandbox.seed),
        autoSync: { enabled: true },
      },
      'vi',
    );
    expect(saved.ok).toBe(true);
  });

  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
  });

  /** What a seller does with the extension after the import: check both connections, sign in to Nhanh, sync. */
  async function connectAndSync() {
    const tiki = await checkTikiShop(SHOP_ID, { fetch: fetchSpy });
    const nhanh = await checkNhanh({ fetch: fetchSpy });
    const signIn = await connectNhanh({
      fetch: fetchSpy,
      // Stands in for the browser's login window: it opens the URL and follows the page's redirect.
      launchWebAuthFlow: async (url) => {
        const answer = await fetchSpy(url, { redirect: 'manual' });
        return answer.headers.get('location') ?? undefined;
      },
      redirectUrl: 'https://abcdefghijklmnop.chromiumapp.org/',
    });
    await runAutoSync();
    return { tiki, nhanh: nhanh.health, signIn };
  }

  function expectOnlyDocumentedHosts() {
    const origins = [...new Set(requests.map((url) => new URL(url).origin))];
    expect(origins.sort()).toEqual([...DOCUMENTED_ORIGINS].sort());
    // The sync did list the shop's orders, so "no other host" is not "no request at all".
    expect(requests.some((url) => url.startsWith(`${DOCUMENTED_API_BASE.tiki}/integration/v2/orders`))).toBe(
      true,
    );
  }

  it.each(API_NAMES.flatMap((api) => foreignBases(api).map((url) => [api, url] as const)))(
    'should refuse a settings file pointing %s at %s, naming the field, and change nothing',
    async (api, url) => {
      const before = await storedSettings();
      const file = {
        format: SETTINGS_FILE_FORMAT,
        version: SETTINGS_VERSION,
        // No secrets in the file: the import would have merged the stored ones into it.
        includesSecrets: false,
        settings: { ...before, apiBase: { ...DOCUMENTED_API_BASE, [api]: url } },
      };
      for (const locale of ['vi', 'en'] as const) {
        const result = await importSettingsFromFile(JSON.stringify(file), 'cai-dat-san.json', locale);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.message).toContain(t(locale, `field.${api}`));
        expect(result.message).toContain(url);
        expect(result.message).toContain(DOCUMENTED_API_BASE[api]);
      }
      expect(await settingsItem.getValue()).toEqual(before);
    },
  );

  it('should send nothing off Tiki and Nhanh after a crafted settings file was imported', async () => {
    const file = JSON.stringify({
      format: SETTINGS_FILE_FORMAT,
      version: SETTINGS_VERSION,
      includesSecrets: false,
      settings: { ...(await storedSettings()), apiBase: CRAFTED_BASES },
    });
    const imported = await importSettingsFromFile(file, 'cai-dat-san.json', 'vi');
    expect(imported.ok).toBe(false);

    const outcome = await connectAndSync();
    expect(outcome).toMatchObject({ tiki: { state: 'ok' }, nhanh: { state: 'ok' }, signIn: { ok: true } });
    expectOnlyDocumentedHosts();
  });

  it('should send nothing off Tiki and Nhanh when stored settings were edited to point elsewhere', async () => {
    await settingsItem.setValue({ ...(await storedSettings()), apiBase: CRAFTED_BASES });
    expect((await getSettings()).apiBase).toEqual(DOCUMENTED_API_BASE);

    const outcome = await connectAndSync();
    expect(outcome).toMatchObject({ tiki: { state: 'ok' }, nhanh: { state: 'ok' }, signIn: { ok: true } });
    expectOnlyDocumentedHosts();
  });

  it('should still follow edited API bases in a development build (the override the sandbox needs)', async () => {
    vi.stubEnv('MODE', 'development');
    await settingsItem.setValue({ ...(await storedSettings()), apiBase: CRAFTED_BASES });
    const health = await checkTikiShop(SHOP_ID, { fetch: fetchSpy });
    expect(health.state).toBe('error');
    expect(new Set(requests.map((url) => new URL(url).origin))).toEqual(
      new Set(['https://collector.example']),
    );
  });
});
