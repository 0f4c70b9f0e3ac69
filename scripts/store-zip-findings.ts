import * as XLSX from 'xlsx';
import type { SeedData } from '../sandbox/types';

/*
 * What must not be in the zip sent to the Chrome Web Store: remote code (the store refuses it in MV3), source
 * maps and build-machine paths (they show our file system), the local sandbox's hosts and its demo credentials
 * (a development leftover). scripts/check-zip.ts runs this on `npm run zip`'s output.
 */

export interface ZipEntry {
  path: string;
  bytes: Uint8Array;
}

export type FindingKind =
  | 'remote-code'
  | 'eval'
  | 'csp'
  | 'source-map'
  | 'local-path'
  | 'sandbox-host'
  | 'demo-credential';

export interface ZipFinding {
  file: string;
  kind: FindingKind;
  detail: string;
}

export interface ForbiddenInZip {
  /** The sandbox's host names (wxt.config.ts `SANDBOX_HOSTS`). */
  sandboxHosts: readonly string[];
  /** The sandbox seed's demo keys, client secrets, Nhanh secret and token. */
  demoCredentials: readonly string[];
  /** Absolute path prefixes of a build machine: the checkout, home folders. */
  localPaths: readonly string[];
}

/** SheetJS's CFB container marks every archive it reads with this placeholder entry; it is not in the zip. */
const CFB_PLACEHOLDER = '\u0001Sh33tJ5';

/** What this reads of SheetJS's CFB container (the bundled CFB library is typed `any`). */
interface CfbContainer {
  FullPaths: string[];
  FileIndex: { name: string; type: number; content?: ArrayLike<number> }[];
}

/** The files of a zip, read with the zip reader SheetJS bundles (already a dependency, for statements). */
export function readZipEntries(zip: Uint8Array): ZipEntry[] {
  const container = XLSX.CFB.read(zip, { type: 'buffer' }) as CfbContainer;
  const root = container.FullPaths[0] ?? '';
  return container.FileIndex.flatMap((entry, index) => {
    if (entry.type !== 2 || entry.name === CFB_PLACEHOLDER) return [];
    const path = (container.FullPaths[index] ?? entry.name).slice(root.length);
    return [{ path, bytes: Uint8Array.from(entry.content ?? []) }];
  });
}

const SCRIPT_FILE = /\.(m?js|html?)$/i;
const REMOTE_CODE: { pattern: RegExp; what: string }[] = [
  {
    pattern: /<script\b[^>]*\bsrc\s*=\s*["']?\s*(?:https?:)?\/\/[^"'\s>]*/i,
    what: 'script from another host',
  },
  {
    pattern: /\b(?:import|importScripts)\s*\(\s*["'`](?:https?:)?\/\/[^"'`]*/,
    what: 'code loaded from another host',
  },
  { pattern: /\bfrom\s*["'](?:https?:)?\/\/[^"']*/, what: 'module imported from another host' },
];
const EVAL: RegExp[] = [/(?<![\w$])eval\s*\([^)]{0,40}/, /\bnew\s+Function\s*\([^)]{0,40}/];
/** A CSP source that lets code come from elsewhere, or be made from text. */
const LOOSE_CSP = /(?:https?:|\*|(?<!wasm-)'unsafe-eval')\S*/;
const SOURCE_MAP_COMMENT = /[#@]\s*sourceMappingURL\s*=\s*\S*/;

function contentSecurityPolicyFindings(manifestText: string): ZipFinding[] {
  let policy: unknown;
  try {
    policy = (JSON.parse(manifestText) as { content_security_policy?: unknown }).content_security_policy;
  } catch {
    return [{ file: 'manifest.json', kind: 'csp', detail: 'manifest.json is not JSON' }];
  }
  const sources = typeof policy === 'string' ? [policy] : Object.values(policy ?? {}).map(String);
  return sources.flatMap((source) => {
    const loose = LOOSE_CSP.exec(source);
    return loose
      ? [{ file: 'manifest.json', kind: 'csp' as const, detail: `allows ${loose[0]}: ${source}` }]
      : [];
  });
}

/** Shows a secret only by its first characters: enough to find it in the seed, not to use it. */
const masked = (secret: string) => `${secret.slice(0, 6)}…`;

/** Every problem of the store zip's files, one per file, kind and pattern. */
export function storeZipFindings(entries: readonly ZipEntry[], forbidden: ForbiddenInZip): ZipFinding[] {
  const findings: ZipFinding[] = [];
  for (const { path, bytes } of entries) {
    // latin1 keeps every byte as one character: ASCII patterns are found in any file, text or not.
    const text = new TextDecoder('latin1').decode(bytes);
    const found = (kind: FindingKind, detail: string) => findings.push({ file: path, kind, detail });
    if (SCRIPT_FILE.test(path)) {
      for (const { pattern, what } of REMOTE_CODE) {
        const match = pattern.exec(text);
        if (match) found('remote-code', `${what}: ${match[0]}`);
      }
      for (const pattern of EVAL) {
        const match = pattern.exec(text);
        if (match) found('eval', `code made from text: ${match[0]}`);
      }
    }
    if (path === 'manifest.json') findings.push(...contentSecurityPolicyFindings(text));
    if (/\.map$/i.test(path)) found('source-map', 'a source map file');
    const mapComment = SOURCE_MAP_COMMENT.exec(text);
    if (mapComment) found('source-map', `points to a source map: ${mapComment[0]}`);
    for (const prefix of forbidden.localPaths)
      if (text.includes(prefix)) found('local-path', `names a build-machine path: ${prefix}`);
    for (const host of forbidden.sandboxHosts)
      if (text.includes(host)) found('sandbox-host', `names the sandbox host ${host}`);
    for (const secret of forbidden.demoCredentials)
      if (text.includes(secret))
        found('demo-credential', `holds the sandbox's demo credential ${masked(secret)}`);
  }
  return findings;
}

/** The demo shops' connection keys and app credentials, and the demo Nhanh app's secret and token. */
export function demoCredentials(seed: SeedData): string[] {
  return [
    ...seed.tiki.shops.flatMap((shop) => [shop.connectionKey, shop.clientId, shop.clientSecret]),
    seed.nhanh.secretKey,
    seed.nhanh.accessToken,
  ];
}

/** `http://127.0.0.1/*` → `127.0.0.1`: the host of each match pattern. */
export function hostsOfMatchPatterns(patterns: readonly string[]): string[] {
  return patterns.map((pattern) => new URL(pattern.replace(/\*$/, '')).hostname);
}
