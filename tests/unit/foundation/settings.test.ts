import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DOCUMENTED_API_BASE } from '../../../lib/config/api-bases';
import {
  defineSettingsItem,
  exportSettingsFile,
  getSettings,
  getSettingsDraft,
  importSettingsFile,
  redactSecrets,
  type Settings,
  saveSettings,
  secretsOf,
  validateSettings,
} from '../../../lib/settings';

const KEY = '3f2b9c1e-8d4a-4c6b-9e7f-1a2b3c4d5e6f';

function validInput() {
  return {
    shops: [
      {
        id: 'shop-1',
        name: 'Nhà sách Hoa Mai',
        connectionKey: KEY,
        nhanhDepotId: 31010,
        defaultCustomerName: 'Khách Tiki',
        defaultCustomerPhone: '0901234567',
      },
    ],
    nhanh: { mode: 'manual', appId: '74821', businessId: 123456, accessToken: 'tok-abcdefghijklmnop' },
    orderStatusFilter: ['new', 'success'],
    autoSync: { enabled: true, intervalMinutes: 30 },
  };
}

describe('settings schema', () => {
  it('should accept a complete valid settings object and fill defaults', () => {
    const result = validateSettings(validInput(), 'vi');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.language).toBe('vi');
    expect(result.settings.alwaysFetchProducts).toBe(false);
    expect(result.settings.apiBase.tiki).toBe('https://api.tiki.vn');
    expect(result.settings.shops[0]?.autoSync).toBe(true);
  });

  it('should default the order-status filter to "Mới" only, as the help page says', () => {
    const result = validateSettings({}, 'vi');
    expect(result.ok && result.settings.orderStatusFilter).toEqual(['new']);
  });

  it.each([
    [
      'shops.0.defaultCustomerPhone',
      { defaultCustomerPhone: '12345' },
      'Cửa hàng 1 › Số điện thoại khách mặc định',
    ],
    [
      'shops.0.connectionKey',
      { connectionKey: 'khóa sai có dấu cách' },
      'Cửa hàng 1 › Tham số kết nối (khóa Tiki)',
    ],
    ['shops.0.name', { name: '   ' }, 'Cửa hàng 1 › Tên cửa hàng'],
    ['shops.0.clientSecret', { clientId: 'abc' }, 'Cửa hàng 1 › Client secret'],
    ['shops.0.connectionKey', { connectionKey: '' }, 'cần nhập Tham số kết nối'],
  ])('should reject %s with a message naming the field', (path, patch, expected) => {
    const input = validInput();
    Object.assign(input.shops[0]!, patch);
    const result = validateSettings(input, 'vi');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = result.errors.find((e) => e.path === path);
    expect(error?.message).toContain(expected);
  });

  it('should reject an interval outside 5–1440 minutes and a non-https API address', () => {
    const input = {
      ...validInput(),
      autoSync: { enabled: true, intervalMinutes: 2 },
      apiBase: { tiki: 'http://evil.example' },
    };
    const result = validateSettings(input, 'en');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual(['autoSync.intervalMinutes', 'apiBase.tiki']);
    expect(result.errors[0]?.message).toBe(
      'Sync interval (minutes): must be a whole number of minutes from 5 to 1440.',
    );
  });

  it('should allow the sandbox on the loopback interface in a development build', () => {
    const result = validateSettings({ apiBase: { tiki: 'http://127.0.0.1:8787/tiki' } }, 'vi', 'development');
    expect(result.ok).toBe(true);
  });

  it('should take only the documented API hosts in a production build, naming the field otherwise', () => {
    const documented = validateSettings(
      { ...validInput(), apiBase: { tiki: 'https://api.tiki.vn/', nhanh: DOCUMENTED_API_BASE.nhanh } },
      'vi',
      'production',
    );
    expect(documented.ok).toBe(true);
    for (const url of [
      'http://127.0.0.1:8787/nhanh',
      'https://pos.open.nhanh.vn.example',
      'https://example.com',
    ]) {
      const result = validateSettings({ ...validInput(), apiBase: { nhanh: url } }, 'en', 'production');
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors.map((e) => e.message)).toEqual([
        "Nhanh API address: the released extension sends keys and tokens only to Tiki's and Nhanh's servers; this address cannot be changed.",
      ]);
    }
  });
});

