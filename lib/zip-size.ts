/**
 * The total size a ZIP (xlsx, ods) says its entries inflate to, read from its central directory without
 * inflating anything, so a spreadsheet reader can refuse a zip bomb before SheetJS unpacks it in memory.
 * Returns null when the bytes are not a ZIP with a readable directory (the reader then reports them itself);
 * ZIP64 sizes count as infinite (no seller's spreadsheet needs them).
 */
export function declaredUnzippedBytes(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let end = bytes.length - 22; end >= lowest; end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue;
    const entries = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
      const size = view.getUint32(at + 24, true);
      total += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
      at +=
        46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return total;
  }
  return null;
}
