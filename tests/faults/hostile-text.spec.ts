import { SETTINGS_VERSION, settingsSchema } from '../../lib/settings-schema';
import { expect, serviceWorker, test } from '../e2e/fixtures';

/** A shop name a hostile import or a careless paste could carry. */
const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>Sách';

test.describe('HTML and script in stored data', () => {
  test('is shown as text in the popup and the dashboard, and never runs', async ({
    context,
    extensionId,
  }) => {
    const worker = await serviceWorker(context);
    const settings = settingsSchema.parse({
      shops: [{ id: 's1', name: PAYLOAD, connectionKey: '3f2b9c1e-8d4a-4c6b-9e7f-1a2b3c4d5e6f' }],
    });
    await worker.evaluate(
      ([value, version]) => chrome.storage.local.set({ settings: value, settings$: { v: version } }),
      [settings, SETTINGS_VERSION] as const,
    );

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByText(PAYLOAD).first()).toBeVisible();

    const dashboard = await context.newPage();
    await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
    await expect(dashboard.getByLabel('Tên cửa hàng').first()).toHaveValue(PAYLOAD);
    await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#orders`);
    await dashboard.waitForLoadState('networkidle');

    for (const page of [popup, dashboard]) {
      const injected = await page.evaluate(() => ({
        pwned: (window as { __pwned?: number }).__pwned ?? null,
        images: document.querySelectorAll('img[src="x"]').length,
        scripts: [...document.scripts].filter((script) => script.textContent?.includes('__pwned')).length,
      }));
      expect(injected).toEqual({ pwned: null, images: 0, scripts: 0 });
    }
  });
});
