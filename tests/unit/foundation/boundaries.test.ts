import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageImportsOfWorkerModules } from '../../../scripts/boundaries';

/** A throwaway tree of files, relative path → source. */
function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'boundaries-'));
  for (const [file, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), source);
  }
  return root;
}

describe('only the service worker reaches the API clients', () => {
  it('should hold for the extension as it is', () => {
    expect(pageImportsOfWorkerModules(process.cwd())).toEqual([]);
  });

  it('should name the chain when a page reaches a client through a lib module, and allow type imports', () => {
    const root = tree({
      'entrypoints/popup/main.tsx':
        "import { App } from '../../components/app';\nimport type { T } from '../../lib/tiki/client';",
      'components/app.tsx': "import { load } from '../lib/orders/load';\nexport const App = load;",
      'lib/orders/load.ts': "export { load } from '../worker/api-clients';",
      'lib/worker/api-clients.ts': 'export const load = 1;',
      'lib/tiki/client.ts': 'export type T = 1;',
    });
    expect(pageImportsOfWorkerModules(root, ['entrypoints/popup/main.tsx'])).toEqual([
      ['entrypoints/popup/main.tsx', 'components/app.tsx', 'lib/orders/load.ts', 'lib/worker/api-clients.ts'],
    ]);
  });
});
