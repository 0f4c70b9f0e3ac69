import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { COMPAT_CHECK_IDS, type CompatCheckId } from '../../../lib/compat/lines';
import { NHANH_READ_PATHS } from '../../../lib/nhanh/contract';
import { createManualClock } from '../../../lib/time/clock';
import { compatSetup, lineOf, runCheck } from '../../fixtures/compat-setup';

/** The assumptions no read can settle: always "chưa rõ", with what to do instead. */
const NOT_TESTABLE_READ_ONLY: CompatCheckId[] = ['nhanh.order.returnedStatus'];

describe('Kiểm tra tương thích API against the sandbox', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('should find every assumption the sandbox keeps right, one line each, in list order', async () => {
    const { lines, report } = await runCheck(await compatSetup());
    expect(lines.map((line) => line.id)).toEqual([...COMPAT_CHECK_IDS]);
    const verdicts = Object.fromEntries(lines.map((line) => [line.id, line.verdict]));
    for (const id of COMPAT_CHECK_IDS)
      expect([id, verdicts[id]]).toEqual([id, NOT_TESTABLE_READ_ONLY.includes(id) ? 'unclear' : 'right']);
    expect(report.lines.map((line) => [line.id, line.verdict])).toEqual(
      lines.map((line) => [line.id, line.verdict]),
    );
    expect(report.totals).toEqual({ right: COMPAT_CHECK_IDS.length - 1, wrong: 0, unclear: 1 });
    expect(report.state).toBe('done');
  });

  it('should only read: GETs on Tiki (and token requests), list and check endpoints on Nhanh', async () => {
    const setup = await compatSetup();
    const before = setup.sandbox.nhanh.snapshot();
    await runCheck(setup);
    const tiki = setup.requests.filter((request) => request.path.startsWith('/tiki/'));
    const nhanh = setup.requests.filter((request) => request.path.startsWith('/nhanh/'));
    expect(tiki.length).toBeGreaterThan(10);
    for (const request of tiki)
      expect(`${request.method} ${request.path}`).toMatch(
        /^(GET \/tiki\/integration\/|POST \/tiki\/sc\/oauth2\/token$)/,
      );
    expect(new Set(nhanh.map((request) => request.path.slice('/nhanh'.length)))).toEqual(
      new Set(NHANH_READ_PATHS),
    );
    const after = setup.sandbox.nhanh.snapshot();
    expect(after.orders).toEqual(before.orders);
    expect(after.products).toEqual(before.products);
    expect(after.stock).toEqual(before.stock);
  });

  it('should keep "Đã hoàn" unclear and say what to do, since only a write could tell', async () => {
    const { lines } = await runCheck(await compatSetup());
    expect(lineOf(lines, 'nhanh.order.returnedStatus')).toMatchObject({
      verdict: 'unclear',
      evidence: { key: 'compat.ev.returnedStatus' },
    });
  });

  it('should judge the time zone by how old the newest activity looks, and say when it cannot tell', async () => {
    const setup = await compatSetup();
    const at = (hoursFromNow: number) => createManualClock(Date.now() + hoursFromNow * 3_600_000);
    // The newest order was updated just now (setup): seen from 3 hours later it is still under 6 hours old.
    expect(lineOf((await runCheck(setup, at(3))).lines, 'tiki.time.zone')).toMatchObject({
      verdict: 'right',
      evidence: { key: 'compat.ev.zoneRecent', params: { vietnam: 180 } },
    });
    // Ten hours later nothing proves either zone: run again after the next order.
    expect(lineOf((await runCheck(setup, at(10))).lines, 'tiki.time.zone')).toMatchObject({
      verdict: 'unclear',
      evidence: { key: 'compat.ev.zoneOld' },
    });
    // A clock an hour behind Tiki's sees the update in the future.
    expect(lineOf((await runCheck(setup, at(-1))).lines, 'tiki.time.zone')).toMatchObject({
      verdict: 'wrong',
      evidence: { key: 'compat.ev.zoneFuture' },
    });
  });

  it('should say why a line cannot be judged when the shop has no key, no app, or Nhanh is not connected', async () => {
    const setup = await compatSetup();
    const shop = { ...setup.settings.shops[0]!, clientId: '', clientSecret: '' };
    const { lines } = await runCheck({
      ...setup,
      settings: { ...setup.settings, shops: [shop], nhanh: { ...setup.settings.nhanh, accessToken: '' } },
    });
    expect(lineOf(lines, 'tiki.app.basic')).toMatchObject({
      verdict: 'unclear',
      evidence: { key: 'compat.ev.noApp' },
    });
    expect(lineOf(lines, 'tiki.key.orders').verdict).toBe('right');
    expect(lineOf(lines, 'tiki.orders.itemFees').verdict).toBe('right');
    for (const line of lines.filter((candidate) => candidate.id.startsWith('nhanh.')))
      if (line.id !== 'nhanh.order.returnedStatus')
        expect([line.id, line.evidence.key]).toEqual([line.id, 'compat.ev.noNhanh']);
    const keyless = await runCheck({
      ...setup,
      settings: { ...setup.settings, shops: [{ ...setup.settings.shops[0]!, connectionKey: '' }] },
    });
    expect(lineOf(keyless.lines, 'tiki.key.seller').evidence.key).toBe('compat.ev.noKey');
    // The app still reads what the features read.
    expect(lineOf(keyless.lines, 'tiki.products.children').verdict).toBe('right');
  });

  const breakable = COMPAT_CHECK_IDS.filter((id) => !NOT_TESTABLE_READ_ONLY.includes(id));
  it.each(breakable)(
    'should turn %s "sai", and no other line, when the sandbox breaks that assumption',
    async (id) => {
      const setup = await compatSetup({ faults: { compatBreak: id } });
      const { lines } = await runCheck(setup);
      expect(lineOf(lines, id).verdict).toBe('wrong');
      expect(lines.filter((line) => line.verdict === 'wrong').map((line) => line.id)).toEqual([id]);
    },
  );
});
