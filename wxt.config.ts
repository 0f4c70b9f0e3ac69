import { defineConfig } from 'wxt';
import { webExtFromEnvironment } from './scripts/start-plan';

/** Hosts the extension talks to in every build: the seller center, the Tiki Open API and the Nhanh API. */
export const PRODUCTION_HOSTS = [
  'https://sellercenter.tiki.vn/*',
  'https://api.tiki.vn/*',
  'https://pos.open.nhanh.vn/*',
] as const;

/** The local sandbox; never in the production zip. */
export const SANDBOX_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'] as const;

export const PERMISSIONS = ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'identity'] as const;

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Explicit imports only: a reader can follow every name to its module.
  imports: false,
  // Lets parallel work build into separate folders (the e2e fixtures read the same variable).
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  // Whether and how `wxt` (dev) opens a browser: no display → none; root → Chromium's --no-sandbox.
  // `npm start` decides and passes its choice in START_WEB_EXT (scripts/start-plan.ts); a git-ignored
  // web-ext.config.ts still overrides it.
  webExt: webExtFromEnvironment({ env: process.env, platform: process.platform, uid: process.getuid?.() }),
  // The dev server's port (WXT picks the first free one from 3000 when unset); tests pass a free one.
  dev: process.env.DEV_SERVER_PORT ? { server: { port: Number(process.env.DEV_SERVER_PORT) } } : undefined,
  manifest: ({ mode }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    permissions: [...PERMISSIONS],
    host_permissions: mode === 'production' ? [...PRODUCTION_HOSTS] : [...PRODUCTION_HOSTS, ...SANDBOX_HOSTS],
    // The toolbar button uses the same icons as the extension (public/icon/, drawn by scripts/icons.ts).
    action: {
      default_title: '__MSG_extName__',
      default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    },
  }),
});
