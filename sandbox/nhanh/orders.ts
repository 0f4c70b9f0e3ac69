import {
  DUPLICATE_APP_ORDER_FIELD,
  NHANH_APP_ORDER_ID_MAX,
  NHANH_CREATE_STATUSES,
  NHANH_MAX_IDS_PER_FILTER,
  NHANH_ORDER_STATUS,
  NHANH_ORDER_TYPE,
  NHANH_ORDER_WINDOW_SECONDS,
  NHANH_SETTABLE_STATUSES,
  type NhanhOrderStatus,
  type NhanhSettableStatus,
  orderStatusName,
} from '../../lib/nhanh/contract';
import type { Faults, SandboxResponse } from '../types';
import {
  createFieldCollector,
  type FieldCollector,
  FormFieldsError,
  fail,
  isNonEmptyString,
  isPositiveInt,
  isRecord,
  ok,
} from './envelope';
import { pageOf, readPaginator } from './paging';
import { type NhanhStore, type StoredOrder, type StoredOrderLine, TransitionError } from './store';

/** [INF] Orders created through the API carry saleChannel 10 = API [3P S15]. */
const SALE_CHANNEL_API = 10;
const VN_MOBILE = /^0\d{9,10}$/;

/** An order in the blocks of order/list [OFF-v3 §8.1]: lines by `productId`, the carrier and transfer blocks. */
function renderOrder(order: StoredOrder) {
  const transfer = order.payment?.transferAmount;
  const accountId = order.payment?.transferAccountId;
  return {
    info: {
      id: order.id,
      type: order.type,
      status: NHANH_ORDER_STATUS[order.status],
      depotId: order.depotId,
      description: order.description,
      createdAt: order.createdAt,
      updatedAt: order.updatedAt,
    },
    channel: { saleChannel: SALE_CHANNEL_API, appOrderId: order.appOrderId, trafficSource: order.sourceName },
    shippingAddress: order.shippingAddress,
    products: order.products.map(({ id, ...line }) => ({ productId: id, ...line })),
    carrier: order.carrier ?? {},
    payment:
      typeof transfer === 'number' ? { transfer: { amount: transfer, accountId: accountId ?? null } } : {},
  };
}

function requireObject(
  body: Record<string, unknown>,
  key: string,
  fields: FieldCollector,
): Record<string, unknown> {
  const value = body[key];
  if (isRecord(value)) return value;
  fields.add(key, `${key} is required`);
  return {};
}

/**
 * `order/add` [OFF S12 v3 example; 3P S18]: products by Nhanh id; a New/Confirming/Confirmed order holds its
 * quantities in `info.depotId` [OFF S12]. [INF] a second order with the same appOrderId is refused as
 * ERR_INVALID_FORM_FIELDS on `channel.appOrderId`, naming the existing order.
 */
