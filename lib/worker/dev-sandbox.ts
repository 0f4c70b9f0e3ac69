import { z } from 'zod';
import { getSettingsDraft, type SettingsInput, saveSettings, settingsItem } from '../settings';

/**
 * `npm start` builds the extension with `WXT_SANDBOX` set to the first line `npm run sandbox` prints. A fresh
 * install of that development build starts with the sandbox's demo shops and Nhanh connection, so a newcomer
 * sees the whole product work with no accounts. Production builds have no such variable: this does nothing.
 */
export const sandboxDescriptionSchema = z.object({
  tiki: z.object({
    baseUrl: z.string(),
    shops: z.array(
      z.object({
        sellerId: z.number(),
        name: z.string(),
        connectionKey: z.string(),
        clientId: z.string(),
        clientSecret: z.string(),
      }),
    ),
  }),
  nhanh: z.object({
    baseUrl: z.string(),
    oauthUrl: z.string(),
    appId: z.string(),
    secretKey: z.string(),
    businessId: z.number(),
    accessToken: z.string(),
    accessTokenExpiredAt: z.number(),
    depots: z.array(z.object({ id: z.number(), name: z.string() })),
  }),
});
export type SandboxDescription = z.output<typeof sandboxDescriptionSchema>;

export function sandboxSettings(sandbox: SandboxDescription): SettingsInput {
  const depotId = sandbox.nhanh.depots[0]?.id ?? null;
  return {
    shops: sandbox.tiki.shops.map((shop, index) => ({
      id: `sandbox-shop-${index + 1}`,
      name: shop.name,
      connectionKey: shop.connectionKey,
      tikiSellerId: shop.sellerId,
      nhanhDepotId: depotId,
      defaultCustomerName: 'Khách Tiki',
      defaultCustomerPhone: '0987654321',
    })),
    nhanh: {
      mode: 'manual',
      appId: sandbox.nhanh.appId,
      secretKey: sandbox.nhanh.secretKey,
      businessId: sandbox.nhanh.businessId,
      accessToken: sandbox.nhanh.accessToken,
      expiredAt: sandbox.nhanh.accessTokenExpiredAt,
    },
    apiBase: {
      tiki: sandbox.tiki.baseUrl,
      nhanh: sandbox.nhanh.baseUrl,
      nhanhOauth: sandbox.nhanh.oauthUrl,
    },
  };
}

/** On install of a development build made by `npm start`: fill empty settings with the sandbox's demo data. */
export async function seedSandboxSettings(description: string | undefined): Promise<boolean> {
  if (!description) return false;
  const stored = await settingsItem.getValue();
  if (stored && Object.keys(stored).length > 0) return false;
  const sandbox = sandboxDescriptionSchema.parse(JSON.parse(description));
  const { draft } = await getSettingsDraft('vi');
  const result = await saveSettings({ ...draft, ...sandboxSettings(sandbox) }, 'vi');
  return result.ok;
}
