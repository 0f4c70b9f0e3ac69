import { type MessageKey, t } from '../i18n';
import {
  COMPAT_CHECK_IDS,
  type CompatCheckId,
  type CompatLine,
  type Fact,
  type Facts,
  isCompatCheckId,
  VERDICTS,
  type Verdict,
} from './lines';

/*
 * The report a seller downloads after "Kiểm tra tương thích API" and may send to whoever maintains the extension.
 * It is built here and only here, from a whitelist: per line the id, the verdict, our own statement of the
 * assumption, and facts that are counts, flags, key names and type names. A value that could identify a buyer
 * (a name, phone, address, email, an order code) or a secret (a key, token, client secret, the Nhanh secret)
 * cannot pass: strings must look like a key name, numbers must be small, and anything a secret contains or that
 * contains a secret is withheld.
 */

export const COMPAT_REPORT_FORMAT = 'nhanh-tiki-companion/compat-report';

export interface CompatReportLine {
  id: CompatCheckId;
  verdict: Verdict;
  /** The assumption in English, from the extension's own texts. */
  assumption: string;
  facts: Facts;
  /** Facts left out because they did not pass the whitelist. */
  withheld: number;
}

export interface CompatReport {
  format: typeof COMPAT_REPORT_FORMAT;
  version: 1;
  generatedAt: string;
  extensionVersion: string | null;
  /** How the run ended: a report of a stopped run holds the lines it reached. */
  state: 'done' | 'failed' | 'cancelled';
  totals: Record<Verdict, number>;
  lines: CompatReportLine[];
}

/** Key names and type names: letters, digits, `_` and `.`, starting with a letter or `_`, short. */
const NAME = /^[A-Za-z_][A-Za-z0-9_.]{0,39}$/;
/** A name with more digits than this is more likely an id, a code or part of a key than a field's name. */
const MAX_DIGITS_IN_NAME = 3;
/** Counts, minutes, days, HTTP statuses and status ints are below this; ids, order codes and phones are not. */
const MAX_FACT_NUMBER = 1_000_000;
const MAX_LIST_LENGTH = 50;
const FACT_NAME = /^[a-z][A-Za-z0-9]{0,39}$/;
const VERSION = /^\d{1,4}(\.\d{1,4}){0,3}$/;

function isSafeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_FACT_NUMBER;
}

function isSafeName(value: unknown, secrets: readonly string[]): value is string {
  if (typeof value !== 'string' || !NAME.test(value)) return false;
  if ((value.match(/\d/g) ?? []).length > MAX_DIGITS_IN_NAME) return false;
  return !secrets.some((secret) => secret.includes(value) || value.includes(secret));
}

/** The fact as the report may hold it, or undefined when it must be withheld. */
function allowedFact(value: Fact, secrets: readonly string[]): Fact | undefined {
  if (value === null || typeof value === 'boolean' || isSafeNumber(value)) return value;
  if (typeof value === 'string') return isSafeName(value, secrets) ? value : undefined;
  if (Array.isArray(value) && value.length <= MAX_LIST_LENGTH) {
    const kept = value.filter((entry) => isSafeNumber(entry) || isSafeName(entry, secrets));
    return kept.length === value.length ? kept : undefined;
  }
  return undefined;
}

function reportLine(line: CompatLine, secrets: readonly string[]): CompatReportLine {
  const facts: Facts = {};
  let withheld = 0;
  for (const [name, value] of Object.entries(line.facts)) {
    const allowed = FACT_NAME.test(name) ? allowedFact(value, secrets) : undefined;
    if (allowed === undefined) withheld++;
    else facts[name] = allowed;
  }
  const statement: MessageKey = `compat.line.${line.id}`;
  return { id: line.id, verdict: line.verdict, assumption: t('en', statement), facts, withheld };
}

/**
 * The one way a report is made. `secrets` are every key, token and secret in the settings: a string touching
 * one is withheld even when it looks like a key name. Lines come in the order of the list of checks; one whose id
 * or verdict is not ours is left out.
 */
export function buildCompatReport(
  lines: readonly CompatLine[],
  run: {
    generatedAt: number;
    state: CompatReport['state'];
    extensionVersion: string | null;
    secrets: readonly string[];
  },
): CompatReport {
  const secrets = run.secrets.filter((secret) => secret.length > 0);
  const known = lines
    .filter((line) => isCompatCheckId(line.id) && VERDICTS.includes(line.verdict))
    .sort((a, b) => COMPAT_CHECK_IDS.indexOf(a.id) - COMPAT_CHECK_IDS.indexOf(b.id));
  const totals = Object.fromEntries(
    VERDICTS.map((verdict) => [verdict, known.filter((line) => line.verdict === verdict).length]),
  ) as Record<Verdict, number>;
  return {
    format: COMPAT_REPORT_FORMAT,
    version: 1,
    generatedAt: new Date(run.generatedAt).toISOString(),
    extensionVersion:
      run.extensionVersion !== null && VERSION.test(run.extensionVersion) ? run.extensionVersion : null,
    state: run.state,
    totals,
    lines: known.map((line) => reportLine(line, secrets)),
  };
}
