import { defineMessages } from '../define';

/** Messages of the Nhanh API client (errors a seller reads). Never put tokens or keys in `{params}`. */
export const nhanhMessages = defineMessages(
  {
    'nhanh.err.invalidAppId':
      'Mã ứng dụng Nhanh (appId) không đúng. Hãy kiểm tra cấu hình kết nối Nhanh trong Cài đặt.',
    'nhanh.err.invalidBusinessId':
      'Mã doanh nghiệp Nhanh (businessId) không đúng. Hãy kiểm tra lại, hoặc kết nối lại Nhanh trong Cài đặt.',
    'nhanh.err.reconnect':
      'Kết nối Nhanh.vn đã hết hạn hoặc bị thu hồi. Việc đồng bộ đã dừng: hãy vào Cài đặt và bấm "Kết nối Nhanh" lại.',
    'nhanh.err.forbidden':
      'Tài khoản Nhanh chưa cấp quyền cho thao tác này ({endpoint}). Hãy kết nối lại Nhanh và chọn đủ quyền (sản phẩm, đơn hàng, kho).',
    'nhanh.err.notEnabled':
      'Doanh nghiệp chưa bật cho phép dùng API trên Nhanh.vn. Dùng tài khoản Giám đốc: Cài đặt chung → Cài đặt Open API → bật "Cho phép kết nối Open API", rồi thử lại.',
    'nhanh.err.formFields': 'Nhanh không nhận dữ liệu gửi lên: {details}. Hãy sửa các mục này rồi thử lại.',
    'nhanh.err.duplicateOrder': 'Đơn {appOrderId} đã có trên Nhanh nên không tạo lại lần nữa.',
    'nhanh.err.invalidData':
      'Nhanh không đọc được dữ liệu gửi lên ({endpoint}). Hãy thử lại; nếu vẫn lỗi, hãy báo cho nhà phát triển.',
    'nhanh.err.rateLimited':
      'Nhanh tạm khóa vì có quá nhiều yêu cầu liên tiếp. Tiện ích sẽ tự đợi {seconds} giây rồi thử lại.',
    'nhanh.err.server': 'Máy chủ Nhanh đang gặp lỗi (HTTP {status}). Hãy thử lại sau ít phút.',
    'nhanh.err.http': 'Nhanh trả lời không như mong đợi (HTTP {status}) ở {endpoint}. Hãy thử lại sau.',
    'nhanh.err.rejected': 'Nhanh từ chối yêu cầu: {message}',
    'nhanh.err.unknown': 'Nhanh báo lỗi {code}: {message}',
    'nhanh.oauth.cancelled':
      'Cửa sổ đăng nhập Nhanh đã đóng trước khi cấp quyền. Nếu Nhanh báo lỗi địa chỉ chuyển hướng (returnLink), hãy thêm Redirect URL của tiện ích vào ứng dụng trên open.nhanh.vn (bước 1), rồi bấm "Kết nối Nhanh" lại.',
    'nhanh.oauth.noCode':
      'Nhanh không trả về mã cấp quyền. Hãy kết nối lại; nếu vẫn lỗi, kiểm tra appId của ứng dụng trên open.nhanh.vn.',
    'nhanh.oauth.codeRefused':
      'Nhanh không chấp nhận mã cấp quyền (mã đã dùng, đã hết hạn, hoặc secretKey của ứng dụng sai). Hãy kết nối lại.',
  },
  {
    'nhanh.err.invalidAppId': 'The Nhanh app id (appId) is wrong. Check the Nhanh connection in Settings.',
    'nhanh.err.invalidBusinessId':
      'The Nhanh business id (businessId) is wrong. Check it, or connect Nhanh again in Settings.',
    'nhanh.err.reconnect':
      'The Nhanh.vn connection has expired or was revoked. Syncing has stopped: open Settings and click "Connect Nhanh" again.',
    'nhanh.err.forbidden':
      'The Nhanh account has not granted this permission ({endpoint}). Connect Nhanh again and tick every permission (products, orders, depots).',
    'nhanh.err.notEnabled':
      'The business has not enabled API access on Nhanh.vn. With the director account: Cài đặt chung → Cài đặt Open API → switch on "Cho phép kết nối Open API", then try again.',
    'nhanh.err.formFields': 'Nhanh refused the data sent: {details}. Fix these items and try again.',
    'nhanh.err.duplicateOrder': 'Order {appOrderId} is already in Nhanh, so it was not created again.',
    'nhanh.err.invalidData':
      'Nhanh could not read the data sent ({endpoint}). Try again; if it persists, tell the developers.',
    'nhanh.err.rateLimited':
      'Nhanh paused requests because too many came in a row. The extension will wait {seconds} seconds and retry.',
    'nhanh.err.server': 'The Nhanh server is failing (HTTP {status}). Try again in a few minutes.',
    'nhanh.err.http': 'Nhanh answered {endpoint} unexpectedly (HTTP {status}). Try again later.',
    'nhanh.err.rejected': 'Nhanh refused the request: {message}',
    'nhanh.err.unknown': 'Nhanh reported error {code}: {message}',
    'nhanh.oauth.cancelled':
      'The Nhanh login window closed before access was granted. If Nhanh complained about the return address (returnLink), add the extension\'s Redirect URL to your app on open.nhanh.vn (step 1), then click "Connect Nhanh" again.',
    'nhanh.oauth.noCode':
      'Nhanh returned no access code. Connect again; if it persists, check the app id on open.nhanh.vn.',
    'nhanh.oauth.codeRefused':
      'Nhanh refused the access code (already used, expired, or the app secret key is wrong). Connect again.',
  },
);
