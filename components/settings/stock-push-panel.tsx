import { useCallback, useEffect, useState } from 'react';
import type { ShopDraft, StockPushDraft } from '../../lib/config/settings-form';
import { translate } from '../../lib/i18n';
import { formatDateTime } from '../../lib/i18n/format';
import { type NhanhDepot, sendMessage } from '../../lib/messaging';
import type { FieldError } from '../../lib/settings';
import type { StockPushSetup, StockWarehouseChoice } from '../../lib/stock/types';
import { useLocale } from '../locale';
import { CapabilityNotice, InHouseAppHint } from '../stock/capability-notice';
import { Field } from './field';
import '../stock/stock.css';

/** A change to one field of the panel, applied to the latest draft (the warehouse list may land while typing). */
export type StockPushChange = (field: string, change: (push: StockPushDraft) => StockPushDraft) => void;

/** The first problem of a shop's stock-push field, including those of its items (`nhanhDepotIds.1`). */
export function stockPushProblem(
  errors: readonly FieldError[],
  shopIndex: number,
  field: string,
): string | undefined {
  const path = `shops.${shopIndex}.stockPush.${field}`;
  return errors.find((error) => error.path === path || error.path.startsWith(`${path}.`))?.problem;
}

/** The warehouses to tick for the seller when none is chosen yet: the primary one, or the only one. */
function defaultWarehouses(warehouses: readonly StockWarehouseChoice[]): number[] {
  const chosen =
    warehouses.length === 1 ? warehouses[0] : warehouses.find((warehouse) => warehouse.isPrimary);
  return chosen ? [chosen.id] : [];
}

/**
 * Cài đặt → a shop → "Đồng bộ tồn kho lên Tiki": opt-in, the Nhanh depots summed, the Tiki warehouses (listed by
 * the worker from `sellers/me/warehouses` with the shop's saved credentials), the rules in the order they apply
 * and the flash-sale window. Says in plain words when Tiki does not let the shop update stock.
 */
