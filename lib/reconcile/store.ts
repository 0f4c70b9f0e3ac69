import {
  type CompanionDatabase,
  type NhanhPaymentRecord,
  putAllOrNothing,
  type ReconciliationRecord,
  type StatementDetail,
  type StatementLineRecord,
  type StatementRecord,
  type StoredStatementLine,
} from '../db';
import type { ContractRates } from './contract-rates';
import { NO_NHANH, type OrderExpectation, type ReconcileReport, reconcileStatement } from './match';
import type { ParsedStatement } from './parse';
import { nhanhPaymentSchema } from './payments';

/**
 * Imported statements in IndexedDB: the statement (id = SHA-256 of the file), every line, and one finding per
 * order. Re-importing the same file finds the statement and writes nothing; a line already imported with an
 * earlier, overlapping statement (same content hash) is stored but not counted again. Everything is read and
 * computed first, then written in batches (no network call inside a transaction). The statement record is
 * written last, so an interrupted import is simply redone.
 */

/** The parts of a match report a statement keeps in its detail (each match replaces them). */
function reportSummary(
  report: ReconcileReport,
): Pick<StatementDetail, 'basis' | 'counts' | 'fees' | 'claims' | 'totalChecks' | 'unassigned' | 'totals'> {
  const { basis, counts, fees, claims, totalChecks, unassigned, totals } = report;
  return { basis, counts, fees, claims, totalChecks, unassigned, totals };
}

/** What `importStatement` needs to know of the orders, loaded after parsing (it may call the Tiki API). */
export interface ExpectationRequest {
  codes: string[];
  sellerId: number | null;
  period: { from: number; to: number } | null;
}
export interface LoadedExpectations {
  expectations: ReadonlyMap<string, readonly OrderExpectation[]>;
  ordersComplete: boolean;
  notFound: ReadonlySet<string>;
}

export interface ImportDeps {
  db: CompanionDatabase;
  now: () => number;
  loadExpectations: (request: ExpectationRequest) => Promise<LoadedExpectations>;
  contract: ContractRates | null;
}

export type ImportOutcome = { status: 'imported' | 'already'; statement: StatementRecord };

const MAX_STORED_WARNINGS = 200;

/** The earlier statements that hold each content hash, as many times as they hold it. */
async function earlierOccurrences(db: CompanionDatabase, hashes: readonly string[]) {
  const tx = db.transaction('statementLines');
  const index = tx.store.index('by-content-hash');
  const found = await Promise.all(hashes.map((hash) => index.getAll(hash)));
  await tx.done;
  const occurrences = new Map<string, string[]>();
  hashes.forEach((hash, position) => {
    // Lines an earlier statement itself skipped as overlap are not occurrences of their own.
    const records = (found[position] ?? []).filter((record) => record.alreadyIn === null);
    if (records.length > 0)
      occurrences.set(
        hash,
        records.map((record) => record.statementId),
      );
  });
  return occurrences;
}

/** The codes that have a line in a statement other than `except`. */
async function codesInStatements(
  db: CompanionDatabase,
  codes: readonly string[],
  except?: string,
): Promise<Set<string>> {
  const tx = db.transaction('statementLines');
  const index = tx.store.index('by-order-code');
  const found = await Promise.all(codes.map((code) => index.getAllKeys(code)));
  await tx.done;
  const prefix = except === undefined ? null : `${except}:`;
  return new Set(
    codes.filter((_, position) =>
      (found[position] ?? []).some((key) => prefix === null || !key.startsWith(prefix)),
    ),
  );
}

/**
 * The one matching of a statement's counted lines with what `deps.loadExpectations` knows of its orders: the
 * page's first match at import (stored orders only) and the worker's match with Tiki and Nhanh both run it.
 */
async function matchReport(
  db: CompanionDatabase,
  counted: readonly StoredStatementLine[],
  statement: {
    sheets: ParsedStatement['sheets'];
    sellerId: number | null;
    period: ParsedStatement['period'];
  },
  deps: ImportDeps,
  statementId: string,
): Promise<ReconcileReport> {
  const codes = [...new Set(counted.map((line) => line.orderCode).filter((code) => code !== ''))];
  const { sellerId, period } = statement;
  const loaded = await deps.loadExpectations({ codes, sellerId, period });
  const inThis = new Set(codes);
  const unpaidCandidates = [...loaded.expectations.keys()].filter((code) => !inThis.has(code));
  const inOtherStatements = await codesInStatements(db, unpaidCandidates, statementId);
  return reconcileStatement(counted, statement.sheets, {
    ...loaded,
    inOtherStatements,
    period,
    contract: deps.contract,
    now: deps.now(),
  });
}

