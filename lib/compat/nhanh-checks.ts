import type { ApiError } from '../http/api-error';
import type { NhanhClient } from '../nhanh/client';
import {
  NHANH_ORDER_STATUS,
  NHANH_ORDER_WINDOW_SECONDS,
  NHANH_PARENT_ID,
  NHANH_PATHS,
  NHANH_RECONNECT_CODES,
  orderListBody,
  productListBody,
} from '../nhanh/contract';
import type { Clock } from '../time/clock';
import { isRecord, type Json, keysAcross, numberIn, records, typeName } from './answer-shape';
import type { CompatCheckId, CompatLine } from './lines';
import { errorFacts, judged, tryRead, unjudgedLines, unreadLine, unreadLines } from './verdicts';

/*
 * The Nhanh lines of "Kiểm tra tương thích API". Only list, detail and check endpoints are asked (`readAnswer`
 * takes no other), so nothing in the business changes; answers are looked at as sent, and only counts, key names
 * and types are kept.
 */

export interface NhanhCompatSources {
  /** Null when Nhanh is not connected. */
  nhanh: Pick<NhanhClient, 'readAnswer'> | null;
  /** The app's secret key, for app/checkaccesstoken; empty when it is not saved. */
  secretKey: string;
  /** The token's expiry as the settings hold it (unix seconds); null when unknown. */
  storedExpiredAt: number | null;
  clock: Clock;
}

type Reader = Pick<NhanhClient, 'readAnswer'>;

const NOT_CONNECTED = { key: 'compat.ev.noNhanh' } as const;

/** How many products, orders and depot pages a check looks at: a sample, not the whole business. */
const PRODUCT_SAMPLE = 50;
const INVENTORY_SAMPLE = 20;
const DEPOT_PAGES_READ = 20;
const ORDER_SAMPLE = 100;
/** An appOrderId nothing can carry (at most 36 characters, like ours): only a working filter leaves nothing. */
const ABSENT_APP_ORDER_ID = 'compat-check-no-such-order';
/** "Đã chuyển hoàn", the int `order/edit` is sent for "Đã hoàn" [INF]. */
const RETURNED = NHANH_ORDER_STATUS.Returned;

function depotsLine(rows: readonly Json[]): CompatLine {
  const id = 'nhanh.product.depots';
  const shapes = rows.flatMap((row) => (isRecord(row.inventory) ? [typeName(row.inventory.depots)] : []));
  const facts = {
    productsWithInventory: shapes.length,
    depotsAsArray: shapes.filter((shape) => shape === 'array').length,
    depotsAsMap: shapes.filter((shape) => shape === 'object').length,
  };
  const params = { arrays: facts.depotsAsArray, maps: facts.depotsAsMap };
  if (facts.depotsAsMap > 0) return judged(id, 'wrong', { key: 'compat.ev.depotsShape', params }, facts);
  if (facts.depotsAsArray > 0) return judged(id, 'right', { key: 'compat.ev.depotsShape', params }, facts);
  return judged(id, 'unclear', { key: 'compat.ev.noDepotStock' }, facts);
}

function pagingLine(rows: readonly Json[], paginator: { next?: unknown; totalItems?: number } | undefined) {
  const id = 'nhanh.product.paging';
  const next = paginator?.next;
  const facts = {
    rows: rows.length,
    nextType: typeName(next),
    totalItemsSent: paginator?.totalItems !== undefined,
  };
  const params = { type: facts.nextType };
  if (isRecord(next)) return judged(id, 'right', { key: 'compat.ev.nextObject', params }, facts);
  if (next === undefined || next === null) return judged(id, 'unclear', { key: 'compat.ev.onePage' }, facts);
  return judged(id, 'wrong', { key: 'compat.ev.nextBare', params }, facts);
}

/** `parentId` in answers: −2 a parent, −1 an independent product, the parent's id for a variant. */
function parentCodesLine(rows: readonly Json[]): CompatLine {
  const id = 'nhanh.product.parentCodes';
  const codes = rows.map((row) => numberIn(row.parentId));
  const facts = {
    parents: codes.filter((code) => code === NHANH_PARENT_ID.parent).length,
    independents: codes.filter((code) => code === NHANH_PARENT_ID.independent).length,
    variants: codes.filter((code) => code !== undefined && code > 0).length,
    other: 0,
  };
  facts.other = rows.length - facts.parents - facts.independents - facts.variants;
  if (rows.length === 0) return judged(id, 'unclear', { key: 'compat.ev.noProducts' }, facts);
  return judged(
    id,
    facts.other > 0 ? 'wrong' : 'right',
    { key: 'compat.ev.parentCodes', params: facts },
    facts,
  );
}

