import { type ChildProcess, spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { describeSandbox, startSandboxServer } from '../sandbox/server';
import {
  type BrowserPlan,
  browserFailedNotice,
  browserNotice,
  canOpenBrowser,
  devExtensionDir,
  devStoppedMessage,
  manualLoadInstructions,
  portInUseMessage,
  WEB_EXT_ENV,
  webExtConfig,
} from './start-plan';

/**
 * `npm start`: the sandbox (both APIs, demo data) plus the extension in development mode, built with the
 * sandbox's address and demo credentials so a fresh install works with no Tiki or Nhanh account.
 *
 * The sandbox outlives whatever happens to the browser or to `wxt`: only Ctrl+C (SIGINT/SIGTERM) stops it.
 * Decisions (open a browser? which flags? what to print?) live in ./start-plan.ts.
 */
const port = Number(process.env.SANDBOX_PORT ?? 8787);
const running = await startSandboxServer({ port }).catch((error: NodeJS.ErrnoException) => {
  if (error.code !== 'EADDRINUSE') throw error;
  console.error(portInUseMessage(port));
  process.exit(1);
});
const description = describeSandbox(running);
console.log(
  `Sandbox: ${running.origin} (Tiki ${description.tiki.baseUrl}, Nhanh ${description.nhanh.baseUrl})`,
);

// Run wxt's own script with this Node (no npx/shell layer between the signals and wxt), on every platform.
const wxtBin = path.resolve(import.meta.dirname, '../node_modules/wxt/bin/wxt.mjs');
const extensionDir = devExtensionDir(process.env, process.cwd());
let plan: BrowserPlan = canOpenBrowser({
  env: process.env,
  platform: process.platform,
  uid: process.getuid?.(),
});
let dev: ChildProcess | undefined;
let stopping = false;
let rebuildPrompt: readline.Interface | undefined;

function startDev(): void {
  const startedAt = Date.now();
  if (plan.open) console.log(browserNotice(plan));
  const child = spawn(process.execPath, [wxtBin], {
    // Vite's dev server exits when its stdin ends (outside CI): a pipe we hold open keeps it alive when
    // `npm start` runs without a terminal. With a terminal, WXT's own keys (o + Enter) keep working.
    stdio: [process.stdin.isTTY ? 'inherit' : 'pipe', 'inherit', 'inherit'],
    env: {
      ...process.env,
      WXT_SANDBOX: JSON.stringify(description),
      [WEB_EXT_ENV]: JSON.stringify(webExtConfig(plan, process.env)),
    },
  });
  dev = child;
  const planAtStart = plan;
  if (!planAtStart.open) void announceWhenBuilt(child, startedAt, planAtStart.reason);
  child.on('error', (error) => console.error(`wxt: ${error.message}`));
  child.on('exit', (code, signal) => {
    if (dev === child) dev = undefined;
    // A Ctrl+C reaches wxt and this process together: give ours a moment to arrive before calling it a crash.
    setTimeout(() => {
      if (stopping) return;
      if (planAtStart.open) {
        // Most often the browser: no Chrome, a display that is not there, a sandbox Chromium refuses.
        plan = { open: false, reason: 'browser-failed' };
        console.error(browserFailedNotice(code, signal));
        startDev();
        return;
      }
      console.error(
        devStoppedMessage({
          code,
          signal,
          sandboxOrigin: running.origin,
          canRebuild: Boolean(process.stdin.isTTY),
        }),
      );
      offerRebuild();
    }, 500);
  });
}

/** Waits for this run's manifest.json, then tells the seller how to load the build. */
async function announceWhenBuilt(
  child: ChildProcess,
  startedAt: number,
  reason: Extract<BrowserPlan, { open: false }>['reason'],
): Promise<void> {
  const manifest = path.join(extensionDir, 'manifest.json');
  while (dev === child && !stopping) {
    let builtAt = 0;
    try {
      builtAt = statSync(manifest).mtimeMs;
    } catch {
      // not written yet
    }
    // mtime granularity: a build started this second counts.
    if (builtAt >= startedAt - 1000) {
      console.log(manualLoadInstructions({ reason, extensionDir, sandbox: description }));
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function offerRebuild(): void {
  if (!process.stdin.isTTY || rebuildPrompt) return;
  rebuildPrompt = readline.createInterface({ input: process.stdin, terminal: false });
  rebuildPrompt.on('line', (line) => {
    if (line.trim() !== 'r' || dev || stopping) return;
    // Hand the terminal back to wxt.
    rebuildPrompt?.close();
    rebuildPrompt = undefined;
    startDev();
  });
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

async function stop(): Promise<void> {
  if (stopping) {
    // A second Ctrl+C: do not wait any longer.
    dev?.kill('SIGKILL');
    process.exit(1);
  }
  stopping = true;
  rebuildPrompt?.close();
  const child = dev;
  if (child) {
    // SIGINT, as a terminal's Ctrl+C would: web-ext closes the browser it opened on SIGINT.
    child.kill('SIGINT');
    if (!(await waitForExit(child, 10_000))) {
      child.kill('SIGKILL');
      await waitForExit(child, 2_000);
    }
  }
  const closed = running.close();
  // Keep-alive connections from the extension would hold close() open.
  running.server.closeAllConnections();
  await closed;
  console.log('Đã dừng / Stopped.');
  process.exit(0);
}

process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
startDev();
