import { NHANH_MAX_PAGE_SIZE } from '../../lib/nhanh/contract';
import { type FieldCollector, isRecord } from './envelope';

export interface PageRequest {
  size: number;
  descending: boolean;
  /** Id of the last row of the previous window, from `paginator.next.id`. */
  after?: number;
}

const DEFAULT_PAGE_SIZE = 50;

/**
 * Reads `paginator {size, sort, next}` [OFF S2]. `next` must be the object the previous page returned,
 * `{"id": n}`: a bare value (`"next": n`, the docs' "lỗi thường gặp") is refused as a form error. An empty
 * string or null means the first page (the docs' own curl sends `"next": ""`).
 */
export function readPaginator(body: Record<string, unknown>, fields: FieldCollector): PageRequest {
  const paginator = body.paginator ?? {};
  if (!isRecord(paginator)) {
    fields.add('paginator', 'paginator must be an object');
    return { size: DEFAULT_PAGE_SIZE, descending: false };
  }
  let size = DEFAULT_PAGE_SIZE;
  if (paginator.size !== undefined) {
    const value = paginator.size;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > NHANH_MAX_PAGE_SIZE)
      fields.add('paginator.size', `paginator.size must be an integer from 1 to ${NHANH_MAX_PAGE_SIZE}`);
    else size = value;
  }
  let descending = false;
  if (paginator.sort !== undefined) {
    const sort = paginator.sort;
    const keys = isRecord(sort) ? Object.keys(sort) : [];
    if (!isRecord(sort) || keys.some((key) => key !== 'id') || (sort.id !== 'asc' && sort.id !== 'desc'))
      fields.add('paginator.sort', 'paginator.sort supports {"id": "asc" | "desc"}');
    else descending = sort.id === 'desc';
  }
  const next = paginator.next;
  if (next === undefined || next === null || next === '') return { size, descending };
  const nextKeys = isRecord(next) ? Object.keys(next) : [];
  if (!isRecord(next) || nextKeys.length !== 1 || typeof next.id !== 'number' || !Number.isInteger(next.id)) {
    fields.add(
      'paginator.next',
      'paginator.next is invalid: send back exactly the next object of the previous page',
    );
    return { size, descending };
  }
  return { size, descending, after: next.id };
}

/**
 * One page of rows sorted by id. The server cuts a window of `size` rows after the cursor and THEN drops
 * the rows `keep` rejects, so a page can be shorter than `size`, even empty, and still carry `next` (the
 * docs: "dữ liệu bị xóa hoặc đã bị filter ẩn đi"). `totalItems` only on the first page.
 */
export function pageOf<T extends { id: number }>(
  rows: T[],
  request: PageRequest,
  keep: (row: T) => boolean = () => true,
): { rows: T[]; paginator: Record<string, unknown> } {
  const ordered = [...rows].sort((a, b) => (request.descending ? b.id - a.id : a.id - b.id));
  const { after } = request;
  const remaining =
    after === undefined
      ? ordered
      : ordered.filter((row) => (request.descending ? row.id < after : row.id > after));
  const window = remaining.slice(0, request.size);
  const paginator: Record<string, unknown> = {};
  if (remaining.length > request.size) paginator.next = { id: window[window.length - 1]!.id };
  if (after === undefined) paginator.totalItems = ordered.filter(keep).length;
  return { rows: window.filter(keep), paginator };
}
