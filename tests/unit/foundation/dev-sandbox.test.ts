import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getSettings, saveSettings } from '../../../lib/settings';
import { seedSandboxSettings } from '../../../lib/worker/dev-sandbox';
import { describeSandbox, startSandboxServer } from '../../../sandbox/server';

describe('npm start: a development build pointed at the sandbox', () => {
  beforeEach(() => fakeBrowser.reset());

  it('should start with the demo shops and Nhanh connection of the sandbox', async () => {
    const running = await startSandboxServer({ port: 0 });
    try {
      const description = describeSandbox(running);
      expect(await seedSandboxSettings(JSON.stringify(description))).toBe(true);
      const settings = await getSettings();
      expect(settings.shops.map((shop) => shop.name)).toEqual(
        description.tiki.shops.map((shop) => shop.name),
      );
      expect(settings.shops[0]?.connectionKey).toBe(description.tiki.shops[0]?.connectionKey);
      expect(settings.nhanh.businessId).toBe(description.nhanh.businessId);
      expect(settings.apiBase.tiki).toBe(`${running.origin}/tiki`);
    } finally {
      await running.close();
    }
  });

  it('should leave existing settings alone and do nothing in a production build', async () => {
    await saveSettings({ language: 'en' }, 'vi');
    const running = await startSandboxServer({ port: 0 });
    try {
      expect(await seedSandboxSettings(JSON.stringify(describeSandbox(running)))).toBe(false);
      expect(await seedSandboxSettings(undefined)).toBe(false);
      expect((await getSettings()).shops).toEqual([]);
    } finally {
      await running.close();
    }
  });
});
