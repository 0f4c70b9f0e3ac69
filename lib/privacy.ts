import type { MessageKey } from './i18n';

/**
 * The privacy statement, in one place: the dashboard's "Quyền riêng tư" shows these messages in this order. The
 * README's Privacy section and the store listing (store/) say the same in prose; tests hold all three to the
 * manifest's permissions and hosts (wxt.config.ts).
 */
export const PRIVACY_SUMMARY: MessageKey = 'privacy.summary';

export const PRIVACY_SECTIONS: { heading: MessageKey; items: MessageKey[] }[] = [
  {
    heading: 'privacy.reads.heading',
    items: [
      'privacy.reads.tikiKeys',
      'privacy.reads.nhanhToken',
      'privacy.reads.orders',
      'privacy.reads.products',
      'privacy.reads.statements',
    ],
  },
  {
    heading: 'privacy.kept.heading',
    items: ['privacy.kept.storage', 'privacy.kept.indexedDb', 'privacy.kept.removal'],
  },
  {
    heading: 'privacy.sent.heading',
    items: ['privacy.sent.tiki', 'privacy.sent.nhanh', 'privacy.sent.nhanhLogin', 'privacy.sent.nothingElse'],
  },
  {
    heading: 'privacy.permissions.heading',
    items: [
      'privacy.permission.storage',
      'privacy.permission.unlimitedStorage',
      'privacy.permission.alarms',
      'privacy.permission.notifications',
      'privacy.permission.identity',
      'privacy.host.sellerCenter',
      'privacy.host.tikiApi',
      'privacy.host.nhanhApi',
    ],
  },
];
