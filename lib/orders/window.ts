import { TZDate } from '@date-fns/tz';
import { startOfDay, subDays } from 'date-fns';
import { TIKI_TIME_ZONE } from '../tiki/contract';

/**
 * The help page: "Chỉ tải đơn có thời gian cập nhật đơn hàng trong vòng 30 ngày tính từ ngày hiện tại". Read as
 * 30 Vietnamese calendar days ending today, the way Tiki's own `filter_date_by=last30days` counts (today and the
 * 29 days before it, from midnight in Asia/Ho_Chi_Minh). See docs/order-status.md.
 */
export const ORDER_WINDOW_DAYS = 30;

/** Epoch ms of the window's first instant: 00:00:00 in Vietnam, 29 days before today's Vietnamese date. */
export function orderWindowStart(now: number): number {
  return startOfDay(subDays(new TZDate(now, TIKI_TIME_ZONE), ORDER_WINDOW_DAYS - 1)).getTime();
}

/**
 * Whether an order updated at `updatedAt` (epoch ms) may be downloaded now. No upper bound: a timestamp a few
 * seconds ahead of our clock is Tiki's clock running ahead, not an order from the future.
 */
export function isWithinOrderWindow(updatedAt: number, now: number): boolean {
  return updatedAt >= orderWindowStart(now);
}