/** `filters.name` also matches a product's code: how a refused code is found again after product/add. */
async function nameFilterLine(nhanh: Reader, rows: readonly Json[]): Promise<CompatLine> {
  const id = 'nhanh.product.nameFilter';
  const sample = rows.find(
    (row) =>
      typeof row.code === 'string' &&
      row.code.trim() !== '' &&
      numberIn(row.parentId) !== NHANH_PARENT_ID.parent,
  );
  const code = sample?.code as string | undefined;
  if (!code) return judged(id, 'unclear', { key: 'compat.ev.noProductCode' });
  const read = await tryRead(() =>
    nhanh.readAnswer(NHANH_PATHS.productList, productListBody({ name: code }, PRODUCT_SAMPLE, undefined)),
  );
  if (!read.ok) return unreadLine(id, read.error);
  const answered = records(read.answer.data);
  const found = answered.some((row) => row.code === code);
  return judged(
    id,
    found ? 'right' : 'wrong',
    { key: found ? 'compat.ev.nameFindsCode' : 'compat.ev.nameMissesCode' },
    { rowsAnswered: answered.length, sameCodeFound: found },
  );
}

/** A refusal that says something about the endpoint (not a dead token, an outage or the rate limit). */
function isRefusal(error: ApiError): boolean {
  return !error.retryable && !NHANH_RECONNECT_CODES.includes(error.code);
}

async function inventoryLine(nhanh: Reader): Promise<CompatLine> {
  const id = 'nhanh.product.inventory';
  const read = await tryRead(() =>
    nhanh.readAnswer(NHANH_PATHS.productInventory, { paginator: { size: INVENTORY_SAMPLE } }),
  );
  if (!read.ok) {
    if (!isRefusal(read.error)) return unreadLine(id, read.error);
    return judged(
      id,
      'wrong',
      { key: 'compat.ev.inventoryRefused', params: { code: read.error.code } },
      errorFacts(read.error),
    );
  }
  const rows = records(read.answer.data);
  return judged(
    id,
    'right',
    { key: 'compat.ev.inventoryAnswered', params: { rows: rows.length } },
    { rows: rows.length, dataType: typeName(read.answer.data), rowKeys: keysAcross(rows) },
  );
}

const CATALOGUE_LINES: CompatCheckId[] = [
  'nhanh.product.depots',
  'nhanh.product.paging',
  'nhanh.product.parentCodes',
  'nhanh.product.nameFilter',
];

/** product/list's shapes (depots, cursor, parent codes), its name filter, and product/inventory. */
export async function checkNhanhCatalogue({ nhanh }: NhanhCompatSources): Promise<CompatLine[]> {
  if (!nhanh) return unjudgedLines([...CATALOGUE_LINES, 'nhanh.product.inventory'], NOT_CONNECTED);
  const lines: CompatLine[] = [];
  const page = await tryRead(() =>
    nhanh.readAnswer(NHANH_PATHS.productList, productListBody({}, PRODUCT_SAMPLE, undefined)),
  );
  if (!page.ok) lines.push(...unreadLines(CATALOGUE_LINES, page.error));
  else {
    const rows = records(page.answer.data);
    lines.push(
      depotsLine(rows),
      pagingLine(rows, page.answer.paginator),
      parentCodesLine(rows),
      await nameFilterLine(nhanh, rows),
    );
  }
  lines.push(await inventoryLine(nhanh));
  return lines;
}

