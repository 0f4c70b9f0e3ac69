import { defineMessages } from '../define';

/**
 * The activity-log lines about the seller-center helpers, and the answers the background translates itself
 * before the helper shows them ("Đẩy sang Nhanh ngay"): the content script does not carry them
 * (`lib/seller-center/texts.ts`).
 */
export const sellerCenterLogMessages = defineMessages(
  {
    'sellerCenter.log.keySaved': 'Đã lưu khóa kết nối từ Seller Center cho cửa hàng "{shop}".',
    'sellerCenter.log.keyAdded': 'Đã thêm cửa hàng "{shop}" từ khóa kết nối trên Seller Center.',
    'sellerCenter.log.keyRejected': 'Khóa kết nối gửi từ Seller Center (cửa hàng "{shop}") chưa được lưu.',
    'sellerCenter.log.statementDelivered': 'Đã nhận file sao kê "{name}" từ Seller Center.',
    'sellerCenter.log.keyTableMissing':
      'Trang Seller Center "{page}" đã thay đổi: không tìm thấy bảng "Tham số kết nối" nên chưa hiện nút lưu khóa. Hãy báo cho nhà phát triển.',
    'sellerCenter.log.exportControlMissing':
      'Trang Seller Center "{page}" đã thay đổi: không tìm thấy nút "Xuất sao kê hiện tại" nên chưa hiện nút đối soát. Hãy báo cho nhà phát triển.',
    'sellerCenter.push.noShop':
      'Không cửa hàng Tiki nào đã kết nối với tiện ích có đơn {code}. Hãy lưu khóa kết nối của cửa hàng này (Cài đặt) rồi bấm lại.',
    'sellerCenter.push.busy': 'Tiện ích đang đồng bộ đơn của cửa hàng này. Chờ ít giây rồi bấm lại.',
    'sellerCenter.push.missing': 'Tiki không tìm thấy đơn {code} khi đọc lại nên chưa đẩy sang Nhanh.',
    'sellerCenter.push.skipped':
      'Đơn {code} chưa được đẩy sang Nhanh: Tiki chưa chấp nhận đơn, đơn đã quá cũ, hoặc trạng thái của đơn không nằm trong "Trạng thái đơn mặc định khi tải" ở Cài đặt.',
    'sellerCenter.log.orderCodesMissing':
      'Trang đơn hàng Seller Center "{page}" đã thay đổi: không đọc được cột "Mã đơn hàng" nên chưa hiện trạng thái Nhanh bên cạnh đơn. Hãy báo cho nhà phát triển.',
  },
  {
    'sellerCenter.log.keySaved': 'Connection key from Seller Center saved for the shop "{shop}".',
    'sellerCenter.log.keyAdded': 'Shop "{shop}" added from a connection key on Seller Center.',
    'sellerCenter.log.keyRejected': 'A connection key sent from Seller Center (shop "{shop}") was not saved.',
    'sellerCenter.log.statementDelivered': 'Statement file "{name}" received from Seller Center.',
    'sellerCenter.log.keyTableMissing':
      'The Seller Center page "{page}" has changed: the "Tham số kết nối" table was not found, so no save button is shown. Please tell the developers.',
    'sellerCenter.log.exportControlMissing':
      'The Seller Center page "{page}" has changed: the "Xuất sao kê hiện tại" button was not found, so no reconcile button is shown. Please tell the developers.',
    'sellerCenter.push.noShop':
      'No Tiki shop connected to the extension has order {code}. Save this shop’s connection key (Settings), then click again.',
    'sellerCenter.push.busy':
      'The extension is syncing this shop’s orders. Wait a few seconds, then click again.',
    'sellerCenter.push.missing':
      'Tiki did not find order {code} when reading it again, so it was not pushed to Nhanh.',
    'sellerCenter.push.skipped':
      'Order {code} was not pushed to Nhanh: Tiki has not accepted it yet, it is too old, or its status is not among the "Default order statuses to download" in Settings.',
    'sellerCenter.log.orderCodesMissing':
      'The Seller Center order page "{page}" has changed: the "Mã đơn hàng" column could not be read, so no Nhanh status is shown beside the orders. Please tell the developers.',
  },
);
