import path from 'node:path';
import type { WebExtConfig } from 'wxt';
import type { SandboxDescription } from '../lib/worker/dev-sandbox';

/**
 * What `npm start` (scripts/start.ts) does on this machine, as pure functions of the environment so tests can
 * ask "what about root on a server with no display?" without one. wxt.config.ts reads the same plan, so
 * `npm run dev` behaves the same.
 */

export interface StartEnvironment {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** `process.getuid?.()`: undefined on Windows. */
  uid: number | undefined;
}

export type BrowserPlan =
  | { open: true; chromiumArgs: string[] }
  | { open: false; reason: 'no-display' | 'wsl' | 'browser-failed' };

/** Environment variable through which scripts/start.ts hands wxt.config.ts the runner config (JSON). */
export const WEB_EXT_ENV = 'START_WEB_EXT';

/**
 * A browser window can only be opened where there is a screen: always on macOS and Windows, on Linux only
 * with an X11 or Wayland display. WSL is left out as WXT itself does (web-ext cannot drive Windows' Chrome).
 * Chromium refuses to start as root unless its sandbox is turned off.
 */
export function canOpenBrowser({ env, platform, uid }: StartEnvironment): BrowserPlan {
  if (platform === 'darwin' || platform === 'win32') return { open: true, chromiumArgs: [] };
  if (env.WSL_DISTRO_NAME) return { open: false, reason: 'wsl' };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return { open: false, reason: 'no-display' };
  return { open: true, chromiumArgs: uid === 0 ? ['--no-sandbox'] : [] };
}

/** WXT's runner config for a plan (see `webExt` in https://wxt.dev/api/config.html). */
export function webExtConfig(plan: BrowserPlan, env: StartEnvironment['env']): WebExtConfig {
  if (!plan.open) return { disabled: true };
  return {
    chromiumArgs: plan.chromiumArgs,
    // The same override the e2e tests honour; otherwise web-ext finds Chrome or Chromium on its own.
    ...(env.CHROMIUM_PATH ? { binaries: { chrome: env.CHROMIUM_PATH } } : {}),
  };
}

/** For wxt.config.ts: the config scripts/start.ts chose, or the plan for this machine when run as `wxt`. */
export function webExtFromEnvironment(environment: StartEnvironment): WebExtConfig {
  const chosen = environment.env[WEB_EXT_ENV];
  if (chosen) return JSON.parse(chosen) as WebExtConfig;
  return webExtConfig(canOpenBrowser(environment), environment.env);
}

/** Where `wxt` (dev mode, Chrome) writes the extension; wxt.config.ts honours `WXT_OUT_DIR`. */
export function devExtensionDir(env: StartEnvironment['env'], cwd: string): string {
  return path.resolve(cwd, env.WXT_OUT_DIR ?? '.output', 'chrome-mv3-dev');
}

const RULE = '─'.repeat(72);

function why(reason: Exclude<BrowserPlan, { open: true }>['reason']): string[] {
  switch (reason) {
    case 'no-display':
      return [
        'Máy này không có màn hình (DISPLAY/WAYLAND_DISPLAY trống) nên không mở trình duyệt.',
        'No display here (DISPLAY/WAYLAND_DISPLAY unset), so no browser is opened.',
      ];
    case 'wsl':
      return [
        'Trong WSL, WXT không mở được Chrome của Windows.',
        "Under WSL, WXT cannot open Windows' Chrome.",
      ];
    case 'browser-failed':
      return [
        'Không mở được trình duyệt (xem lỗi ở trên); bản dựng phát triển chạy tiếp, không có trình duyệt.',
        'The browser could not be opened (see the error above); the dev build goes on without one.',
      ];
  }
}

