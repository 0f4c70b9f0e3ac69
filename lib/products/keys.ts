/**
 * How product identifiers and names are compared. One place, so matching, search, import and the stored
 * `codeKey`/`barcodeKey` can never disagree about what "the same code" means.
 */

/** A code or barcode as the rules compare it: surrounding spaces and letter case do not count. */
export function matchKey(value: string | null | undefined): string {
  return (value ?? '').trim().toLowerCase();
}

/** Lower case without Vietnamese diacritics ("Đắc Nhân Tâm" → "dac nhan tam"), for search and name similarity. */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** The distinct words of a name (folded, 2 characters or more), for name similarity. */
export function nameWords(name: string): string[] {
  return [...new Set(foldText(name).split(/[^a-z0-9]+/))].filter((word) => word.length >= 2);
}

/** cyrb53: a fast 53-bit string hash; collisions are negligible at catalogue sizes and it needs no async crypto. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * What a pairing depends on, part one: the name and the seller SKU. When it changes after pairing, the product
 * "cần ghép lại" (the help page's "Doanh nghiệp sửa tên, sku, thuộc tính sản phẩm"). A variant's option values
 * are part of its name on Tiki too. The SKU's spaces and case do not count, as in the matching rules.
 */
export function productFingerprint(product: { name: string; originalSku: string }): string {
  return hash53(JSON.stringify([product.name.trim(), matchKey(product.originalSku)]));
}

/** A value in a fixed spelling: an object as its sorted [key, value] pairs, text trimmed, empty values dropped. */
function canonical(value: unknown): unknown {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object')
    return Object.keys(value)
      .sort()
      .flatMap((key) => {
        const entry = canonical((value as Record<string, unknown>)[key]);
        return entry === '' || entry === null || entry === undefined ? [] : [[key, entry]];
      });
  return value ?? null;
}

/**
 * Leads every option fingerprint; bumped whenever what it covers changes. A stored fingerprint of another
 * version (version 1 hashed every attribute, prices included) is no baseline: it is replaced, never compared.
 */
const OPTION_FINGERPRINT_VERSION = 'v2:';

/**
 * What a pairing depends on, part two: the values of the option attributes that tell a variant from its
 * siblings (`optionCodes`, e.g. colour and size; none for a product without variants). Only these identify the
 * item: the rest of Tiki's attributes holds prices, promotion dates and the supplier, which move by themselves.
 * Code order, surrounding spaces and empty values do not count. Undefined when the answer carried no attributes
 * or the option codes are unknown: then nothing can be compared.
 */
export function optionFingerprint(
  attributes: Record<string, unknown> | unknown[] | null | undefined,
  optionCodes: readonly string[] | undefined,
): string | undefined {
  if (attributes === null || attributes === undefined || optionCodes === undefined) return undefined;
  // `[]` is how PHP writes an empty map: no values.
  const values: Record<string, unknown> = Array.isArray(attributes) ? {} : attributes;
  const options = Object.fromEntries(
    optionCodes.map((code) => [code, Object.hasOwn(values, code) ? values[code] : undefined]),
  );
  return OPTION_FINGERPRINT_VERSION + hash53(JSON.stringify(canonical(options)));
}

/** Whether a stored option fingerprint was made by this version's rule, so that it can be compared. */
export function isCurrentOptionFingerprint(fingerprint: string | undefined): fingerprint is string {
  return fingerprint?.startsWith(OPTION_FINGERPRINT_VERSION) ?? false;
}

/**
 * A variant's option values from its name: Tiki names a variant "<parent name> - <options>" (e.g.
 * "Áo thun - Đỏ, XL"). The name is there for every variant; attributes only where the list answer carries them.
 */
export function optionLabelOf(name: string, parentName: string | undefined): string {
  if (!parentName) return '';
  const trimmed = name.trim();
  const prefix = parentName.trim();
  if (!trimmed.startsWith(prefix)) return '';
  return trimmed
    .slice(prefix.length)
    .replace(/^[\s\-–:,(]+/, '')
    .replace(/\)$/, '')
    .trim();
}