describe('settings as a production build reads them', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.stubEnv('MODE', 'production');
  });
  afterEach(() => vi.unstubAllEnvs());

  it('should use the documented API hosts whatever storage holds, and keep everything else', async () => {
    const edited = {
      ...validInput(),
      apiBase: { tiki: 'https://collector.example', nhanh: 'http://127.0.0.1' },
    };
    await fakeBrowser.storage.local.set({ settings: edited, settings$: { v: 2 } });
    const item = defineSettingsItem();
    const settings = await getSettings(item);
    expect(settings.apiBase).toEqual(DOCUMENTED_API_BASE);
    expect(settings.shops[0]?.connectionKey).toBe(KEY);
    // The form opens without errors on fields the seller cannot change, showing the hosts in use.
    const { draft, errors } = await getSettingsDraft('vi', item);
    expect(errors).toEqual([]);
    expect(draft.apiBase).toEqual(DOCUMENTED_API_BASE);
  });

  it('should refuse a settings file that points an API elsewhere, naming the field in both languages', async () => {
    const current = await getSettings(defineSettingsItem());
    const file = JSON.stringify({
      format: 'nhanh-tiki-companion/settings',
      version: 2,
      includesSecrets: false,
      settings: { ...validInput(), apiBase: { nhanhOauth: 'https://nhanh.vn.example/oauth' } },
    });
    const inVietnamese = importSettingsFile(file, 'san.json', current, 'vi');
    const inEnglish = importSettingsFile(file, 'san.json', current, 'en');
    expect(inVietnamese.ok || inVietnamese.message).toBe(
      'Không nhập file "san.json": ô "Địa chỉ đăng nhập Nhanh (OAuth)" trỏ tới https://nhanh.vn.example/oauth, không phải máy chủ của Tiki hay Nhanh (https://nhanh.vn/oauth). Nhập file này sẽ gửi khóa Tiki và token Nhanh của bạn tới đó. Chưa có gì thay đổi.',
    );
    expect(inEnglish.ok || inEnglish.message).toBe(
      'The file "san.json" was not imported: "Nhanh sign-in address (OAuth)" points to https://nhanh.vn.example/oauth, which is not Tiki\'s or Nhanh\'s server (https://nhanh.vn/oauth). Importing it would send your Tiki keys and Nhanh token there. Nothing was changed.',
    );
  });

  it('should import its own export, whose API bases are the documented ones', () => {
    const settings = validateSettings(validInput(), 'vi', 'production') as { ok: true; settings: Settings };
    const result = importSettingsFile(
      exportSettingsFile(settings.settings, true),
      'x.json',
      settings.settings,
      'vi',
    );
    expect(result.ok).toBe(true);
  });
});

