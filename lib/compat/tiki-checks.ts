import type { TikiClient } from '../tiki/client';
import {
  formatTikiDateTime,
  parseTikiDateTime,
  TIKI_MAX_PAGE_LIMIT,
  TIKI_PAGE_LIMIT,
  TIKI_PRODUCT_LIST_INCLUDE,
  TIKI_READS,
  TIKI_TOKEN_AUTH_METHODS,
  type TikiReadName,
  type TikiTokenAuthMethod,
  tikiProductRead,
} from '../tiki/contract';
import { probeTikiRead } from '../tiki/probes';
import type { TikiTokenAnswer } from '../tiki/schemas';
import type { Clock } from '../time/clock';
import { isRecord, type Json, keysOf, numberIn, records, typeName } from './answer-shape';
import type { CompatCheckId, CompatLine } from './lines';
import { errorFacts, judged, tryRead, unjudgedLines, unreadLine, unreadLines } from './verdicts';

/*
 * The Tiki lines of "Kiểm tra tương thích API". Every request is a GET (`readAnswer`) or a token request, which
 * changes nothing at Tiki; answers are looked at as sent, and only counts, key names and types are kept.
 */

export interface TikiCompatSources {
  /** The shop's connection key alone; null when the shop has none. */
  key: Pick<TikiClient, 'readAnswer'> | null;
  /** Asks Tiki for a token with the shop's in-house app; null when the shop has none. */
  requestAppToken: ((method: TikiTokenAuthMethod) => Promise<TikiTokenAnswer>) | null;
  /** The shop as the features read it (the app when it has one, else the key); null when it has neither. */
  reader: Pick<TikiClient, 'readAnswer'> | null;
  clock: Clock;
}

type Reader = Pick<TikiClient, 'readAnswer'>;

const KEY_LINES = {
  seller: 'tiki.key.seller',
  orders: 'tiki.key.orders',
  products: 'tiki.key.products',
  warehouses: 'tiki.key.warehouses',
} as const satisfies Record<TikiReadName, CompatCheckId>;

/** Which endpoints the connection key alone may read. */
export async function checkTikiKey({ key }: TikiCompatSources): Promise<CompatLine[]> {
  const ids = Object.values(KEY_LINES);
  if (!key) return unjudgedLines(ids, { key: 'compat.ev.noKey' });
  const lines: CompatLine[] = [];
  for (const [read, id] of Object.entries(KEY_LINES) as [TikiReadName, CompatCheckId][]) {
    const probe = await probeTikiRead(key, read);
    const { endpoint } = TIKI_READS[read];
    if (probe.state === 'answered')
      lines.push(
        judged(
          id,
          'right',
          { key: 'compat.ev.keyAnswered', params: { endpoint } },
          { answerType: typeName(probe.answer), answerKeys: keysOf(probe.answer) },
        ),
      );
    else if (probe.state === 'refused') {
      const { status, code } = probe.error;
      const params = { endpoint, status: status ?? 0, code };
      lines.push(judged(id, 'wrong', { key: 'compat.ev.keyRefused', params }, errorFacts(probe.error)));
    } else if (probe.state === 'paused')
      lines.push(judged(id, 'unclear', { key: 'compat.ev.paused' }, errorFacts(probe.error)));
    else lines.push(unreadLine(id, probe.error));
  }
  return lines;
}

const APP_LINES = {
  client_secret_basic: 'tiki.app.basic',
  client_secret_post: 'tiki.app.post',
} as const satisfies Record<TikiTokenAuthMethod, CompatCheckId>;