/**
 * Imports a parsed statement; idempotent by file hash and by line content. Its first match uses whatever
 * `deps.loadExpectations` gives (the page gives stored orders only); `matchStatement` matches it again.
 */
export async function importStatement(
  fileId: string,
  parsed: ParsedStatement,
  deps: ImportDeps,
): Promise<ImportOutcome> {
  const { db } = deps;
  const existing = await db.get('statements', fileId);
  if (existing) return { status: 'already', statement: existing };

  const uniqueHashes = [...new Set(parsed.lines.map((line) => line.contentHash))];
  const earlier = await earlierOccurrences(db, uniqueHashes);
  const used = new Map<string, number>();
  const stored: StoredStatementLine[] = parsed.lines.map((line) => {
    const previous = earlier.get(line.contentHash);
    const position = used.get(line.contentHash) ?? 0;
    used.set(line.contentHash, position + 1);
    return {
      ...line,
      alreadyIn: previous && position < previous.length ? (previous[position] ?? null) : null,
    };
  });
  const counted = stored.filter((line) => line.alreadyIn === null);
  const overlapLines = stored.filter((line) => line.alreadyIn !== null);

  const now = deps.now();
  const report = await matchReport(db, counted, parsed, deps, fileId);

  const statement: StatementRecord = {
    id: fileId,
    fileName: parsed.fileName,
    importedAt: now,
    periodFrom: parsed.period?.from ?? null,
    periodTo: parsed.period?.to ?? null,
    payout: parsed.totals.netAmount,
    lineCount: parsed.lines.length,
    detail: {
      format: parsed.format,
      sellerId: parsed.sellerId,
      sheets: parsed.sheets,
      ignoredSheets: parsed.ignoredSheets,
      warnings: parsed.warnings.slice(0, MAX_STORED_WARNINGS),
      warningCount: parsed.warnings.length,
      overlap: {
        lineCount: overlapLines.length,
        netAmount: overlapLines.reduce((sum, line) => sum + line.netAmount, 0),
        statements: [...new Set(overlapLines.map((line) => line.alreadyIn as string))],
      },
      ...reportSummary(report),
      reconciledCount: 0,
    },
  };
  const lineRecords: StatementLineRecord[] = stored.map((line) => ({
    ...line,
    id: `${fileId}:${line.sheet}:${line.row}`,
    statementId: fileId,
  }));
  const findings: ReconciliationRecord[] = report.orders.map((order) => ({ ...order, statementId: fileId }));
  // All or nothing: a write the browser refuses (disk full) must not leave lines without their statement,
  // which a later import of the same file would take for an earlier statement's lines and not count.
  await putAllOrNothing(db, {
    statementLines: lineRecords,
    reconciliations: findings,
    statements: [statement],
  });
  return { status: 'imported', statement };
}

/** Imported statements, newest first. */
export async function listStatements(db: CompanionDatabase): Promise<StatementRecord[]> {
  return (await db.getAllFromIndex('statements', 'by-imported')).reverse();
}

function statementRange(statementId: string): IDBKeyRange {
  return IDBKeyRange.bound([statementId, ''], [statementId, '\uffff']);
}

/** Findings stored before the Nhanh comparison existed hold none of its fields: they read as "not compared". */
const BEFORE_NHANH_COMPARISON = { saleValue: null, ...NO_NHANH };

/** A finding as stored: its recorded payment is read through its schema (damaged or absent reads as none). */
export function readFinding(stored: ReconciliationRecord): ReconciliationRecord {
  const payment = nhanhPaymentSchema.safeParse(stored.nhanhPayment);
  return { ...BEFORE_NHANH_COMPARISON, ...stored, nhanhPayment: payment.success ? payment.data : null };
}

