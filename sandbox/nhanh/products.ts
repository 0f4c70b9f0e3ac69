import {
  NHANH_MAX_IDS_PER_FILTER,
  NHANH_MAX_PRODUCTS_PER_ADD,
  NHANH_PARENT_ID,
} from '../../lib/nhanh/contract';
import type { Faults, SandboxResponse } from '../types';
import {
  createFieldCollector,
  type FieldCollector,
  FormFieldsError,
  isNonEmptyString,
  isPositiveInt,
  isRecord,
  ok,
} from './envelope';
import { pageOf, readPaginator } from './paging';
import type { NhanhStore, StoredProduct } from './store';

/**
 * A product's `inventory` [OFF-v3 §7.1]: totals, and `depots` as an array of objects carrying their own `id`.
 * `depotIds` (product/inventory's filter) keeps only those depots, totals included [INF].
 */
function renderInventory(store: NhanhStore, product: StoredProduct, depotIds?: readonly number[]) {
  const depots: { id: number; remain: number; holding: number; available: number }[] = [];
  const total = { remain: 0, holding: 0, available: 0 };
  for (const [depotId, entry] of store.stockOf(product)) {
    if (depotIds && !depotIds.includes(depotId)) continue;
    const available = entry.remain - entry.holding;
    depots.push({ id: depotId, ...entry, available });
    total.remain += entry.remain;
    total.holding += entry.holding;
    total.available += available;
  }
  return { ...total, depots };
}

function renderProduct(store: NhanhStore, product: StoredProduct) {
  return {
    id: product.id,
    parentId: store.parentIdCode(product),
    code: product.code,
    barcode: product.barcode,
    name: product.name,
    status: product.status,
    prices: { retail: product.price },
    inventory: renderInventory(store, product),
  };
}

function isIdList(value: unknown, max = Number.POSITIVE_INFINITY): value is number[] {
  return Array.isArray(value) && value.length <= max && value.every(isPositiveInt);
}

/**
 * The filters product/list and product/inventory share [OFF-v3 §7.1, §7.5]: `ids` (≤ 100), `name` (name, code
 * or barcode), `updatedAtFrom`/`updatedAtTo` (unix s, inclusive) against `changedAt`. Problems go to `fields`.
 */
function sharedFilters(
  filters: Record<string, unknown>,
  fields: FieldCollector,
  changedAt: (product: StoredProduct) => number,
): ((product: StoredProduct) => boolean)[] {
  const checks: ((product: StoredProduct) => boolean)[] = [];
  if (filters.ids !== undefined) {
    const ids = filters.ids;
    if (!isIdList(ids, NHANH_MAX_IDS_PER_FILTER))
      fields.add(
        'filters.ids',
        `filters.ids must be an array of at most ${NHANH_MAX_IDS_PER_FILTER} integers`,
      );
    else checks.push((product) => ids.includes(product.id));
  }
  if (filters.name !== undefined) {
    if (typeof filters.name !== 'string') fields.add('filters.name', 'filters.name must be a string');
    else {
      const needle = filters.name.toLowerCase();
      checks.push((product) =>
        [product.name, product.code, product.barcode].some((text) => text.toLowerCase().includes(needle)),
      );
    }
  }
  for (const key of ['updatedAtFrom', 'updatedAtTo'] as const) {
    const value = filters[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value))
      fields.add(`filters.${key}`, `${key} must be a unix timestamp`);
    else
      checks.push((product) =>
        key === 'updatedAtFrom' ? changedAt(product) >= value : changedAt(product) <= value,
      );
  }
  return checks;
}

function readFilters(body: Record<string, unknown>): Record<string, unknown> {
  const filters = body.filters ?? {};
  if (!isRecord(filters)) throw new FormFieldsError({ filters: 'filters must be an object' });
  return filters;
}

/**
 * `product/inventory` [OFF-v3 §7.5]: stock only, rows keyed `productId` (no `code`), newest id first unless
 * `sort` says otherwise, paged like product/list. Filters `ids`, `name`, `depotIds` (only those depots are
 * shown) and `updatedAtFrom`/`updatedAtTo`, which compare the last stock or information change (`stock`) or the
 * information change only (`product`), as the `nhanhInventoryUpdatedAt` fault says (the docs disagree).
 */
