import { defineConfig } from 'wxt';

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
