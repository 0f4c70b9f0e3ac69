import { commonMessages } from './messages/common';
import { compatMessages } from './messages/compat';
import { nhanhMessages } from './messages/nhanh';
import { ordersMessages } from './messages/orders';
import { privacyMessages } from './messages/privacy';
import { productsMessages } from './messages/products';
import { reconcileMessages } from './messages/reconcile';
import { sellerCenterMessages } from './messages/seller-center';
import { settingsMessages } from './messages/settings';
import { tikiMessages } from './messages/tiki';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';

/** Every domain's catalog; a key defined twice is a mistake the `Catalog` type would hide, so keys carry a domain prefix. */
const domains = [
  commonMessages,
  settingsMessages,
  tikiMessages,
  nhanhMessages,
  productsMessages,
  ordersMessages,
  reconcileMessages,
  sellerCenterMessages,
  privacyMessages,
  compatMessages,
] as const;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
type Catalog = UnionToIntersection<(typeof domains)[number]['vi']>;

const catalogs = {
  vi: Object.assign({}, ...domains.map((domain) => domain.vi)) as Catalog,
  en: Object.assign({}, ...domains.map((domain) => domain.en)) as Catalog,
};

export type MessageKey = keyof Catalog & string;
export type MessageParams = Record<string, string | number>;

/** A message to show later, in whatever language the UI is in then (errors cross contexts this way). */
export interface LocalizedText {
  key: MessageKey;
  params?: MessageParams;
}

export function isMessageKey(value: string): value is MessageKey {
  return value in catalogs.vi;
}

/** Translates `key`, filling `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
export function t(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template: string = (catalogs[locale] as Record<string, string>)[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function translate(locale: Locale, text: LocalizedText): string {
  return t(locale, text.key, text.params);
}
