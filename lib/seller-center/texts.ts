import { errorMessages } from '../i18n/messages/errors';
import { sellerCenterMessages } from '../i18n/messages/seller-center';
import { createTranslator, type KeyOf, type Text } from '../i18n/translator';

/**
 * The in-page helper's messages: its own domain and the shared failures, nothing else. The content script loads on
 * every seller-center page, so it does not carry the other domains; what the background answers it in other
 * words comes already translated (see `answerKeyCapture`).
 */
const helperDomains = [sellerCenterMessages, errorMessages] as const;

export type HelperMessageKey = KeyOf<typeof helperDomains>;
export type HelperText = Text<HelperMessageKey>;

export const { translate: translateHelperText } = createTranslator(...helperDomains);
