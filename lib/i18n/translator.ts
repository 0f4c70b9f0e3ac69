/**
 * Translation over a chosen set of domains (`messages/*.ts`). The extension's pages use every domain
 * (`./index.ts`); the seller-center content script builds its own from the few it shows, so it does not carry the
 * rest on every seller-center page.
 */

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';

export type MessageParams = Record<string, string | number>;

/** A message to show later, in whatever language the UI is in then (errors cross contexts this way). */
export interface Text<Key extends string> {
  key: Key;
  params?: MessageParams;
}

type Domain = { vi: Record<string, string>; en: Record<string, string> };
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
/** The keys of these domains; a key defined twice is a mistake this type would hide, so keys carry a domain prefix. */
export type KeyOf<Domains extends readonly Domain[]> = keyof UnionToIntersection<Domains[number]['vi']> &
  string;

export function createTranslator<const Domains extends readonly Domain[]>(...domains: Domains) {
  type Key = KeyOf<Domains>;
  const catalogs: Record<Locale, Record<string, string>> = {
    vi: Object.assign({}, ...domains.map((domain) => domain.vi)),
    en: Object.assign({}, ...domains.map((domain) => domain.en)),
  };

  /** Translates `key`, filling `{name}` placeholders; an unknown placeholder stays visible rather than vanishing. */
  function t(locale: Locale, key: Key, params?: MessageParams): string {
    const template = catalogs[locale][key] ?? key;
    if (!params) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  }

  return {
    t,
    translate: (locale: Locale, text: Text<Key>): string => t(locale, text.key, text.params),
    isMessageKey: (value: string): value is Key => value in catalogs.vi,
  };
}