export function addOrder(store: NhanhStore, body: unknown): SandboxResponse {
  if (!isRecord(body)) throw new FormFieldsError({ info: 'info is required' });
  const fields = createFieldCollector();
  const info = requireObject(body, 'info', fields);
  const channel = requireObject(body, 'channel', fields);
  const address = requireObject(body, 'shippingAddress', fields);

  const type = info.type ?? NHANH_ORDER_TYPE.shipping;
  if (!(Object.values(NHANH_ORDER_TYPE) as unknown[]).includes(type))
    fields.add('info.type', 'info.type is invalid');
  const depotId = info.depotId;
  if (!isPositiveInt(depotId) || !store.depots.some((depot) => depot.id === depotId))
    fields.add('info.depotId', 'info.depotId is invalid');
  const statusCode = info.status ?? NHANH_ORDER_STATUS.New;
  const status = typeof statusCode === 'number' ? orderStatusName(statusCode) : undefined;
  if (!status || !(NHANH_CREATE_STATUSES as readonly NhanhOrderStatus[]).includes(status))
    fields.add('info.status', 'info.status must be New, Confirming or Confirmed');
  if (info.description !== undefined && typeof info.description !== 'string')
    fields.add('info.description', 'info.description must be a string');

  const appOrderId = channel.appOrderId;
  if (!isNonEmptyString(appOrderId, NHANH_APP_ORDER_ID_MAX))
    fields.add(DUPLICATE_APP_ORDER_FIELD, 'channel.appOrderId is required (max 36 characters)');
  else {
    const existing = store.orderByAppOrderId(appOrderId);
    if (existing)
      fields.add(DUPLICATE_APP_ORDER_FIELD, `appOrderId ${appOrderId} already exists (order ${existing.id})`);
  }
  if (!isNonEmptyString(address.name, 255))
    fields.add('shippingAddress.name', 'shippingAddress.name is required');
  if (typeof address.mobile !== 'string' || !VN_MOBILE.test(address.mobile))
    fields.add('shippingAddress.mobile', 'shippingAddress.mobile is invalid');

  const lines = body.products;
  if (!Array.isArray(lines) || lines.length === 0) fields.add('products', 'products is required');
  else
    for (const [index, line] of lines.entries()) {
      if (!isRecord(line)) {
        fields.add(`products.${index}`, 'each product must be an object');
        continue;
      }
      const product = isPositiveInt(line.id) ? store.products.get(line.id) : undefined;
      if (!product) fields.add(`products.${index}.id`, `product ${String(line.id)} not found`);
      else if (product.isParent)
        fields.add(`products.${index}.id`, `product ${product.id} is a parent product; order a variant`);
      if (!isPositiveInt(line.quantity))
        fields.add(`products.${index}.quantity`, 'quantity must be a positive integer');
      if (typeof line.price !== 'number' || line.price < 0)
        fields.add(`products.${index}.price`, 'price must be a number ≥ 0');
      if (line.discount !== undefined && (typeof line.discount !== 'number' || line.discount < 0))
        fields.add(`products.${index}.discount`, 'discount must be a number ≥ 0');
    }
  if (body.payment !== undefined && !isRecord(body.payment))
    fields.add('payment', 'payment must be an object');
  fields.throwIfAny();

  const order = store.addOrder({
    type: type as number,
    depotId: depotId as number,
    status: status as NhanhOrderStatus,
    appOrderId: appOrderId as string,
    sourceName: typeof channel.sourceName === 'string' ? channel.sourceName : null,
    description: (info.description as string | undefined) ?? null,
    shippingAddress: address,
    payment: (body.payment as Record<string, unknown> | undefined) ?? null,
    products: (lines as Record<string, number>[]).map((line) => ({
      id: line.id!,
      price: line.price!,
      discount: line.discount ?? 0,
      quantity: line.quantity!,
    })),
  });
  return ok({ id: order.id });
}

/**
 * `order/list` [OFF-v3 §8.1]: a created or updated range (unix s, ≤ 31 days) is required unless `ids` narrows
 * to given orders. `appOrderIds` is not documented: what the real API does with it is unknown, so the
 * `nhanhAppOrderIdsFilter` fault picks it (ignored by default, as an unknown key would be; or honoured; or
 * refused as a form error), and the client must cope with all three.
 */
