import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { createSandbox } from '../../../sandbox/index';
import {
  demoCredentials,
  type FindingKind,
  hostsOfMatchPatterns,
  readZipEntries,
  storeZipFindings,
} from '../../../scripts/store-zip-findings';
import { SANDBOX_HOSTS } from '../../../wxt.config';

const seed = createSandbox().seed;
const FORBIDDEN = {
  sandboxHosts: hostsOfMatchPatterns(SANDBOX_HOSTS),
  demoCredentials: demoCredentials(seed),
  localPaths: ['/work/', '/root/', '/home/'],
};

/** A store zip as `wxt zip` makes one: deflated entries in folders. */
function zipOf(files: Record<string, string>): Uint8Array {
  const container = XLSX.CFB.utils.cfb_new();
  for (const [name, text] of Object.entries(files))
    XLSX.CFB.utils.cfb_add(container, `/${name}`, Buffer.from(text, 'utf8'));
  return XLSX.CFB.write(container, { type: 'buffer', fileType: 'zip', compression: true });
}

const CLEAN: Record<string, string> = {
  'manifest.json': JSON.stringify({
    manifest_version: 3,
    host_permissions: ['https://api.tiki.vn/*'],
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
  }),
  'popup.html':
    '<!doctype html><html lang="vi"><script type="module" src="/chunks/popup.js"></script></html>',
  'chunks/popup.js':
    'const base="https://api.tiki.vn";const ns="http://schemas.openxmlformats.org/x";retrieval(1);t("Đơn hàng")',
  'icon/16.png': '\u0089PNG\r\n\u001a\n',
};

const BAD_FILES: [FindingKind, string, string][] = [
  ['remote-code', 'dashboard.html', '<script src="https://cdn.example/react.js"></script>'],
  ['remote-code', 'background.js', 'importScripts("https://cdn.example/worker.js")'],
  ['eval', 'chunks/run.js', 'fetch(u).then(r=>r.text()).then(code=>eval(code))'],
  ['eval', 'chunks/make.js', 'const f = new Function("return " + body)'],
  [
    'csp',
    'manifest.json',
    JSON.stringify({ content_security_policy: { extension_pages: "script-src 'self' https://cdn.example" } }),
  ],
  ['source-map', 'chunks/popup.js.map', '{"version":3,"sources":["popup.tsx"]}'],
  ['source-map', 'chunks/theme.js', 'export{};\n//# sourceMappingURL=theme.js.map'],
  ['local-path', 'chunks/error.js', 'throw new Error("at /root/nhanh-tiki/lib/settings.ts:12")'],
  ['sandbox-host', 'chunks/dev.js', 'const base="http://127.0.0.1:8787/tiki"'],
  ['demo-credential', 'chunks/seed.js', `const key="${seed.tiki.shops[0]!.connectionKey}"`],
  ['demo-credential', 'chunks/token.js', `headers.Authorization="${seed.nhanh.accessToken}"`],
];

describe('the store zip check', () => {
  it('should read every file of the zip, in its folders, and find nothing in a clean one', () => {
    const entries = readZipEntries(zipOf(CLEAN));
    expect(entries.map((entry) => entry.path).sort()).toEqual(Object.keys(CLEAN).sort());
    expect(new TextDecoder().decode(entries.find((entry) => entry.path === 'chunks/popup.js')!.bytes)).toBe(
      CLEAN['chunks/popup.js'],
    );
    expect(storeZipFindings(entries, FORBIDDEN)).toEqual([]);
  });

  it.each(BAD_FILES)('should catch %s in %s', (kind, file, content) => {
    const findings = storeZipFindings(readZipEntries(zipOf({ ...CLEAN, [file]: content })), FORBIDDEN);
    expect(findings).toEqual([{ file, kind, detail: expect.any(String) }]);
  });

  it('should name a demo credential by its first characters only', () => {
    const [finding] = storeZipFindings(readZipEntries(zipOf({ 'a.js': seed.nhanh.secretKey })), FORBIDDEN);
    expect(finding?.detail).toContain(`${seed.nhanh.secretKey.slice(0, 6)}…`);
    expect(finding?.detail).not.toContain(seed.nhanh.secretKey);
  });

  it('should look for every demo key, app secret and Nhanh secret and token of the sandbox seed', () => {
    const credentials = demoCredentials(seed);
    for (const shop of seed.tiki.shops) expect(credentials).toContain(shop.clientSecret);
    expect(credentials).toEqual(expect.arrayContaining([seed.nhanh.secretKey, seed.nhanh.accessToken]));
    expect(FORBIDDEN.sandboxHosts).toEqual(['127.0.0.1', 'localhost']);
  });
});