export function listInventory(
  store: NhanhStore,
  body: Record<string, unknown>,
  updatedAt: Faults['nhanhInventoryUpdatedAt'],
): SandboxResponse {
  const fields = createFieldCollector();
  const page = readPaginator(body, fields);
  const filters = readFilters(body);
  const checks = sharedFilters(filters, fields, (product) =>
    updatedAt === 'stock' ? store.lastChangeOf(product) : product.updatedAt,
  );
  const depotIds = filters.depotIds;
  if (depotIds !== undefined && !isIdList(depotIds))
    fields.add('filters.depotIds', 'filters.depotIds must be an array of integers');
  fields.throwIfAny();
  const sorted = isRecord(body.paginator) && body.paginator.sort !== undefined;
  const { rows, paginator } = pageOf(
    [...store.products.values()],
    { ...page, descending: !sorted || page.descending },
    (product) => checks.every((check) => check(product)),
  );
  return ok(
    rows.map((product) => ({
      productId: product.id,
      barcode: product.barcode,
      name: product.name,
      prices: { retail: product.price },
      inventory: renderInventory(store, product, depotIds as number[] | undefined),
    })),
    paginator,
  );
}

/**
 * `product/list` [OFF S2]: filters ids (≤ 100), name (name, code or barcode), parentId, updatedAt range (the
 * product's information only: "updatedAt … không bao gồm thông tin tồn kho" [OFF-v3 §7.1]).
 */
export function listProducts(store: NhanhStore, body: Record<string, unknown>): SandboxResponse {
  const fields = createFieldCollector();
  const page = readPaginator(body, fields);
  const filters = readFilters(body);
  const checks = sharedFilters(filters, fields, (product) => product.updatedAt);
  if (filters.parentId !== undefined) {
    const parentId = filters.parentId;
    if (typeof parentId !== 'number' || !Number.isInteger(parentId))
      fields.add('filters.parentId', 'filters.parentId must be an integer');
    else if (parentId === NHANH_PARENT_ID.parent) checks.push((product) => product.isParent);
    else if (parentId === NHANH_PARENT_ID.independent)
      checks.push((product) => !product.isParent && product.parentId === 0);
    else checks.push((product) => product.parentId === parentId);
  }
  fields.throwIfAny();
  const { rows, paginator } = pageOf([...store.products.values()], page, (product) =>
    checks.every((check) => check(product)),
  );
  return ok(
    rows.map((product) => renderProduct(store, product)),
    paginator,
  );
}

/**
 * `product/add` [OFF S2/S9]: an array of ≤ 100; `appProductId` and `name` required; an existing
 * `appProductId` updates that product. [INF] Nhanh validates a request as a whole (as its form errors do): one
 * bad item rejects the batch with ERR_INVALID_FORM_FIELDS keyed `"<index>.<field>"`, and nothing is saved.
 * [INF] A product code already used by another product is refused.
 */
export function addProducts(store: NhanhStore, body: unknown): SandboxResponse {
  if (!Array.isArray(body) || body.length === 0 || body.length > NHANH_MAX_PRODUCTS_PER_ADD)
    throw new FormFieldsError({
      data: `The body must be an array of 1 to ${NHANH_MAX_PRODUCTS_PER_ADD} products`,
    });
  const fields = createFieldCollector();
  const codesInBatch = new Map<string, string>();
  for (const [index, item] of body.entries()) {
    if (!isRecord(item)) {
      fields.add(String(index), 'each product must be an object');
      continue;
    }
    const { appProductId, name, code, barcode, price } = item;
    if (!isNonEmptyString(appProductId, 50))
      fields.add(`${index}.appProductId`, 'appProductId is required (max 50 characters)');
    if (!isNonEmptyString(name, 255)) fields.add(`${index}.name`, 'name is required (max 255 characters)');
    if (code !== undefined) {
      if (!isNonEmptyString(code, 50))
        fields.add(`${index}.code`, 'code must be a string of at most 50 characters');
      else {
        // product/add only adds [OFF-v3 §7.2, no upsert documented for v3]: a code already used is refused,
        // whoever added it (a re-send after a lost answer included).
        if (store.productByCode(code) || codesInBatch.has(code))
          fields.add(`${index}.code`, `code ${code} already exists`);
        codesInBatch.set(code, String(appProductId));
      }
    }
    if (barcode !== undefined && !isNonEmptyString(barcode, 20))
      fields.add(`${index}.barcode`, 'barcode must be a string of at most 20 characters');
    if (price !== undefined && (typeof price !== 'number' || price < 0))
      fields.add(`${index}.price`, 'price must be a number ≥ 0');
  }
  fields.throwIfAny();
  const saved = (body as Record<string, unknown>[]).map((item) =>
    store.addProduct({
      appProductId: item.appProductId as string,
      name: item.name as string,
      code: item.code as string | undefined,
      barcode: item.barcode as string | undefined,
      price: item.price as number | undefined,
    }),
  );
  return ok(
    saved.map((product) => ({
      appProductId: product.appProductId,
      id: product.id,
      barcode: product.barcode,
    })),
  );
}
