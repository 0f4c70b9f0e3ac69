import { logActivity } from '../activity-log';
import { recordAttention } from '../attention';
import { type CompanionDatabase, getDb, isStorageFailure } from '../db';
import { getSettings, secretsOf } from '../settings';
import { getContractRates } from './contract-rates-item';
import { loadExpectations } from './expectation-source';
import { RECONCILIATION_STATES } from './match';
import type { ParsedStatement } from './parse';
import { StatementFileError } from './statement-error';
import { type ImportOutcome, importStatement, rematchStatement } from './store';

/** The states a seller has to look at (everything but "khớp"), until marked reconciled. */
const ATTENTION_STATES = RECONCILIATION_STATES.filter((state) => state !== 'matched');

/** Writes `attention.reconcile`: findings that need a look and are not marked reconciled, over every statement. */
export async function refreshReconcileAttention(db: CompanionDatabase): Promise<number> {
  let count = 0;
  const tx = db.transaction('reconciliations');
  for (const state of ATTENTION_STATES) {
    let cursor = await tx.store.index('by-state').openCursor(state);
    while (cursor) {
      if (cursor.value.reconciledAt === null) count++;
      cursor = await cursor.continue();
    }
  }
  await tx.done;
  await recordAttention('reconcile', count);
  return count;
}

export interface DashboardImportDeps {
  parse: (file: {
    fileName: string;
    bytes: Uint8Array;
  }) => Promise<{ fileId: string; parsed: ParsedStatement }>;
  db?: () => Promise<CompanionDatabase>;
  fetch?: typeof fetch;
  now?: () => number;
}

/**
 * Imports a statement file in the dashboard: parse (in a worker), match against the orders, store, log one
 * line and refresh the popup's count. A refused file throws `StatementFileError` before anything is stored.
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
    loadExpectations: (request) => loadExpectations(request, { db, settings, fetch: deps.fetch }),
  }).catch((error: unknown) => {
    if (!isStorageFailure(error)) throw error;
    throw new StatementFileError({
      key: 'reconcile.err.notStored',
      params: { file: parsed.fileName, reason: error.name },
    });
  });
  if (outcome.status === 'imported') {
    const { counts } = outcome.statement.detail;
    const problems =
      outcome.statement.lineCount === 0
        ? 0
        : Object.values(counts).reduce((a, b) => a + b, 0) - counts.matched;
    await logActivity(
      db,
      {
        level: problems > 0 ? 'warn' : 'info',
        source: 'reconcile',
        text: {
          key: 'reconcile.log.imported',
          params: { file: parsed.fileName, lines: parsed.lines.length, matched: counts.matched, problems },
        },
      },
      { secrets: secretsOf(settings), now: now() },
    );
    await refreshReconcileAttention(db);
  }
  return outcome;
}

/** "Đối soát lại": matches a stored statement again with today's orders and contract rates. */
export async function rematchInDashboard(
  statementId: string,
  deps: Omit<DashboardImportDeps, 'parse'> = {},
): Promise<void> {
  const db = await (deps.db ?? getDb)();
  const settings = await getSettings();
  await rematchStatement(statementId, {
    db,
    now: deps.now ?? Date.now,
    contract: await getContractRates(),
    loadExpectations: (request) => loadExpectations(request, { db, settings, fetch: deps.fetch }),
  });
  await refreshReconcileAttention(db);
}