export function listOrders(
  store: NhanhStore,
  body: Record<string, unknown>,
  appOrderIdsFilter: Faults['nhanhAppOrderIdsFilter'],
): SandboxResponse {
  const fields = createFieldCollector();
  const page = readPaginator(body, fields);
  const filters = body.filters;
  if (!isRecord(filters))
    throw new FormFieldsError({ filters: 'filters.createdAtFrom or filters.updatedAtFrom is required' });
  const checks: ((order: StoredOrder) => boolean)[] = [];
  let hasWindow = false;
  for (const field of ['createdAt', 'updatedAt'] as const) {
    const from = filters[`${field}From`];
    const to = filters[`${field}To`];
    if (from === undefined && to === undefined) continue;
    if (!Number.isInteger(from) || !Number.isInteger(to)) {
      fields.add(`filters.${field}From`, `${field}From and ${field}To must both be unix timestamps`);
      continue;
    }
    const [start, end] = [from as number, to as number];
    if (end < start) fields.add(`filters.${field}To`, `${field}To must not be before ${field}From`);
    else if (end - start > NHANH_ORDER_WINDOW_SECONDS)
      fields.add(`filters.${field}To`, `The ${field} range must not exceed 31 days`);
    hasWindow = true;
    checks.push((order) => order[field] >= start && order[field] <= end);
  }
  if (filters.ids !== undefined) {
    const ids = filters.ids;
    if (!Array.isArray(ids) || ids.length > NHANH_MAX_IDS_PER_FILTER || !ids.every(isPositiveInt))
      fields.add('filters.ids', `filters.ids must be an array of at most ${NHANH_MAX_IDS_PER_FILTER} ids`);
    else {
      hasWindow = true;
      checks.push((order) => ids.includes(order.id));
    }
  }
  if (!hasWindow && Object.keys(fields.fields).length === 0)
    fields.add('filters.createdAtFrom', 'filters.createdAtFrom/To or filters.updatedAtFrom/To is required');
  if (filters.appOrderIds !== undefined && appOrderIdsFilter !== 'ignored') {
    const ids = filters.appOrderIds;
    if (appOrderIdsFilter === 'refused')
      fields.add('filters.appOrderIds', 'filters.appOrderIds is not supported');
    else if (
      !Array.isArray(ids) ||
      ids.length > NHANH_MAX_IDS_PER_FILTER ||
      !ids.every((id) => typeof id === 'string')
    )
      fields.add(
        'filters.appOrderIds',
        `filters.appOrderIds must be an array of at most ${NHANH_MAX_IDS_PER_FILTER} strings`,
      );
    else checks.push((order) => ids.includes(order.appOrderId));
  }
  if (filters.statuses !== undefined) {
    const statuses = filters.statuses;
    if (
      !Array.isArray(statuses) ||
      !statuses.every((code) => typeof code === 'number' && orderStatusName(code))
    )
      fields.add('filters.statuses', 'filters.statuses must be an array of order status codes');
    else checks.push((order) => statuses.includes(NHANH_ORDER_STATUS[order.status]));
  }
  fields.throwIfAny();
  const matching = [...store.orders.values()].filter((order) => checks.every((check) => check(order)));
  const { rows, paginator } = pageOf(matching, page);
  return ok(rows.map(renderOrder), paginator);
}

/** An order/edit refusal of a business rule; the router answers it in the shape the faults choose. */
export class EditRefusal extends Error {}

const SETTABLE_CODES = new Map(
  NHANH_SETTABLE_STATUSES.map((status) => [NHANH_ORDER_STATUS[status] as number, status]),
);

/**
 * v3 `order/edit` [OFF-v3 §8.3]: `info.id` (the Nhanh order id) is required; `info.status` may only be one of
 * "Đã xác nhận, Khách hủy, Hệ thống hủy, Thành công, Đã hoàn" ([INF] Đã hoàn = 72); an order sent to a carrier
 * or in Success/Đã hoàn cannot be edited. `payment {transferAmount, transferAccountId, code}` is kept on the
 * order. Only the fields sent change; a payment-only edit of a Success order follows `paymentOnSuccess`.
 */
