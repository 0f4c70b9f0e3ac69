import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createSandbox } from '../../sandbox';

/**
 * `npm start` as CI runs it: root (there), no display, CI=true. It used to die within seconds when web-ext's
 * Chromium could not start, taking the sandbox with it. Here it must stay up for a minute with the sandbox
 * answering and the load-unpacked steps printed, then stop cleanly on SIGINT.
 *
 * A Playwright spec rather than a unit test: it runs a minute of real processes, and the e2e run is the one
 * that goes one test at a time on these 2-core machines. No browser fixture is used.
 */
const ALIVE_FOR_MS = 60_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

test('npm start keeps the sandbox and the dev build up on a machine with no display, and stops on SIGINT', async () => {
  test.setTimeout(ALIVE_FOR_MS + 120_000);
  const [sandboxPort, devServerPort] = [await freePort(), await freePort()];
  const outDir = mkdtempSync(path.join(tmpdir(), 'npm-start-'));
  const extensionDir = path.join(outDir, 'chrome-mv3-dev');
  const origin = `http://127.0.0.1:${sandboxPort}`;
  const firstShop = createSandbox().seed.tiki.shops[0]!;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CI: 'true',
    SANDBOX_PORT: String(sandboxPort),
    DEV_SERVER_PORT: String(devServerPort),
    WXT_OUT_DIR: outDir,
  };
  for (const name of ['DISPLAY', 'WAYLAND_DISPLAY', 'WSL_DISTRO_NAME', 'START_WEB_EXT']) delete env[name];

  // The command `npm start` runs, without npm's shell in between so SIGINT reaches it alone (not its group).
  const script = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start as string;
  const [bin, ...args] = script.split(' ');
  const startedAt = Date.now();
  const child = spawn(path.resolve('node_modules/.bin', bin!), args, {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so the test can tell that no child outlives it.
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    output += chunk;
  });
  const exit = exited(child);

  try {
    // The steps come once the dev build is written; an early exit fails at once, with what it printed.
    while (!output.includes('Tải tiện ích đã giải nén')) {
      expect(child.exitCode, `exited before printing the steps:\n${output}`).toBeNull();
      expect(Date.now() - startedAt, `no steps printed:\n${output}`).toBeLessThan(ALIVE_FOR_MS + 30_000);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    for (const words of [
      'chrome://extensions',
      'Load unpacked',
      'Developer mode',
      extensionDir,
      origin,
      firstShop.name,
      firstShop.connectionKey,
    ])
      expect(output).toContain(words);
    expect(existsSync(path.join(extensionDir, 'manifest.json'))).toBe(true);

    const left = ALIVE_FOR_MS - (Date.now() - startedAt);
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
    expect(child.exitCode, output).toBeNull();
    expect(child.signalCode).toBeNull();
    const admin = await fetch(`${origin}/__admin/faults`);
    expect(admin.status).toBe(200);
    expect(await admin.json()).toHaveProperty('latencyMs');

    child.kill('SIGINT');
    const { code, signal } = await Promise.race([
      exit,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('no exit 30 s after SIGINT')), 30_000),
      ),
    ]);
    expect({ code, signal }, output).toEqual({ code: 0, signal: null });
    expect(output).toContain('Đã dừng / Stopped.');
    // wxt and everything it started went too, and the sandbox closed its port.
    await expect.poll(() => groupAlive(child.pid!), { timeout: 10_000 }).toBe(false);
    await expect(fetch(`${origin}/__admin/faults`)).rejects.toThrow();
  } finally {
    if (groupAlive(child.pid!)) process.kill(-child.pid!, 'SIGKILL');
    await test.info().attach('npm start output', { body: output, contentType: 'text/plain' });
    rmSync(outDir, { recursive: true, force: true });
  }
});
