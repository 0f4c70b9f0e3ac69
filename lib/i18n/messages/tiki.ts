import { defineMessages } from '../define';

/** Where a seller finds and switches on the connection in Tiki Seller Center (SC-legacy, Nhanh help). */
const CONNECTION_PLACE_VI =
  'Seller Center → Tài khoản → Thông tin người bán → Thiết lập Cửa Hàng và Thông Tin Liên Lạc → Chi tiết → "Kết nối với kênh bán hàng khác"';
const CONNECTION_PLACE_EN =
  'Seller Center → Account → Seller information → Shop setup and contact details → Details → "Connect with other sales channels"';

/** Messages of the Tiki API client: errors a seller reads, saying what went wrong and what to do. */
export const tikiMessages = defineMessages(
  {
    'tiki.error.wrongKey': `Khóa kết nối Tiki ("Tham số kết nối") không đúng. Vào ${CONNECTION_PLACE_VI}, sao chép lại chuỗi ở cột "Tham số kết nối" rồi dán vào Cài đặt.`,
    'tiki.error.invalidClient':
      'Client ID hoặc Client Secret của ứng dụng Tiki không đúng. Mở ứng dụng của bạn trong open.tiki.vn/console, sao chép lại hai giá trị này rồi nhập vào Cài đặt.',
    'tiki.error.unauthorized':
      'Tiki không chấp nhận quyền truy cập của cửa hàng (mã truy cập hết hạn hoặc ứng dụng chưa được nhà bán liên kết). Kiểm tra kết nối Tiki trong Cài đặt rồi thử lại.',
    'tiki.error.forbiddenScope':
      'Ứng dụng Tiki chưa được cấp quyền cho thao tác này, hoặc tài khoản nhà bán đang không hoạt động. Cấp đủ quyền (sản phẩm, đơn hàng) cho ứng dụng trên open.tiki.vn rồi kết nối lại. Tiki báo: {detail}',
    'tiki.error.pausedBySeller': `Kết nối đang tạm ngưng bởi nhà bán. Vào ${CONNECTION_PLACE_VI} để bật lại kết nối, rồi thử lại.`,
    'tiki.error.badRequest':
      'Tiki từ chối yêu cầu vì tham số không hợp lệ ({endpoint}). Tiki báo: {detail}. Nếu lỗi lặp lại, hãy báo cho nhà phát triển.',
    'tiki.error.notFound':
      'Không tìm thấy trên Tiki ({endpoint}). Tiki báo: {detail}. Có thể mã không đúng hoặc thuộc cửa hàng khác.',
    'tiki.error.rateLimited':
      'Tiki đang giới hạn số yêu cầu (gọi quá nhiều trong thời gian ngắn). Tiện ích đã thử lại nhiều lần chưa được; hãy đợi vài phút rồi thử lại.',
    'tiki.error.serverError': 'Máy chủ Tiki đang gặp sự cố (lỗi {status}). Hãy thử lại sau ít phút.',
    'tiki.error.updateRefused':
      'Tiki không cho cập nhật sản phẩm bằng kết nối này. Tạo ứng dụng In-house trên open.tiki.vn (quyền "product"), rồi nhập Client ID và Client Secret của ứng dụng vào Cài đặt. Tiki báo: {detail}',
    'tiki.error.updateRejected': 'Tiki không nhận thay đổi của sản phẩm này. Tiki báo: {detail}',
  },
  {
    'tiki.error.wrongKey': `The Tiki connection key ("Tham số kết nối") is wrong. Go to ${CONNECTION_PLACE_EN}, copy the value in the "Tham số kết nối" column again and paste it into Settings.`,
    'tiki.error.invalidClient':
      'The Client ID or Client Secret of the Tiki app is wrong. Open your app in open.tiki.vn/console, copy both values again and enter them in Settings.',
    'tiki.error.unauthorized':
      'Tiki refused the shop’s access (the access token expired or the seller has not linked the app). Check the Tiki connection in Settings and try again.',
    'tiki.error.forbiddenScope':
      'The Tiki app is not allowed to do this, or the seller account is inactive. Grant the app the product and order permissions on open.tiki.vn, then reconnect. Tiki says: {detail}',
    'tiki.error.pausedBySeller': `The seller has paused the connection. Go to ${CONNECTION_PLACE_EN} to switch it back on, then try again.`,
    'tiki.error.badRequest':
      'Tiki rejected the request’s parameters ({endpoint}). Tiki says: {detail}. If it happens again, tell the developers.',
    'tiki.error.notFound':
      'Not found on Tiki ({endpoint}). Tiki says: {detail}. The code may be wrong or belong to another shop.',
    'tiki.error.rateLimited':
      'Tiki is limiting requests (too many in a short time). The extension retried several times without success; wait a few minutes and try again.',
    'tiki.error.serverError': 'Tiki’s server is having trouble (error {status}). Try again in a few minutes.',
    'tiki.error.updateRefused':
      'Tiki does not allow product updates through this connection. Create an in-house app on open.tiki.vn (with the "product" permission), then enter the app’s Client ID and Client Secret in Settings. Tiki says: {detail}',
    'tiki.error.updateRejected': 'Tiki did not accept the change to this product. Tiki says: {detail}',
  },
);