export function editOrder(
  store: NhanhStore,
  body: unknown,
  paymentOnSuccess: Faults['nhanhPaymentOnSuccess'],
): SandboxResponse {
  const fields = createFieldCollector();
  const info = isRecord(body) ? requireObject(body, 'info', fields) : {};
  if (!isRecord(body)) fields.add('info', 'info is required');
  if (!isPositiveInt(info.id)) fields.add('info.id', 'info.id must be integer');
  const status = info.status;
  const target = typeof status === 'number' ? SETTABLE_CODES.get(status) : undefined;
  if (status !== undefined && !target)
    fields.add(
      'info.status',
      'info.status chỉ được phép: Đã xác nhận, Khách hủy, Hệ thống hủy, Thành công, Đã hoàn',
    );
  const payment = isRecord(body) ? body.payment : undefined;
  if (payment !== undefined) {
    if (!isRecord(payment)) fields.add('payment', 'payment must be an object');
    else {
      for (const key of ['transferAmount', 'transferAccountId'])
        if (
          payment[key] !== undefined &&
          !(typeof payment[key] === 'number' && Number.isInteger(payment[key]))
        )
          fields.add(`payment.${key}`, `payment.${key} must be integer`);
      if (payment.code !== undefined && typeof payment.code !== 'string')
        fields.add('payment.code', 'payment.code must be a string');
    }
  }
  fields.throwIfAny();
  const order = store.orders.get(info.id as number);
  if (!order) throw new FormFieldsError({ 'info.id': `Đơn hàng ${String(info.id)} không tồn tại` });
  try {
    if (target) store.changeStatus(order, target as NhanhSettableStatus);
    if (isRecord(payment))
      store.recordPayment(order, payment, { onSuccess: !target && paymentOnSuccess === 'accepted' });
  } catch (error) {
    if (error instanceof TransitionError) throw new EditRefusal(error.message);
    throw error;
  }
  return ok({ id: order.id, trackingUrl: null, carrierCode: order.carrier?.carrierCode ?? null });
}

/** v3 `order/cancelcarrier` [OFF-v3 §8.4]: `{orderId}`; refused with its own codes when nothing was sent. */
export function cancelCarrier(store: NhanhStore, body: unknown): SandboxResponse {
  const orderId = isRecord(body) ? body.orderId : undefined;
  if (!isPositiveInt(orderId)) throw new FormFieldsError({ orderId: 'orderId must be integer' });
  const order = store.orders.get(orderId);
  if (!order) throw new FormFieldsError({ orderId: `Đơn hàng ${orderId} không tồn tại` });
  if (!order.carrier) return fail('ERR_ORDER_CARRIER_NOT_YET_SENT', 'Đơn hàng chưa gửi sang hãng vận chuyển');
  store.cancelCarrier(order);
  return ok({});
}

/**
 * The admin route `POST /__admin/nhanh/orders/{id}` `{ status?, sendToCarrier?, products?: [{ price?, discount?,
 * quantity? }] }` (lines by position): the seller's own edit in Nhanh's screens, which no API call makes.
 * Throws on bad input.
 */
export function adminEditOrder(store: NhanhStore, id: number, body: unknown) {
  const order = store.orders.get(id);
  if (!order) throw new Error(`no Nhanh order ${id}`);
  if (!isRecord(body)) throw new Error('the body must be a JSON object');
  const { status, products, sendToCarrier } = body;
  if (status !== undefined && !(typeof status === 'string' && Object.hasOwn(NHANH_ORDER_STATUS, status)))
    throw new Error(`unknown Nhanh status "${String(status)}"`);
  if (sendToCarrier !== undefined && typeof sendToCarrier !== 'boolean')
    throw new Error('sendToCarrier must be true or false');
  if (products !== undefined && (!Array.isArray(products) || products.length > order.products.length))
    throw new Error(`products must be an array of at most ${order.products.length} line edits`);
  const lines = (products ?? []) as unknown[];
  for (const [index, line] of lines.entries()) {
    const valid =
      isRecord(line) &&
      ['price', 'discount'].every(
        (key) => line[key] === undefined || (typeof line[key] === 'number' && line[key] >= 0),
      ) &&
      (line.quantity === undefined || isPositiveInt(line.quantity));
    if (!valid) throw new Error(`products.${index}: price and discount ≥ 0, quantity a positive integer`);
  }
  store.editOrder(order, {
    status: status as NhanhOrderStatus | undefined,
    products: lines as Partial<StoredOrderLine>[],
    sendToCarrier: sendToCarrier as boolean | undefined,
  });
  return renderOrder(order);
}
