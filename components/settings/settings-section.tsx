import { useEffect, useMemo, useState } from 'react';
import { API_NAMES, allowedApiBases, currentBuildMode } from '../../lib/config/api-bases';
import {
  fromDraft,
  newShopDraft,
  type SettingsDraft,
  type ShopDraft,
  toDraft,
} from '../../lib/config/settings-form';
import { getDb } from '../../lib/db';
import { LOCALES, translate } from '../../lib/i18n';
import { formatDateTime } from '../../lib/i18n/format';
import { type NhanhDepot, sendMessage } from '../../lib/messaging';
import {
  DEFAULT_SETTINGS,
  exportSettingsFile,
  type FieldError,
  getSettings,
  getSettingsDraft,
  importSettingsFromFile,
  newShopId,
  ORDER_STATUS_GROUPS,
  saveSettings,
  secretsOf,
  validateSettings,
} from '../../lib/settings';
import { logActivity } from '../../lib/status/activity-log';
import { downloadBlob, fileDate } from '../common/download';
import { FileButton } from '../common/file-button';
import { useLocale } from '../locale';
import { CompatCheckPanel } from './compat-check-panel';
import { type CheckOutcome, ConnectionCheck } from './connection-check';
import { EventQueueNotice } from './event-queue-notice';
import { Field } from './field';
import { NhanhOAuthGuide } from './nhanh-oauth-guide';

type Notice = { kind: 'success' | 'error'; text: string } | null;

/** The depots a shop's depot field suggests (one list shared by every shop of the form). */
const NHANH_DEPOTS_LIST = 'nhanh-depots';

/** "Cài đặt": Tiki shops, the Nhanh connection, sync options; validated inline, saved to storage.local. */