/** business/depot walked by `paginator.next` as the client walks it: a cursor that comes back means no paging. */
export async function checkNhanhDepots({ nhanh }: NhanhCompatSources): Promise<CompatLine[]> {
  const id = 'nhanh.depot.paging';
  if (!nhanh) return unjudgedLines([id], NOT_CONNECTED);
  const seen = new Set<string>();
  let next: unknown;
  let pages = 0;
  let depots = 0;
  for (;;) {
    const body = next === undefined ? {} : { paginator: { next } };
    const read = await tryRead(() => nhanh.readAnswer(NHANH_PATHS.depots, body));
    if (!read.ok) return [unreadLine(id, read.error)];
    pages++;
    depots += records(read.answer.data).length;
    const following = read.answer.paginator?.next ?? undefined;
    const facts = { pages, depots, nextType: typeName(following) };
    if (following === undefined)
      return [
        pages > 1
          ? judged(id, 'right', { key: 'compat.ev.depotPages', params: { pages, depots } }, facts)
          : judged(id, 'unclear', { key: 'compat.ev.depotOnePage', params: { depots } }, facts),
      ];
    const cursor = JSON.stringify(following);
    if (seen.has(cursor))
      return [judged(id, 'wrong', { key: 'compat.ev.depotRepeat', params: { pages } }, facts)];
    if (pages >= DEPOT_PAGES_READ)
      return [judged(id, 'unclear', { key: 'compat.ev.depotTooMany', params: { pages } }, facts)];
    seen.add(cursor);
    next = following;
  }
}

const DAY_SECONDS = 86_400;

/** The token's expiry as Nhanh states it (app/checkaccesstoken), against the one the settings hold. */
export async function checkNhanhToken(sources: NhanhCompatSources): Promise<CompatLine[]> {
  const id = 'nhanh.token.expiry';
  const { nhanh, secretKey, storedExpiredAt, clock } = sources;
  const nowSeconds = clock.now() / 1000;
  const daysLeft = (expiredAt: number) => Math.floor((expiredAt - nowSeconds) / DAY_SECONDS);
  const stored = storedExpiredAt === null ? null : daysLeft(storedExpiredAt);
  if (!nhanh) return unjudgedLines([id], NOT_CONNECTED);
  if (!secretKey)
    return [
      judged(
        id,
        'unclear',
        { key: 'compat.ev.noSecret', params: { days: stored ?? '?' } },
        { storedDaysLeft: stored },
      ),
    ];
  const read = await tryRead(() => nhanh.readAnswer(NHANH_PATHS.checkAccessToken, { secretKey }));
  if (!read.ok) return [unreadLine(id, read.error)];
  const data = read.answer.data;
  const expiredAt = isRecord(data) ? numberIn(data.expiredAt) : undefined;
  const facts = {
    answerKeys: keysAcross([data]),
    daysLeft: expiredAt === undefined ? null : daysLeft(expiredAt),
    storedDaysLeft: stored,
  };
  if (expiredAt === undefined) return [judged(id, 'wrong', { key: 'compat.ev.expiryMissing' }, facts)];
  const days = daysLeft(expiredAt);
  if (storedExpiredAt === null)
    return [judged(id, 'right', { key: 'compat.ev.expiryFromNhanh', params: { days } }, facts)];
  return [
    Math.abs(expiredAt - storedExpiredAt) <= 60
      ? judged(id, 'right', { key: 'compat.ev.expiryMatches', params: { days } }, facts)
      : judged(
          id,
          'wrong',
          { key: 'compat.ev.expiryDiffers', params: { days, stored: stored ?? '?' } },
          facts,
        ),
  ];
}

/** What order/list does with the undocumented `appOrderIds`: asked for an id no order has. */
async function appOrderIdsLine(nhanh: Reader, window: { from: number; to: number }, listed: number) {
  const id = 'nhanh.order.appOrderIds';
  if (listed === 0) return judged(id, 'unclear', { key: 'compat.ev.noNhanhOrders' });
  const body = orderListBody(
    { window: { field: 'createdAt', ...window }, appOrderIds: [ABSENT_APP_ORDER_ID] },
    ORDER_SAMPLE,
    undefined,
  );
  const read = await tryRead(() => nhanh.readAnswer(NHANH_PATHS.orderList, body));
  if (!read.ok) {
    if (!isRefusal(read.error)) return unreadLine(id, read.error);
    const facts = { ordersInWindow: listed, outcome: 'refused', ...errorFacts(read.error) };
    return judged(
      id,
      'wrong',
      { key: 'compat.ev.appOrderIdsRefused', params: { code: read.error.code } },
      facts,
    );
  }
  const filtered = records(read.answer.data).length;
  const facts = {
    ordersInWindow: listed,
    ordersWithFilter: filtered,
    outcome: filtered > 0 ? 'ignored' : 'honoured',
  };
  return filtered > 0
    ? judged(id, 'right', { key: 'compat.ev.appOrderIdsIgnored', params: { listed, filtered } }, facts)
    : judged(id, 'wrong', { key: 'compat.ev.appOrderIdsHonoured', params: { listed } }, facts);
}

