import { storage } from 'wxt/utils/storage';
import type { z } from 'zod';
import { apiBasesInForce, type BuildMode, currentBuildMode, refusedApiBases } from './config/api-bases';
import {
  migrateSettingsV1,
  SETTINGS_VERSION,
  type Settings,
  type SettingsInput,
  type Shop,
  settingsSchemaFor,
} from './config/settings-schema';
import { isMessageKey, type Locale, type MessageKey, t } from './i18n';

export * from './config/settings-schema';

/** One problem of a settings object, ready to show next to its field. */
export interface FieldError {
  /** Dotted path of the field, e.g. `shops.1.defaultCustomerPhone`; used to place the message in the form. */
  path: string;
  /** Full sentence in the UI language naming the field, e.g. "Cửa hàng 2 › Số điện thoại khách mặc định: …". */
  message: string;
  /** The problem alone ("phải gồm 10 chữ số…"), for display right under the field. */
  problem: string;
}

export type SettingsValidation = { ok: true; settings: Settings } | { ok: false; errors: FieldError[] };

export const newShopId = (): string => crypto.randomUUID();

/**
 * Settings live in `storage.local` only (never `storage.sync`: they hold keys and tokens). The item is
 * versioned; WXT runs the migrations the first time a context touches it.
 */
export function defineSettingsItem() {
  return storage.defineItem<unknown>('local:settings', {
    version: SETTINGS_VERSION,
    fallback: {},
    migrations: {
      2: (v1: unknown) => settingsSchemaFor(currentBuildMode()).parse(migrateSettingsV1(v1, newShopId)),
    },
  });
}

export const settingsItem = defineSettingsItem();

function fieldLabel(path: readonly PropertyKey[], locale: Locale): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    if (part === 'shops' && typeof path[i + 1] === 'number') {
      parts.push(t(locale, 'settings.shopN', { n: (path[i + 1] as number) + 1 }));
      i++;
    } else if (typeof part === 'string') {
      const key = `field.${part}`;
      if (part === 'nhanh' && path.length > i + 1) parts.push(t(locale, 'settings.nhanh'));
      else if (part === 'apiBase' || part === 'autoSync') continue;
      else parts.push(isMessageKey(key) ? t(locale, key) : part);
    }
  }
  return parts.join(' › ');
}

/** Turns zod issues (whose messages are i18n keys) into sentences naming the field, in the UI language. */
export function describeSettingsIssues(error: z.ZodError, locale: Locale): FieldError[] {
  return error.issues.map((issue) => {
    const problem = isMessageKey(issue.message)
      ? t(locale, issue.message)
      : t(locale, 'settings.err.invalid');
    return {
      path: issue.path.map(String).join('.'),
      message: `${fieldLabel(issue.path, locale)}: ${problem}`,
      problem,
    };
  });
}

/** Settings as this build accepts them, for saving or importing (production: the documented API bases only). */
export function validateSettings(
  input: unknown,
  locale: Locale,
  mode: BuildMode = currentBuildMode(),
): SettingsValidation {
  const result = settingsSchemaFor(mode).safeParse(input);
  if (result.success) return { ok: true, settings: result.data };
  return { ok: false, errors: describeSettingsIssues(result.error, locale) };
}

export const DEFAULT_SETTINGS: Settings = settingsSchemaFor(currentBuildMode()).parse({});

/**
 * Stored settings as this build reads them: in production the API bases are the documented ones whatever storage
 * holds (devtools, or any program with the browser profile, can edit it), so keys and tokens go nowhere else.
 */
function asThisBuildReads(stored: unknown, mode: BuildMode): unknown {
  if (typeof stored !== 'object' || stored === null) return stored;
  return { ...stored, apiBase: apiBasesInForce((stored as { apiBase?: unknown }).apiBase, mode) };
}

/** Validates what storage holds, as this build reads it (see `asThisBuildReads`). */
export function validateStoredSettings(stored: unknown, locale: Locale): SettingsValidation {
  const mode = currentBuildMode();
  return validateSettings(asThisBuildReads(stored, mode), locale, mode);
}

