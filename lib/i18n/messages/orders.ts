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
    'orders.conflict.carrier':
      'Đơn {code}: Tiki báo "{tiki}" nhưng đơn trên Nhanh đã gửi sang hãng vận chuyển ("{nhanh}"), nên không sửa được qua API. Trên Nhanh, mở đơn và chọn "Hủy vận chuyển" (hoặc bấm "Hủy vận chuyển trên Nhanh" ở đây), rồi tải lại đơn: tiện ích sẽ chuyển đơn sang "{target}".',
    'orders.carrier': 'Nhanh/hãng vận chuyển đang xử lý: tiện ích không sửa đơn đã gửi hãng vận chuyển.',
    'orders.returned.success':
      'Đơn {code} bị trả lại trên Tiki nhưng trên Nhanh đã "{nhanh}" (không sửa được qua API): hàng chưa được nhập lại kho. Trên Nhanh, tạo đơn trả hàng (Khách trả lại hàng) cho đơn này để nhập hoàn kho.',
    'orders.returned.carrier':
      'Đơn {code} bị trả lại trên Tiki; trên Nhanh đơn đang ở hãng vận chuyển ("{nhanh}"). Theo dõi chuyển hoàn trên Nhanh và nhập hoàn kho khi nhận lại hàng.',
    'orders.returned.refused':
      'Đơn {code} bị trả lại trên Tiki nhưng Nhanh không nhận trạng thái "{target}": {message} ({errorCode}). Hãy xử lý hoàn hàng trên Nhanh.',
    'orders.failed.statusChange':
      'Nhanh không đổi được đơn {code} sang "{target}" (đơn đang "{nhanh}"): {message} ({errorCode}). Các đơn khác vẫn được đồng bộ.',
    'orders.excluded.returned':
      'Đơn đã bị trả lại trên Tiki và chưa từng vào Nhanh: không tạo trên Nhanh (sẽ tạm giữ tồn kho mãi).',
    'orders.excluded.paymentReview':
      'Tiki đang xét duyệt thanh toán: chưa phải đơn bán. Đơn sẽ được đưa vào Nhanh khi Tiki tiếp nhận.',
    'orders.excluded.unknownStatus':
      'Tiki trả về trạng thái "{status}" mà tiện ích chưa biết: không tạo trên Nhanh cho đến khi biết nghĩa của nó.',
    'orders.excluded.fbt':
      'Đơn do Tiki giao từ kho Tiki (FBT): không trừ kho của bạn. Muốn nhập, chọn một kho riêng ở Cài đặt → "Đơn Tiki giao từ kho Tiki (FBT)".',
    'orders.unreadable':
      'Tiki trả về dữ liệu đơn không đọc được: {reason}. Các trường có trong đơn: {keys}. Đơn sẽ được đọc lại ở lần đồng bộ sau.',
    'orders.failed.createProduct':
      'Không tạo được sản phẩm {name} trên Nhanh ("Luôn lấy sản phẩm về"): {message}',
    'orders.err.unreadablePage':
      'Tiki trả về cả một trang đơn không đọc được (có thể Tiki đã đổi định dạng dữ liệu). Lần đồng bộ sau sẽ thử lại; nếu vẫn lỗi, hãy gửi Nhật ký cho nhóm hỗ trợ.',
    'orders.err.unstableListing':
      'Tiki liệt kê các đơn cập nhật lúc {time} mỗi lần một khác, nên chưa đọc đủ được: dừng để không bỏ sót đơn nào. Lần đồng bộ sau sẽ đọc lại từ mốc cũ.',
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
      'Tải đơn Tiki ({shop}) xong: {created} tạo mới, {updated} cập nhật trạng thái, {present} đã có, {blocked} bị chặn, {failed} lỗi, {conflict} xung đột, {returned} trả hàng cần xử lý, {unreadable} không đọc được.',
    'orders.log.manual.failed':
      'Tải đơn Tiki ({shop}) bị dừng vì lỗi, sau khi: {created} tạo mới, {updated} cập nhật trạng thái, {present} đã có, {blocked} bị chặn, {failed} lỗi, {conflict} xung đột, {returned} trả hàng cần xử lý, {unreadable} không đọc được.',
    'orders.log.manual.cancelled':
      'Tải đơn Tiki ({shop}) đã dừng theo yêu cầu, sau khi: {created} tạo mới, {updated} cập nhật trạng thái, {present} đã có, {blocked} bị chặn, {failed} lỗi, {conflict} xung đột, {returned} trả hàng cần xử lý, {unreadable} không đọc được.',
    'orders.log.auto.done':
      'Tự động đồng bộ đơn ({shop}) xong: {created} tạo mới, {updated} cập nhật trạng thái, {present} đã có, {blocked} bị chặn, {failed} lỗi, {conflict} xung đột, {returned} trả hàng cần xử lý, {unreadable} không đọc được.',
    'orders.log.auto.failed':
      'Tự động đồng bộ đơn ({shop}) bị dừng vì lỗi, sau khi: {created} tạo mới, {updated} cập nhật trạng thái, {present} đã có, {blocked} bị chặn, {failed} lỗi, {conflict} xung đột, {returned} trả hàng cần xử lý, {unreadable} không đọc được.',
    'orders.log.auto.cancelled':
      'Tự động đồng bộ đơn ({shop}) đã dừng theo yêu cầu, sau khi: {created} tạo mới, {updated} cập nhật trạng thái, {present} đã có, {blocked} bị chặn, {failed} lỗi, {conflict} xung đột, {returned} trả hàng cần xử lý, {unreadable} không đọc được.',
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
    'orders.outcome.returned': 'Đơn trả hàng — cần xử lý trên Nhanh',
    'orders.outcome.excluded': 'Không đưa sang Nhanh',
    'orders.outcome.unreadable': 'Tiki trả về dữ liệu không đọc được',
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
    'orders.returns.title': 'Đơn trả hàng — cần xử lý trên Nhanh',
    'orders.returns.hint':
      'Tiki đã nhận lại các đơn này nhưng Nhanh không cho sửa đơn qua API: hàng chưa về kho trên Nhanh. Xử lý hoàn hàng trên Nhanh rồi bấm "Đã xử lý trên Nhanh".',
    'orders.returns.handled': 'Đã xử lý trên Nhanh',
    'orders.returns.lines': 'Hàng trả lại',
    'orders.openInNhanh': 'Mở đơn #{id} trên Nhanh',
    'orders.nhanhCarrier': 'Nhanh/hãng vận chuyển đang xử lý',
    'orders.cancelShipment': 'Hủy vận chuyển trên Nhanh',
    'orders.cancelShipment.confirm':
      'Hủy vận chuyển đơn {code} trên Nhanh? Nhanh sẽ báo hủy cho hãng vận chuyển. Sau đó tải lại đơn để tiện ích chuyển đơn theo Tiki.',
    'orders.cancelShipment.done':
      'Đã hủy vận chuyển đơn {code} (Nhanh #{id}). Tải lại đơn để cập nhật trạng thái.',
    'orders.cancelShipment.failed': 'Nhanh không hủy được vận chuyển đơn {code}: {message}',
    'orders.cancelShipment.notLinked': 'Đơn {code} chưa được liên kết với đơn nào trên Nhanh.',
    'orders.link.notDownloaded':
      'Sản phẩm Tiki #{id} chưa có trong danh sách đã tải của cửa hàng. Bấm "Tải sản phẩm" rồi ghép sản phẩm này.',
    'orders.link.alreadyPaired': 'Sản phẩm {name} đã được ghép. Hãy tải lại đơn ở mục Đơn hàng.',
    'orders.noShop': 'Chưa có cửa hàng Tiki nào. Hãy thêm cửa hàng trong Cài đặt.',
    'orders.noResults': 'Chưa có kết quả. Chọn trạng thái rồi bấm "Tải đơn".',
    'orders.popup.running': 'Đang đồng bộ đơn {shop}: {done}/{total}',
    'orders.popup.runningUnknown': 'Đang đồng bộ đơn {shop}: {done} đơn',
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
    'orders.conflict.carrier':
      'Order {code}: Tiki says "{tiki}" but the Nhanh order was sent to a carrier ("{nhanh}"), so the API cannot change it. In Nhanh, open the order and cancel the shipment ("Hủy vận chuyển", or press "Cancel the shipment in Nhanh" here), then download again: the extension will move it to "{target}".',
    'orders.carrier': 'Nhanh and the carrier are handling it: orders sent to a carrier are not edited.',
    'orders.returned.success':
      'Order {code} was returned on Tiki but is "{nhanh}" in Nhanh (the API cannot change it): the goods are not back in stock. In Nhanh, create a return (Khách trả lại hàng) for this order to put them back.',
    'orders.returned.carrier':
      'Order {code} was returned on Tiki; in Nhanh it is with the carrier ("{nhanh}"). Follow the return in Nhanh and put the goods back in stock when they arrive.',
    'orders.returned.refused':
      'Order {code} was returned on Tiki but Nhanh refused the status "{target}": {message} ({errorCode}). Handle the return in Nhanh.',
    'orders.failed.statusChange':
      'Nhanh could not move order {code} to "{target}" (it is "{nhanh}"): {message} ({errorCode}). The other orders are still synced.',
    'orders.excluded.returned':
      'Returned on Tiki and never in Nhanh: not created (it would hold stock forever).',
    'orders.excluded.paymentReview':
      'Tiki is still reviewing the payment: not a sale yet. It goes to Nhanh once Tiki accepts it.',
    'orders.excluded.unknownStatus':
      'Tiki sent the status "{status}", which this extension does not know yet: not created in Nhanh until it does.',
    'orders.excluded.fbt':
      'Shipped by Tiki from its own warehouse (FBT): your depot is not touched. To import them, choose a separate depot in Settings → "Orders Tiki ships from its own warehouse (FBT)".',
    'orders.unreadable':
      'Tiki sent order data that could not be read: {reason}. Fields it had: {keys}. It is read again at the next sync.',
    'orders.failed.createProduct':
      'Could not create product {name} in Nhanh ("Luôn lấy sản phẩm về"): {message}',
    'orders.err.unreadablePage':
      'Tiki sent a whole page of orders that could not be read (its data format may have changed). The next sync tries again; if it keeps failing, send the activity log to support.',
    'orders.err.unstableListing':
      'Tiki listed the orders updated at {time} differently on every call, so not all could be read: stopped so that no order is missed. The next sync reads again from the previous mark.',
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
      'Tiki order download ({shop}) done: {created} created, {updated} status updated, {present} already there, {blocked} blocked, {failed} failed, {conflict} in conflict, {returned} returns to handle, {unreadable} unreadable.',
    'orders.log.manual.failed':
      'Tiki order download ({shop}) stopped by an error after: {created} created, {updated} status updated, {present} already there, {blocked} blocked, {failed} failed, {conflict} in conflict, {returned} returns to handle, {unreadable} unreadable.',
    'orders.log.manual.cancelled':
      'Tiki order download ({shop}) stopped on request after: {created} created, {updated} status updated, {present} already there, {blocked} blocked, {failed} failed, {conflict} in conflict, {returned} returns to handle, {unreadable} unreadable.',
    'orders.log.auto.done':
      'Automatic order sync ({shop}) done: {created} created, {updated} status updated, {present} already there, {blocked} blocked, {failed} failed, {conflict} in conflict, {returned} returns to handle, {unreadable} unreadable.',
    'orders.log.auto.failed':
      'Automatic order sync ({shop}) stopped by an error after: {created} created, {updated} status updated, {present} already there, {blocked} blocked, {failed} failed, {conflict} in conflict, {returned} returns to handle, {unreadable} unreadable.',
    'orders.log.auto.cancelled':
      'Automatic order sync ({shop}) stopped on request after: {created} created, {updated} status updated, {present} already there, {blocked} blocked, {failed} failed, {conflict} in conflict, {returned} returns to handle, {unreadable} unreadable.',
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
    'orders.outcome.returned': 'Returns — to handle in Nhanh',
    'orders.outcome.excluded': 'Not sent to Nhanh',
    'orders.outcome.unreadable': 'Unreadable data from Tiki',
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
    'orders.returns.title': 'Returns — to handle in Nhanh',
    'orders.returns.hint':
      'Tiki took these orders back but Nhanh does not let the API change them: the goods are not back in stock in Nhanh. Handle the return in Nhanh, then press "Handled in Nhanh".',
    'orders.returns.handled': 'Handled in Nhanh',
    'orders.returns.lines': 'Returned goods',
    'orders.openInNhanh': 'Open order #{id} in Nhanh',
    'orders.nhanhCarrier': 'Nhanh and the carrier are handling it',
    'orders.cancelShipment': 'Cancel the shipment in Nhanh',
    'orders.cancelShipment.confirm':
      'Cancel the shipment of order {code} in Nhanh? Nhanh tells the carrier. Then download the orders again so the extension follows Tiki.',
    'orders.cancelShipment.done':
      'Shipment of order {code} cancelled (Nhanh #{id}). Download the orders again to update its status.',
    'orders.cancelShipment.failed': 'Nhanh could not cancel the shipment of order {code}: {message}',
    'orders.cancelShipment.notLinked': 'Order {code} is not linked to any Nhanh order.',
    'orders.link.notDownloaded':
      'Tiki product #{id} is not among the shop\'s downloaded products. Press "Download products", then pair it.',
    'orders.link.alreadyPaired': 'Product {name} is paired now. Download the orders again in Orders.',
    'orders.noShop': 'No Tiki shop yet. Add one in Settings.',
    'orders.noResults': 'No results yet. Choose statuses, then press "Download orders".',
    'orders.popup.running': 'Syncing orders of {shop}: {done}/{total}',
    'orders.popup.runningUnknown': 'Syncing orders of {shop}: {done} orders',
  },
);
