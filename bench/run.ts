import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn (optionally only those whose name contains the
 * first argument). Each module's default export prints its own figures and ratios.
 */
const filter = process.argv[2] ?? '';
const dir = fileURLToPath(new URL('.', import.meta.url));
const files = (await readdir(dir))
  .filter((name) => name.endsWith('.bench.ts') && name.includes(filter))
  .sort();
for (const file of files) {
  console.log(`\n## ${file}`);
  const module = (await import(new URL(file, import.meta.url).href)) as { default: () => Promise<void> };
  await module.default();
}
