import type { OrderBlocker } from '../db';
import type { TikiOrder, TikiOrderItem } from '../tiki/schemas';
import type { ProductLink } from './product-links';

/*
 * The help page's rules for an order line, in order: a paired product goes through; an unpaired one blocks
 * the order ("Sản phẩm … chưa được ghép với sản phẩm trên Nhanh"); one changed on Tiki since pairing blocks
 * it until re-paired; one deleted on Tiki goes through only with "Luôn lấy sản phẩm về" (created in Nhanh from
 * the order line, then paired).
 */

/** What one order line needs before the order can be created in Nhanh. */
export type LineVerdict =
  | { kind: 'ready'; nhanhProductId: number }
  /** "Luôn lấy sản phẩm về": create this product in Nhanh from the line, pair it, then import. */
  | { kind: 'create'; item: TikiOrderItem }
  | { kind: 'blocked'; blocker: OrderBlocker };

/** The SKU a seller recognises: their own code when they set one, Tiki's otherwise. */
export function shownSku(item: Pick<TikiOrderItem, 'product'>): string {
  return item.product.seller_product_code ?? item.product.sku;
}

function blocker(item: TikiOrderItem, fix: OrderBlocker['fix']): OrderBlocker {
  const name = item.product.name;
  const sku = shownSku(item);
  const key =
    fix === 'pair'
      ? 'orders.blocked.unpaired'
      : fix === 'repair'
        ? 'orders.blocked.changed'
        : 'orders.blocked.deleted';
  return { tikiProductId: item.product.id, name, sku, fix, text: { key, params: { name, sku } } };
}

/** The shop's settings the rules depend on. */
export interface BlockingContext {
  /** "Luôn lấy sản phẩm về". */
  alwaysFetchProducts: boolean;
  /**
   * Whether the shop's Tiki catalogue has been downloaded. Then a product absent from it was deleted before
   * the download (no download can bring it back); before any download, absent only means "not downloaded yet".
   */
  catalogueDownloaded: boolean;
  /**
   * What Tiki answered for products the download did not list (`lookUpUnlisted`): only its 404 makes one gone;
   * a product Tiki could not be asked about is never declared deleted.
   */
  tikiAnswers?: ReadonlyMap<number, 'found' | 'gone' | 'unknown'>;
}

export function lineVerdict(
  item: TikiOrderItem,
  link: ProductLink | undefined,
  context: BlockingContext,
): LineVerdict {
  if (link?.state === 'paired' && link.nhanhProductId !== null)
    return { kind: 'ready', nhanhProductId: link.nhanhProductId };
  const absent = link === undefined || (link.product === undefined && link.mapping === undefined);
  const answer = context.tikiAnswers?.get(item.product.id);
  const gone =
    answer === 'gone' ||
    (answer === undefined && (link?.state === 'deleted' || (absent && context.catalogueDownloaded)));
  if (gone && context.alwaysFetchProducts) {
    // Still paired with a Nhanh product from before the deletion: that product, not a second copy.
    if (link?.mapping) return { kind: 'ready', nhanhProductId: link.mapping.nhanhProductId };
    return { kind: 'create', item };
  }
  if (gone) return { kind: 'blocked', blocker: blocker(item, 'always-fetch') };
  if (link?.state === 'needs-repair') return { kind: 'blocked', blocker: blocker(item, 'repair') };
  return { kind: 'blocked', blocker: blocker(item, 'pair') };
}

export type OrderVerdict =
  | { kind: 'blocked'; blockers: OrderBlocker[] }
  | { kind: 'ready'; lines: LineVerdict[] };

/** An order is blocked when any line is; every blocked line is listed, each product once. */
export function orderVerdict(
  order: Pick<TikiOrder, 'items'>,
  links: ReadonlyMap<number, ProductLink>,
  context: BlockingContext,
): OrderVerdict {
  const lines = order.items.map((item) => lineVerdict(item, links.get(item.product.id), context));
  const blockers = new Map<number, OrderBlocker>();
  for (const line of lines)
    if (line.kind === 'blocked') blockers.set(line.blocker.tikiProductId, line.blocker);
  return blockers.size > 0 ? { kind: 'blocked', blockers: [...blockers.values()] } : { kind: 'ready', lines };
}
