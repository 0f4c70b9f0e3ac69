import { z } from 'zod';
import { DASHBOARD_SECTIONS, type DashboardSection } from '../messaging';

/*
 * Where the dashboard's URL hash points: a section, optionally one thing in it, e.g.
 * `#products?shop=<shopId>&tiki=<tikiProductId>` (a blocked order's shortcut to its product) or
 * `#settings?field=alwaysFetchProducts`. The hash is typed by hand or kept in history, so it is checked: an
 * unknown section is Cài đặt, and parameters that do not fit their section's schema leave just the section.
 */

export const productTargetSchema = z.object({
  shop: z.string().min(1),
  // Digits only: `Number` would also take '1e3', '0x10' or ' 5 '.
  tiki: z
    .string()
    .regex(/^[1-9]\d{0,14}$/)
    .transform(Number),
});
/** A Tiki product of a shop, to show and pair in Sản phẩm. */
export type ProductTarget = z.infer<typeof productTargetSchema>;

/** Settings a link may point at (the checkbox with this `name` in Cài đặt). */
export const LINKED_SETTINGS = ['alwaysFetchProducts'] as const;
export const settingTargetSchema = z.object({ field: z.enum(LINKED_SETTINGS) });
export type SettingTarget = z.infer<typeof settingTargetSchema>;

export type DashboardLocation =
  | { section: 'products'; product?: ProductTarget }
  | { section: 'settings'; setting?: SettingTarget }
  | { section: Exclude<DashboardSection, 'products' | 'settings'> };

function isSection(name: string): name is DashboardSection {
  return (DASHBOARD_SECTIONS as readonly string[]).includes(name);
}

export function parseDashboardHash(hash: string): DashboardLocation {
  const [name = '', query = ''] = hash.replace(/^#/, '').split(/\?(.*)/s);
  const section = isSection(name) ? name : 'settings';
  const params = Object.fromEntries(new URLSearchParams(query));
  if (section === 'products') {
    const product = productTargetSchema.safeParse(params);
    return product.success ? { section, product: product.data } : { section };
  }
  if (section === 'settings') {
    const setting = settingTargetSchema.safeParse(params);
    return setting.success ? { section, setting: setting.data } : { section };
  }
  return { section };
}

export function productHash(target: ProductTarget): string {
  return `#products?${new URLSearchParams({ shop: target.shop, tiki: String(target.tiki) })}`;
}

export function settingHash(target: SettingTarget): string {
  return `#settings?${new URLSearchParams(target)}`;
}