function parseStored(stored: unknown): Settings {
  const mode = currentBuildMode();
  const result = settingsSchemaFor(mode).safeParse(asThisBuildReads(stored, mode));
  return result.success ? result.data : DEFAULT_SETTINGS;
}

/**
 * Settings for code that acts on them (background, popup). Stored data is validated on read; when it does not
 * validate, the defaults are returned and the stored value is left untouched for the form to repair.
 */
export async function getSettings(item = settingsItem): Promise<Settings> {
  return parseStored(await item.getValue());
}

/**
 * What the settings form edits: the stored value as it is, even when invalid, so nothing a seller entered is
 * lost; `errors` says what to fix.
 */
export async function getSettingsDraft(
  locale: Locale,
  item = settingsItem,
): Promise<{ draft: SettingsInput; errors: FieldError[] }> {
  const stored = await item.getValue();
  const validation = validateStoredSettings(stored, locale);
  if (validation.ok) return { draft: validation.settings, errors: [] };
  return {
    draft: (asThisBuildReads(stored, currentBuildMode()) ?? {}) as SettingsInput,
    errors: validation.errors,
  };
}

/** Validates and stores; on any error nothing is written. */
export async function saveSettings(
  input: unknown,
  locale: Locale,
  item = settingsItem,
): Promise<SettingsValidation> {
  const validation = validateSettings(input, locale);
  if (validation.ok) await item.setValue(validation.settings);
  return validation;
}

export function watchSettings(callback: (settings: Settings) => void, item = settingsItem): () => void {
  return item.watch((value) => callback(parseStored(value)));
}

/** How a shop reaches Tiki: an in-house app's credentials win over the connection key (the v2 API is documented for OAuth). */
export function tikiCredentialsOf(
  shop: Pick<Shop, 'connectionKey' | 'clientId' | 'clientSecret'>,
): { connectionKey: string } | { clientId: string; clientSecret: string } | null {
  if (shop.clientId && shop.clientSecret) return { clientId: shop.clientId, clientSecret: shop.clientSecret };
  if (shop.connectionKey) return { connectionKey: shop.connectionKey };
  return null;
}

/** Whether Nhanh is connected (app, business and token saved); the worker builds the client from them. */
export function nhanhConnected(settings: Pick<Settings, 'nhanh'>): boolean {
  const { appId, businessId, accessToken } = settings.nhanh;
  return Boolean(appId && businessId !== null && accessToken);
}

/** Every secret value held in settings: what must never reach logs, messages to pages or unticked exports. */
export function secretsOf(settings: Settings): string[] {
  const values = [
    ...settings.shops.flatMap((shop) => [shop.connectionKey, shop.clientSecret]),
    settings.nhanh.secretKey,
    settings.nhanh.accessToken,
  ];
  return values.filter((value) => value.length >= 6);
}

/** Replaces every secret in `text` by a mask, for logs and error messages. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) result = result.split(secret).join('••••');
  return result;
}

export function withoutSecrets(settings: Settings): Settings {
  return {
    ...settings,
    shops: settings.shops.map((shop) => ({ ...shop, connectionKey: '', clientSecret: '' })),
    nhanh: { ...settings.nhanh, secretKey: '', accessToken: '', expiredAt: null },
  };
}

export const SETTINGS_FILE_FORMAT = 'nhanh-tiki-companion/settings';
const MAX_SETTINGS_FILE_BYTES = 1_000_000;

/** The JSON file "Xuất cài đặt" downloads; secrets only when the user ticked the box. */
export function exportSettingsFile(settings: Settings, includeSecrets: boolean, now = Date.now()): string {
  const payload = {
    format: SETTINGS_FILE_FORMAT,
    version: SETTINGS_VERSION,
    exportedAt: new Date(now).toISOString(),
    includesSecrets: includeSecrets,
    settings: includeSecrets ? settings : withoutSecrets(settings),
  };
  return `${JSON.stringify(payload, null, 2)}\n`;
}

