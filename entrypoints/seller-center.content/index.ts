import { defineContentScript } from 'wxt/utils/define-content-script';
import { mountSellerCenterHelper } from '../../lib/seller-center/mount';

export default defineContentScript({
  matches: ['https://sellercenter.tiki.vn/*'],
  cssInjectionMode: 'ui',
  main: (ctx) => mountSellerCenterHelper(ctx),
});