describe('settings storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should migrate a stored version-1 (single shop) object to the shop list', async () => {
    await fakeBrowser.storage.local.set({
      settings: {
        clientKey: KEY,
        shopName: 'Hoa Mai',
        depotId: 31010,
        customerName: 'Khách sàn Tiki',
        customerMobile: '0912345678',
        orderStatuses: ['Mới', 'Thành công'],
        autoSync: true,
        syncMinutes: 3,
        nhanh: { appId: '74821', secretKey: 'secret-key-123', businessId: 99, accessToken: 'token-abcdef' },
      },
    });
    const item = defineSettingsItem();
    const settings = await getSettings(item);
    expect(settings.shops).toHaveLength(1);
    expect(settings.shops[0]).toMatchObject({
      name: 'Hoa Mai',
      connectionKey: KEY,
      nhanhDepotId: 31010,
      defaultCustomerName: 'Khách sàn Tiki',
      defaultCustomerPhone: '0912345678',
    });
    expect(settings.orderStatusFilter).toEqual(['new', 'success']);
    expect(settings.autoSync).toEqual({ enabled: true, intervalMinutes: 5 });
    expect(settings.nhanh).toMatchObject({ appId: '74821', businessId: 99, accessToken: 'token-abcdef' });
    expect(await item.getMeta()).toEqual({ v: 2 });
  });

  it('should store valid settings and write nothing when invalid', async () => {
    const item = defineSettingsItem();
    expect((await saveSettings(validInput(), 'vi', item)).ok).toBe(true);
    const bad = validInput();
    bad.shops[0]!.defaultCustomerPhone = 'abc';
    expect((await saveSettings(bad, 'vi', item)).ok).toBe(false);
    expect((await getSettings(item)).shops[0]?.defaultCustomerPhone).toBe('0901234567');
  });

  it('should keep an invalid stored object intact for the form to repair', async () => {
    const stored = { ...validInput(), autoSync: { enabled: true, intervalMinutes: 1 } };
    await fakeBrowser.storage.local.set({ settings: stored, settings$: { v: 2 } });
    const item = defineSettingsItem();
    const { draft, errors } = await getSettingsDraft('vi', item);
    expect(draft).toEqual(stored);
    expect(errors.map((e) => e.path)).toEqual(['autoSync.intervalMinutes']);
    expect((await fakeBrowser.storage.local.get('settings')).settings).toEqual(stored);
  });

  it('should never write settings to storage.sync', async () => {
    await saveSettings(validInput(), 'vi', defineSettingsItem());
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });
});

describe('settings export and import', () => {
  const current = validateSettings(
    { ...validInput(), nhanh: { ...validInput().nhanh, secretKey: 'nhanh-secret-xyz' } },
    'vi',
  ) as { ok: true; settings: Settings };

  it('should leave secrets out of the file unless asked', () => {
    const file = exportSettingsFile(current.settings, false);
    for (const secret of secretsOf(current.settings)) expect(file).not.toContain(secret);
    const withSecrets = exportSettingsFile(current.settings, true);
    expect(withSecrets).toContain(KEY);
  });

  it('should keep the stored secrets when importing a file without them', () => {
    const file = exportSettingsFile({ ...current.settings, language: 'en' }, false);
    const result = importSettingsFile(file, 'caidat.json', current.settings, 'vi');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.keptSecrets).toBe(true);
    expect(result.settings.language).toBe('en');
    expect(result.settings.shops[0]?.connectionKey).toBe(KEY);
    expect(result.settings.nhanh.accessToken).toBe('tok-abcdefghijklmnop');
  });

  it.each([
    ['not json', '{oops', 'không phải JSON hợp lệ'],
    ['another format', JSON.stringify({ format: 'other', version: 2 }), 'không phải file cài đặt'],
    [
      'a newer version',
      JSON.stringify({ format: 'nhanh-tiki-companion/settings', version: 9 }),
      'phiên bản mới hơn',
    ],
    [
      'an invalid field',
      JSON.stringify({
        format: 'nhanh-tiki-companion/settings',
        version: 2,
        includesSecrets: true,
        settings: { autoSync: { intervalMinutes: 0 } },
      }),
      'Chu kỳ đồng bộ (phút)',
    ],
  ])('should refuse %s with a clear message', (_case, text, expected) => {
    const result = importSettingsFile(text, 'caidat.json', current.settings, 'vi');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(expected);
  });

  it('should mask every secret in a log line', () => {
    const line = `GET /integration/v2/sellers/me with tiki-api ${KEY} failed`;
    expect(redactSecrets(line, secretsOf(current.settings))).toBe(
      'GET /integration/v2/sellers/me with tiki-api •••• failed',
    );
  });
});
