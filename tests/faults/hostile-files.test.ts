import { afterEach, describe, expect, it } from 'vitest';
import { openCompanionDb } from '../../lib/db';
import { type LocalizedText, translate } from '../../lib/i18n';
import { importPairingFile } from '../../lib/products/pairing-file';
import { parseStatement } from '../../lib/reconcile/parse';
import { StatementFileError } from '../../lib/reconcile/statement-error';
import { HOSTILE_FILES, type HostileFile } from '../fixtures/hostile/files';

/** Hang guard only (timing is measured by benchmarks): the bound for "a clear message". */
const CLEAR_MESSAGE_WITHIN_MS = 5_000;
const VIETNAMESE = /[ạảãáàâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữìíịỉĩòóọỏõùúụủũỳýỵỷỹ]/i;

type Verdict = { refused: LocalizedText[] } | { read: string };

function expectClearRefusal(texts: LocalizedText[]) {
  expect(texts.length).toBeGreaterThan(0);
  for (const text of texts) {
    const sentence = translate('vi', text);
    expect(sentence).not.toBe(text.key);
    expect(sentence).toMatch(VIETNAMESE);
  }
}

async function judge(file: HostileFile, read: (bytes: Uint8Array) => Verdict | Promise<Verdict>) {
  const bytes = file.bytes();
  const startedAt = performance.now();
  const verdict = await read(bytes);
  expect(performance.now() - startedAt).toBeLessThan(CLEAR_MESSAGE_WITHIN_MS);
  if ('refused' in verdict) expectClearRefusal(verdict.refused);
  else {
    expect(file.mayBeRead, `${file.label} was accepted`).toBe(true);
    // Values only: a formula cell comes back as its cached value, never as something to run.
    if (file.label.startsWith('formulas')) expect(verdict.read).not.toMatch(/cmd\||HYPERLINK\(/);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

afterEach(() => {
  delete (Object.prototype as Record<string, unknown>).polluted;
});

let dbCounter = 0;

describe('hostile files for the pairing import', () => {
  it.each(HOSTILE_FILES)('should refuse clearly and change nothing stored: $label', async (file) => {
    const db = await openCompanionDb(`hostile-pairing-${++dbCounter}`);
    await db.put('productMappings', {
      shopId: 'shop-1',
      tikiProductId: 1,
      nhanhProductId: 2,
      method: 'manual',
      pairedAt: 1,
      tikiFingerprint: 'f',
    });
    const before = await db.getAll('productMappings');
    await judge(file, async (bytes) => {
      const result = await importPairingFile(db, 'shop-1', bytes.slice().buffer, 2);
      // Nothing is downloaded in this database, so no file of these can make a valid change: all refused.
      return result.ok ? { read: JSON.stringify(result) } : { refused: result.errors };
    });
    expect(await db.getAll('productMappings')).toEqual(before);
    db.close();
  });
});

function parseVerdict(file: HostileFile) {
  return (bytes: Uint8Array): Verdict => {
    try {
      return { read: JSON.stringify(parseStatement(bytes, file.fileName).lines) };
    } catch (error) {
      expect(error).toBeInstanceOf(StatementFileError);
      return { refused: [(error as StatementFileError).text] };
    }
  };
}

const isZipBomb = (file: HostileFile) => file.label.startsWith('zip bomb');

describe('hostile files for the statement reconciliation', () => {
  it.each(HOSTILE_FILES.filter((file) => !isZipBomb(file)))(
    'should refuse clearly or read values only: $label',
    (file) => judge(file, parseVerdict(file)),
  );

  // DEFECT (open, lib/reconcile/parse.ts, being written by the reconciliation helper): a 150 KB xlsx whose
  // sheet inflates to 150 MB is unpacked whole before any cap applies (~7 s here). Fix: refuse by the ZIP's
  // declared sizes before XLSX.read, as the pairing import now does with lib/zip-size.ts.
  it.fails('should refuse a zip bomb within the bound, before unpacking it', () =>
    judge(HOSTILE_FILES.find(isZipBomb)!, parseVerdict(HOSTILE_FILES.find(isZipBomb)!)));
});
