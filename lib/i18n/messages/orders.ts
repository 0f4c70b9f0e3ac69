import { defineMessages } from '../define';

/** Messages of the orders feature. */
export const ordersMessages = defineMessages(
  {
    'orders.blocked.unpaired': 'Sản phẩm {name} ({sku}) chưa được ghép với sản phẩm trên Nhanh',
    'orders.blocked.changed':
      'Sản phẩm {name} ({sku}) đã bị sửa tên, SKU hoặc thuộc tính trên Tiki sau khi ghép: hãy ghép lại rồi tải lại đơn',
    'orders.blocked.deleted':
      'Sản phẩm {name} ({sku}) đã bị xóa trên Tiki: chỉ tải được đơn này khi bật "Luôn lấy sản phẩm về" trong Cài đặt',
    'orders.conflict.status':
      'Đơn {code}: Tiki báo "{tiki}" (cần "{target}" trên Nhanh) nhưng đơn trên Nhanh đang "{nhanh}". Tiện ích không tự ghi đè: hãy kiểm tra đơn trên Nhanh.',
    'orders.conflict.missing':
      'Đơn {code} đã được đưa vào Nhanh trước đây nhưng nay không còn thấy trên Nhanh (có thể đã bị xóa). Tiện ích không tạo lại: hãy kiểm tra trên Nhanh.',
    'orders.conflict.unknownStatus':
      'Đơn {code} trên Nhanh có trạng thái tiện ích không nhận ra: hãy kiểm tra đơn trên Nhanh.',
    'orders.failed.createProduct':
      'Không tạo được sản phẩm {name} trên Nhanh ("Luôn lấy sản phẩm về"): {message}',
    'orders.err.noShop': 'Không tìm thấy cửa hàng Tiki này trong Cài đặt.',
    'orders.err.noTiki':
      'Cửa hàng {shop} chưa có "Tham số kết nối" hoặc ứng dụng Tiki: hãy nhập trong Cài đặt.',
    'orders.err.noNhanh': 'Chưa kết nối Nhanh.vn: hãy kết nối trong Cài đặt.',
    'orders.err.noDepot': 'Cửa hàng {shop} chưa chọn kho Nhanh nhận đơn: hãy chọn kho trong Cài đặt.',
    'orders.err.noPhone':
      'Cửa hàng {shop} chưa có SĐT khách mặc định (Tiki không gửi SĐT khách, Nhanh bắt buộc có): hãy nhập trong Cài đặt.',
    'orders.err.busy': 'Cửa hàng này đang tải đơn: hãy chờ lần đang chạy xong.',
    'orders.err.notStored':
      'Trình duyệt không lưu được đơn vừa tải ({reason}), thường do ổ đĩa đầy. Các đơn đã lưu vẫn giữ nguyên và đơn đã lên Nhanh sẽ không bị tạo lại. Hãy giải phóng dung lượng rồi tải lại.',
    'orders.log.manual.done':
      'Tải đơn Tiki ({shop}) xong: {created} tạo mới, {updated} cập nhật trạng thái, {present} đã có, {blocked} bị chặn, {failed} lỗi, {conflict} xung đột.',
    'orders.log.manual.failed':
      'Tải đơn Tiki ({shop}) bị dừng vì lỗi, sau khi: {created} tạo mới, {updated} cập nhật trạng thái, {present} đã có, {blocked} bị chặn, {failed} lỗi, {conflict} xung đột.',
    'orders.log.manual.cancelled':
      'Tải đơn Tiki ({shop}) đã dừng theo yêu cầu, sau khi: {created} tạo mới, {updated} cập nhật trạng thái, {present} đã có, {blocked} bị chặn, {failed} lỗi, {conflict} xung đột.',
    'orders.log.auto.done':
      'Tự động đồng bộ đơn ({shop}) xong: {created} tạo mới, {updated} cập nhật trạng thái, {present} đã có, {blocked} bị chặn, {failed} lỗi, {conflict} xung đột.',
    'orders.log.auto.failed':
      'Tự động đồng bộ đơn ({shop}) bị dừng vì lỗi, sau khi: {created} tạo mới, {updated} cập nhật trạng thái, {present} đã có, {blocked} bị chặn, {failed} lỗi, {conflict} xung đột.',
    'orders.log.auto.cancelled':
      'Tự động đồng bộ đơn ({shop}) đã dừng theo yêu cầu, sau khi: {created} tạo mới, {updated} cập nhật trạng thái, {present} đã có, {blocked} bị chặn, {failed} lỗi, {conflict} xung đột.',
    'orders.notify.title': 'Nhanh ↔ Tiki: đơn hàng',
    'orders.notify.failed': 'Đồng bộ đơn của {shop} bị lỗi. Mở Nhật ký để xem chi tiết.',
    'orders.notify.blocked': '{count} đơn của {shop} chưa tải được vào Nhanh. Mở mục Đơn hàng để xử lý.',
    'orders.shop': 'Cửa hàng',
    'orders.statuses': 'Trạng thái cần tải',
    'orders.group.new': 'Mới',
    'orders.group.confirmed': 'Đã xác nhận',
    'orders.group.canceled': 'Đã hủy',
    'orders.group.success': 'Thành công',
    'orders.group.other': 'Khác',
    'orders.group.not-accepted': 'Tiki chưa tiếp nhận',
    'orders.window': 'Chỉ tải đơn có thời gian cập nhật trong 30 ngày gần nhất (giờ Việt Nam).',
    'orders.download': 'Tải đơn',
    'orders.cancel': 'Dừng',
    'orders.running': 'Đang tải đơn…',
    'orders.progress': 'Đã xử lý {done}/{total} đơn',
    'orders.progressUnknown': 'Đã xử lý {done} đơn',
    'orders.trigger.manual': 'Tải tay',
    'orders.trigger.auto': 'Tự động',
    'orders.lastRun.done': 'Lần chạy gần nhất ({trigger}) xong lúc {time}.',
    'orders.lastRun.failed': 'Lần chạy gần nhất ({trigger}) bị lỗi lúc {time}:',
    'orders.lastRun.cancelled': 'Lần chạy gần nhất ({trigger}) đã dừng lúc {time}.',
    'orders.outcome.created': 'Tạo mới trên Nhanh',
    'orders.outcome.updated': 'Cập nhật trạng thái',
    'orders.outcome.present': 'Đã có trên Nhanh',
    'orders.outcome.blocked': 'Bị chặn',
    'orders.outcome.failed': 'Nhanh báo lỗi',
    'orders.outcome.conflict': 'Xung đột trạng thái',
    'orders.col.code': 'Mã đơn Tiki',
    'orders.col.tikiStatus': 'Trạng thái Tiki',
    'orders.col.nhanh': 'Đơn Nhanh',
    'orders.col.detail': 'Chi tiết',
    'orders.fix.pair': 'Ghép sản phẩm',
    'orders.fix.repair': 'Ghép lại',
    'orders.fix.settings': 'Mở Cài đặt',
    'orders.repaired': 'Đã ghép lại {count} sản phẩm. Hãy tải lại đơn.',
    'orders.repairByHand': 'Không tự ghép lại được: hãy ghép tay trong mục Sản phẩm.',
    'orders.fix.openProduct': 'Xem trong Sản phẩm',
    'orders.link.notDownloaded':
      'Sản phẩm Tiki #{id} chưa có trong danh sách đã tải của cửa hàng. Bấm "Tải sản phẩm" rồi ghép sản phẩm này.',
    'orders.link.alreadyPaired': 'Sản phẩm {name} đã được ghép. Hãy tải lại đơn ở mục Đơn hàng.',
    'orders.noShop': 'Chưa có cửa hàng Tiki nào. Hãy thêm cửa hàng trong Cài đặt.',
    'orders.noResults': 'Chưa có kết quả. Chọn trạng thái rồi bấm "Tải đơn".',
    'orders.popup.running': 'Đang đồng bộ đơn {shop}: {done}/{total}',
    'orders.popup.runningUnknown': 'Đang đồng bộ đơn {shop}: {done} đơn',
    'orders.popup.failed': 'Đồng bộ đơn {shop} bị lỗi lúc {time}',
  },
  {
    'orders.blocked.unpaired': 'Product {name} ({sku}) is not paired with a Nhanh product',
    'orders.blocked.changed':
      'Product {name} ({sku}) had its name, SKU or attributes changed on Tiki since pairing: pair it again, then download the order again',
    'orders.blocked.deleted':
      'Product {name} ({sku}) was deleted on Tiki: this order can be downloaded only with "Luôn lấy sản phẩm về" (always fetch products) on in Settings',
    'orders.conflict.status':
      'Order {code}: Tiki says "{tiki}" ("{target}" in Nhanh) but the Nhanh order is "{nhanh}". Not overwritten: check the order in Nhanh.',
    'orders.conflict.missing':
      'Order {code} was put into Nhanh earlier but can no longer be found there (deleted?). Not created again: check in Nhanh.',
    'orders.conflict.unknownStatus':
      'Order {code} has a status in Nhanh this extension does not know: check it in Nhanh.',
    'orders.failed.createProduct':
      'Could not create product {name} in Nhanh ("Luôn lấy sản phẩm về"): {message}',
    'orders.err.noShop': 'This Tiki shop is not in Settings.',
    'orders.err.noTiki': 'Shop {shop} has no connection key or Tiki app: enter one in Settings.',
    'orders.err.noNhanh': 'Nhanh.vn is not connected: connect it in Settings.',
    'orders.err.noDepot': 'Shop {shop} has no Nhanh depot for its orders: choose one in Settings.',
    'orders.err.noPhone':
      'Shop {shop} has no default customer phone (Tiki sends none, Nhanh requires one): enter it in Settings.',
    'orders.err.busy': 'This shop is already downloading orders: wait for that run to finish.',
    'orders.err.notStored':
      'The browser could not save the downloaded orders ({reason}), usually because the disk is full. Orders saved earlier are kept and orders already in Nhanh will not be created again. Free up space, then download again.',
    'orders.log.manual.done':
      'Tiki order download ({shop}) done: {created} created, {updated} status updated, {present} already there, {blocked} blocked, {failed} failed, {conflict} in conflict.',
    'orders.log.manual.failed':
      'Tiki order download ({shop}) stopped by an error after: {created} created, {updated} status updated, {present} already there, {blocked} blocked, {failed} failed, {conflict} in conflict.',
    'orders.log.manual.cancelled':
      'Tiki order download ({shop}) stopped on request after: {created} created, {updated} status updated, {present} already there, {blocked} blocked, {failed} failed, {conflict} in conflict.',
    'orders.log.auto.done':
      'Automatic order sync ({shop}) done: {created} created, {updated} status updated, {present} already there, {blocked} blocked, {failed} failed, {conflict} in conflict.',
    'orders.log.auto.failed':
      'Automatic order sync ({shop}) stopped by an error after: {created} created, {updated} status updated, {present} already there, {blocked} blocked, {failed} failed, {conflict} in conflict.',
    'orders.log.auto.cancelled':
      'Automatic order sync ({shop}) stopped on request after: {created} created, {updated} status updated, {present} already there, {blocked} blocked, {failed} failed, {conflict} in conflict.',
    'orders.notify.title': 'Nhanh ↔ Tiki: orders',
    'orders.notify.failed': 'Order sync of {shop} failed. Open the activity log for details.',
    'orders.notify.blocked': '{count} orders of {shop} could not go into Nhanh. Open Orders to fix them.',
    'orders.shop': 'Shop',
    'orders.statuses': 'Statuses to download',
    'orders.group.new': 'New',
    'orders.group.confirmed': 'Confirmed',
    'orders.group.canceled': 'Canceled',
    'orders.group.success': 'Successful',
    'orders.group.other': 'Other',
    'orders.group.not-accepted': 'Not yet accepted by Tiki',
    'orders.window': 'Only orders updated in the last 30 days (Vietnam time) are downloaded.',
    'orders.download': 'Download orders',
    'orders.cancel': 'Stop',
    'orders.running': 'Downloading orders…',
    'orders.progress': '{done}/{total} orders handled',
    'orders.progressUnknown': '{done} orders handled',
    'orders.trigger.manual': 'manual',
    'orders.trigger.auto': 'automatic',
    'orders.lastRun.done': 'Last run ({trigger}) finished at {time}.',
    'orders.lastRun.failed': 'Last run ({trigger}) failed at {time}:',
    'orders.lastRun.cancelled': 'Last run ({trigger}) stopped at {time}.',
    'orders.outcome.created': 'Created in Nhanh',
    'orders.outcome.updated': 'Status updated',
    'orders.outcome.present': 'Already in Nhanh',
    'orders.outcome.blocked': 'Blocked',
    'orders.outcome.failed': 'Refused by Nhanh',
    'orders.outcome.conflict': 'Status conflict',
    'orders.col.code': 'Tiki order',
    'orders.col.tikiStatus': 'Tiki status',
    'orders.col.nhanh': 'Nhanh order',
    'orders.col.detail': 'Details',
    'orders.fix.pair': 'Pair product',
    'orders.fix.repair': 'Pair again',
    'orders.fix.settings': 'Open Settings',
    'orders.repaired': '{count} products paired again. Download the orders again.',
    'orders.repairByHand': 'Could not pair again automatically: pair by hand in Products.',
    'orders.fix.openProduct': 'Show in Products',
    'orders.link.notDownloaded':
      'Tiki product #{id} is not among the shop\'s downloaded products. Press "Download products", then pair it.',
    'orders.link.alreadyPaired': 'Product {name} is paired now. Download the orders again in Orders.',
    'orders.noShop': 'No Tiki shop yet. Add one in Settings.',
    'orders.noResults': 'No results yet. Choose statuses, then press "Download orders".',
    'orders.popup.running': 'Syncing orders of {shop}: {done}/{total}',
    'orders.popup.runningUnknown': 'Syncing orders of {shop}: {done} orders',
    'orders.popup.failed': 'Order sync of {shop} failed at {time}',
  },
);
