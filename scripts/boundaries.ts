import fs from 'node:fs';
import path from 'node:path';

/*
 * Only the service worker talks to Tiki and Nhanh (one Nhanh rate limiter, one owner of every API job). Biome's
 * noRestrictedImports stops components/ and page entrypoints importing the API modules directly; this check
 * follows every value import from each page entry (dashboard, popup, seller-center content script, the page's
 * Web Workers) through lib/, so a page-side lib module cannot reach them either. Type-only imports are free.
 */

export const PAGE_ENTRIES = [
  'entrypoints/dashboard/main.tsx',
  'entrypoints/popup/main.tsx',
  'entrypoints/seller-center.content/index.ts',
  'lib/reconcile/parse.worker.ts',
  'lib/products/pairing-file.worker.ts',
];

/** Modules only the service worker may load: the API clients and the worker's own wiring. */
export const WORKER_ONLY = /^lib\/(tiki|nhanh|worker)\//;

const VALUE_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function resolveImport(root: string, from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(root, path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`])
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return path.relative(root, candidate);
  return null;
}

/** Every chain of value imports from a page entry to a worker-only module (empty when none). */
export function pageImportsOfWorkerModules(root: string, entries = PAGE_ENTRIES): string[][] {
  const via = new Map<string, string[]>();
  const queue = entries.filter((entry) => fs.existsSync(path.join(root, entry))).map((entry) => [entry]);
  const found: string[][] = [];
  while (queue.length > 0) {
    const chain = queue.shift()!;
    const file = chain[chain.length - 1]!;
    if (via.has(file)) continue;
    via.set(file, chain);
    if (WORKER_ONLY.test(file)) {
      found.push(chain);
      continue;
    }
    const source = fs.readFileSync(path.join(root, file), 'utf8');
    for (const match of source.matchAll(VALUE_IMPORT)) {
      const target = resolveImport(root, file, match[1]!);
      if (target && !via.has(target)) queue.push([...chain, target]);
    }
  }
  return found;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const chains = pageImportsOfWorkerModules(process.cwd());
  for (const chain of chains)
    console.error(
      `Page code reaches a worker-only module (only the service worker calls Tiki/Nhanh):\n  ${chain.join('\n  → ')}`,
    );
  if (chains.length > 0) process.exit(1);
  console.log(
    `boundaries: no page reaches lib/tiki, lib/nhanh or lib/worker (${PAGE_ENTRIES.length} entries)`,
  );
}
