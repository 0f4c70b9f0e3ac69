import { performance } from 'node:perf_hooks';
import { matchKey } from '../lib/products/keys';
import {
  buildNameIndex,
  type MatchableNhanh,
  type MatchableTiki,
  matchProducts,
  suggestByName,
} from '../lib/products/match';

/**
 * Automatic matching of N Tiki products against N Nhanh products, in Node (target: 50,000 × 50,000 under
 * 300 ms, growing linearly). The catalogues mix every case: seller SKU = code (60 %), = barcode (15 %), Tiki SKU
 * = barcode (5 %), ambiguous (5 %), nothing (15 %), with case and spaces to normalise.
 */

const WORDS = [
  'sách',
  'bình',
  'giữ',
  'nhiệt',
  'áo',
  'thun',
  'ốp',
  'lưng',
  'nồi',
  'chiên',
  'bút',
  'bi',
  'kem',
];

function catalogues(size: number) {
  const nhanh: (MatchableNhanh & { name: string })[] = [];
  const tiki: (MatchableTiki & { name: string })[] = [];
  for (let i = 0; i < size; i++) {
    const code = `SP-${i.toString(36).toUpperCase()}`;
    const barcode = String(8930000000000 + i * 7);
    const name = `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} mẫu ${i}`;
    nhanh.push({ id: i + 1, code, barcode, kind: 'independent', name });
    const tikiSku = String(1000000000000 + i);
    const slot = i % 20;
    const originalSku =
      slot < 12
        ? ` ${code.toLowerCase()} `
        : slot < 15
          ? barcode
          : slot === 15
            ? ''
            : slot === 16
              ? `SP-${(i + 1).toString(36).toUpperCase()}`
              : `TK-${i}`;
    // Slot 15: no seller SKU, Tiki's SKU is the barcode; slot 16: the next product's code is also this barcode.
    if (slot === 15) nhanh[i]!.barcode = tikiSku;
    tiki.push({ id: i + 1, sku: tikiSku, originalSku, name: `${name} chính hãng` });
  }
  for (let i = 16; i + 1 < size; i += 20) nhanh[i]!.barcode = matchKey(tiki[i]!.originalSku).toUpperCase();
  return { nhanh, tiki };
}

function timeMatching(size: number, rounds: number): { ms: number; paired: number; ambiguous: number } {
  const { nhanh, tiki } = catalogues(size);
  let outcomes = matchProducts(tiki, nhanh); // warm-up
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    outcomes = matchProducts(tiki, nhanh);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    // The median: a shared 2-core machine adds outliers either way.
    ms: times[Math.floor(times.length / 2)]!,
    paired: outcomes.filter((outcome) => outcome.kind === 'paired').length,
    ambiguous: outcomes.filter((outcome) => outcome.kind === 'ambiguous').length,
  };
}

export default async function benchProductMatching(): Promise<void> {
  const sizes = [10_000, 50_000, 100_000];
  const results = sizes.map((size) => ({ size, ...timeMatching(size, 9) }));
  for (const { size, ms, paired, ambiguous } of results)
    console.log(
      `match ${size.toLocaleString('en')} × ${size.toLocaleString('en')}: ${ms.toFixed(1)} ms ` +
        `(${((ms * 1000) / size).toFixed(2)} µs per product; ${paired} paired, ${ambiguous} ambiguous)`,
    );
  const [small, middle, large] = results;
  console.log(
    `growth: 50k/10k = ${(middle!.ms / small!.ms).toFixed(2)} (linear: 5), 100k/50k = ${(large!.ms / middle!.ms).toFixed(2)} (linear: 2), ` +
      `100k/10k = ${(large!.ms / small!.ms).toFixed(2)} (linear: 10; 10k fits in the CPU caches, larger sizes do not)`,
  );
  console.log(
    `target 50k under 300 ms: ${middle!.ms.toFixed(1)} ms → ratio ${(middle!.ms / 300).toFixed(2)} of budget ${middle!.ms < 300 ? 'PASS' : 'FAIL'}`,
  );

  // Name suggestions run only for products the rules left unmatched: informational figure.
  const { nhanh, tiki } = catalogues(50_000);
  const unmatched = tiki.filter((_, i) => i % 20 >= 17);
  const start = performance.now();
  const index = buildNameIndex(nhanh);
  let suggested = 0;
  for (const product of unmatched) if (suggestByName(product.name, index).length > 0) suggested++;
  console.log(
    `name suggestions for ${unmatched.length.toLocaleString('en')} unmatched products against 50,000: ` +
      `${(performance.now() - start).toFixed(1)} ms (${suggested} with a suggestion)`,
  );
}
