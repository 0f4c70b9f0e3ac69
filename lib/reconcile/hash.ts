/** SHA-256 of a file, in hex: the statement's id, so the same file imported twice is one statement. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * A 64-bit FNV-1a hash of a text, in hex (two 32-bit halves with different offsets). Used to recognise the same
 * statement line in two files, not for security: 100,000 lines must hash in milliseconds, which the async
 * crypto.subtle cannot do line by line.
 */
export function contentHash(text: string): string {
  let low = 0x811c9dc5;
  let high = 0x050c5d1f;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    low = Math.imul(low ^ code, 0x01000193);
    high = Math.imul(high ^ code, 0x01000193) ^ (low >>> 15);
  }
  return (low >>> 0).toString(16).padStart(8, '0') + (high >>> 0).toString(16).padStart(8, '0');
}
