import { useCallback, useEffect, useState } from 'react';
import { getDb, type ReconciliationRecord, type StatementRecord } from '../../lib/db';
import { translate } from '../../lib/i18n';
import { formatVnd } from '../../lib/i18n/format';
import { jobIdOf } from '../../lib/jobs/views';
import { refreshReconcileAttention } from '../../lib/reconcile/attention';
import { rematchInDashboard } from '../../lib/reconcile/dashboard-import';
import { claimsWorkbook, feeLabel, reportWorkbook, templateWorkbook } from '../../lib/reconcile/export';
import { type PaymentCorrection, paymentCorrections, recordedCount } from '../../lib/reconcile/payments';
import { findingsOf, linesOf, markReconciled } from '../../lib/reconcile/store';
import { useJobViews } from '../common/use-job-views';
import { useLocale } from '../locale';
import { downloadBytes, fileStem } from './download';
import { FeeChart } from './fee-chart';
import { NhanhPayments } from './nhanh-payments';
import { OrderTable } from './order-table';
import { openProblems, periodText } from './statement-list';

/** One statement: summary cards, checks, fee chart, claims, exports and the order table. */
export function StatementView({
  statement,
  hasRates,
  onChanged,
}: {
  statement: StatementRecord;
  hasRates: boolean;
  onChanged: () => void;
}) {
  const { t, locale } = useLocale();
  const [findings, setFindings] = useState<ReconciliationRecord[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [corrections, setCorrections] = useState<PaymentCorrection[]>([]);
  const match = useJobViews()[jobIdOf('reconcile-match', statement.id)];
  const matching = match?.state === 'running';
  // The worker's match just ended: the stored statement changed under this view.
  const matchEnded = match && !matching ? match.updatedAt : null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `matchEnded` is the reload trigger.
  useEffect(() => {
    if (matchEnded !== null) onChanged();
  }, [matchEnded]);
  const load = useCallback(async () => {
    const db = await getDb();
    const loaded = await findingsOf(db, statement.id);
    setFindings(loaded);
    setCorrections(await paymentCorrections(db, statement.id, loaded));
  }, [statement.id]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the record changes (marks, rematch).
  useEffect(() => {
    void load();
  }, [load, statement]);

  const { detail } = statement;
  const orderCount = Object.values(detail.counts).reduce((sum, count) => sum + count, 0);
  const stem = fileStem(statement.fileName);
  const payments = recordedCount(findings);

  const mark = async (codes: string[], reconciled: boolean) => {
    const db = await getDb();
    const changed = await markReconciled(db, statement.id, codes, reconciled, Date.now());
    await refreshReconcileAttention(db);
    setNotice(t('reconcile.marked', { count: changed }));
    onChanged();
  };
  const exportReport = () =>
    downloadBytes(
      reportWorkbook(locale, {
        fileName: statement.fileName,
        period:
          statement.periodFrom !== null && statement.periodTo !== null
            ? { from: statement.periodFrom, to: statement.periodTo }
            : null,
        payout: statement.payout ?? 0,
        report: detail,
        orders: findings,
      }),
      `doi-soat-${stem}.xlsx`,
    );
  const exportTemplate = async () => {
    const lines = await linesOf(await getDb(), statement.id);
    downloadBytes(templateWorkbook(lines), `mau-${stem}.xlsx`);
  };
  const rematch = async () => {
    setNotice(null);
    await rematchInDashboard(statement.id);
  };

  return (
    <section className="reconcile-statement" aria-label={statement.fileName}>
      <h3>
        {periodText(statement.periodFrom, statement.periodTo)} · {statement.fileName}
      </h3>
      <p className="muted">
        {t('reconcile.col.basis')}: {t(`reconcile.basis.${detail.basis}`)}
      </p>
      <div className="reconcile-cards">
        <Card label={t('reconcile.col.payout')} value={formatVnd(statement.payout ?? 0)} />
        <Card label={t('reconcile.card.lines')} value={String(statement.lineCount)} />
        <Card label={t('reconcile.card.orders')} value={String(orderCount)} />
        <Card label={t('reconcile.state.matched')} value={String(detail.counts.matched)} />
        <Card
          label={t('reconcile.card.problems')}
          value={String(openProblems(statement))}
          attention={openProblems(statement) > 0}
        />
        <Card
          label={t('reconcile.pay.card')}
          value={t('reconcile.pay.count', { recorded: payments.recorded, eligible: payments.eligible })}
        />
        <Card label={t('reconcile.col.feeTotal')} value={formatVnd(detail.totals.feeTotal)} />
        <Card
          label={t('reconcile.card.feeRate')}
          value={
            detail.totals.gross > 0
              ? `${((detail.totals.feeTotal / detail.totals.gross) * 100).toFixed(2)}%`
              : '—'
          }
        />
        <Card
          label={t('reconcile.card.claims')}
          value={String(detail.claims.length)}
          attention={detail.claims.length > 0}
        />
      </div>

      <ul className="reconcile-checks">
        {detail.totalChecks.map((check) => (
          <li key={check.sheet} className={check.difference === 0 ? 'check-ok' : 'check-bad attention'}>
            {check.difference === 0
              ? t('reconcile.totalCheck.ok', { sheet: check.sheet, amount: formatVnd(check.declared) })
              : t('reconcile.totalCheck.bad', {
                  sheet: check.sheet,
                  declared: formatVnd(check.declared),
                  computed: formatVnd(check.computed),
                  difference: formatVnd(check.difference),
                })}
          </li>
        ))}
        {detail.overlap.lineCount > 0 && (
          <li>
            {t('reconcile.overlapNote', {
              count: detail.overlap.lineCount,
              amount: formatVnd(detail.overlap.netAmount),
            })}
          </li>
        )}
        {detail.unassigned.lineCount > 0 && (
          <li>
            {t('reconcile.unassigned', {
              count: detail.unassigned.lineCount,
              amount: formatVnd(detail.unassigned.netAmount),
            })}
          </li>
        )}
        {detail.warningCount > 0 && detail.warnings[0] && (
          <li className="warning">
            {t('reconcile.warnings', {
              count: detail.warningCount,
              sheet: detail.warnings[0].sheet,
              row: detail.warnings[0].row,
            })}
          </li>
        )}
        {detail.ignoredSheets.length > 0 && (
          <li className="muted">
            {t('reconcile.ignoredSheets', { sheets: detail.ignoredSheets.join(', ') })}
          </li>
        )}
        {detail.sheets
          .filter((sheet) => sheet.unknownColumns.length > 0)
          .map((sheet) => (
            <li key={`unknown-${sheet.name}`} className="muted">
              {t('reconcile.unknownColumns', { sheet: sheet.name, columns: sheet.unknownColumns.join(', ') })}
            </li>
          ))}
      </ul>

      <div className="reconcile-columns">
        <FeeChart fees={detail.fees} gross={detail.totals.gross} />
        <div className="reconcile-claims">
          <h4>{t('reconcile.claims.title')}</h4>
          {!hasRates ? (
            <p className="muted">{t('reconcile.claims.noRates')}</p>
          ) : detail.claims.length === 0 ? (
            <p className="muted">{t('reconcile.claims.none')}</p>
          ) : (
            <table className="log-table">
              <thead>
                <tr>
                  <th>{t('reconcile.col.orderCode')}</th>
                  <th>{t('reconcile.col.feeType')}</th>
                  <th className="number">{t('reconcile.col.expectedFee')}</th>
                  <th className="number">{t('reconcile.col.chargedFee')}</th>
                  <th className="number">{t('reconcile.col.claimDifference')}</th>
                </tr>
              </thead>
              <tbody>
                {detail.claims.slice(0, 200).map((claim) => (
                  <tr key={`${claim.orderCode}-${claim.feeType}`}>
                    <td>{claim.orderCode}</td>
                    <td>{feeLabel(locale, claim.feeType)}</td>
                    <td className="number">{formatVnd(claim.expectedFee)}</td>
                    <td className="number">{formatVnd(claim.chargedFee)}</td>
                    <td className="number attention">{formatVnd(claim.difference)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>

      <div className="actions reconcile-exports">
        <button type="button" className="primary" onClick={exportReport}>
          {t('reconcile.export.report')}
        </button>
        <button
          type="button"
          disabled={detail.claims.length === 0}
          onClick={() => downloadBytes(claimsWorkbook(locale, detail.claims), `khieu-nai-phi-${stem}.xlsx`)}
        >
          {t('reconcile.export.claims')}
        </button>
        <button type="button" onClick={() => void exportTemplate()}>
          {t('reconcile.export.template')}
        </button>
        <button type="button" disabled={matching} onClick={() => void rematch()}>
          {t('reconcile.rematch')}
        </button>
      </div>
      {matching && (
        <p className="notice" role="status">
          {t('reconcile.matching')}
        </p>
      )}
      {match?.state === 'failed' && match.error && (
        <p className="notice notice-error" role="alert">
          {translate(locale, match.error)}
        </p>
      )}
      {notice && (
        <div className="notice notice-success" role="status">
          {notice}
        </div>
      )}
      <NhanhPayments
        statement={statement}
        matching={matching}
        onChanged={() => {
          void load();
          onChanged();
        }}
      />
      {corrections.length > 0 && (
        <div className="reconcile-corrections">
          <h4>{t('reconcile.pay.corrections.title')}</h4>
          <p className="hint">{t('reconcile.pay.corrections.note')}</p>
          <table className="log-table" aria-label={t('reconcile.pay.corrections.title')}>
            <thead>
              <tr>
                <th>{t('reconcile.pay.col.order')}</th>
                <th>{t('reconcile.pay.col.nhanhOrder')}</th>
                <th className="number">{t('reconcile.pay.col.recordedAmount')}</th>
                <th className="number">{t('reconcile.pay.col.correction')}</th>
              </tr>
            </thead>
            <tbody>
              {corrections.map((correction) => (
                <tr key={`${correction.orderCode}-${correction.recordedIn}`}>
                  <td>{correction.orderCode}</td>
                  <td>{correction.nhanhOrderId}</td>
                  <td className="number">{formatVnd(correction.recordedAmount)}</td>
                  <td className="number attention">{formatVnd(correction.correction)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <OrderTable findings={findings} onMark={mark} />
    </section>
  );
}

function Card({ label, value, attention }: { label: string; value: string; attention?: boolean }) {
  return (
    <div className={`reconcile-card${attention ? ' attention' : ''}`}>
      <span className="card-label">{label}</span>
      <strong className="card-value">{value}</strong>
    </div>
  );
}