/** `payment.transfer.amount` in order/list [OFF-v3 §8.1 payment table]: what the payout write-back will read. */
function transferLine(orders: readonly Json[]): CompatLine {
  const id = 'nhanh.order.transferAmount';
  const payments = orders.flatMap((order) => (isRecord(order.payment) ? [order.payment] : []));
  const paymentKeys = keysAcross(payments);
  const withTransfer = payments.filter(
    (payment) => isRecord(payment.transfer) && numberIn(payment.transfer.amount) !== undefined,
  ).length;
  const facts = { orders: orders.length, withTransferAmount: withTransfer, paymentKeys };
  const params = { orders: orders.length, withTransfer, keys: paymentKeys.join(', ') || '—' };
  if (orders.length === 0) return judged(id, 'unclear', { key: 'compat.ev.noNhanhOrders' }, facts);
  if (withTransfer > 0) return judged(id, 'right', { key: 'compat.ev.transfer', params }, facts);
  if (paymentKeys.some((key) => /transfer/i.test(key)))
    return judged(id, 'wrong', { key: 'compat.ev.transferElsewhere', params }, facts);
  return judged(id, 'unclear', { key: 'compat.ev.noTransfer', params }, facts);
}

function statusIntsLine(orders: readonly Json[]): CompatLine {
  const id = 'nhanh.order.statusInts';
  const documented: readonly number[] = Object.values(NHANH_ORDER_STATUS);
  const ints = [
    ...new Set(
      orders.flatMap((order) => numberIn(isRecord(order.info) ? order.info.status : undefined) ?? []),
    ),
  ].sort((a, b) => a - b);
  const unknown = ints.filter((code) => !documented.includes(code));
  const facts = { orders: orders.length, statusInts: ints, unknownStatusInts: unknown };
  const params = { ints: ints.join(', ') || '—', unknown: unknown.join(', ') || '—' };
  if (ints.length === 0) return judged(id, 'unclear', { key: 'compat.ev.noNhanhOrders' }, facts);
  return judged(id, unknown.length > 0 ? 'wrong' : 'right', { key: 'compat.ev.statusInts', params }, facts);
}

/**
 * "Đã hoàn" is 72: only `order/edit` to that status on a real order would show it, and the check never writes.
 * It counts orders already in 72, which says what 72 is called in Nhanh's screens, not what order/edit accepts.
 */
function returnedStatusLine(orders: readonly Json[]): CompatLine {
  const inReturned = orders.filter(
    (order) => isRecord(order.info) && numberIn(order.info.status) === RETURNED,
  ).length;
  return judged(
    'nhanh.order.returnedStatus',
    'unclear',
    { key: 'compat.ev.returnedStatus', params: { count: inReturned } },
    { ordersInStatus72: inReturned },
  );
}

/** The last 31 days of orders (one page), and the same asked with the undocumented `appOrderIds`. */
export async function checkNhanhOrders({ nhanh, clock }: NhanhCompatSources): Promise<CompatLine[]> {
  const listed: CompatCheckId[] = [
    'nhanh.order.appOrderIds',
    'nhanh.order.transferAmount',
    'nhanh.order.statusInts',
  ];
  if (!nhanh) return [...unjudgedLines(listed, NOT_CONNECTED), returnedStatusLine([])];
  const to = Math.floor(clock.now() / 1000);
  const window = { from: to - NHANH_ORDER_WINDOW_SECONDS, to };
  const body = orderListBody({ window: { field: 'createdAt', ...window } }, ORDER_SAMPLE, undefined);
  const read = await tryRead(() => nhanh.readAnswer(NHANH_PATHS.orderList, body));
  if (!read.ok) return [...unreadLines(listed, read.error), returnedStatusLine([])];
  const orders = records(read.answer.data);
  return [
    await appOrderIdsLine(nhanh, window, orders.length),
    transferLine(orders),
    statusIntsLine(orders),
    returnedStatusLine(orders),
  ];
}
