import { defineMessages } from '../define';

/** The help page's path to the key, the words the seller sees in the menus (Nhanh help, Tiki reference §1). */
const KEY_PLACE_VI =
  'Tài khoản → Thông tin người bán → Thiết Lập Cửa Hàng và Thông Tin Liên Lạc → Chi tiết → mục "Kết nối với kênh bán hàng khác", cột "Tham số kết nối"';
const KEY_PLACE_EN =
  'Account → Thông tin người bán (seller information) → Thiết Lập Cửa Hàng và Thông Tin Liên Lạc (shop setup) → Chi tiết → section "Kết nối với kênh bán hàng khác", column "Tham số kết nối"';

/** Messages of the helpers inside Tiki Seller Center (key capture, statement hand-off, launcher, order chips); their log lines are in `seller-center-log.ts`. */
export const sellerCenterMessages = defineMessages(
  {
    'sellerCenter.key.save': 'Lưu vào tiện ích Nhanh',
    'sellerCenter.key.saveHint':
      'Gửi khóa ở dòng này cho tiện ích Nhanh ↔ Tiki: tiện ích kiểm tra khóa với Tiki rồi lưu vào cửa hàng tương ứng.',
    'sellerCenter.key.checking': 'Đang kiểm tra khóa với Tiki…',
    'sellerCenter.key.updated': 'Đã lưu khóa cho cửa hàng "{shop}".',
    'sellerCenter.key.created': 'Đã thêm cửa hàng "{shop}" vào tiện ích với khóa này.',
    'sellerCenter.key.unchanged': 'Khóa của cửa hàng "{shop}" đã có trong tiện ích và vẫn dùng được.',
    'sellerCenter.key.unreadable':
      'Không đọc được khóa ở dòng này (khóa đang bị ẩn hoặc trống). Hãy bấm hiện khóa trên trang Tiki rồi bấm lưu lần nữa.',
    'sellerCenter.key.wrongKey':
      'Tiki không chấp nhận khóa này nên tiện ích chưa lưu. Tải lại trang (khóa có thể vừa được tạo lại) rồi bấm lưu lần nữa.',
    'sellerCenter.key.paused':
      'Kết nối này đang tạm ngưng bởi nhà bán nên tiện ích chưa lưu. Bật lại kết nối ở dòng này trên trang Tiki rồi bấm lưu lần nữa.',
    'sellerCenter.key.network':
      'Không kết nối được tới Tiki để kiểm tra khóa nên tiện ích chưa lưu. Kiểm tra mạng rồi bấm lưu lần nữa.',
    'sellerCenter.key.settingsInvalid':
      'Cài đặt của tiện ích đang có ô bị lỗi nên chưa thể lưu khóa. Mở Cài đặt của tiện ích, sửa các ô báo lỗi rồi bấm lưu lần nữa.',
    'sellerCenter.key.notSaved': 'Khóa đúng nhưng tiện ích chưa lưu được: {reason}',
    'sellerCenter.extensionReloaded':
      'Tiện ích vừa được cập nhật hoặc tải lại. Hãy tải lại trang này (phím F5) rồi thử lại.',
    'sellerCenter.launcher.toggle': 'Nhanh ↔ Tiki: lấy khóa kết nối',
    'sellerCenter.launcher.where': `Khóa kết nối nằm ở: ${KEY_PLACE_VI}. Ở đó, bấm "Lưu vào tiện ích Nhanh" bên cạnh khóa.`,
    'sellerCenter.launcher.open': 'Mở trang có khóa',
    'sellerCenter.launcher.close': 'Thu gọn',
    'sellerCenter.statement.button': 'Đối soát với Nhanh',
    'sellerCenter.statement.buttonEmail': 'Đối soát với Nhanh (Tiki gửi sao kê qua email)',
    'sellerCenter.statement.fetching': 'Đang lấy file sao kê…',
    'sellerCenter.statement.delivered':
      'Đã chuyển file "{name}" sang mục Đối soát của tiện ích (đã mở ở thẻ bên cạnh).',
    'sellerCenter.statement.emailRequested':
      'Đã yêu cầu Tiki xuất sao kê. Tiki gửi file qua email; khi nhận được, chọn file đó trong mục Đối soát vừa mở.',
    'sellerCenter.statement.tooLarge':
      'File sao kê quá lớn ({size}); tiện ích nhận tối đa {max}. Hãy xuất sao kê của một kỳ ngắn hơn.',
    'sellerCenter.statement.notAFile':
      'Tiki không trả về file sao kê (có thể phiên đăng nhập đã hết hạn). Tải lại trang, đăng nhập lại rồi thử lần nữa.',
    'sellerCenter.statement.downloadFailed':
      'Không tải được file sao kê từ Tiki (lỗi {status}). Hãy thử lại sau ít phút.',
    'sellerCenter.statement.network':
      'Không tải được file sao kê vì mất kết nối mạng. Kiểm tra mạng rồi thử lại.',
    'sellerCenter.statement.controlGone':
      'Không còn thấy nút "Xuất sao kê hiện tại" trên trang. Hãy tải lại trang rồi thử lại.',
    'sellerCenter.chip.imported': 'Đã có trên Nhanh · #{id}',
    'sellerCenter.chip.blocked': 'Bị chặn: {reason}',
    'sellerCenter.chip.blockedHint': 'Bấm để mở cách gỡ chặn trong tiện ích Nhanh ↔ Tiki.',
    'sellerCenter.chip.failed': 'Lỗi: {message}',
    'sellerCenter.chip.excluded': 'Không đưa sang Nhanh: {reason}',
    'sellerCenter.chip.notSynced': 'Chưa đồng bộ',
    'sellerCenter.chip.push': 'Đẩy sang Nhanh ngay',
    'sellerCenter.chip.pushing': 'Đang đẩy đơn sang Nhanh…',
  },
  {
    'sellerCenter.key.save': 'Save to the Nhanh extension',
    'sellerCenter.key.saveHint':
      'Send the key on this row to the Nhanh ↔ Tiki extension: it checks the key with Tiki, then stores it on the matching shop.',
    'sellerCenter.key.checking': 'Checking the key with Tiki…',
    'sellerCenter.key.updated': 'Key saved for the shop "{shop}".',
    'sellerCenter.key.created': 'The shop "{shop}" was added to the extension with this key.',
    'sellerCenter.key.unchanged':
      'The extension already has this key for the shop "{shop}", and it still works.',
    'sellerCenter.key.unreadable':
      'The key on this row cannot be read (it is hidden or empty). Reveal it on the Tiki page, then click save again.',
    'sellerCenter.key.wrongKey':
      'Tiki does not accept this key, so it was not saved. Reload the page (the key may have just been regenerated), then click save again.',
    'sellerCenter.key.paused':
      'The seller has paused this connection, so the key was not saved. Switch the connection on again on this row of the Tiki page, then click save again.',
    'sellerCenter.key.network':
      'Could not reach Tiki to check the key, so it was not saved. Check the network, then click save again.',
    'sellerCenter.key.settingsInvalid':
      'The extension’s settings have fields in error, so the key cannot be saved yet. Open the extension’s Settings, fix the flagged fields, then click save again.',
    'sellerCenter.key.notSaved': 'The key is valid but the extension could not save it: {reason}',
    'sellerCenter.extensionReloaded':
      'The extension was just updated or reloaded. Reload this page (F5 key), then try again.',
    'sellerCenter.launcher.toggle': 'Nhanh ↔ Tiki: get the connection key',
    'sellerCenter.launcher.where': `The connection key is at: ${KEY_PLACE_EN}. There, click "Lưu vào tiện ích Nhanh" next to the key.`,
    'sellerCenter.launcher.open': 'Open the page with the key',
    'sellerCenter.launcher.close': 'Collapse',
    'sellerCenter.statement.button': 'Reconcile with Nhanh',
    'sellerCenter.statement.buttonEmail': 'Reconcile with Nhanh (Tiki emails the statement)',
    'sellerCenter.statement.fetching': 'Fetching the statement file…',
    'sellerCenter.statement.delivered':
      'The file "{name}" was handed to the extension’s Reconciliation section (opened in the next tab).',
    'sellerCenter.statement.emailRequested':
      'Tiki was asked to export the statement and will email the file; when it arrives, pick it in the Reconciliation section just opened.',
    'sellerCenter.statement.tooLarge':
      'The statement file is too large ({size}); the extension takes at most {max}. Export a shorter period.',
    'sellerCenter.statement.notAFile':
      'Tiki did not send a statement file (the session may have expired). Reload the page, sign in again, then try again.',
    'sellerCenter.statement.downloadFailed':
      'The statement file could not be downloaded from Tiki (error {status}). Try again in a few minutes.',
    'sellerCenter.statement.network':
      'The statement file could not be downloaded: the network is down. Check the network, then try again.',
    'sellerCenter.statement.controlGone':
      'The "Xuất sao kê hiện tại" button is no longer on the page. Reload the page, then try again.',
    'sellerCenter.chip.imported': 'In Nhanh · #{id}',
    'sellerCenter.chip.blocked': 'Blocked: {reason}',
    'sellerCenter.chip.blockedHint': 'Click to open the fix in the Nhanh ↔ Tiki extension.',
    'sellerCenter.chip.failed': 'Error: {message}',
    'sellerCenter.chip.excluded': 'Not sent to Nhanh: {reason}',
    'sellerCenter.chip.notSynced': 'Not synced yet',
    'sellerCenter.chip.push': 'Push to Nhanh now',
    'sellerCenter.chip.pushing': 'Pushing the order to Nhanh…',
  },
);
