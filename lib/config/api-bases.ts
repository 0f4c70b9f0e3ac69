/*
 * Where a seller's Tiki keys and Nhanh token may be sent. The one decision is `allowedApiBases`; the settings
 * schema, the settings file import, Cài đặt → Nâng cao and the worker's API clients all ask it.
 */

/**
 * The hosts Tiki and Nhanh document for their APIs [Tiki OT-x; Nhanh OFF S1, S4]. They live here rather than in
 * lib/tiki/contract.ts and lib/nhanh/contract.ts (which take them from here) because settings are read by pages,
 * and pages may not load the worker-only API modules.
 */
export const DOCUMENTED_API_BASE = {
  tiki: 'https://api.tiki.vn',
  nhanh: 'https://pos.open.nhanh.vn',
  /** Nhanh's login page that grants an app access to a business. */
  nhanhOauth: 'https://nhanh.vn/oauth',
} as const;

export type ApiName = keyof typeof DOCUMENTED_API_BASE;
export type ApiBases = Record<ApiName, string>;
export const API_NAMES = Object.keys(DOCUMENTED_API_BASE) as ApiName[];

/**
 * `production`: what `wxt build` and `wxt zip` make, the build sellers install (its manifest has no sandbox
 * hosts either, see wxt.config.ts). `development`: `npm start`, `wxt` dev and the test suites.
 */
export type BuildMode = 'production' | 'development';

/** Read on every call (not once at load) so a test can stand in for a production build with `vi.stubEnv`. */
export function currentBuildMode(): BuildMode {
  return import.meta.env?.MODE === 'production' ? 'production' : 'development';
}

/**
 * The local sandbox's hosts, the only ones reached over plain http. A production build folds this to an empty
 * list, so the store zip names no sandbox host (scripts/check-zip.ts looks).
 */
const SANDBOX_HOSTNAMES: readonly string[] =
  import.meta.env?.MODE === 'production' ? [] : ['127.0.0.1', 'localhost'];

/** An address an API base can have at all: https, or http to the sandbox on this machine. */
export function isApiBaseUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      url.protocol === 'https:' || (url.protocol === 'http:' && SANDBOX_HOSTNAMES.includes(url.hostname))
    );
  } catch {
    return false;
  }
}

/**
 * The API bases settings may hold in a build. Production: exactly the documented ones, so a settings file or
 * an edited storage cannot send keys and tokens to anyone else. Development: `'any'` base `isApiBaseUrl`
 * accepts, set in Cài đặt → Nâng cao, so the sandbox (or a staging host) can stand in.
 */
export function allowedApiBases(mode: BuildMode): ApiBases | 'any' {
  return mode === 'production' ? DOCUMENTED_API_BASE : 'any';
}

/** Whether `url` may be the base of `api` in this build; a trailing slash makes no difference. */
export function apiBaseAllowed(api: ApiName, url: string, mode: BuildMode): boolean {
  const allowed = allowedApiBases(mode);
  return allowed === 'any' || url.trim().replace(/\/+$/, '') === allowed[api];
}

/** The bases requests go to, given the ones stored: in production the documented ones, whatever is stored. */
export function apiBasesInForce<Stored>(stored: Stored, mode: BuildMode): Stored | ApiBases {
  const allowed = allowedApiBases(mode);
  return allowed === 'any' ? stored : allowed;
}

/** The bases of a settings object (or a file's) that this build refuses, with the one it would take instead. */
export function refusedApiBases(
  input: unknown,
  mode: BuildMode,
): { api: ApiName; url: string; expected: string }[] {
  const allowed = allowedApiBases(mode);
  const apiBase = (input as { apiBase?: unknown } | null)?.apiBase;
  if (allowed === 'any' || typeof apiBase !== 'object' || apiBase === null) return [];
  return API_NAMES.flatMap((api) => {
    const url = (apiBase as Record<string, unknown>)[api];
    if (url === undefined || (typeof url === 'string' && apiBaseAllowed(api, url, mode))) return [];
    return [{ api, url: String(url), expected: allowed[api] }];
  });
}
