import { useEffect, useState } from 'react';
import { getDb, type StatementRecord } from '../../lib/db';
import { type LocalizedText, translate } from '../../lib/i18n';
import { formatVnd } from '../../lib/i18n/format';
import { jobIdOf } from '../../lib/jobs/views';
import { sendMessage } from '../../lib/messaging';
import {
  canAddByHand,
  exclusionText,
  type PaymentPreview,
  type PaymentResult,
  paymentResultsOf,
} from '../../lib/reconcile/payments';
import { useJobViews } from '../common/use-job-views';
import { useLocale } from '../locale';

/**
 * "Ghi nhận thanh toán vào Nhanh": the worker reads each order's transfer in Nhanh and the seller sees exactly
 * what would be recorded (and what is left out, and why) before one confirm; the worker then records them (it
 * goes on if this tab closes) and each order's result, Nhanh's refusal included, is shown when it ends.
 */
export function NhanhPayments({
  statement,
  matching,
  onChanged,
}: {
  statement: StatementRecord;
  /** The worker is matching the statement again: its findings are about to change, so wait for it. */
  matching: boolean;
  onChanged: () => void;
}) {
  const { t, locale } = useLocale();
  const jobId = jobIdOf('nhanh-payments', statement.id);
  const view = useJobViews()[jobId];
  const [preview, setPreview] = useState<PaymentPreview | null>(null);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<LocalizedText | null>(null);
  const [results, setResults] = useState<PaymentResult[] | null>(null);
  /** Orders not "khớp" the seller added by hand, each after confirming it; asking about `confirmingAdd` now. */
  const [addedByHand, setAddedByHand] = useState<string[]>([]);
  const [confirmingAdd, setConfirmingAdd] = useState<string | null>(null);
  const running = view?.state === 'running';
  const endedAt = view && !running ? view.updatedAt : null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `endedAt` is the reload trigger.
  useEffect(() => {
    if (endedAt === null) return;
    void getDb()
      .then((db) => db.get('jobs', jobId))
      .then((job) => {
        setResults(paymentResultsOf(job?.cursor));
        if (view?.error) setError(view.error);
        onChanged();
      });
  }, [endedAt]);

  async function readPreview(added: string[]) {
    setError(null);
    setResults(null);
    setReading(true);
    const answer = await sendMessage('previewNhanhPayments', {
      statementId: statement.id,
      addedByHand: added,
    }).finally(() => setReading(false));
    if (answer.ok) setPreview(answer.preview);
    else setError(answer.error);
  }

  // The preview is read again with the order in it: Nhanh's transfer for it is checked like every other row's.
  function addByHand(orderCode: string) {
    const added = [...addedByHand, orderCode];
    setAddedByHand(added);
    setConfirmingAdd(null);
    void readPreview(added);
  }

  function closePreview() {
    setPreview(null);
    setAddedByHand([]);
    setConfirmingAdd(null);
  }

  async function confirm() {
    setError(null);
    const answer = await sendMessage('startNhanhPayments', { statementId: statement.id, addedByHand });
    if (answer.started) closePreview();
    else setError(answer.error);
  }

  const total = preview?.rows.reduce((sum, row) => sum + row.amount, 0) ?? 0;
  const summary = view?.summary as { total?: number | null } | undefined;

  return (
    <section className="reconcile-payments" aria-label={t('reconcile.pay.button')}>
      {!preview && !running && (
        <button type="button" disabled={reading || matching} onClick={() => void readPreview([])}>
          {t('reconcile.pay.button')}
        </button>
      )}
      {reading && <p role="status">{t('reconcile.pay.reading')}</p>}
      {running && (
        <div className="download-progress" aria-live="polite">
          <label>
            {t('reconcile.pay.running', { done: view.progress.done, total: summary?.total ?? '…' })}
            <progress
              max={view.progress.total ?? undefined}
              value={view.progress.total ? view.progress.done : undefined}
            />
          </label>
          <button type="button" className="danger" onClick={() => void sendMessage('cancelJob', { jobId })}>
            {t('reconcile.pay.cancel')}
          </button>
        </div>
      )}
      {error && (
        <p className="notice notice-error" role="alert">
          {translate(locale, error)}
        </p>
      )}
      {preview && (
        <div role="dialog" aria-label={t('reconcile.pay.button')}>
          <h4>{t('reconcile.pay.button')}</h4>
          <p className="hint">{t('reconcile.pay.note')}</p>
          {preview.rows.length === 0 ? (
            <p className="muted">{t('reconcile.pay.nothing')}</p>
          ) : (
            <table className="log-table" aria-label={t('reconcile.pay.button')}>
              <thead>
                <tr>
                  <th>{t('reconcile.pay.col.order')}</th>
                  <th>{t('reconcile.pay.col.nhanhOrder')}</th>
                  <th className="number">{t('reconcile.pay.col.amount')}</th>
                  <th className="number">{t('reconcile.pay.col.nhanhTransfer')}</th>
                  <th>{t('reconcile.pay.col.reference')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((row) => (
                  <tr key={row.orderCode}>
                    <td>
                      {row.orderCode}
                      {addedByHand.includes(row.orderCode) && (
                        <span className="muted"> ({t('reconcile.pay.addedByHand')})</span>
                      )}
                    </td>
                    <td>{row.nhanhOrderId}</td>
                    <td className="number">{formatVnd(row.amount)}</td>
                    <td className="number">{formatVnd(row.nhanhTransfer)}</td>
                    <td>{row.code}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.excluded.length > 0 && (
            <details>
              <summary>{t('reconcile.pay.excluded', { count: preview.excluded.length })}</summary>
              <table className="log-table">
                <thead>
                  <tr>
                    <th>{t('reconcile.pay.col.order')}</th>
                    <th>{t('reconcile.pay.col.nhanhOrder')}</th>
                    <th className="number">{t('reconcile.pay.col.amount')}</th>
                    <th>{t('reconcile.pay.col.reason')}</th>
                    <th>{t('reconcile.pay.col.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.excluded.map((row) => (
                    <tr key={row.orderCode}>
                      <td>{row.orderCode}</td>
                      <td>{row.nhanhOrderId ?? '—'}</td>
                      <td className="number">{formatVnd(row.amount)}</td>
                      <td>{translate(locale, exclusionText(row.reason, row.nhanhTransfer))}</td>
                      <td>
                        {canAddByHand(row) &&
                          (confirmingAdd === row.orderCode ? (
                            <span>
                              {t('reconcile.pay.addConfirm', {
                                order: row.orderCode,
                                amount: formatVnd(row.amount),
                              })}{' '}
                              <button
                                type="button"
                                disabled={reading}
                                onClick={() => addByHand(row.orderCode)}
                              >
                                {t('reconcile.pay.addYes')}
                              </button>{' '}
                              <button type="button" onClick={() => setConfirmingAdd(null)}>
                                {t('reconcile.pay.addNo')}
                              </button>
                            </span>
                          ) : (
                            <button type="button" onClick={() => setConfirmingAdd(row.orderCode)}>
                              {t('reconcile.pay.add')}
                            </button>
                          ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={preview.rows.length === 0}
              onClick={() => void confirm()}
            >
              {t('reconcile.pay.confirm', { count: preview.rows.length, amount: formatVnd(total) })}
            </button>
            <button type="button" onClick={closePreview}>
              {t('reconcile.pay.close')}
            </button>
          </div>
        </div>
      )}
      {results && results.length > 0 && !running && !preview && (
        <div>
          <p className="notice" role="status">
            {t('reconcile.pay.finished', {
              recorded: results.filter((result) => result.outcome === 'recorded').length,
              skipped: results.filter((result) => result.outcome === 'skipped').length,
              failed: results.filter((result) => result.outcome === 'failed').length,
            })}
          </p>
          <table className="log-table" aria-label={t('reconcile.pay.col.result')}>
            <thead>
              <tr>
                <th>{t('reconcile.pay.col.order')}</th>
                <th>{t('reconcile.pay.col.nhanhOrder')}</th>
                <th className="number">{t('reconcile.pay.col.amount')}</th>
                <th>{t('reconcile.pay.col.result')}</th>
              </tr>
            </thead>
            <tbody>
              {results.map((result) => (
                <tr key={result.orderCode}>
                  <td>{result.orderCode}</td>
                  <td>{result.nhanhOrderId}</td>
                  <td className="number">{formatVnd(result.amount)}</td>
                  <td className={result.outcome === 'recorded' ? 'check-ok' : 'check-error'}>
                    {t(`reconcile.pay.outcome.${result.outcome}`)}
                    {result.reason && `: ${translate(locale, result.reason)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
