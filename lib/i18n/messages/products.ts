import { defineMessages } from '../define';

/** Messages of the products feature. */
export const productsMessages = defineMessages({}, {});
