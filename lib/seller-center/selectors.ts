// zod's functional build: this file runs in the content script on every seller-center page, where full zod
// would be most of the bundle for one schema.
import * as z from 'zod/mini';

/**
 * Everything the helper knows about the seller center's pages, in one place: the visible Vietnamese labels it
 * anchors on, the table structure around them, and the fallbacks. Nothing here depends on class names (they
 * are generated and change with every Tiki release). When Tiki changes a page, this is the file to fix.
 *
 * Labels come from Nhanh's help page (`nhanh-tiki-sync-help.vi.txt`) and the Tiki reference (§1, §5). Text is
 * compared without diacritics, case, punctuation or extra spaces, and labels may be split across nested
 * elements.
 */
export const LABELS = {
  /** Account menu entry leading to the seller's details. */
  sellerInfoMenu: 'Thông tin người bán',
  /** Heading of the page holding the key. */
  storeSetupPage: 'Thiết lập cửa hàng và thông tin liên lạc',
  /** Section holding the key table. */
  keySection: 'Kết nối với kênh bán hàng khác',
  /** Column of the key table holding the key. */
  keyColumn: 'Tham số kết nối',
  /** Column headers that name the shop of a row, when the table has one (accounts with several shops). */
  shopNameColumns: ['Tên cửa hàng', 'Tên shop', 'Tên nhà bán', 'Cửa hàng'],
  /** Form labels elsewhere on the key page whose value is the shop name. */
  shopNameFields: ['Tên cửa hàng', 'Tên shop', 'Tên nhà bán'],
  /** The export control of a statement, then looser wordings seen in older pages. */
  statementExport: ['Xuất sao kê hiện tại', 'Xuất sao kê', 'Xuất file sao kê'],
  /** Texts that mark a statement page (its tab and heading); the side menu's lone "Sao kê" is not enough. */
  statementPage: ['Xem chi tiết các lần thanh toán', 'Chi tiết sao kê'],
  statementHeading: 'Sao kê',
  /**
   * Headings (or tabs, breadcrumbs) of the order list and an order's detail page. Assumption: Tiki publishes no
   * screenshot of these pages; these are the wordings of its seller academy and of the other sellers' tools.
   */
  orderPages: ['Quản lý đơn hàng', 'Danh sách đơn hàng', 'Chi tiết đơn hàng', 'Thông tin đơn hàng'],
  /** The order-code column of the list, and the field label of the detail page. */
  orderCode: ['Mã đơn hàng', 'Mã đơn'],
  /** What an order list shows when a filter or a page holds no order: nothing to read is then no surprise. */
  noOrders: ['Không có đơn hàng', 'Không tìm thấy đơn hàng', 'Chưa có đơn hàng', 'Không có dữ liệu'],
} as const;

/**
 * The page with the key. Assumption: its real URL is not published anywhere (the help page shows the path
 * through the account menu only); the seller center's other pages live under `/new/#/…`, so this is the most
 * plausible address. The launcher prefers clicking the page's own menu link and uses this URL only without one.
 */
export const KEY_PAGE_URL = 'https://sellercenter.tiki.vn/new/#/seller-info/store-setup';

/** The tag names of the helper's own hosts start with this; scans skip them. */
export const HELPER_TAG_PREFIX = 'nhanh-tiki-';

/** Lowercase, no diacritics (đ → d), punctuation as spaces, single spaces: "Tham số  kết nối:" → "tham so ket noi". */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Elements are told by `localName` (always lower case in an HTML page): a scan asks it of thousands of elements.
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg']);

/** Whether this is one of the helper's own hosts (a key button, a chip…). */
export function isHelperHost(element: Element): boolean {
  return element.localName.startsWith(HELPER_TAG_PREFIX);
}

function isSkipped(element: Element): boolean {
  return SKIPPED_TAGS.has(element.localName) || isHelperHost(element);
}

/** The walks of one `readingOnce` call, by root; null outside one. */
let walks: Map<Node, Text[]> | null = null;

/**
 * Runs `read` with each root walked once: a scan looks for a dozen labels, and walking a 200-row order list
 * for each (every node visited from the content script's world) took over 100 ms. The page cannot change
 * during `read`, which runs in one task.
 */
export function readingOnce<T>(read: () => T): T {
  walks = new Map();
  try {
    return read();
  } finally {
    walks = null;
  }
}

