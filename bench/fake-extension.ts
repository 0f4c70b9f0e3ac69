import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/*
 * Import first (before any lib/ module): IndexedDB from fake-indexeddb, and the extension APIs from WXT's fake
 * browser, which the settings-aware modules (activity log, settings) reach for when they are loaded.
 */
(globalThis as { chrome?: unknown }).chrome ??= fakeBrowser;
