import type { ActionOutcome } from '../../components/seller-center/action-button';
import type { ProtocolMap } from '../messaging';
import type { HelperUi } from './mount';
import type { HelperMessageKey, HelperText } from './texts';

/**
 * What the seller-center helper (./helper.ts) hands each in-page feature (./key-buttons.ts,
 * ./statement-button.ts): in a module of its own, so the features need nothing from the helper that starts them.
 */

/** The messages the helper sends, typed as the background answers them. */
export type SendToBackground = <K extends keyof ProtocolMap>(
  type: K,
  ...data: Parameters<ProtocolMap[K]> extends [] ? [] : [Parameters<ProtocolMap[K]>[0]]
) => Promise<ReturnType<ProtocolMap[K]>>;

export interface HelperDeps {
  send: SendToBackground;
  /** The content script's fetch: requests leave from the page's origin with its cookies. */
  fetch: typeof fetch;
  /** Spreadsheets the page itself requested (resource timing), read only when the seller clicks. */
  requestedUrls: () => string[];
}

/** What each in-page feature gets from the helper: messaging, texts in the seller's language, mounting. */
export interface HelperEnv extends HelperDeps {
  t(key: HelperMessageKey, params?: HelperText['params']): string;
  translate(text: HelperText): string;
  /** Runs a background call; a failure becomes what the seller reads (e.g. the extension was reloaded). */
  ask<T>(call: () => Promise<T>): Promise<{ answer: T } | { failure: ActionOutcome }>;
  mount(
    tag: string,
    anchor: Element,
    append: 'last' | 'after',
    render: (container: HTMLElement) => void,
  ): Promise<HelperUi>;
}