export type SettingsImport =
  | { ok: true; settings: Settings; keptSecrets: boolean }
  | { ok: false; message: string; errors: FieldError[] };

function importFailure(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number>,
): SettingsImport {
  return { ok: false, message: t(locale, key, params), errors: [] };
}

/**
 * Reads an exported settings file (this version or v1). When the file carries no secrets, the secrets already
 * stored are kept for the shops that match by id or name, and for the same Nhanh app. A file pointing an API
 * at a host this build does not allow is refused first: with the stored secrets merged in, it would hand them
 * to that host. Pure: the caller stores.
 */
export function importSettingsFile(
  text: string,
  fileName: string,
  current: Settings,
  locale: Locale,
  mode: BuildMode = currentBuildMode(),
): SettingsImport {
  if (text.length > MAX_SETTINGS_FILE_BYTES) {
    return importFailure(locale, 'settings.import.tooLarge', {
      name: fileName,
      size: `${Math.round(text.length / 1024)} KB`,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return importFailure(locale, 'settings.import.notJson', { name: fileName });
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    (parsed as { format?: unknown }).format !== SETTINGS_FILE_FORMAT
  ) {
    return importFailure(locale, 'settings.import.wrongFormat', { name: fileName });
  }
  const file = parsed as { version?: unknown; includesSecrets?: unknown; settings?: unknown };
  const version = typeof file.version === 'number' ? file.version : Number.NaN;
  if (version > SETTINGS_VERSION)
    return importFailure(locale, 'settings.import.newerVersion', { name: fileName, version });
  if (version !== 1 && version !== SETTINGS_VERSION)
    return importFailure(locale, 'settings.import.wrongFormat', { name: fileName });

  const input = version === 1 ? migrateSettingsV1(file.settings, newShopId) : file.settings;
  const [refused] = refusedApiBases(input, mode);
  if (refused) {
    return importFailure(locale, 'settings.import.foreignApiBase', {
      name: fileName,
      field: t(locale, `field.${refused.api}`),
      url: refused.url,
      expected: refused.expected,
    });
  }
  const keepSecrets = file.includesSecrets !== true;
  const merged = keepSecrets ? mergeStoredSecrets(input, current) : input;
  const validation = validateSettings(merged, locale, mode);
  if (!validation.ok) {
    return {
      ok: false,
      message: t(locale, 'settings.import.invalid', {
        name: fileName,
        count: validation.errors.length,
        first: validation.errors[0]?.message ?? '',
      }),
      errors: validation.errors,
    };
  }
  return { ok: true, settings: validation.settings, keptSecrets: keepSecrets };
}

/** "Nhập cài đặt từ file JSON": reads the file against the stored settings and stores it only when it is accepted. */
export async function importSettingsFromFile(
  text: string,
  fileName: string,
  locale: Locale,
  item = settingsItem,
): Promise<SettingsImport> {
  const result = importSettingsFile(text, fileName, await getSettings(item), locale);
  if (result.ok) await item.setValue(result.settings);
  return result;
}

function mergeStoredSecrets(input: unknown, current: Settings): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const draft = input as { shops?: unknown; nhanh?: Record<string, unknown> };
  const shops = Array.isArray(draft.shops)
    ? draft.shops.map((shop: Record<string, unknown>) => {
        const match = current.shops.find((known) => known.id === shop.id || known.name === shop.name);
        if (!match) return shop;
        return {
          ...shop,
          connectionKey: shop.connectionKey || match.connectionKey,
          clientSecret: shop.clientSecret || match.clientSecret,
        };
      })
    : draft.shops;
  const nhanh =
    draft.nhanh && String(draft.nhanh.appId ?? '') === current.nhanh.appId
      ? {
          ...draft.nhanh,
          secretKey: draft.nhanh.secretKey || current.nhanh.secretKey,
          accessToken: draft.nhanh.accessToken || current.nhanh.accessToken,
          expiredAt: draft.nhanh.expiredAt ?? current.nhanh.expiredAt,
        }
      : draft.nhanh;
  return { ...draft, shops, nhanh };
}