/** Which client authentication the token endpoint takes for the shop's in-house app [OFF §1.4: one of them]. */
export async function checkTikiApp({ requestAppToken }: TikiCompatSources): Promise<CompatLine[]> {
  if (!requestAppToken) return unjudgedLines(Object.values(APP_LINES), { key: 'compat.ev.noApp' });
  const lines: CompatLine[] = [];
  for (const method of TIKI_TOKEN_AUTH_METHODS) {
    const id = APP_LINES[method];
    const read = await tryRead(() => requestAppToken(method));
    if (read.ok) {
      const { expires_in: seconds, token_type: tokenType } = read.answer;
      lines.push(
        judged(
          id,
          'right',
          { key: 'compat.ev.tokenIssued', params: { method, seconds } },
          { expiresIn: seconds, tokenTypeSent: tokenType !== undefined && tokenType !== null },
        ),
      );
    } else if (read.error.code === 'invalid_client')
      lines.push(
        judged(id, 'wrong', { key: 'compat.ev.tokenRefused', params: { method } }, errorFacts(read.error)),
      );
    else lines.push(unreadLine(id, read.error));
  }
  return lines;
}

/** The rows of a Tiki list answer (`{data, paging}`). */
function rowsOf(answer: unknown): Json[] {
  return records(isRecord(answer) ? answer.data : undefined);
}

function itemsOf(orders: readonly Json[]): Json[] {
  return orders.flatMap((order) => records(order.items));
}

function invoiceOf(item: Json): Json {
  return isRecord(item.invoice) ? item.invoice : {};
}

/** Whether asking `include` (Tiki's `item.fees`, or the `items.fees` one client spells) brings the lines' fees. */
function feesLine(id: CompatCheckId, include: string, orders: readonly Json[]): CompatLine {
  if (orders.length === 0) return judged(id, 'unclear', { key: 'compat.ev.noOrders' });
  const items = itemsOf(orders);
  const withFees = items.filter((item) => Array.isArray(invoiceOf(item).fees)).length;
  return judged(
    id,
    withFees > 0 ? 'right' : 'wrong',
    { key: 'compat.ev.fees', params: { include, items: items.length, withFees } },
    { orders: orders.length, items: items.length, itemsWithFees: withFees },
  );
}

/** The fee keys the sandbox invents (`payment_fee`, `commission_fee`) next to the documented ones. */
const ASSUMED_FEE_KEYS = ['payment_fee', 'commission_fee'];

