import { parseFaults } from './index';
import { describeSandbox, startSandboxServer } from './server';

// `npm run sandbox`: the first line on stdout is one JSON object (base URLs and demo credentials).
const port = Number(process.env.SANDBOX_PORT ?? 8787);
const faults = process.env.SANDBOX_FAULTS ? parseFaults(JSON.parse(process.env.SANDBOX_FAULTS)) : {};
const seed = process.env.SANDBOX_SEED ? Number(process.env.SANDBOX_SEED) : undefined;
const running = await startSandboxServer({ port, faults, seed });
process.stdout.write(`${JSON.stringify(describeSandbox(running))}\n`);
process.stderr.write(`Sandbox listening on ${running.origin} (Ctrl+C to stop)\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => running.close().then(() => process.exit(0)));
