import { describe, expect, it } from 'vitest';
import { fetchStatementFile, fileNameFromDisposition } from '../../../lib/seller-center/statement-file';
import { createSandbox } from '../../../sandbox';

const OFFERED = {
  url: 'https://sellercenter.tiki.vn/tiki/sellercenter/statement.xlsx',
  fileName: 'export.xlsx',
};

function answering(body: BodyInit | null, init: ResponseInit = {}): typeof fetch {
  return async () => new Response(body, init);
}

describe('fetchStatementFile', () => {
  it('should fetch the statement with the seller’s cookies and keep the name Tiki gives it', async () => {
    const sandbox = createSandbox({ seed: 5 });
    const calls: RequestInit[] = [];
    const result = await fetchStatementFile(OFFERED, {
      fetch: (input, init) => {
        calls.push(init ?? {});
        return sandbox.fetch(input, init);
      },
    });
    expect(calls).toEqual([{ credentials: 'same-origin' }]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.fileName).toMatch(/\.xlsx$/);
    expect(result.fileName).not.toBe('export.xlsx');
    expect([...result.bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('should refuse a login page served instead of the file', async () => {
    const login = answering('<!doctype html><title>Đăng nhập</title>', {
      headers: { 'content-type': 'text/html' },
    });
    expect(await fetchStatementFile(OFFERED, { fetch: login })).toEqual({
      ok: false,
      text: { key: 'sellerCenter.statement.notAFile' },
    });
    const csvLogin = answering('  <html>…</html>');
    expect((await fetchStatementFile({ ...OFFERED, fileName: 'sao-ke.csv' }, { fetch: csvLogin })).ok).toBe(
      false,
    );
  });

  it('should accept a CSV export', async () => {
    const csv = answering('Mã đơn hàng,Số tiền\n123,1000\n');
    const result = await fetchStatementFile({ ...OFFERED, fileName: 'sao-ke.csv' }, { fetch: csv });
    expect(result).toMatchObject({ ok: true, fileName: 'sao-ke.csv' });
  });

  it('should say why a download failed: an HTTP error, or no network', async () => {
    expect(await fetchStatementFile(OFFERED, { fetch: answering('Forbidden', { status: 403 }) })).toEqual({
      ok: false,
      text: { key: 'sellerCenter.statement.downloadFailed', params: { status: 403 } },
    });
    const offline: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await fetchStatementFile(OFFERED, { fetch: offline })).toEqual({
      ok: false,
      text: { key: 'sellerCenter.statement.network' },
    });
  });

  it('should say the network failed when the connection drops in the middle of the file', async () => {
    const dropped = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array([0x50, 0x4b, 0x03, 0x04]));
        controller.error(new TypeError('network error'));
      },
    });
    expect(await fetchStatementFile(OFFERED, { fetch: answering(dropped) })).toEqual({
      ok: false,
      text: { key: 'sellerCenter.statement.network' },
    });
  });

  it('should stop at the size cap whether or not the server declares the length', async () => {
    const big = new Uint8Array(2048);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const declared = await fetchStatementFile(OFFERED, {
      fetch: answering(big, { headers: { 'content-length': '2048' } }),
      maxBytes: 1024,
    });
    expect(declared).toMatchObject({ ok: false, text: { key: 'sellerCenter.statement.tooLarge' } });
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(big.subarray(i * 512, (i + 1) * 512));
        controller.close();
      },
    });
    const undeclared = await fetchStatementFile(OFFERED, { fetch: answering(streamed), maxBytes: 1024 });
    expect(undeclared).toMatchObject({ ok: false, text: { key: 'sellerCenter.statement.tooLarge' } });
    expect((await fetchStatementFile(OFFERED, { fetch: answering(big), maxBytes: 4096 })).ok).toBe(true);
  });
});

describe('fileNameFromDisposition', () => {
  it('should prefer the UTF-8 name and fall back to the plain one', () => {
    expect(
      fileNameFromDisposition(`attachment; filename="a.xlsx"; filename*=UTF-8''Sao%20k%C3%AA%2010.xlsx`),
    ).toBe('Sao kê 10.xlsx');
    expect(fileNameFromDisposition('attachment; filename=sao-ke.xlsx')).toBe('sao-ke.xlsx');
    expect(fileNameFromDisposition('attachment')).toBeNull();
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});
