import { browser } from 'wxt/browser';
import { resumeCompatCheck, startCompatCheck } from '../compat/background';
import { cancelJobById, resumeInterruptedJobs } from '../jobs/worker';
import {
  resumeCatalogueDownload,
  resumeCreateProducts,
  startCatalogueDownload,
  startCreateProducts,
} from '../products/background';
import {
  previewNhanhPayments,
  resumeNhanhPayments,
  resumeReconcileMatch,
  startNhanhPayments,
  startReconcileMatch,
} from '../reconcile/background';
import {
  openStatementPickerForEmail,
  receiveStatementFile,
  recordSellerCenterIssue,
  sellerCenterLocale,
} from '../seller-center/background';
import { answerKeyCapture } from '../seller-center/key-capture';
import { openOrderFix, pushOrderNow, readOrderChipStates } from '../seller-center/order-states';
import { readStatus } from '../status/status';
import {
  getStockPushSetup,
  resumeStockPreview,
  resumeStockPush,
  startStockPreview,
  startStockPush,
  startStockPushInBackground,
} from '../stock/background';
import { askForOrderEvents, startEventQueueInBackground } from '../sync/background-events';
import {
  cancelNhanhShipment,
  importOrdersNow,
  resumeOrderSync,
  startOrderImport,
  startOrderSyncInBackground,
  tikiHasOrder,
} from '../sync/background-sync';
import { openDashboard } from '../ui-state/dashboard-tabs';
import { checkNhanh, checkTikiShop, connectNhanh } from './connections';
import { seedSandboxSettings } from './dev-sandbox';
import { registerMessageHandlers } from './message-policy';

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
      startCompatCheck: ({ shopId }) => startCompatCheck(shopId),
      startOrderImport: ({ shopId, statuses }) => startOrderImport(shopId, statuses),
      cancelJob: ({ jobId }) => cancelJobById(jobId),
      startCatalogueDownload: ({ shopId }) => startCatalogueDownload(shopId),
      startCreateProducts: ({ shopId, tikiProductIds }) => startCreateProducts(shopId, tikiProductIds),
      startReconcileMatch: ({ statementId }) => startReconcileMatch(statementId),
      previewNhanhPayments,
      startNhanhPayments,
      cancelNhanhShipment: ({ shopId, code }) => cancelNhanhShipment(shopId, code),
      getSellerCenterLocale: () => sellerCenterLocale(),
      captureTikiKey: (captured) => answerKeyCapture(captured),
      reportSellerCenterIssue: (report) => recordSellerCenterIssue(report),
      deliverStatementFile: (file) => receiveStatementFile(file),
      openStatementPicker: () => openStatementPickerForEmail(),
      getStockPushSetup: ({ shopId }) => getStockPushSetup(shopId),
      startStockPreview: ({ shopId }) => startStockPreview(shopId),
      startStockPush: ({ shopId, tikiProductIds }) => startStockPush(shopId, tikiProductIds),
      getOrderChipStates: ({ codes }) => readOrderChipStates(codes),
      pushOrderToNhanh: ({ code }) => pushOrderNow(code, { importOrders: importOrdersNow, tikiHasOrder }),
      openOrderFix: ({ code }) => openOrderFix(code),
      pullOrderEvents: () => askForOrderEvents(),
    },
    browser.runtime.id,
  );
  startOrderSyncInBackground();
  startStockPushInBackground();
  startEventQueueInBackground();
  void resumeInterruptedJobs({
    'order-sync': resumeOrderSync,
    'catalogue-download': resumeCatalogueDownload,
    'create-products': resumeCreateProducts,
    'reconcile-match': resumeReconcileMatch,
    'compat-check': resumeCompatCheck,
    'nhanh-payments': resumeNhanhPayments,
    'stock-preview': resumeStockPreview,
    'stock-push': resumeStockPush,
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    void seedSandboxSettings(import.meta.env.WXT_SANDBOX).finally(() => openDashboard('settings'));
  });
}
