import { defineMessages } from '../define';

export const settingsMessages = defineMessages({}, {});
