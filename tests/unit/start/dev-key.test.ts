import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEV_EXTENSION_ID, DEV_MANIFEST_KEY } from '../../../wxt.config';

describe('the development build’s fixed extension id', () => {
  it('should be the id Chrome derives from the manifest key, so the OAuth redirect URL never changes', () => {
    const hex = createHash('sha256')
      .update(Buffer.from(DEV_MANIFEST_KEY, 'base64'))
      .digest('hex')
      .slice(0, 32);
    const id = [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
    expect(id).toBe(DEV_EXTENSION_ID);
  });
});