/** What to print once the dev build is written, when nobody opens a browser for the seller. */
export function manualLoadInstructions(input: {
  reason: Exclude<BrowserPlan, { open: true }>['reason'];
  extensionDir: string;
  sandbox: SandboxDescription & { admin?: string };
}): string {
  const { sandbox } = input;
  const origin = new URL(sandbox.tiki.baseUrl).origin;
  const port = new URL(origin).port;
  const lines = [
    RULE,
    ...why(input.reason),
    '',
    'Tự nạp tiện ích / Load the extension yourself:',
    '  1. Mở / Open chrome://extensions (Chrome hoặc / or Chromium)',
    '  2. Bật / Turn on "Chế độ dành cho nhà phát triển" / "Developer mode"',
    '  3. Bấm / Click "Tải tiện ích đã giải nén" / "Load unpacked", chọn thư mục / pick the folder:',
    `       ${input.extensionDir}`,
    '  4. Trang Cài đặt tự mở với dữ liệu demo bên dưới; sau khi sửa mã, bấm ⟳ trên thẻ tiện ích.',
    '     The Settings page opens by itself with the demo data below; after a code change, click ⟳ on its card.',
    `  Trình duyệt phải chạy trên máy này (sandbox chỉ nghe 127.0.0.1), hoặc chuyển cổng: ssh -L ${port}:127.0.0.1:${port}`,
    `  The browser must run on this machine (the sandbox listens on 127.0.0.1 only), or forward the port: ssh -L ${port}:127.0.0.1:${port}`,
    '',
    `Sandbox (Tiki + Nhanh giả lập / simulated): ${origin}`,
    `  Địa chỉ API Tiki / Tiki API address:   ${sandbox.tiki.baseUrl}`,
    `  Địa chỉ API Nhanh / Nhanh API address: ${sandbox.nhanh.baseUrl}`,
    `  Đăng nhập Nhanh (OAuth) / Nhanh sign-in: ${sandbox.nhanh.oauthUrl}`,
    'Cửa hàng Tiki demo / Demo Tiki shops (Tên cửa hàng · Mã nhà bán · Tham số kết nối / name · seller id · connection key):',
    ...sandbox.tiki.shops.map((shop) => `  - ${shop.name} · ${shop.sellerId} · ${shop.connectionKey}`),
    'Nhanh demo (Cách kết nối: nhập tay / Connection mode: manual):',
    `  App ID ${sandbox.nhanh.appId} · Business ID ${sandbox.nhanh.businessId}`,
    `  Secret key   ${sandbox.nhanh.secretKey}`,
    `  Access token ${sandbox.nhanh.accessToken}`,
    `  Kho / Depots: ${sandbox.nhanh.depots.map((depot) => `${depot.id} ${depot.name}`).join(' · ')}`,
    'Chỉ dùng cho sandbox cục bộ; bản dựng phát triển tự điền sẵn khi cài lần đầu.',
    'For the local sandbox only; the development build fills them in by itself on first install.',
    '',
    'Ctrl+C: dừng sandbox và bản dựng / stops the sandbox and the dev build.',
    RULE,
  ];
  return lines.join('\n');
}

/** Printed when a browser will be opened. */
export function browserNotice(plan: Extract<BrowserPlan, { open: true }>): string {
  const flags = plan.chromiumArgs.length
    ? ` (${plan.chromiumArgs.join(' ')}: chạy bằng root / running as root)`
    : '';
  return [
    `WXT sẽ mở Chromium với tiện ích; trang Cài đặt tự mở với dữ liệu demo${flags}.`,
    `WXT opens Chromium with the extension; its Settings page opens with the demo data${flags}.`,
  ].join('\n');
}

function howItStopped(code: number | null, signal: string | null): { vi: string; en: string } {
  return signal
    ? { vi: `tín hiệu ${signal}`, en: `signal ${signal}` }
    : { vi: `mã thoát ${code}`, en: `exit code ${code}` };
}

/** Printed when `wxt` exits after being asked to open a browser: it is started again without one. */
export function browserFailedNotice(code: number | null, signal: string | null): string {
  const how = howItStopped(code, signal);
  return [
    `wxt dừng khi mở trình duyệt (${how.vi}); chạy lại wxt không mở trình duyệt, sandbox vẫn chạy.`,
    `wxt stopped while opening the browser (${how.en}); restarting it without a browser, the sandbox keeps running.`,
  ].join('\n');
}

/** Printed when `wxt` exits on its own while the sandbox keeps running. */
export function devStoppedMessage(input: {
  code: number | null;
  signal: string | null;
  sandboxOrigin: string;
  canRebuild: boolean;
}): string {
  const how = howItStopped(input.code, input.signal);
  return [
    RULE,
    `Bản dựng phát triển (wxt) đã dừng (${how.vi}). Sandbox vẫn chạy ở ${input.sandboxOrigin}.`,
    `The dev build (wxt) stopped (${how.en}). The sandbox keeps running at ${input.sandboxOrigin}.`,
    input.canRebuild
      ? 'Sửa lỗi ở trên rồi gõ r + Enter để dựng lại; Ctrl+C để dừng hẳn.'
      : 'Sửa lỗi ở trên, Ctrl+C rồi chạy lại npm start.',
    input.canRebuild
      ? 'Fix the error above, then type r + Enter to rebuild; Ctrl+C to stop everything.'
      : 'Fix the error above, press Ctrl+C and run npm start again.',
    RULE,
  ].join('\n');
}

/** Printed when the sandbox's port is taken, most often by another `npm start`. */
export function portInUseMessage(port: number): string {
  return [
    `Cổng ${port} đang bận (có thể một npm start khác đang chạy). Dừng nó, hoặc chọn cổng khác: SANDBOX_PORT=${port + 1} npm start`,
    `Port ${port} is in use (perhaps by another npm start). Stop that, or pick another port: SANDBOX_PORT=${port + 1} npm start`,
  ].join('\n');
}