function feeKeysLine(orders: readonly Json[]): CompatLine {
  const id = 'tiki.orders.feeKeys';
  const fees = itemsOf(orders).flatMap((item) => records(invoiceOf(item).fees));
  if (fees.length === 0) return judged(id, 'unclear', { key: 'compat.ev.noFees' });
  const keys = [
    ...new Set(fees.flatMap((fee) => (typeof fee.fee_type_key === 'string' ? [fee.fee_type_key] : []))),
  ].sort();
  const missing = ASSUMED_FEE_KEYS.filter((key) => !keys.includes(key));
  return judged(
    id,
    missing.length > 0 ? 'wrong' : 'right',
    { key: 'compat.ev.feeKeys', params: { keys: keys.join(', '), missing: missing.join(', ') || '—' } },
    { fees: fees.length, feeKeys: keys },
  );
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Vietnam is UTC+7 all year: a UTC wall time read as Vietnam time is this much in the past. */
const VIETNAM_OFFSET_MS = 7 * HOUR_MS;
/** Clocks disagree a little: later than now by more than this is "in the future". */
const CLOCK_TOLERANCE_MS = 2 * MINUTE_MS;
/** Newest activity this recent when read as Vietnam time cannot be UTC (it would lie in the future). */
const RECENT_ENOUGH_MS = 6 * HOUR_MS;
/** Read as UTC, the newest activity within this of now: the timestamps look like UTC. */
const UTC_LOOKALIKE_MS = 15 * MINUTE_MS;

/** A Tiki timestamp read as Vietnam wall time (epoch ms); NaN when it is not one. */
function wallTimeIn(value: unknown): number {
  return typeof value === 'string' ? parseTikiDateTime(value) : Number.NaN;
}

/**
 * "Tiki timestamps are Vietnam wall time", judged from the newest orders against now: a time in the future
 * means a zone east of Vietnam; an order whose last status entry lies 7 hours from its `updated_at` means two
 * zones mixed; newest activity under 6 hours old (read as Vietnam time) rules UTC out, since read as UTC it
 * would lie in the future; newest activity 7 hours old as Vietnam time and minutes old as UTC is what UTC
 * timestamps look like. Anything else says nothing: a new order or status change gives the next run its proof.
 */
function timeZoneLine(orders: readonly Json[], now: number): CompatLine {
  const id = 'tiki.time.zone';
  const times = (order: Json) => ({
    updated: wallTimeIn(order.updated_at),
    created: wallTimeIn(order.created_at),
    lastStatus: wallTimeIn(records(order.status_histories).at(-1)?.created_at),
  });
  const read = orders.map(times).filter((order) => !Number.isNaN(order.updated));
  if (read.length === 0) return judged(id, 'unclear', { key: 'compat.ev.noOrders' });
  const newest = Math.max(...read.map((order) => order.updated));
  const ageIfVietnam = now - newest;
  const ageIfUtc = ageIfVietnam - VIETNAM_OFFSET_MS;
  const inFuture = read.filter((order) =>
    [order.updated, order.created, order.lastStatus].some((at) => at > now + CLOCK_TOLERANCE_MS),
  ).length;
  const withHistory = read.filter((order) => !Number.isNaN(order.lastStatus));
  const sevenHoursApart = withHistory.filter(
    (order) => Math.abs(Math.abs(order.updated - order.lastStatus) - VIETNAM_OFFSET_MS) <= CLOCK_TOLERANCE_MS,
  ).length;
  const facts = {
    orders: read.length,
    newestAgeMinutesIfVietnam: Math.round(ageIfVietnam / MINUTE_MS),
    newestAgeMinutesIfUtc: Math.round(ageIfUtc / MINUTE_MS),
    ordersWithTimesInFuture: inFuture,
    ordersWithHistory: withHistory.length,
    historyEntries7HoursFromUpdate: sevenHoursApart,
  };
  const minutes = { vietnam: facts.newestAgeMinutesIfVietnam, utc: facts.newestAgeMinutesIfUtc };
  if (inFuture > 0)
    return judged(id, 'wrong', { key: 'compat.ev.zoneFuture', params: { orders: inFuture } }, facts);
  if (withHistory.length > 0 && sevenHoursApart * 2 > withHistory.length)
    return judged(id, 'wrong', { key: 'compat.ev.zoneMixed', params: { orders: sevenHoursApart } }, facts);
  if (ageIfVietnam <= RECENT_ENOUGH_MS)
    return judged(id, 'right', { key: 'compat.ev.zoneRecent', params: minutes }, facts);
  if (ageIfUtc >= -CLOCK_TOLERANCE_MS && ageIfUtc <= UTC_LOOKALIKE_MS)
    return judged(id, 'wrong', { key: 'compat.ev.zoneUtc', params: minutes }, facts);
  return judged(id, 'unclear', { key: 'compat.ev.zoneOld', params: minutes }, facts);
}

/**
 * Whether `updated_from_date` is strict: asked from the newest order's own `updated_at` to one second later
 * (both in Tiki's notation, whatever its zone), a strict bound leaves that order out.
 */
async function updatedFromLine(reader: Reader, newest: Json | undefined): Promise<CompatLine> {
  const id = 'tiki.orders.updatedFromStrict';
  const bound = typeof newest?.updated_at === 'string' ? newest.updated_at : '';
  const at = parseTikiDateTime(bound);
  if (Number.isNaN(at)) return judged(id, 'unclear', { key: 'compat.ev.noOrders' });
  const read = await tryRead(() =>
    reader.readAnswer(TIKI_READS.orders, {
      page: '1',
      limit: String(TIKI_PAGE_LIMIT),
      updated_from_date: bound,
      updated_to_date: formatTikiDateTime(at + 1000),
    }),
  );
  if (!read.ok) return unreadLine(id, read.error);
  const atBound = rowsOf(read.answer).filter((order) => order.updated_at === bound).length;
  return judged(
    id,
    atBound > 0 ? 'wrong' : 'right',
    {
      key: atBound > 0 ? 'compat.ev.updatedFromInclusive' : 'compat.ev.updatedFromStrict',
      params: { atBound },
    },
    { ordersAtBound: atBound },
  );
}

/** Canceled and closed orders: each line's income is its (usually zero) fees (OT-item "canceled" rule). */
function canceledIncomeLine(orders: readonly Json[]): CompatLine {
  const id = 'tiki.orders.canceledIncome';
  const items = itemsOf(orders)
    .map(invoiceOf)
    .map((invoice) => ({ income: numberIn(invoice.seller_income), fee: numberIn(invoice.seller_fee) }))
    .filter((item) => item.income !== undefined && item.fee !== undefined);
  if (items.length === 0) return judged(id, 'unclear', { key: 'compat.ev.noCanceled' });
  const matching = items.filter((item) => item.income === item.fee).length;
  return judged(
    id,
    matching === items.length ? 'right' : 'wrong',
    { key: 'compat.ev.canceledIncome', params: { items: items.length, matching } },
    { canceledOrders: orders.length, items: items.length, incomeEqualsFee: matching },
  );
}

/** An empty page: `last_page` 0 and `from`/`to` null (MVC, Laravel-style paging). */
function emptyPagingLine(answer: unknown): CompatLine {
  const id = 'tiki.paging.empty';
  const paging = isRecord(answer) && isRecord(answer.paging) ? answer.paging : {};
  const facts = {
    rows: rowsOf(answer).length,
    lastPage: numberIn(paging.last_page) ?? null,
    fromType: typeName(paging.from),
    toType: typeName(paging.to),
  };
  if (facts.rows > 0) return judged(id, 'unclear', { key: 'compat.ev.notEmpty' }, facts);
  const documented = facts.lastPage === 0 && paging.from == null && paging.to == null;
  const params = { lastPage: String(facts.lastPage), from: facts.fromType, to: facts.toType };
  return judged(id, documented ? 'right' : 'wrong', { key: 'compat.ev.emptyPaging', params }, facts);
}

const ORDER_READ_LIMIT = '20';

/** Fees, fee keys, time zone, bounds, the canceled money rule and paging, from a few order reads. */
export async function checkTikiOrders({ reader, clock }: TikiCompatSources): Promise<CompatLine[]> {
  const fromRecent: CompatCheckId[] = [
    'tiki.orders.itemFees',
    'tiki.orders.feeKeys',
    'tiki.time.zone',
    'tiki.orders.updatedFromStrict',
  ];
  if (!reader)
    return unjudgedLines(
      [
        ...fromRecent,
        'tiki.orders.itemsFees',
        'tiki.orders.canceledIncome',
        'tiki.paging.maxLimit',
        'tiki.paging.empty',
      ],
      { key: 'compat.ev.noTikiCredentials' },
    );
  const orders = (query: Record<string, string>) =>
    tryRead(() => reader.readAnswer(TIKI_READS.orders, { page: '1', ...query }));
  const newestFirst = { limit: ORDER_READ_LIMIT, order_by: 'updated_at|desc' };
  const lines: CompatLine[] = [];

  const recent = await orders({ ...newestFirst, include: 'status_histories,item.fees' });
  if (!recent.ok) lines.push(...unreadLines(fromRecent, recent.error));
  else {
    const rows = rowsOf(recent.answer);
    lines.push(
      feesLine('tiki.orders.itemFees', 'item.fees', rows),
      feeKeysLine(rows),
      timeZoneLine(rows, clock.now()),
      await updatedFromLine(reader, rows[0]),
    );
  }

  const spelled = await orders({ ...newestFirst, include: 'items.fees' });
  lines.push(
    spelled.ok
      ? feesLine('tiki.orders.itemsFees', 'items.fees', rowsOf(spelled.answer))
      : unreadLine('tiki.orders.itemsFees', spelled.error),
  );

  const canceled = await orders({ ...newestFirst, status: 'in|canceled,closed', include: 'item.fees' });
  lines.push(
    canceled.ok
      ? canceledIncomeLine(rowsOf(canceled.answer))
      : unreadLine('tiki.orders.canceledIncome', canceled.error),
  );

  const limit = TIKI_MAX_PAGE_LIMIT;
  const widest = await orders({ limit: String(limit) });
  if (widest.ok) {
    const paging = isRecord(widest.answer) && isRecord(widest.answer.paging) ? widest.answer.paging : {};
    lines.push(
      judged(
        'tiki.paging.maxLimit',
        'right',
        { key: 'compat.ev.limitAccepted', params: { limit } },
        { limit, perPage: numberIn(paging.per_page) ?? null },
      ),
    );
  } else if (widest.error.code === 'bad_request')
    lines.push(
      judged(
        'tiki.paging.maxLimit',
        'wrong',
        { key: 'compat.ev.limitRefused', params: { limit } },
        errorFacts(widest.error),
      ),
    );
  else lines.push(unreadLine('tiki.paging.maxLimit', widest.error));

  // A day long before Tiki existed: nothing matches.
  const empty = await orders({
    created_from_date: '2000-01-01 00:00:00',
    created_to_date: '2000-01-01 00:00:01',
  });
  lines.push(empty.ok ? emptyPagingLine(empty.answer) : unreadLine('tiki.paging.empty', empty.error));
  return lines;
}

const PRODUCT_LINES: CompatCheckId[] = [
  'tiki.products.idKey',
  'tiki.products.approvedOnly',
  'tiki.products.children',
  'tiki.products.attributes',
  'tiki.products.optionAttributes',
  'tiki.product.detailInclude',
];
/** Enough of a catalogue to see parents, variants and hidden ones; a check does not read 50,000 products. */
const PRODUCT_PAGES_READ = 10;

const isConfigurable = (row: Json) => row.type === 'configurable';

function idKeyLine(rows: readonly Json[]): CompatLine {
  const withProductId = rows.filter((row) => numberIn(row.product_id) !== undefined).length;
  const idOnly = rows.filter((row) => row.product_id === undefined && numberIn(row.id) !== undefined).length;
  const verdict = withProductId === rows.length ? 'right' : idOnly > 0 ? 'wrong' : 'unclear';
  const params = { rows: rows.length, withProductId, idOnly };
  return judged('tiki.products.idKey', verdict, { key: 'compat.ev.idKey', params }, params);
}

function approvedOnlyLine(rows: readonly Json[]): CompatLine {
  const id = 'tiki.products.approvedOnly';
  const flagged = rows.filter((row) => 'is_hidden' in row).length;
  const hidden = rows.filter(
    (row) => row.is_hidden === true || row.is_hidden === 1 || row.is_hidden === '1',
  ).length;
  const facts = { rows: rows.length, rowsWithIsHidden: flagged, hidden };
  if (hidden > 0) return judged(id, 'wrong', { key: 'compat.ev.hiddenListed', params: facts }, facts);
  if (flagged > 0) return judged(id, 'right', { key: 'compat.ev.noHiddenListed', params: facts }, facts);
  return judged(id, 'unclear', { key: 'compat.ev.noHiddenKey', params: facts }, facts);
}

function childrenLine(rows: readonly Json[]): CompatLine {
  const id = 'tiki.products.children';
  const facts = {
    rows: rows.length,
    configurables: rows.filter(isConfigurable).length,
    children: rows.filter((row) => (numberIn(row.super_id) ?? 0) > 0).length,
  };
  if (facts.children > 0) return judged(id, 'right', { key: 'compat.ev.children', params: facts }, facts);
  if (facts.configurables > 0)
    return judged(id, 'wrong', { key: 'compat.ev.children', params: facts }, facts);
  return judged(id, 'unclear', { key: 'compat.ev.noVariants' }, facts);
}

function attributesLine(rows: readonly Json[]): CompatLine {
  const carrying = rows.filter((row) => isRecord(row.attributes) || Array.isArray(row.attributes));
  const facts = {
    rows: rows.length,
    withAttributes: carrying.length,
    attributeTypes: [...new Set(carrying.map((row) => typeName(row.attributes)))].sort(),
  };
  const params = { rows: facts.rows, withAttributes: facts.withAttributes };
  return judged(
    'tiki.products.attributes',
    carrying.length > 0 ? 'right' : 'wrong',
    { key: 'compat.ev.attributes', params },
    facts,
  );
}

function optionAttributesLine(rows: readonly Json[]): CompatLine {
  const id = 'tiki.products.optionAttributes';
  const configurables = rows.filter(isConfigurable);
  const carrying = configurables.filter(
    (row) => Array.isArray(row.option_attributes) && row.option_attributes.length > 0,
  );
  const facts = {
    configurables: configurables.length,
    withOptionAttributes: carrying.length,
    optionAttributeTypes: [
      ...new Set(carrying.flatMap((row) => (row.option_attributes as unknown[]).map(typeName))),
    ].sort(),
  };
  const params = { configurables: facts.configurables, withOptions: facts.withOptionAttributes };
  if (configurables.length === 0) return judged(id, 'unclear', { key: 'compat.ev.noVariants' }, facts);
  return judged(
    id,
    carrying.length > 0 ? 'right' : 'wrong',
    { key: 'compat.ev.optionAttributes', params },
    facts,
  );
}

/** Which spelling the v2.1 detail reads: `include` (the list's) first, then `includes` (OT-prod's v2). */
async function detailIncludeLine(reader: Reader, rows: readonly Json[]): Promise<CompatLine> {
  const id = 'tiki.product.detailInclude';
  const sample = rows.find((row) => !isConfigurable(row)) ?? rows[0];
  const productId = numberIn(sample?.product_id ?? sample?.id);
  if (productId === undefined) return judged(id, 'unclear', { key: 'compat.ev.noProducts' });
  const withInventory = async (query: Record<string, string>) => {
    const read = await tryRead(() => reader.readAnswer(tikiProductRead(productId), query));
    return read.ok
      ? { ok: true as const, has: isRecord(read.answer) && isRecord(read.answer.inventory) }
      : read;
  };
  const include = await withInventory({ include: 'inventory' });
  if (!include.ok) return unreadLine(id, include.error);
  if (include.has) return judged(id, 'right', { key: 'compat.ev.detailInclude' }, { include: true });
  const includes = await withInventory({ includes: 'inventory' });
  if (!includes.ok) return unreadLine(id, includes.error);
  return includes.has
    ? judged(id, 'wrong', { key: 'compat.ev.detailIncludesOnly' }, { include: false, includes: true })
    : judged(id, 'unclear', { key: 'compat.ev.detailNoInventory' }, { include: false, includes: false });
}

/** The catalogue lines, from the first pages of the list (as the download asks it) and one product's detail. */
export async function checkTikiProducts({ reader }: TikiCompatSources): Promise<CompatLine[]> {
  if (!reader) return unjudgedLines(PRODUCT_LINES, { key: 'compat.ev.noTikiCredentials' });
  const rows: Json[] = [];
  for (let page = 1; page <= PRODUCT_PAGES_READ; page++) {
    const read = await tryRead(() =>
      reader.readAnswer(TIKI_READS.products, {
        page: String(page),
        limit: String(TIKI_PAGE_LIMIT),
        include: TIKI_PRODUCT_LIST_INCLUDE,
      }),
    );
    if (!read.ok) return unreadLines(PRODUCT_LINES, read.error);
    const pageRows = rowsOf(read.answer);
    rows.push(...pageRows);
    const paging = isRecord(read.answer) && isRecord(read.answer.paging) ? read.answer.paging : {};
    if (pageRows.length === 0 || page >= (numberIn(paging.last_page) ?? 0)) break;
  }
  if (rows.length === 0) return unjudgedLines(PRODUCT_LINES, { key: 'compat.ev.noProducts' });
  return [
    idKeyLine(rows),
    approvedOnlyLine(rows),
    childrenLine(rows),
    attributesLine(rows),
    optionAttributesLine(rows),
    await detailIncludeLine(reader, rows),
  ];
}