/** The findings of one statement, in file order of their first line. */
export async function findingsOf(
  db: CompanionDatabase,
  statementId: string,
): Promise<ReconciliationRecord[]> {
  const findings = await db.getAll('reconciliations', statementRange(statementId));
  return findings.map(readFinding);
}

/** Stores (or clears) the payment recorded on one finding's Nhanh order; false when the finding is gone. */
export async function saveNhanhPayment(
  db: CompanionDatabase,
  statementId: string,
  orderCode: string,
  payment: NhanhPaymentRecord | null,
): Promise<boolean> {
  const tx = db.transaction('reconciliations', 'readwrite');
  const finding = await tx.store.get([statementId, orderCode]);
  if (finding) await tx.store.put({ ...finding, nhanhPayment: payment });
  await tx.done;
  return finding !== undefined;
}

/** The lines of one statement, in sheet and row order. */
export async function linesOf(db: CompanionDatabase, statementId: string): Promise<StatementLineRecord[]> {
  const lines = await db.getAllFromIndex('statementLines', 'by-statement', statementId);
  return lines.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet < b.sheet ? -1 : 1));
}

/**
 * Marks orders of a statement reconciled (or not), stored with that statement; returns the findings changed.
 * One transaction over the findings and the statement's count.
 */
export async function markReconciled(
  db: CompanionDatabase,
  statementId: string,
  orderCodes: readonly string[],
  reconciled: boolean,
  now: number,
): Promise<number> {
  const tx = db.transaction(['reconciliations', 'statements'], 'readwrite');
  const findings = tx.objectStore('reconciliations');
  let changed = 0;
  for (const code of orderCodes) {
    const finding = await findings.get([statementId, code]);
    if (!finding || (finding.reconciledAt !== null) === reconciled) continue;
    finding.reconciledAt = reconciled ? now : null;
    await findings.put(finding);
    changed++;
  }
  const statement = await tx.objectStore('statements').get(statementId);
  if (statement && changed > 0) {
    statement.detail.reconciledCount = Math.max(
      0,
      statement.detail.reconciledCount + (reconciled ? changed : -changed),
    );
    await tx.objectStore('statements').put(statement);
  }
  await tx.done;
  return changed;
}

/**
 * Matches a stored statement (again): after its import, with Tiki and Nhanh asked (the worker's job), or after
 * orders were downloaded or contract rates changed. Same counted lines; the seller's "đã đối soát" marks are
 * kept per order, and so are
 * the payments recorded on Nhanh orders.
 */
export async function matchStatement(
  statementId: string,
  deps: ImportDeps,
): Promise<StatementRecord | undefined> {
  const { db } = deps;
  const statement = await db.get('statements', statementId);
  if (!statement) return undefined;
  const counted = (await linesOf(db, statementId)).filter((line) => line.alreadyIn === null);
  const period =
    statement.periodFrom !== null && statement.periodTo !== null
      ? { from: statement.periodFrom, to: statement.periodTo }
      : null;
  const report = await matchReport(
    db,
    counted,
    { sheets: statement.detail.sheets, sellerId: statement.detail.sellerId, period },
    deps,
    statementId,
  );
  // The findings are read in the transaction that replaces them: a payment the worker records meanwhile, or a
  // mark the seller sets, is never overwritten by an older copy.
  const tx = db.transaction(['reconciliations', 'statements'], 'readwrite');
  const findingStore = tx.objectStore('reconciliations');
  const previous = (await findingStore.getAll(statementRange(statementId))).map(readFinding);
  const kept = new Map(previous.map((finding) => [finding.orderCode, finding]));
  // What happened outside the match stays with the order: the seller's mark and a payment written to Nhanh.
  const findings: ReconciliationRecord[] = report.orders.map((order) => ({
    ...order,
    statementId,
    reconciledAt: kept.get(order.orderCode)?.reconciledAt ?? null,
    nhanhPayment: kept.get(order.orderCode)?.nhanhPayment ?? null,
  }));
  const updated: StatementRecord = {
    ...statement,
    detail: {
      ...statement.detail,
      ...reportSummary(report),
      reconciledCount: findings.filter((finding) => finding.reconciledAt !== null).length,
    },
  };
  void findingStore.delete(statementRange(statementId));
  for (const finding of findings) void findingStore.put(finding);
  void tx.objectStore('statements').put(updated);
  await tx.done;
  return updated;
}
