import { spawn } from 'node:child_process';
import { describeSandbox, startSandboxServer } from '../sandbox/server';

/**
 * `npm start`: the sandbox (both APIs, demo data) plus the extension in development mode, built with the
 * sandbox's address and demo credentials so a fresh install works with no Tiki or Nhanh account.
 */
const port = Number(process.env.SANDBOX_PORT ?? 8787);
const running = await startSandboxServer({ port });
const description = describeSandbox(running);
console.log(
  `Sandbox: ${running.origin} (Tiki ${description.tiki.baseUrl}, Nhanh ${description.nhanh.baseUrl})`,
);

const dev = spawn('npx', ['wxt'], {
  stdio: 'inherit',
  env: { ...process.env, WXT_SANDBOX: JSON.stringify(description) },
});
const stop = () => {
  dev.kill('SIGINT');
  void running.close();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
dev.on('exit', (code) => {
  void running.close().then(() => process.exit(code ?? 0));
});
