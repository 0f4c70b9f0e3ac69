import { defineMessages } from '../define';

/** Messages of the reconcile feature. */
export const reconcileMessages = defineMessages({}, {});
