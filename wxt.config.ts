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

/**
 * Development builds only: a fixed public key gives the unpacked extension the same id on every machine and
 * every install (`diackdbfieggfhhihgigkmlkbadejppf`), so the Nhanh OAuth redirect URL a seller registers on open.nhanh.vn
 * (`https://<id>.chromiumapp.org/`) does not change between reloads. The store assigns the production id; the
 * private half of this key is not kept anywhere (Chrome only needs the public one to derive the id).
 */
export const DEV_MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsKj0tWjn4BV8MMcqPm+9PF12SwGyaBBL5l7rj00bt8Sa9hMWDAJBD5mE+GfrvxbEwlG/gSwFHTvJDOZ3aoFLSqD0xDyvhpoEGFSR3xrwYGZLk2vAllY8zNiLU/YFtJpRrVStjfyiyZXCiRmyKCBIm7v1lt25oCD+/ikS8d3DmDGTf4S/BdOEfcSal9XgrHH6O1Kj5hOzJRL1D9JadYkPbG0jZUU0lCfPfCeymY1RupWcXk4ZTMtJYEYBUTNbkl63LWw147DrwQIWCPuLTaFJr0XcXhkZYfYmxZ3az7w6DFYaK1s6Yyx4IK7pOaYsqTtOtDnLCdQHP37t7iQGTkns5QIDAQAB';
export const DEV_EXTENSION_ID = 'diackdbfieggfhhihgigkmlkbadejppf';

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
    ...(mode === 'production' ? {} : { key: DEV_MANIFEST_KEY }),
    // The toolbar button uses the same icons as the extension (public/icon/, drawn by scripts/icons.ts).
    action: {
      default_title: '__MSG_extName__',
      default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    },
  }),
});
