import { settingsSchema } from '../../lib/settings-schema';
import { expect, storeSettings, test } from '../e2e/fixtures';

/** A shop name a hostile import or a careless paste could carry. */
const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>Sách';

test.describe('HTML and script in stored data', () => {
  test('is shown as text in the popup, the settings and the activity log, and never runs', async ({
    context,
    extensionId,
  }) => {
    const settings = settingsSchema.parse({
      shops: [{ id: 's1', name: PAYLOAD, connectionKey: '3f2b9c1e-8d4a-4c6b-9e7f-1a2b3c4d5e6f' }],
    });
    await storeSettings(context, settings);

    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    await expect(popup.getByText(PAYLOAD).first()).toBeVisible();

    const dashboard = await context.newPage();
    await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#settings`);
    await expect(dashboard.getByLabel('Tên cửa hàng').first()).toHaveValue(PAYLOAD);
    // A log line whose parameter and detail came from Tiki data (e.g. a product name).
    await dashboard.evaluate(
      (payload) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('nhanh-tiki-companion');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('activityLog', 'readwrite');
            tx.objectStore('activityLog').add({
              at: Date.now(),
              level: 'warn',
              source: 'products',
              text: { key: 'products.log.downloaded', params: { shop: payload, tiki: 1, nhanh: 1 } },
              detail: payload,
            });
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
      PAYLOAD,
    );
    await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#log`);
    await dashboard.reload();
    await expect(dashboard.getByText(PAYLOAD, { exact: true })).toBeVisible();
    await expect(dashboard.getByText(`Tải sản phẩm của ${PAYLOAD}`)).toBeVisible();

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
