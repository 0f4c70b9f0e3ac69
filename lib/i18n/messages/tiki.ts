import { defineMessages } from '../define';

/** Messages of the tiki API client (errors a seller reads). */
export const tikiMessages = defineMessages({}, {});