/** Text nodes under `root`, in document order, outside scripts, styles, templates and the helper's own hosts. */
function textNodesOf(root: Node): Text[] {
  const walked = walks?.get(root);
  if (walked) return walked;
  const found: Text[] = [];
  // Sibling links rather than `childNodes`: no NodeList per element, which the content script's world pays for.
  const visit = (parent: Node) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) found.push(child as Text);
      else if (child.nodeType === 1 && !isSkipped(child as Element)) visit(child);
    }
  };
  if (root.nodeType === 3) found.push(root as Text);
  else visit(root);
  walks?.set(root, found);
  return found;
}

/**
 * Normalized texts by raw text: a scan looks for a dozen labels in every text node, and the page draws the same
 * texts again and again (a re-render, the next page of the list). Normalizing each node for each label took
 * hundreds of milliseconds on a 200-row order list. Emptied when it grows large (a long session of paging).
 */
const normalizedTexts = new Map<string, string>();
const MAX_NORMALIZED_TEXTS = 20_000;

function normalizedDataOf(node: Text): string {
  let normalized = normalizedTexts.get(node.data);
  if (normalized === undefined) {
    if (normalizedTexts.size >= MAX_NORMALIZED_TEXTS) normalizedTexts.clear();
    normalized = normalizeLabel(node.data);
    normalizedTexts.set(node.data, normalized);
  }
  return normalized;
}

function normalizedTextOf(element: Element): string {
  return normalizeLabel(textOf(element));
}

/** An element's visible-ish text, without the helper's own hosts (their content sits in shadow roots anyway). */
function textOf(element: Element): string {
  return textNodesOf(element)
    .map((node) => node.data)
    .join('');
}

/**
 * Whether an element's normalized text is surely longer than `max`: it keeps every letter and digit, so counting
 * those (from the texts already normalized) tells, without normalizing the whole text of a section that holds a
 * 200-row table only to find it too long.
 */
function longerThan(element: Element, max: number): boolean {
  let letters = 0;
  for (const node of textNodesOf(element)) {
    letters += normalizedDataOf(node).replaceAll(' ', '').length;
    if (letters > max) return true;
  }
  return false;
}

/**
 * The smallest elements whose text is `label` (or holds it with little around it: an asterisk, a count, an
 * icon's text), even when the words are split across nested elements. A whole section that merely contains the
 * label is not a match.
 */
export function findLabelElements(root: ParentNode, label: string): Element[] {
  const wanted = normalizeLabel(label);
  const maxLength = wanted.length + 24;
  const found = new Set<Element>();
  for (const node of textNodesOf(root as unknown as Node)) {
    const text = normalizedDataOf(node);
    if (text.length < 2 || !(wanted.includes(text) || text.includes(wanted))) continue;
    for (let element = node.parentElement; element; element = element.parentElement) {
      if (longerThan(element, maxLength)) break;
      const whole = normalizedTextOf(element);
      if (whole.length > maxLength) break;
      if (whole.includes(wanted)) {
        found.add(element);
        break;
      }
    }
  }
  return [...found];
}