export function SettingsSection() {
  const { t, locale } = useLocale();
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [showAllErrors, setShowAllErrors] = useState(false);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<Notice>(null);
  /** Nhanh's depots from the last connection check, offered in each shop's depot field. */
  const [depots, setDepots] = useState<NhanhDepot[]>([]);
  const [includeSecrets, setIncludeSecrets] = useState(false);
  /** Nâng cao shows the API bases; only a development build lets them change (see `allowedApiBases`). */
  const apiBasesEditable = allowedApiBases(currentBuildMode()) === 'any';

  // Load once; a later language change must not discard what is being typed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: deliberately runs on mount only.
  useEffect(() => {
    void getSettingsDraft(locale).then(({ draft: stored, errors }) => {
      setDraft(toDraft(stored, DEFAULT_SETTINGS, newShopId));
      if (errors.length > 0) {
        setShowAllErrors(true);
        setNotice({ kind: 'error', text: t('settings.storedInvalid') });
      }
    });
  }, []);

  const errors: FieldError[] = useMemo(() => {
    if (!draft) return [];
    const validation = validateSettings(fromDraft(draft), locale);
    return validation.ok ? [] : validation.errors;
  }, [draft, locale]);

  if (!draft) return <p>{t('common.loading')}</p>;

  const errorAt = (path: string) =>
    showAllErrors || touched.has(path) ? errors.find((error) => error.path === path)?.problem : undefined;
  const touch = (path: string) => setTouched((previous) => new Set(previous).add(path));
  const update = (path: string, next: SettingsDraft) => {
    touch(path);
    setDraft(next);
    setNotice(null);
  };
  const updateShop = (index: number, patch: Partial<ShopDraft>) => {
    const path = `shops.${index}.${Object.keys(patch)[0]}`;
    update(path, {
      ...draft,
      shops: draft.shops.map((shop, i) => (i === index ? { ...shop, ...patch } : shop)),
    });
  };

  const save = async (): Promise<boolean> => {
    setShowAllErrors(true);
    const result = await saveSettings(fromDraft(draft), locale);
    if (!result.ok) {
      setNotice({ kind: 'error', text: t('settings.invalid', { count: result.errors.length }) });
      return false;
    }
    setNotice({ kind: 'success', text: t('settings.saved') });
    const db = await getDb();
    await logActivity(
      db,
      { level: 'info', source: 'settings', text: { key: 'settings.saved' } },
      { secrets: secretsOf(result.settings) },
    );
    return true;
  };

  /** Checks run on the saved settings, so the form is saved first. */
  const saveThen = async (check: () => Promise<CheckOutcome>): Promise<CheckOutcome> => {
    if (!(await save())) return { ok: false, text: t('connections.saveFirst') };
    return check();
  };

  const checkShop = (shopId: string) =>
    saveThen(async () => {
      const health = await sendMessage('checkTikiConnection', { shopId });
      return health.state === 'ok'
        ? { ok: true, text: t('connections.tikiOk', { name: health.remoteName ?? '' }) }
        : { ok: false, text: health.error ? translate(locale, health.error) : '' };
    });

  const checkNhanh = () =>
    saveThen(async () => {
      const { health, depots } = await sendMessage('checkNhanhConnection', undefined);
      if (health.state !== 'ok')
        return { ok: false, text: health.error ? translate(locale, health.error) : '' };
      setDepots(depots);
      const list = depots.map((depot) => `${depot.id} (${depot.name})`).join(', ');
      return {
        ok: true,
        text: `${t('connections.nhanhOk', { count: depots.length })} ${t('connections.depotHint', { depots: list })}`,
      };
    });

  const signInToNhanh = () =>
    saveThen(async () => {
      const result = await sendMessage('connectNhanh', undefined);
      if (!result.ok) return { ok: false, text: translate(locale, result.error) };
      const saved = await getSettings();
      setDraft(toDraft(saved, DEFAULT_SETTINGS, newShopId));
      const date = saved.nhanh.expiredAt ? formatDateTime(saved.nhanh.expiredAt * 1000, locale) : '';
      return { ok: true, text: t('connections.nhanhConnected', { date }) };
    });

  const exportFile = async () => {
    const saved = await getSettings();
    const blob = new Blob([exportSettingsFile(saved, includeSecrets)], { type: 'application/json' });
    downloadBlob(blob, `nhanh-tiki-settings-${fileDate()}.json`);
  };

  const importFile = async (file: File) => {
    const result = await importSettingsFromFile(await file.text(), file.name, locale);
    if (!result.ok) {
      setNotice({ kind: 'error', text: result.message });
      return;
    }
    setDraft(toDraft(result.settings, DEFAULT_SETTINGS, newShopId));
    setNotice({
      kind: 'success',
      text: t(result.keptSecrets ? 'settings.importedKeptSecrets' : 'settings.imported'),
    });
  };

  return (
    <form
      className="settings-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {notice && (
        <p className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}

      <Field label={t('field.language')}>
        {(props) => (
          <select
            {...props}
            value={draft.language}
            onChange={(e) =>
              update('language', { ...draft, language: e.target.value as SettingsDraft['language'] })
            }
          >
            {LOCALES.map((code) => (
              <option key={code} value={code}>
                {code === 'vi' ? 'Tiếng Việt' : 'English'}
              </option>
            ))}
          </select>
        )}
      </Field>

      <fieldset>
        <legend>{t('settings.shops')}</legend>
        {draft.shops.map((shop, index) => (
          <fieldset
            key={shop.id}
            className="shop-card"
            aria-label={shop.name || t('settings.shopN', { n: index + 1 })}
          >
            <legend>{shop.name || t('settings.shopN', { n: index + 1 })}</legend>
            <Field label={t('field.name')} error={errorAt(`shops.${index}.name`)}>
              {(props) => (
                <input
                  {...props}
                  value={shop.name}
                  onChange={(e) => updateShop(index, { name: e.target.value })}
                />
              )}
            </Field>
            <Field
              label={t('field.connectionKey')}
              hint={t('settings.hint.connectionKey')}
              error={errorAt(`shops.${index}.connectionKey`)}
            >
              {(props) => (
                <input
                  {...props}
                  type="password"
                  autoComplete="off"
                  spellCheck={false}
                  value={shop.connectionKey}
                  onChange={(e) => updateShop(index, { connectionKey: e.target.value })}
                />
              )}
            </Field>
            <div className="field-row">
              <Field
                label={t('field.clientId')}
                hint={t('settings.hint.app')}
                error={errorAt(`shops.${index}.clientId`)}
              >
                {(props) => (
                  <input
                    {...props}
                    autoComplete="off"
                    value={shop.clientId}
                    onChange={(e) => updateShop(index, { clientId: e.target.value })}
                  />
                )}
              </Field>
              <Field label={t('field.clientSecret')} error={errorAt(`shops.${index}.clientSecret`)}>
                {(props) => (
                  <input
                    {...props}
                    type="password"
                    autoComplete="off"
                    value={shop.clientSecret}
                    onChange={(e) => updateShop(index, { clientSecret: e.target.value })}
                  />
                )}
              </Field>
            </div>
            <Field label={t('field.nhanhDepotId')} error={errorAt(`shops.${index}.nhanhDepotId`)}>
              {(props) => (
                <input
                  {...props}
                  inputMode="numeric"
                  list={depots.length > 0 ? NHANH_DEPOTS_LIST : undefined}
                  value={shop.nhanhDepotId}
                  onChange={(e) => updateShop(index, { nhanhDepotId: e.target.value })}
                />
              )}
            </Field>
            <Field
              label={t('field.nhanhTransferAccountId')}
              hint={t('settings.hint.transferAccount')}
              error={errorAt(`shops.${index}.nhanhTransferAccountId`)}
            >
              {(props) => (
                <input
                  {...props}
                  inputMode="numeric"
                  value={shop.nhanhTransferAccountId}
                  onChange={(e) => updateShop(index, { nhanhTransferAccountId: e.target.value })}
                />
              )}
            </Field>
            <div className="field-row">
              <Field label={t('field.fbtOrders')} hint={t('settings.hint.fbtOrders')}>
                {(props) => (
                  <select
                    {...props}
                    value={shop.fbtOrders}
                    onChange={(e) =>
                      updateShop(index, { fbtOrders: e.target.value === 'import' ? 'import' : 'skip' })
                    }
                  >
                    <option value="skip">{t('settings.fbt.skip')}</option>
                    <option value="import">{t('settings.fbt.import')}</option>
                  </select>
                )}
              </Field>
              {shop.fbtOrders === 'import' && (
                <Field label={t('field.fbtDepotId')} error={errorAt(`shops.${index}.fbtDepotId`)}>
                  {(props) => (
                    <input
                      {...props}
                      inputMode="numeric"
                      list={depots.length > 0 ? NHANH_DEPOTS_LIST : undefined}
                      value={shop.fbtDepotId}
                      onChange={(e) => updateShop(index, { fbtDepotId: e.target.value })}
                    />
                  )}
                </Field>
              )}
            </div>
            {index === 0 && depots.length > 0 && (
              <datalist id={NHANH_DEPOTS_LIST}>
                {depots.map((depot) => (
                  <option key={depot.id} value={String(depot.id)}>
                    {depot.name}
                  </option>
                ))}
              </datalist>
            )}
            <div className="field-row">
              <Field
                label={t('field.defaultCustomerName')}
                hint={t('settings.hint.customer')}
                error={errorAt(`shops.${index}.defaultCustomerName`)}
              >
                {(props) => (
                  <input
                    {...props}
                    value={shop.defaultCustomerName}
                    onChange={(e) => updateShop(index, { defaultCustomerName: e.target.value })}
                  />
                )}
              </Field>
              <Field
                label={t('field.defaultCustomerPhone')}
                error={errorAt(`shops.${index}.defaultCustomerPhone`)}
              >
                {(props) => (
                  <input
                    {...props}
                    type="tel"
                    inputMode="tel"
                    value={shop.defaultCustomerPhone}
                    onChange={(e) => updateShop(index, { defaultCustomerPhone: e.target.value })}
                  />
                )}
              </Field>
            </div>
            <ConnectionCheck label={t('connections.check')} run={() => checkShop(shop.id)} />
            {shop.autoSync && draft.autoSync.enabled && <EventQueueNotice shopId={shop.id} />}
            <label className="checkbox">
              <input
                type="checkbox"
                checked={shop.autoSync}
                onChange={(e) => updateShop(index, { autoSync: e.target.checked })}
              />{' '}
              {t('field.autoSync')}
            </label>
            <button
              type="button"
              className="danger"
              onClick={() => update('shops', { ...draft, shops: draft.shops.filter((_, i) => i !== index) })}
            >
              {t('settings.removeShop')}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          onClick={() => update('shops', { ...draft, shops: [...draft.shops, newShopDraft(newShopId())] })}
        >
          {t('settings.addShop')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('settings.nhanh')}</legend>
        <div className="radio-row" role="radiogroup" aria-label={t('field.mode')}>
          {(['oauth', 'manual'] as const).map((mode) => (
            <label key={mode} className="checkbox">
              <input
                type="radio"
                name="nhanh-mode"
                checked={draft.nhanh.mode === mode}
                onChange={() => update('nhanh.mode', { ...draft, nhanh: { ...draft.nhanh, mode } })}
              />{' '}
              {t(`settings.mode.${mode}`)}
            </label>
          ))}
        </div>
        {draft.nhanh.mode === 'manual' && <p className="hint">{t('settings.hint.nhanhManual')}</p>}
        {draft.nhanh.mode === 'oauth' && (
          <>
            <NhanhOAuthGuide />
            <ConnectionCheck label={t('connections.connectNhanh')} run={signInToNhanh} />
          </>
        )}
        <div className="field-row">
          <Field label={t('field.appId')} error={errorAt('nhanh.appId')}>
            {(props) => (
              <input
                {...props}
                inputMode="numeric"
                value={draft.nhanh.appId}
                onChange={(e) =>
                  update('nhanh.appId', { ...draft, nhanh: { ...draft.nhanh, appId: e.target.value } })
                }
              />
            )}
          </Field>
          <Field label={t('field.secretKey')} error={errorAt('nhanh.secretKey')}>
            {(props) => (
              <input
                {...props}
                type="password"
                autoComplete="off"
                value={draft.nhanh.secretKey}
                onChange={(e) =>
                  update('nhanh.secretKey', {
                    ...draft,
                    nhanh: { ...draft.nhanh, secretKey: e.target.value },
                  })
                }
              />
            )}
          </Field>
        </div>
        <div className="field-row">
          <Field label={t('field.businessId')} error={errorAt('nhanh.businessId')}>
            {(props) => (
              <input
                {...props}
                inputMode="numeric"
                value={draft.nhanh.businessId}
                onChange={(e) =>
                  update('nhanh.businessId', {
                    ...draft,
                    nhanh: { ...draft.nhanh, businessId: e.target.value },
                  })
                }
              />
            )}
          </Field>
          <Field label={t('field.accessToken')} error={errorAt('nhanh.accessToken')}>
            {(props) => (
              <input
                {...props}
                type="password"
                autoComplete="off"
                value={draft.nhanh.accessToken}
                onChange={(e) =>
                  update('nhanh.accessToken', {
                    ...draft,
                    nhanh: { ...draft.nhanh, accessToken: e.target.value },
                  })
                }
              />
            )}
          </Field>
        </div>
        <ConnectionCheck label={t('connections.check')} run={checkNhanh} />
      </fieldset>

      <CompatCheckPanel shops={draft.shops} beforeStart={save} />

      <fieldset>
        <legend>{t('settings.sync')}</legend>
        <fieldset className="inline-group">
          <legend>{t('field.orderStatusFilter')}</legend>
          {ORDER_STATUS_GROUPS.map((group) => (
            <label key={group} className="checkbox">
              <input
                type="checkbox"
                checked={draft.orderStatusFilter.includes(group)}
                onChange={(e) =>
                  update('orderStatusFilter', {
                    ...draft,
                    orderStatusFilter: e.target.checked
                      ? ORDER_STATUS_GROUPS.filter((g) => g === group || draft.orderStatusFilter.includes(g))
                      : draft.orderStatusFilter.filter((g) => g !== group),
                  })
                }
              />{' '}
              {t(`settings.status.${group}`)}
            </label>
          ))}
          {errorAt('orderStatusFilter') && (
            <p className="error" role="alert">
              {errorAt('orderStatusFilter')}
            </p>
          )}
        </fieldset>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.autoSync.enabled}
            onChange={(e) =>
              update('autoSync.enabled', {
                ...draft,
                autoSync: { ...draft.autoSync, enabled: e.target.checked },
              })
            }
          />{' '}
          {t('field.enabled')}
        </label>
        <Field label={t('field.intervalMinutes')} error={errorAt('autoSync.intervalMinutes')}>
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              value={draft.autoSync.intervalMinutes}
              onChange={(e) =>
                update('autoSync.intervalMinutes', {
                  ...draft,
                  autoSync: { ...draft.autoSync, intervalMinutes: e.target.value },
                })
              }
            />
          )}
        </Field>
        <label className="checkbox">
          <input
            type="checkbox"
            name="alwaysFetchProducts"
            checked={draft.alwaysFetchProducts}
            onChange={(e) =>
              update('alwaysFetchProducts', { ...draft, alwaysFetchProducts: e.target.checked })
            }
          />{' '}
          {t('field.alwaysFetchProducts')}
        </label>
      </fieldset>

      <details className="advanced">
        <summary>{t('settings.advanced')}</summary>
        <p className="hint">{t(apiBasesEditable ? 'settings.hint.apiBase' : 'settings.hint.apiBaseFixed')}</p>
        {API_NAMES.map((api) => (
          <Field key={api} label={t(`field.${api}`)} error={errorAt(`apiBase.${api}`)}>
            {(props) => (
              <input
                {...props}
                type="url"
                readOnly={!apiBasesEditable}
                value={draft.apiBase[api]}
                onChange={(e) =>
                  update(`apiBase.${api}`, { ...draft, apiBase: { ...draft.apiBase, [api]: e.target.value } })
                }
              />
            )}
          </Field>
        ))}
      </details>

      <div className="actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
      </div>

      <fieldset className="transfer">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={includeSecrets}
            onChange={(e) => setIncludeSecrets(e.target.checked)}
          />{' '}
          {t('settings.exportSecrets')}
        </label>
        <button type="button" onClick={() => void exportFile()}>
          {t('settings.export')}
        </button>
        <FileButton
          label={t('settings.import')}
          accept="application/json,.json"
          onFile={(file) => void importFile(file)}
        />
      </fieldset>
    </form>
  );
}
