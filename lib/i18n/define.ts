/**
 * Declares one domain's messages: Vietnamese is the source, English must have exactly the same keys (the
 * compiler says which one is missing). `{name}` placeholders are filled by `t`.
 */
export function defineMessages<const Vi extends Record<string, string>>(
  vi: Vi,
  en: { [K in keyof Vi]: string },
) {
  return { vi, en };
}