export function StockPushPanel({
  shop,
  depots,
  errorAt,
  onChange,
}: {
  shop: ShopDraft;
  /** Nhanh's depots from the last connection check, named in the depot hint. */
  depots: readonly NhanhDepot[];
  /** The validation message of a field of the panel (`threshold`, `buffer.value`, `freeze.to`…), once shown. */
  errorAt: (field: string) => string | undefined;
  onChange: StockPushChange;
}) {
  const { t, locale } = useLocale();
  const push = shop.stockPush;
  const [setup, setSetup] = useState<StockPushSetup | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const answer = await sendMessage('getStockPushSetup', { shopId: shop.id });
      // The worker reads the saved shop: a shop only in the form is not there yet.
      setSetup(
        !answer.ok && answer.error.key === 'stock.err.noShop'
          ? { ok: false, error: { key: 'stock.form.saveFirst' } }
          : answer,
      );
      if (answer.ok)
        onChange('tikiWarehouseIds', (current) =>
          current.tikiWarehouseIds.length > 0
            ? current
            : { ...current, tikiWarehouseIds: defaultWarehouses(answer.warehouses) },
        );
    } catch (error) {
      setSetup({
        ok: false,
        error: { key: 'error.unexpected', params: { message: (error as Error).message } },
      });
    } finally {
      setLoading(false);
    }
  }, [shop.id, onChange]);

  // A shop that pushes already: its warehouses and capability as soon as the section opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads once per shop, not on every keystroke.
  useEffect(() => {
    if (push.enabled) void load();
  }, [shop.id]);

  const set = (field: string, patch: Partial<StockPushDraft>) =>
    onChange(field, (current) => ({ ...current, ...patch }));

  const toggleWarehouse = (id: number, ticked: boolean) =>
    onChange('tikiWarehouseIds', (current) => ({
      ...current,
      tikiWarehouseIds: ticked
        ? [...current.tikiWarehouseIds.filter((chosen) => chosen !== id), id]
        : current.tikiWarehouseIds.filter((chosen) => chosen !== id),
    }));

  const listed = setup?.ok ? setup.warehouses : [];
  // A warehouse chosen earlier that Tiki no longer lists stays visible, so the seller can untick it.
  const gone = push.tikiWarehouseIds.filter((id) => !listed.some((warehouse) => warehouse.id === id));
  const warehouseError = errorAt('tikiWarehouseIds');
  const capability = setup?.ok ? setup.capability : ({ state: 'unknown' } as const);
  const refused = capability.state === 'cannotUpdate' || capability.state === 'authRefused';
  const hasApp = shop.clientId.trim() !== '' && shop.clientSecret.trim() !== '';

  return (
    <fieldset className="stock-push" aria-label={t('field.stockPush')}>
      <legend>{t('field.stockPush')}</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          name="stockPush.enabled"
          checked={push.enabled}
          onChange={(event) => {
            const enabled = event.target.checked;
            // The depot orders go to is the likeliest one to count: offered, never hidden.
            set('enabled', {
              enabled,
              ...(enabled && push.nhanhDepotIds.trim() === '' ? { nhanhDepotIds: shop.nhanhDepotId } : {}),
            });
            if (enabled && !setup) void load();
          }}
        />{' '}
        {t('stock.form.enable')}
      </label>
      <p className="hint">{t('stock.form.intro')}</p>

      {push.enabled && (
        <>
          {refused ? <CapabilityNotice capability={capability} /> : !hasApp && <InHouseAppHint />}

          <Field
            label={t('field.nhanhDepotIds')}
            hint={`${t('stock.form.depotsHint')}${
              depots.length > 0
                ? ` ${t('stock.form.depotsKnown', {
                    depots: depots.map((depot) => `${depot.id} (${depot.name})`).join(', '),
                  })}`
                : ''
            }`}
            error={errorAt('nhanhDepotIds')}
          >
            {(props) => (
              <input
                {...props}
                name="stockPush.nhanhDepotIds"
                inputMode="numeric"
                value={push.nhanhDepotIds}
                onChange={(event) => set('nhanhDepotIds', { nhanhDepotIds: event.target.value })}
              />
            )}
          </Field>

          <fieldset
            className="inline-group stock-warehouses"
            aria-describedby={`stock-warehouses-hint-${shop.id}`}
          >
            <legend>{t('field.tikiWarehouseIds')}</legend>
            {listed.map((warehouse) => (
              <label key={warehouse.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={push.tikiWarehouseIds.includes(warehouse.id)}
                  onChange={(event) => toggleWarehouse(warehouse.id, event.target.checked)}
                />{' '}
                {warehouse.name} (#{warehouse.id})
                {warehouse.isPrimary && <span className="muted"> · {t('stock.form.primary')}</span>}
              </label>
            ))}
            {gone.map((id) => (
              <label key={id} className="checkbox warning">
                <input type="checkbox" checked onChange={() => toggleWarehouse(id, false)} />{' '}
                {t('stock.form.goneWarehouse', { id })}
              </label>
            ))}
            {setup?.ok && listed.length === 0 && <p className="warning">{t('stock.form.noWarehouses')}</p>}
            {setup && !setup.ok && (
              <p className="error" role="alert">
                {translate(locale, setup.error)}
              </p>
            )}
            <p id={`stock-warehouses-hint-${shop.id}`} className="hint">
              {t('stock.form.warehousesHint')}
            </p>
            {warehouseError && (
              <p className="error" role="alert">
                {warehouseError}
              </p>
            )}
            <button type="button" disabled={loading} onClick={() => void load()}>
              {loading ? t('stock.form.loadingWarehouses') : t('stock.form.loadWarehouses')}
            </button>
          </fieldset>

          <fieldset className="inline-group stock-rules">
            <legend>{t('stock.form.rules')}</legend>
            <ol>
              <li>
                <div className="field-row">
                  <Field
                    label={t('field.buffer')}
                    hint={t('stock.form.bufferHint')}
                    error={errorAt('buffer.value')}
                  >
                    {(props) => (
                      <input
                        {...props}
                        name="stockPush.buffer"
                        inputMode="numeric"
                        value={push.bufferValue}
                        onChange={(event) => set('buffer.value', { bufferValue: event.target.value })}
                      />
                    )}
                  </Field>
                  <Field label={t('stock.form.bufferUnit')}>
                    {(props) => (
                      <select
                        {...props}
                        value={push.bufferUnit}
                        onChange={(event) =>
                          set('buffer.value', {
                            bufferUnit: event.target.value === 'percent' ? 'percent' : 'units',
                          })
                        }
                      >
                        <option value="units">{t('stock.form.unit.units')}</option>
                        <option value="percent">{t('stock.form.unit.percent')}</option>
                      </select>
                    )}
                  </Field>
                </div>
              </li>
              <li>
                <Field
                  label={t('field.threshold')}
                  hint={t('stock.form.thresholdHint')}
                  error={errorAt('threshold')}
                >
                  {(props) => (
                    <input
                      {...props}
                      name="stockPush.threshold"
                      inputMode="numeric"
                      value={push.threshold}
                      onChange={(event) => set('threshold', { threshold: event.target.value })}
                    />
                  )}
                </Field>
              </li>
              <li>
                <Field label={t('field.cap')} hint={t('stock.form.capHint')} error={errorAt('cap')}>
                  {(props) => (
                    <input
                      {...props}
                      name="stockPush.cap"
                      inputMode="numeric"
                      value={push.cap}
                      onChange={(event) => set('cap', { cap: event.target.value })}
                    />
                  )}
                </Field>
              </li>
              <li>
                <p>{t('stock.form.negative')}</p>
              </li>
            </ol>
          </fieldset>

          <label className="checkbox">
            <input
              type="checkbox"
              name="stockPush.freeze"
              checked={push.freezeOn}
              onChange={(event) => set('freeze', { freezeOn: event.target.checked })}
            />{' '}
            {t('stock.form.freezeOn')}
          </label>
          {push.freezeOn && (
            <div className="field-row">
              <Field label={t('field.from')} hint={t('stock.form.freezeHint')} error={errorAt('freeze.from')}>
                {(props) => (
                  <input
                    {...props}
                    type="datetime-local"
                    value={push.freezeFrom}
                    onChange={(event) => set('freeze.from', { freezeFrom: event.target.value })}
                  />
                )}
              </Field>
              <Field label={t('field.to')} hint={t('stock.form.freezeHint')} error={errorAt('freeze.to')}>
                {(props) => (
                  <input
                    {...props}
                    type="datetime-local"
                    value={push.freezeTo}
                    onChange={(event) => set('freeze.to', { freezeTo: event.target.value })}
                  />
                )}
              </Field>
            </div>
          )}

          {setup?.ok && (
            <p className="hint">
              {setup.approvedAt === null
                ? t('stock.form.notApproved')
                : t('stock.form.approved', { time: formatDateTime(setup.approvedAt, locale) })}
            </p>
          )}
          <a className="button" href="#stock">
            {t('stock.form.goToPreview')}
          </a>
        </>
      )}
    </fieldset>
  );
}
