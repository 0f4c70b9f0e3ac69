import { defineMessages } from '../define';

/**
 * The activity-log lines about the seller-center helpers: written by the background and read in Nhật ký, never in
 * the seller center, so the content script does not carry them (`lib/seller-center/texts.ts`).
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
  },
);
