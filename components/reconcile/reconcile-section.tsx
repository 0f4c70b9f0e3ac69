import { type DragEvent, useCallback, useEffect, useRef, useState } from 'react';
import { getDb, type StatementRecord } from '../../lib/db';
import { type LocalizedText, translate } from '../../lib/i18n';
import { contractRatesItem, getContractRates } from '../../lib/reconcile/contract-rates-item';
import { importStatementFile } from '../../lib/reconcile/dashboard-import';
import { templateWorkbook } from '../../lib/reconcile/export';
import { parseInWorker } from '../../lib/reconcile/parse-in-worker';
import {
  pendingStatementItem,
  pickerRequestItem,
  takePendingStatement,
  takePickerRequest,
} from '../../lib/reconcile/pending-file';
import { StatementFileError } from '../../lib/reconcile/statement-error';
import { listStatements } from '../../lib/reconcile/store';
import { useLocale } from '../locale';
import { ContractRatesForm } from './contract-rates-form';
import { downloadBytes } from './download';
import { PeriodTrend } from './period-trend';
import { StatementList } from './statement-list';
import { StatementView } from './statement-view';
import './reconcile.css';

type Notice = { kind: 'success' | 'error' | 'info'; text: LocalizedText };

const ACCEPT =
  '.xlsx,.xls,.csv,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv';

/** "Đối soát": import Tiki statements, see each order's state and fees, mark reconciled, export. */
export function ReconcileSection() {
  const { t, locale } = useLocale();
  const [statements, setStatements] = useState<StatementRecord[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pickerNote, setPickerNote] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [hasRates, setHasRates] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const pickerRef = useRef<HTMLButtonElement>(null);

  const refresh = useCallback(async (select?: string) => {
    const list = await listStatements(await getDb());
    setStatements(list);
    setSelectedId((current) => select ?? current ?? list[0]?.id ?? null);
  }, []);
  const refreshRates = useCallback(async () => {
    const rates = await getContractRates();
    setHasRates(
      rates.commissionPercent !== null ||
        rates.paymentPercent !== null ||
        rates.commissionBySkuPrefix.length > 0,
    );
  }, []);

  const importFile = useCallback(
    async (fileName: string, bytes: Uint8Array) => {
      setBusy(fileName);
      setNotice(null);
      try {
        const outcome = await importStatementFile({ fileName, bytes }, { parse: parseInWorker });
        setNotice(
          outcome.status === 'already'
            ? { kind: 'info', text: { key: 'reconcile.already', params: { file: fileName } } }
            : {
                kind: 'success',
                text: {
                  key: 'reconcile.imported',
                  params: { file: fileName, lines: outcome.statement.lineCount },
                },
              },
        );
        await refresh(outcome.statement.id);
      } catch (error) {
        setNotice({
          kind: 'error',
          text: error instanceof StatementFileError ? error.text : { key: 'reconcile.err.storage' },
        });
      } finally {
        setBusy(null);
      }
    },
    [refresh],
  );

  // The seller-center hand-off: a fetched statement to import, or a request to pick the emailed file.
  useEffect(() => {
    let active = true;
    const takeHandOff = async () => {
      const pending = await takePendingStatement();
      if (pending && active) await importFile(pending.fileName, pending.bytes);
      if ((await takePickerRequest()) && active) {
        setPickerNote(true);
        pickerRef.current?.focus();
      }
    };
    void refresh();
    void refreshRates();
    void takeHandOff();
    const stopPending = pendingStatementItem.watch((value) => value && void takeHandOff());
    const stopPicker = pickerRequestItem.watch((value) => value !== null && void takeHandOff());
    const stopRates = contractRatesItem.watch(() => void refreshRates());
    return () => {
      active = false;
      stopPending();
      stopPicker();
      stopRates();
    };
  }, [importFile, refresh, refreshRates]);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setPickerNote(false);
    await importFile(file.name, new Uint8Array(await file.arrayBuffer()));
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void readFile(event.dataTransfer.files[0]);
  };

  const selected = statements.find((statement) => statement.id === selectedId) ?? null;
  return (
    <section className="reconcile" aria-label={t('reconcile.section.label')}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target; keyboard users have the button inside. */}
      <div
        className={`reconcile-drop${dragging ? ' dragging' : ''}${pickerNote ? ' highlighted' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>
          {t('reconcile.drop.title')}{' '}
          <button
            ref={pickerRef}
            type="button"
            className="primary"
            disabled={busy !== null}
            onClick={() => inputRef.current?.click()}
          >
            {t('reconcile.drop.choose')}
          </button>
          <input
            ref={inputRef}
            type="file"
            accept={ACCEPT}
            hidden
            data-testid="statement-input"
            onChange={(event) => {
              void readFile(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </p>
        <p className="hint">{t('reconcile.drop.hint')}</p>
        {pickerNote && (
          <p className="notice" role="status">
            {t('reconcile.drop.fromSellerCenter')}
          </p>
        )}
        <button
          type="button"
          className="link"
          onClick={() => downloadBytes(templateWorkbook(), 'mau-sao-ke-tiki.xlsx')}
        >
          {t('reconcile.template')}
        </button>
      </div>
      {busy && (
        <p className="reconcile-busy" role="status">
          <progress /> {t('reconcile.importing', { file: busy })}
        </p>
      )}
      {notice && (
        <div
          className={`notice notice-${notice.kind === 'info' ? 'success' : notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          {translate(locale, notice.text)}
        </div>
      )}
      <StatementList statements={statements} selectedId={selectedId} onSelect={setSelectedId} />
      <PeriodTrend statements={statements} />
      {selected && (
        <StatementView statement={selected} hasRates={hasRates} onChanged={() => void refresh()} />
      )}
      <ContractRatesForm onSaved={() => void refreshRates()} />
    </section>
  );
}