function findFirstLabel(root: ParentNode, labels: readonly string[]): Element | null {
  for (const label of labels) {
    const [first] = findLabelElements(root, label);
    if (first) return first;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Tables: real <table>s (also Ant Design's fixed header, where header and body are two tables) and ARIA grids.

interface TableModel {
  headers: Element[];
  rows: Element[][];
}

const CELL_TAGS = new Set(['td', 'th']);
const ARIA_HEADER = '[role="columnheader"]';
const ARIA_CELL = '[role="cell"], [role="gridcell"], [role="rowheader"]';

function cellsOfRow(row: Element): Element[] {
  const children = [...row.children];
  if (row.localName === 'tr') return children.filter((child) => CELL_TAGS.has(child.localName));
  const withRole = children.filter((child) => child.matches(ARIA_HEADER) || child.matches(ARIA_CELL));
  return withRole.length > 0 ? withRole : children;
}

/** Rows of `table` that belong to it, not to a table nested inside one of its cells. */
function ownRows(table: Element): Element[] {
  const isHtml = table.localName === 'table';
  const rows = [...table.querySelectorAll(isHtml ? 'tr' : '[role="row"]')];
  return rows.filter((row) => row.closest(isHtml ? 'table' : '[role="table"], [role="grid"]') === table);
}

function isHeaderRow(row: Element): boolean {
  const cells = cellsOfRow(row);
  return cells.length > 0 && cells.every((cell) => cell.localName === 'th' || cell.matches(ARIA_HEADER));
}

/** Ant Design's measure row and other rows drawn only for layout. */
function isLayoutRow(row: Element): boolean {
  // `textContent`, not a walk: every row of a 200-row list is asked on every scan.
  return row.getAttribute('aria-hidden') === 'true' || !/[\p{L}\p{N}]/u.test(row.textContent ?? '');
}

/**
 * The header cells and data rows of the table whose header contains `headerCell`. When the header stands alone
 * (a fixed-header table), the body is the next table nearby with rows of the same width.
 */
function tableAround(headerCell: Element): TableModel | null {
  const table = headerCell.closest('table, [role="table"], [role="grid"]');
  const headerRow = headerCell.closest('tr, [role="row"]');
  if (!table || !headerRow) return null;
  const headers = cellsOfRow(headerRow);
  let rows = ownRows(table).filter((row) => !isHeaderRow(row) && !isLayoutRow(row));
  if (rows.length === 0) {
    for (
      let scope = table.parentElement, depth = 0;
      scope && depth < 4;
      scope = scope.parentElement, depth++
    ) {
      const bodies = [...scope.querySelectorAll('table, [role="table"], [role="grid"]')].filter(
        (candidate) => candidate !== table && !candidate.contains(table),
      );
      const body = bodies.find((candidate) =>
        ownRows(candidate).some((row) => !isLayoutRow(row) && cellsOfRow(row).length === headers.length),
      );
      if (body) {
        rows = ownRows(body).filter((row) => !isHeaderRow(row) && !isLayoutRow(row));
        break;
      }
    }
  }
  return { headers, rows: rows.map(cellsOfRow) };
}

function columnIndex(headers: Element[], labels: readonly string[]): number {
  for (const label of labels) {
    const wanted = normalizeLabel(label);
    const exact = headers.findIndex((header) => normalizedTextOf(header) === wanted);
    if (exact >= 0) return exact;
    const loose = headers.findIndex((header) => normalizedTextOf(header).includes(wanted));
    if (loose >= 0) return loose;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------------------------
// The key table.

/** One row of the key table: where to put the button, and what to read when the seller clicks it. */
export interface KeyRowAnchor {
  /** The "Tham số kết nối" cell. */
  keyCell: Element;
  /** The row's shop-name cell, when the table has that column. */
  shopCell: Element | null;
}

export interface KeyTable {
  /** Whether the section title was found too (false: found through the column header alone, a fallback). */
  sectionFound: boolean;
  rows: KeyRowAnchor[];
}

/** The header cells reading "Tham số kết nối", preferring those inside the "Kết nối với kênh bán hàng khác" section. */
function keyHeaderCells(root: ParentNode): { cell: Element; inSection: boolean }[] {
  const sections = findLabelElements(root, LABELS.keySection);
  return findLabelElements(root, LABELS.keyColumn)
    .map((label) => label.closest('th, [role="columnheader"], td, [role="cell"]'))
    .filter((cell): cell is Element => cell !== null)
    .map((cell) => ({
      cell,
      inSection: sections.some((section) => {
        // The section title and its table share a nearby ancestor (a section, a card, a div).
        for (
          let scope = section.parentElement, depth = 0;
          scope && depth < 4;
          scope = scope.parentElement, depth++
        )
          if (scope.contains(cell)) return true;
        return false;
      }),
    }))
    .sort((a, b) => Number(b.inSection) - Number(a.inSection));
}

/** The key table on screen, or null when this page has none. */
export function findKeyTable(root: ParentNode): KeyTable | null {
  for (const { cell, inSection } of keyHeaderCells(root)) {
    const model = tableAround(cell);
    if (!model) continue;
    const keyColumn = model.headers.indexOf(cell);
    const shopColumn = columnIndex(model.headers, LABELS.shopNameColumns);
    const rows = model.rows
      .map((cells) => ({ keyCell: cells[keyColumn] ?? null, shopCell: cells[shopColumn] ?? null }))
      .filter((row): row is KeyRowAnchor => row.keyCell !== null);
    if (rows.length > 0) return { sectionFound: inSection, rows };
  }
  return null;
}

/** Tiki shows the key as a UUID (SC-legacy); any letters/digits/dashes run of plausible length is accepted. */
const KEY_TOKEN = /[A-Za-z0-9][A-Za-z0-9-]{14,126}[A-Za-z0-9]/g;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const capturedKeySchema = z.object({
  key: z.string().check(z.regex(/^[A-Za-z0-9-]{16,128}$/)),
  shopName: z.string().check(z.trim(), z.maxLength(120)),
});
export type CapturedKey = z.output<typeof capturedKeySchema>;

function keyInCell(cell: Element): string | null {
  for (const field of cell.querySelectorAll('input, textarea')) {
    const value = (field as HTMLInputElement).value?.trim() ?? '';
    if (value) return value;
  }
  const tokens = textOf(cell).match(KEY_TOKEN) ?? [];
  return tokens.find((token) => UUID.test(token)) ?? tokens.find((token) => /\d/.test(token)) ?? null;
}

function valueOfField(label: Element): string {
  const input = (scope: Element | null) =>
    scope?.querySelector<HTMLInputElement>('input, textarea')?.value?.trim() ?? '';
  // A form row: the label, then the value in the next element (or an input in it).
  for (
    let scope: Element | null = label, depth = 0;
    scope && depth < 3;
    scope = scope.parentElement, depth++
  ) {
    const next = scope.nextElementSibling;
    if (next) return input(next) || textOf(next).trim();
  }
  return input(label.parentElement);
}

/** The shop name the page shows outside the table ("Tên cửa hàng" on the key page), or ''. */
function shopNameOnPage(root: ParentNode): string {
  for (const label of LABELS.shopNameFields) {
    const wanted = normalizeLabel(label);
    const field = findLabelElements(root, label).find((element) => normalizedTextOf(element) === wanted);
    if (field) {
      const value = valueOfField(field);
      if (value) return value;
    }
  }
  return '';
}

/**
 * What the seller clicked for: the key in that row and the shop name the page shows (the row's own column, else
 * the page's "Tên cửa hàng"; '' when neither exists). Null when the cell holds no readable key (masked, empty).
 * Called only on the seller's click.
 */
export function readKeyRow(row: KeyRowAnchor, root: ParentNode): CapturedKey | null {
  const key = keyInCell(row.keyCell);
  const shopName =
    (row.shopCell ? textOf(row.shopCell).replace(/\s+/g, ' ').trim() : '') || shopNameOnPage(root);
  const parsed = capturedKeySchema.safeParse({ key, shopName: shopName.slice(0, 120) });
  return parsed.success ? parsed.data : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Statement pages.

const SPREADSHEET_PATH = /\.(xlsx|xls|csv)$/i;

export interface StatementDownload {
  url: string;
  fileName: string;
}

export interface StatementExport {
  /** The page's "Xuất sao kê hiện tại" control; the helper's button goes right after it. */
  control: Element;
  /** Where the page offers the file itself, or null when it only mails it. */
  download: StatementDownload | null;
}

const CLICKABLE = 'button, a, [role="button"], [role="menuitem"]';

function spreadsheetDownload(
  href: string | null,
  base: string,
  suggested: string | null,
): StatementDownload | null {
  if (!href || /^(javascript|mailto|data|blob):/i.test(href.trim())) return null;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const lastSegment = decodeURIComponent(url.pathname.split('/').pop() ?? '');
  const named = suggested?.trim() ?? '';
  if (!SPREADSHEET_PATH.test(url.pathname) && !SPREADSHEET_PATH.test(named)) return null;
  return { url: url.href, fileName: named || lastSegment };
}

function linkDownload(link: Element, base: string): StatementDownload | null {
  if (link.localName !== 'a') return null;
  return spreadsheetDownload(link.getAttribute('href'), base, link.getAttribute('download'));
}

/**
 * The page's export control and, when the page offers the file directly, its address: the control itself when
 * it is a spreadsheet link, else a spreadsheet link next to it, else the last spreadsheet the page requested
 * (`requestedUrls`, from the page's resource timing). `base` resolves relative links.
 */
export function findStatementExport(
  root: ParentNode,
  base: string,
  requestedUrls: readonly string[] = [],
): StatementExport | null {
  let control: Element | null = null;
  for (const label of LABELS.statementExport) {
    const [text] = findLabelElements(root, label);
    if (text) {
      control = text.closest(CLICKABLE) ?? text;
      break;
    }
  }
  if (!control) return null;
  let download = linkDownload(control, base);
  for (
    let scope = control.parentElement, depth = 0;
    !download && scope && depth < 3;
    scope = scope.parentElement, depth++
  )
    for (const link of scope.querySelectorAll('a[href]')) {
      download = linkDownload(link, base);
      if (download) break;
    }
  if (!download)
    for (const requested of [...requestedUrls].reverse()) {
      download = spreadsheetDownload(requested, base, null);
      if (download) break;
    }
  return { control, download };
}

// ---------------------------------------------------------------------------------------------------------------
// Order codes on the order list and an order's page.

/** A Tiki order code: 9 or more digits (the codes Tiki issues today have 9), not part of a longer number. */
const ORDER_CODE = /(?<!\d)\d{9,20}(?!\d)/;

/** An order code on screen and the smallest element holding it (the chip goes beside that element). */
export interface OrderCodeAnchor {
  code: string;
  element: Element;
}

function orderCodeIn(scope: Element): OrderCodeAnchor | null {
  for (const node of textNodesOf(scope)) {
    const code = ORDER_CODE.exec(node.data)?.[0];
    if (code && node.parentElement) return { code, element: node.parentElement };
  }
  return null;
}

/** The code a "Mã đơn hàng" field shows: in the label's own element ("Mã đơn hàng: 812345678"), else next to it. */
function fieldCode(label: Element): OrderCodeAnchor | null {
  const own = orderCodeIn(label);
  if (own) return own;
  for (
    let scope: Element | null = label, depth = 0;
    scope && depth < 3;
    scope = scope.parentElement, depth++
  ) {
    const next = scope.nextElementSibling;
    // A filter's "Mã đơn hàng" is followed by an input: no text, no code.
    if (next) return orderCodeIn(next);
  }
  return null;
}

/**
 * The order codes of the page, once each: every row's cell under a "Mã đơn hàng" column (the list), then the
 * value of every "Mã đơn hàng" field (an order's page, a list drawn as cards), in page order. A row wins over a
 * field naming the same code (an applied filter "Mã đơn hàng: 812345600" above the list). A number elsewhere (a
 * phone, a tracking code, a price) is never taken for an order code.
 */
export function findOrderCodes(root: ParentNode): OrderCodeAnchor[] {
  const found = new Map<string, OrderCodeAnchor>();
  const add = (anchor: OrderCodeAnchor | null) => {
    if (anchor && !found.has(anchor.code)) found.set(anchor.code, anchor);
  };
  for (const label of LABELS.orderCode) {
    const labels = findLabelElements(root, label);
    const fields: Element[] = [];
    for (const element of labels) {
      const header = element.closest('th, [role="columnheader"]');
      if (!header) {
        fields.push(element);
        continue;
      }
      const model = tableAround(header);
      const column = model?.headers.indexOf(header) ?? -1;
      for (const cells of model?.rows ?? []) if (cells[column]) add(orderCodeIn(cells[column]));
    }
    for (const field of fields) add(fieldCode(field));
    // "Mã đơn" would find the same places again.
    if (found.size > 0) break;
  }
  return [...found.values()];
}

/** Whether the page says it has no order to show (an empty filter or page): then finding no code is expected. */
export function showsNoOrders(root: ParentNode): boolean {
  return LABELS.noOrders.some((label) => findLabelElements(root, label).length > 0);
}

// ---------------------------------------------------------------------------------------------------------------
// What kind of page this is, to know where an anchor should have been.

export type SellerCenterView = 'keys' | 'statement' | 'orders' | 'other';

const HEADINGS =
  'h1, h2, h3, h4, [role="heading"], [role="tab"], .ant-breadcrumb, nav[aria-label="breadcrumb"]';

function isHeading(root: ParentNode, label: string): boolean {
  return findLabelElements(root, label).some((element) => element.closest(HEADINGS) !== null);
}

/**
 * Which helper the page calls for, judged by its headings (the side menu lists every page on every page, so
 * menu entries do not count): the key page, a statement page, the order list or an order's page, or another page.
 */
export function classifyView(root: ParentNode): SellerCenterView {
  if (isHeading(root, LABELS.storeSetupPage) || findLabelElements(root, LABELS.keySection).length > 0)
    return 'keys';
  if ([...LABELS.statementPage, LABELS.statementHeading].some((label) => isHeading(root, label)))
    return 'statement';
  if (LABELS.orderPages.some((label) => isHeading(root, label))) return 'orders';
  return 'other';
}

/** The page's own menu link towards the key page, for the launcher; null when the menu is not rendered. */
export function findKeyPageLink(root: ParentNode): HTMLElement | null {
  const label = findFirstLabel(root, [LABELS.storeSetupPage, LABELS.sellerInfoMenu]);
  return (label?.closest('a[href], [role="menuitem"], button') as HTMLElement | null) ?? null;
}
