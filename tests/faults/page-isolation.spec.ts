import { expect, serveSellerCenterPage, serviceWorker, test } from '../e2e/fixtures';

const SECRETS = {
  connectionKey: 'PageMustNotSee-ConnKey-0123456789',
  clientSecret: 'PageMustNotSee-ClientSecret-abcdef',
  secretKey: 'PageMustNotSee-NhanhSecret-012345',
  accessToken: 'PageMustNotSee-NhanhToken-abcdefgh',
};

test.describe('a script in the seller-center page', () => {
  test('cannot reach the extension nor read any key, token or secret', async ({ context, extensionId }) => {
    const worker = await serviceWorker(context);
    await worker.evaluate(async (secrets) => {
      const settings = {
        shops: [
          {
            id: 's1',
            name: 'Shop <img src=x onerror="window.__pwned=1">',
            connectionKey: secrets.connectionKey,
            clientId: 'client-1',
            clientSecret: secrets.clientSecret,
            tikiSellerId: null,
            nhanhDepotId: null,
            defaultCustomerName: '',
            defaultCustomerPhone: '',
            autoSync: false,
          },
        ],
        nhanh: {
          mode: 'manual',
          appId: '1',
          secretKey: secrets.secretKey,
          businessId: 1,
          accessToken: secrets.accessToken,
          expiredAt: null,
        },
      };
      await chrome.storage.local.set({ settings, settings$: { v: 2 } });
    }, SECRETS);

    await serveSellerCenterPage(
      context,
      'https://sellercenter.tiki.vn/**',
      'seller-center/key-table-one-shop.html',
    );
    const page = await context.newPage();
    await page.goto('https://sellercenter.tiki.vn/new/#/account/api-connection');
    await expect(page.locator('nhanh-tiki-helper').first()).toBeAttached();

    const seen = await page.evaluate(async (id) => {
      const g = globalThis as unknown as {
        chrome?: { runtime?: { id?: string; sendMessage?: unknown }; storage?: unknown };
        browser?: unknown;
        __pwned?: number;
      };
      let sent = 'no sendMessage';
      if (typeof g.chrome?.runtime?.sendMessage === 'function') {
        try {
          await (g.chrome.runtime.sendMessage as (id: string, m: unknown) => Promise<unknown>)(id, {
            id: 1,
            type: 'getStatus',
            timestamp: Date.now(),
          });
          sent = 'answered';
        } catch (error) {
          sent = `refused: ${String(error)}`;
        }
      }
      const hosts = [...document.querySelectorAll('nhanh-tiki-helper')];
      return {
        runtimeId: g.chrome?.runtime?.id ?? null,
        storage: typeof g.chrome?.storage,
        browser: typeof g.browser,
        sent,
        openShadowRoots: hosts.filter((host) => host.shadowRoot !== null).length,
        everything: [
          document.documentElement.outerHTML,
          JSON.stringify({ ...localStorage }),
          JSON.stringify({ ...sessionStorage }),
          document.cookie,
          JSON.stringify(Object.keys(globalThis)),
        ].join('\n'),
        pwned: g.__pwned ?? null,
      };
    }, extensionId);

    expect(seen.runtimeId).toBeNull();
    expect(seen.storage).toBe('undefined');
    expect(seen.browser).toBe('undefined');
    expect(seen.sent).not.toBe('answered');
    expect(seen.pwned).toBeNull();
    for (const secret of Object.values(SECRETS)) expect(seen.everything).not.toContain(secret);
  });

  test("cannot press the helper's save button", async ({ context }) => {
    await serveSellerCenterPage(
      context,
      'https://sellercenter.tiki.vn/**',
      'seller-center/key-table-one-shop.html',
    );
    const page = await context.newPage();
    await page.goto('https://sellercenter.tiki.vn/new/#/account/api-connection');
    await expect(page.locator('nhanh-tiki-key-button').first()).toBeAttached();
    const statuses = await page.evaluate(() =>
      [...document.querySelectorAll('nhanh-tiki-key-button')].flatMap((host) => {
        const root = host.shadowRoot;
        if (!root) return [];
        for (const button of root.querySelectorAll('button')) {
          button.click();
          button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        }
        return [...root.querySelectorAll('[role="status"]')].map((status) => status.textContent);
      }),
    );
    // Regression: an untrusted click used to start a key capture (the status showed the busy message).
    expect(statuses.length).toBeGreaterThan(0);
    for (const status of statuses) expect(status).toBe('');
  });
});
