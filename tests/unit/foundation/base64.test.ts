import { describe, expect, it } from 'vitest';
import { base64DecodedSize, base64ToBytes, bytesToBase64 } from '../../../lib/files/base64';

describe('base64', () => {
  it('should carry every byte value of a large file unchanged', () => {
    const bytes = new Uint8Array(300_000).map((_, index) => (index * 7919) % 256);
    const carried = base64ToBytes(bytesToBase64(bytes));
    expect(Buffer.from(carried).equals(Buffer.from(bytes))).toBe(true);
    expect(bytesToBase64(new TextEncoder().encode('Sao kê'))).toBe(Buffer.from('Sao kê').toString('base64'));
  });

  it('should tell the decoded size of any length without decoding', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 1000, 1001, 1002]) {
      const encoded = Buffer.alloc(length, 7).toString('base64');
      expect(base64DecodedSize(encoded)).toBe(length);
    }
  });
});
