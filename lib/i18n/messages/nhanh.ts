import { defineMessages } from '../define';

/** Messages of the nhanh API client (errors a seller reads). */
export const nhanhMessages = defineMessages({}, {});
