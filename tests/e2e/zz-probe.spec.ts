import { orderCodes, orderListPage } from '../fixtures/seller-center/order-pages';
import { expect, test } from './fixtures';

test('probe', async ({ context }) => {
  const html = orderListPage(orderCodes(200).map((code) => ({ code })), 200);
  await context.route('https://sellercenter.tiki.vn/**', (r) => r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  const page = await context.newPage();
  await page.goto('https://sellercenter.tiki.vn/new/404');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.goto('https://sellercenter.tiki.vn/new/#/orders');
  await expect(page.locator('nhanh-tiki-order-chip')).toHaveCount(200);
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes as any[]) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = new Map<string, number>(); const self = new Map<string, number>();
  const dt = profile.timeDeltas!;
  const name = (n: any) => `${n.callFrame.functionName || '(anon)'}@${n.callFrame.url.split('/').pop()}:${n.callFrame.columnNumber}`;
  profile.samples!.forEach((id: number, i: number) => {
    const seen = new Set<string>();
    self.set(name(byId.get(id)), (self.get(name(byId.get(id))) ?? 0) + dt[i]! / 1000);
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) { const k = name(byId.get(cur)); if (!seen.has(k)) { seen.add(k); total.set(k, (total.get(k) ?? 0) + dt[i]! / 1000); } }
  });
  const ours = (m: Map<string, number>) => [...m].filter(([k]) => k.includes('seller-center')).sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `${v.toFixed(1)}ms ${k}`).join('\n');
  console.log('TOTAL\n' + ours(total) + '\nSELF\n' + ours(self));
});
