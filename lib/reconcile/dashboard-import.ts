import { type CompanionDatabase, getDb, isStorageFailure } from '../db';
import { sendMessage } from '../messaging';
import { getSettings, secretsOf } from '../settings';
import { logActivity } from '../status/activity-log';
import { refreshReconcileAttention } from './attention';
import { getContractRates } from './contract-rates-item';
import type { ParsedStatement } from './parse';
import { StatementFileError } from './statement-error';
import { type ImportOutcome, importStatement } from './store';
import { loadStoredExpectations } from './stored-expectations';

export interface DashboardImportDeps {
  parse: (file: {
    fileName: string;
    bytes: Uint8Array;
  }) => Promise<{ fileId: string; parsed: ParsedStatement }>;
  db?: () => Promise<CompanionDatabase>;
  now?: () => number;
  /** Asks the worker to match the statement with Tiki and Nhanh (tests run that match in-process). */
  startMatch?: (statementId: string) => Promise<unknown>;
}

/** The worker matches the statement with Tiki and Nhanh (the page never calls them). */
function askWorkerToMatch(statementId: string): Promise<unknown> {
  return sendMessage('startReconcileMatch', { statementId });
}

/**
 * Imports a statement file in the dashboard: parse (in a Web Worker), store it with a first match against the
 * stored orders, log one line, refresh the popup's count, then ask the service worker for the match with Tiki
 * and Nhanh (`startReconcileMatch`), which the statement view follows. A refused file throws
 * `StatementFileError` before anything is stored.
 */
export async function importStatementFile(
  file: { fileName: string; bytes: Uint8Array },
  deps: DashboardImportDeps,
): Promise<ImportOutcome> {
  const { fileId, parsed } = await deps.parse(file);
  const db = await (deps.db ?? getDb)();
  const settings = await getSettings();
  const now = deps.now ?? Date.now;
  const outcome = await importStatement(fileId, parsed, {
    db,
    now,
    contract: await getContractRates(),
    loadExpectations: (request) => loadStoredExpectations(request, { db, settings }),
  }).catch((error: unknown) => {
    if (!isStorageFailure(error)) throw error;
    throw new StatementFileError({
      key: 'reconcile.err.notStored',
      params: { file: parsed.fileName, reason: error.name },
    });
  });
  if (outcome.status === 'imported') {
    await logActivity(
      db,
      {
        level: 'info',
        source: 'reconcile',
        text: {
          key: 'reconcile.log.imported',
          params: { file: parsed.fileName, lines: parsed.lines.length },
        },
      },
      { secrets: secretsOf(settings), now: now() },
    );
    await refreshReconcileAttention(db);
    await (deps.startMatch ?? askWorkerToMatch)(outcome.statement.id);
  }
  return outcome;
}

/** "Đối soát lại": the worker matches a stored statement again with today's orders and contract rates. */
export function rematchInDashboard(
  statementId: string,
  deps: Pick<DashboardImportDeps, 'startMatch'> = {},
): Promise<unknown> {
  return (deps.startMatch ?? askWorkerToMatch)(statementId);
}
