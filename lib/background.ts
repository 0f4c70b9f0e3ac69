import { browser } from 'wxt/browser';
import { checkNhanh, checkTikiShop, connectNhanh } from './connections';
import { openDashboard } from './dashboard-tabs';
import { seedSandboxSettings } from './dev-sandbox';
import { registerMessageHandlers } from './messaging';
import {
  openStatementPickerForEmail,
  receiveStatementFile,
  recordSellerCenterIssue,
  sellerCenterLocale,
} from './seller-center/background';
import { captureTikiKey } from './seller-center/key-capture';
import { readStatus } from './status';
import {
  cancelNhanhShipment,
  cancelOrderImport,
  startOrderImport,
  startOrderSyncInBackground,
} from './sync/background-sync';

/**
 * Everything the service worker listens to, registered synchronously: the worker can be stopped at any moment
 * and a message or alarm that wakes it must find its listener on the first turn.
 */
export function startBackground(): void {
  registerMessageHandlers(
    {
      getStatus: () => readStatus(),
      openDashboard: ({ section }) => openDashboard(section),
      checkTikiConnection: ({ shopId }) => checkTikiShop(shopId),
      checkNhanhConnection: () => checkNhanh(),
      connectNhanh: () =>
        connectNhanh({
          launchWebAuthFlow: (url) => browser.identity.launchWebAuthFlow({ url, interactive: true }),
          redirectUrl: browser.identity.getRedirectURL(),
        }),
      startOrderImport: ({ shopId, statuses }) => startOrderImport(shopId, statuses),
      cancelOrderImport: ({ shopId }) => cancelOrderImport(shopId),
      cancelNhanhShipment: ({ shopId, code }) => cancelNhanhShipment(shopId, code),
      getSellerCenterLocale: () => sellerCenterLocale(),
      captureTikiKey: (captured) => captureTikiKey(captured),
      reportSellerCenterIssue: (report) => recordSellerCenterIssue(report),
      deliverStatementFile: (file) => receiveStatementFile(file),
      openStatementPicker: () => openStatementPickerForEmail(),
    },
    browser.runtime.id,
  );
  startOrderSyncInBackground();
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    void seedSandboxSettings(import.meta.env.WXT_SANDBOX).finally(() => openDashboard('settings'));
  });
}
