import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSandbox } from '../sandbox/index';
import { SANDBOX_HOSTS } from '../wxt.config';
import {
  demoCredentials,
  hostsOfMatchPatterns,
  readZipEntries,
  storeZipFindings,
} from './store-zip-findings';

/*
 * `npm run zip:check` (part of `npm test`): after `wxt zip`, reads the store zip and fails on anything the
 * Chrome Web Store or a seller should not get (see store-zip-findings.ts). The demo credentials come from the
 * sandbox's own generator, with the seed `npm start` uses (SANDBOX_SEED when set), so a new seed is still caught.
 */

const root = process.cwd();
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
// WXT's artifact name: `{name}-{version}-{browser}.zip`, in the output folder wxt.config.ts sets.
const zipPath = path.resolve(
  process.env.WXT_OUT_DIR ?? '.output',
  `${packageJson.name}-${packageJson.version}-chrome.zip`,
);
if (!fs.existsSync(zipPath)) {
  console.error(`check-zip: ${path.relative(root, zipPath)} is missing; run \`npm run zip\` first.`);
  process.exit(1);
}

const seed = createSandbox({
  seed: process.env.SANDBOX_SEED ? Number(process.env.SANDBOX_SEED) : undefined,
}).seed;
const entries = readZipEntries(fs.readFileSync(zipPath));
const findings = storeZipFindings(entries, {
  sandboxHosts: hostsOfMatchPatterns(SANDBOX_HOSTS),
  demoCredentials: demoCredentials(seed),
  localPaths: [
    ...new Set([`${root}/`, `${os.homedir()}/`, '/work/', '/root/', '/home/', '/Users/', 'C:\\Users\\']),
  ],
});

const unpacked = entries.reduce((sum, entry) => sum + entry.bytes.length, 0);
const where = `${path.relative(root, zipPath)} (${entries.length} files, ${(unpacked / 1024).toFixed(0)} KB unpacked)`;
if (findings.length > 0) {
  console.error(`check-zip: ${where} has ${findings.length} problem(s):`);
  for (const finding of findings) console.error(`  ${finding.kind}  ${finding.file}: ${finding.detail}`);
  process.exit(1);
}
console.log(
  `check-zip: ${where}: no remote code or eval, no source maps or build paths, no sandbox hosts or demo credentials`,
);
