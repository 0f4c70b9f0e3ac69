import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SandboxDescription } from '../../../lib/worker/dev-sandbox';
import { createSandbox } from '../../../sandbox';
import { startSandboxServer } from '../../../sandbox/server';
import {
  browserFailedNotice,
  browserNotice,
  canOpenBrowser,
  devExtensionDir,
  devStoppedMessage,
  manualLoadInstructions,
  portInUseMessage,
  WEB_EXT_ENV,
  webExtConfig,
  webExtFromEnvironment,
} from '../../../scripts/start-plan';

describe('npm start: whether to open a browser', () => {
  it('should open none on a Linux machine with no display, as CI runs it (root, CI=true)', () => {
    const plan = canOpenBrowser({ env: { CI: 'true' }, platform: 'linux', uid: 0 });
    expect(plan).toEqual({ open: false, reason: 'no-display' });
    expect(webExtConfig(plan, {})).toEqual({ disabled: true });
  });

  it('should treat an empty DISPLAY as no display', () => {
    expect(canOpenBrowser({ env: { DISPLAY: '' }, platform: 'linux', uid: 1000 }).open).toBe(false);
  });

  it('should open Chromium on an X11 or Wayland display, with --no-sandbox only as root', () => {
    expect(canOpenBrowser({ env: { DISPLAY: ':0' }, platform: 'linux', uid: 1000 })).toEqual({
      open: true,
      chromiumArgs: [],
    });
    expect(canOpenBrowser({ env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux', uid: 0 })).toEqual({
      open: true,
      chromiumArgs: ['--no-sandbox'],
    });
    expect(webExtConfig({ open: true, chromiumArgs: ['--no-sandbox'] }, {})).toEqual({
      chromiumArgs: ['--no-sandbox'],
    });
  });

  it('should always open one on macOS and Windows, which have no DISPLAY', () => {
    expect(canOpenBrowser({ env: {}, platform: 'darwin', uid: 501 })).toEqual({
      open: true,
      chromiumArgs: [],
    });
    expect(canOpenBrowser({ env: {}, platform: 'win32', uid: undefined })).toEqual({
      open: true,
      chromiumArgs: [],
    });
  });

  it('should open none under WSL, where web-ext cannot reach Windows’ Chrome, even with WSLg’s DISPLAY', () => {
    expect(
      canOpenBrowser({ env: { DISPLAY: ':0', WSL_DISTRO_NAME: 'Ubuntu' }, platform: 'linux', uid: 1000 }),
    ).toEqual({ open: false, reason: 'wsl' });
  });

  it('should use CHROMIUM_PATH as the e2e tests do', () => {
    expect(webExtConfig({ open: true, chromiumArgs: [] }, { CHROMIUM_PATH: '/opt/chromium/chrome' })).toEqual(
      {
        chromiumArgs: [],
        binaries: { chrome: '/opt/chromium/chrome' },
      },
    );
  });

  it('should let wxt.config.ts take the choice of npm start, or decide alone under a bare `wxt`', () => {
    const chosen = JSON.stringify({ disabled: true });
    expect(
      webExtFromEnvironment({ env: { DISPLAY: ':0', [WEB_EXT_ENV]: chosen }, platform: 'linux', uid: 0 }),
    ).toEqual({ disabled: true });
    expect(webExtFromEnvironment({ env: { DISPLAY: ':0' }, platform: 'linux', uid: 0 })).toEqual({
      chromiumArgs: ['--no-sandbox'],
    });
    expect(webExtFromEnvironment({ env: {}, platform: 'linux', uid: 0 })).toEqual({ disabled: true });
  });

  it('should find the dev build where wxt.config.ts puts it', () => {
    expect(devExtensionDir({}, '/repo')).toBe(path.resolve('/repo/.output/chrome-mv3-dev'));
    expect(devExtensionDir({ WXT_OUT_DIR: '/tmp/out' }, '/repo')).toBe(
      path.resolve('/tmp/out/chrome-mv3-dev'),
    );
  });
});

describe('npm start: what it tells the seller', () => {
  const { seed } = createSandbox();
  const origin = 'http://127.0.0.1:18787';
  const sandbox: SandboxDescription = {
    tiki: { baseUrl: `${origin}/tiki`, shops: seed.tiki.shops },
    nhanh: {
      baseUrl: `${origin}/nhanh`,
      oauthUrl: `${origin}/nhanh-oauth`,
      appId: seed.nhanh.appId,
      secretKey: seed.nhanh.secretKey,
      businessId: seed.nhanh.businessId,
      accessToken: seed.nhanh.accessToken,
      accessTokenExpiredAt: seed.nhanh.accessTokenExpiredAt,
      depots: seed.nhanh.depots,
    },
  };

  it('should explain, in Vietnamese and English, how to load the unpacked build', () => {
    const text = manualLoadInstructions({
      reason: 'no-display',
      extensionDir: '/repo/.output/chrome-mv3-dev',
      sandbox,
    });
    for (const words of [
      'chrome://extensions',
      'Chế độ dành cho nhà phát triển',
      'Developer mode',
      'Tải tiện ích đã giải nén',
      'Load unpacked',
      '/repo/.output/chrome-mv3-dev',
      'không có màn hình',
      'No display',
      'ssh -L 18787:127.0.0.1:18787',
    ])
      expect(text).toContain(words);
  });

  it('should give the sandbox address and the demo credentials a seller types into Cài đặt', () => {
    const text = manualLoadInstructions({ reason: 'no-display', extensionDir: '/x', sandbox });
    expect(text).toContain(origin);
    expect(text).toContain(`${origin}/tiki`);
    expect(text).toContain(`${origin}/nhanh`);
    for (const shop of seed.tiki.shops) {
      expect(text).toContain(shop.name);
      expect(text).toContain(shop.connectionKey);
      expect(text).toContain(String(shop.sellerId));
    }
    for (const value of [
      seed.nhanh.appId,
      seed.nhanh.secretKey,
      seed.nhanh.accessToken,
      seed.nhanh.businessId,
    ])
      expect(text).toContain(String(value));
    expect(text).toContain(seed.nhanh.depots[0]!.name);
  });

  it('should name nothing of production', () => {
    const text = manualLoadInstructions({ reason: 'no-display', extensionDir: '/x', sandbox });
    expect(text).not.toMatch(/tiki\.vn|nhanh\.vn/);
  });

  it('should say why no browser was opened', () => {
    expect(manualLoadInstructions({ reason: 'wsl', extensionDir: '/x', sandbox })).toContain('WSL');
    expect(manualLoadInstructions({ reason: 'browser-failed', extensionDir: '/x', sandbox })).toContain(
      'The browser could not be opened',
    );
  });

  it('should say when Chromium runs without its sandbox', () => {
    expect(browserNotice({ open: true, chromiumArgs: ['--no-sandbox'] })).toContain('--no-sandbox');
    expect(browserNotice({ open: true, chromiumArgs: [] })).not.toContain('root');
  });

  it('should say that the dev build stopped, that the sandbox runs on, and how to rebuild', () => {
    const withTerminal = devStoppedMessage({
      code: 1,
      signal: null,
      sandboxOrigin: origin,
      canRebuild: true,
    });
    expect(withTerminal).toContain('exit code 1');
    expect(withTerminal).toContain(`The sandbox keeps running at ${origin}`);
    expect(withTerminal).toContain('r + Enter');
    const without = devStoppedMessage({
      code: null,
      signal: 'SIGKILL',
      sandboxOrigin: origin,
      canRebuild: false,
    });
    expect(without).toContain('signal SIGKILL');
    expect(without).toContain('npm start');
    expect(without).not.toContain('r + Enter');
    expect(browserFailedNotice(1, null)).toContain('restarting it without a browser');
  });

  it('should say how to pick another port when the sandbox port is taken', async () => {
    const first = await startSandboxServer({ port: 0 });
    try {
      const port = Number(new URL(first.origin).port);
      // Rejected, so npm start can say so, rather than an uncaught 'error' event.
      await expect(startSandboxServer({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
      expect(portInUseMessage(port)).toContain(`SANDBOX_PORT=${port + 1} npm start`);
    } finally {
      await first.close();
    }
  });
});
