import { defineMessages } from '../define';

/** Messages of the orders feature. */
export const ordersMessages = defineMessages({}, {});
