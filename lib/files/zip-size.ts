/**
 * What a ZIP (xlsx, ods) says about itself, read from its central directory without inflating anything, so a
 * spreadsheet reader can refuse a zip bomb before SheetJS unpacks it in memory.
 */

const END_RECORD_SIGNATURE = 0x06054b50;
const ENTRY_SIGNATURE = 0x02014b50;
const END_RECORD_SIZE = 22;
/** A real spreadsheet deflates 3–15×; a bomb, hundreds to thousands of times. */
const BOMB_RATIO = 100;
/** Below this, a high ratio costs nothing worth refusing for (a sheet of one repeated value). */
const BOMB_RATIO_FLOOR_BYTES = 16 * 1024 * 1024;

/** Offset of the end-of-central-directory record (it sits in the last 64 KB + 22 bytes), or -1. */
export function zipEndRecordOffset(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - END_RECORD_SIZE - 0xffff);
  for (let end = bytes.length - END_RECORD_SIZE; end >= lowest; end--)
    if (view.getUint32(end, true) === END_RECORD_SIGNATURE) return end;
  return -1;
}

/**
 * The total size the entries inflate to. Null when the bytes are not a ZIP with a readable directory (the
 * reader then reports them itself); ZIP64 sizes count as infinite (no seller's spreadsheet needs them).
 */
export function declaredUnzippedBytes(bytes: Uint8Array): number | null {
  const end = zipEndRecordOffset(bytes);
  if (end < 0) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== ENTRY_SIGNATURE) return null;
    const size = view.getUint32(at + 24, true);
    total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}

/** True when a ZIP would unpack past `maxBytes`, or inflate like a bomb; false for anything else. */
export function unpacksTooLarge(bytes: Uint8Array, maxBytes: number): boolean {
  const unzipped = declaredUnzippedBytes(bytes);
  if (unzipped === null) return false;
  return unzipped > maxBytes || (unzipped > BOMB_RATIO_FLOOR_BYTES && unzipped > bytes.length * BOMB_RATIO);
}
