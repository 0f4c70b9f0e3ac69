import { defineMessages } from '../define';

/** Messages of the seller-center feature. */
export const sellerCenterMessages = defineMessages({}, {});
