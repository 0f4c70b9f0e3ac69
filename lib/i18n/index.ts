import { commonMessages } from './messages/common';
import { compatMessages } from './messages/compat';
import { errorMessages } from './messages/errors';
import { eventQueueMessages } from './messages/event-queue';
import { nhanhMessages } from './messages/nhanh';
import { ordersMessages } from './messages/orders';
import { privacyMessages } from './messages/privacy';
import { productsMessages } from './messages/products';
import { reconcileMessages } from './messages/reconcile';
import { sellerCenterMessages } from './messages/seller-center';
import { sellerCenterLogMessages } from './messages/seller-center-log';
import { settingsMessages } from './messages/settings';
import { stockMessages } from './messages/stock';
import { stockScreenMessages } from './messages/stock-screens';
import { tikiMessages } from './messages/tiki';
import { createTranslator, type KeyOf, type Text } from './translator';

export { DEFAULT_LOCALE, LOCALES, type Locale, type MessageParams } from './translator';

/** Every domain's catalog: what the extension's pages and the background translate with. */
const domains = [
  commonMessages,
  errorMessages,
  settingsMessages,
  tikiMessages,
  nhanhMessages,
  productsMessages,
  ordersMessages,
  reconcileMessages,
  sellerCenterMessages,
  sellerCenterLogMessages,
  privacyMessages,
  compatMessages,
  stockMessages,
  stockScreenMessages,
  eventQueueMessages,
] as const;

export type MessageKey = KeyOf<typeof domains>;
/** A message to show later, in whatever language the UI is in then (errors cross contexts this way). */
export type LocalizedText = Text<MessageKey>;

export const { t, translate, isMessageKey } = createTranslator(...domains);
