import { defineMessages } from '../define';

/** "Kiểm tra tương thích API" (Cài đặt): each line's assumption, its evidence, and the panel. */
export const compatMessages = defineMessages(
  {
    'compat.title': 'Kiểm tra tương thích API',
    'compat.intro':
      'Tiện ích hỏi Tiki và Nhanh bằng tài khoản thật của bạn, chỉ đọc (không tạo, không sửa gì), để biết từng giả định về API là đúng, sai hay chưa rõ. Mỗi lần chạy mất khoảng một phút.',
    'compat.start': 'Kiểm tra tương thích API',
    'compat.running': 'Đang kiểm tra: nhóm {done}/{total}…',
    'compat.cancel': 'Dừng kiểm tra',
    'compat.column.line': 'Giả định',
    'compat.column.verdict': 'Kết quả',
    'compat.column.evidence': 'Bằng chứng',
    'compat.verdict.right': 'đúng',
    'compat.verdict.wrong': 'sai',
    'compat.verdict.unclear': 'chưa rõ',
    'compat.totals': '{right} đúng · {wrong} sai · {unclear} chưa rõ',
    'compat.ended.failed': 'Kiểm tra dừng giữa chừng; bảng có các dòng đã kiểm tra.',
    'compat.ended.cancelled': 'Đã dừng kiểm tra; bảng có các dòng đã kiểm tra.',
    'compat.download': 'Tải báo cáo (JSON)',
    'compat.downloadHint':
      'Báo cáo chỉ có mã dòng, kết quả, số đếm, tên trường và kiểu dữ liệu: không có thông tin người mua, mã đơn hay khóa bí mật.',
    'compat.err.busy': 'Cửa hàng này đang được kiểm tra.',
    'compat.log.done': 'Kiểm tra tương thích API ({shop}): {right} đúng, {wrong} sai, {unclear} chưa rõ.',
    'compat.log.stopped':
      'Kiểm tra tương thích API ({shop}) dừng giữa chừng: {right} đúng, {wrong} sai, {unclear} chưa rõ.',

    'compat.line.tiki.key.seller': 'Khóa kết nối (tiki-api) đọc được thông tin shop (sellers/me)',
    'compat.line.tiki.key.orders': 'Khóa kết nối đọc được danh sách đơn hàng',
    'compat.line.tiki.key.products': 'Khóa kết nối đọc được danh sách sản phẩm',
    'compat.line.tiki.key.warehouses': 'Khóa kết nối đọc được kho của nhà bán (sellers/me/warehouses)',
    'compat.line.tiki.app.basic':
      'Ứng dụng nội bộ lấy được token khi gửi client id/secret trong header Basic (client_secret_basic)',
    'compat.line.tiki.app.post':
      'Ứng dụng nội bộ lấy được token khi gửi client id/secret trong thân yêu cầu (client_secret_post)',
    'compat.line.tiki.paging.maxLimit': 'Danh sách nhận limit = 100 mỗi trang',
    'compat.line.tiki.paging.empty': 'Kết quả rỗng có last_page = 0 và from, to = null',
    'compat.line.tiki.orders.itemFees':
      'include=item.fees trả về phí của từng dòng hàng (items[].invoice.fees)',
    'compat.line.tiki.orders.itemsFees':
      'Cách viết include=items.fees (một thư viện bên thứ ba dùng) cũng trả về phí',
    'compat.line.tiki.orders.feeKeys':
      'Phí có mã payment_fee (Phí thanh toán) và commission_fee (Phí hoa hồng)',
    'compat.line.tiki.orders.canceledIncome':
      'Đơn đã hủy hoặc đóng: thực nhận của mỗi dòng bằng phí của dòng (seller_income = seller_fee)',
    'compat.line.tiki.orders.updatedFromStrict':
      'updated_from_date là "lớn hơn": không gồm đơn cập nhật đúng thời điểm đó',
    'compat.line.tiki.time.zone': 'Thời gian Tiki trả về là giờ Việt Nam (Asia/Ho_Chi_Minh, UTC+7)',
    'compat.line.tiki.products.idKey': 'Mã sản phẩm trong danh sách nằm ở product_id',
    'compat.line.tiki.products.approvedOnly':
      'Danh sách sản phẩm chỉ có sản phẩm đã duyệt, không có sản phẩm ẩn (is_hidden)',
    'compat.line.tiki.products.children': 'Danh sách sản phẩm có cả biến thể (sản phẩm con, super_id > 0)',
    'compat.line.tiki.products.attributes': 'Danh sách với include=attributes có attributes của sản phẩm',
    'compat.line.tiki.products.optionAttributes':
      'Sản phẩm cấu hình (configurable) trong danh sách có option_attributes',
    'compat.line.tiki.product.detailInclude': 'Chi tiết sản phẩm v2.1 đọc tham số include (như danh sách)',
    'compat.line.nhanh.product.depots': 'product/list trả inventory.depots là mảng {id, …} (như tài liệu v3)',
    'compat.line.nhanh.product.paging': 'product/list: paginator.next là một object, gửi lại y nguyên',
    'compat.line.nhanh.product.parentCodes':
      'parentId trong kết quả: −2 sản phẩm cha, −1 sản phẩm độc lập, id của cha với biến thể',
    'compat.line.nhanh.product.nameFilter': 'filters.name của product/list tìm được theo mã sản phẩm',
    'compat.line.nhanh.product.inventory': 'product/inventory (danh sách tồn kho) trả lời với ứng dụng này',
    'compat.line.nhanh.depot.paging': 'business/depot phân trang bằng paginator.next',
    'compat.line.nhanh.token.expiry': 'Hạn token Nhanh đã lưu khớp với hạn Nhanh báo (expiredAt)',
    'compat.line.nhanh.order.appOrderIds':
      'order/list không có bộ lọc appOrderIds (tài liệu không ghi): Nhanh bỏ qua nó',
    'compat.line.nhanh.order.transferAmount': 'order/list trả tiền chuyển khoản ở payment.transfer.amount',
    'compat.line.nhanh.order.statusInts':
      'Mọi mã trạng thái đơn Nhanh trả về đều có trong bảng trạng thái v3',
    'compat.line.nhanh.order.returnedStatus': 'Trạng thái "Đã hoàn" của order/edit là mã 72 (Đã chuyển hoàn)',

    'compat.ev.readFailed': 'Không đọc được {endpoint} ({code}); hãy chạy lại sau.',
    'compat.ev.noKey': 'Cửa hàng chưa có Tham số kết nối.',
    'compat.ev.noApp': 'Cửa hàng chưa có Client ID và Client secret của ứng dụng nội bộ.',
    'compat.ev.noTikiCredentials': 'Cửa hàng chưa có Tham số kết nối hay ứng dụng nội bộ.',
    'compat.ev.noNhanh': 'Chưa kết nối Nhanh.',
    'compat.ev.paused': 'Kết nối đang bị nhà bán tạm ngưng trên Seller Center: chưa thể biết.',
    'compat.ev.keyAnswered': '{endpoint} trả lời với khóa kết nối.',
    'compat.ev.keyRefused': '{endpoint} từ chối khóa kết nối (HTTP {status}, {code}).',
    'compat.ev.tokenIssued': 'Tiki cấp token với {method} (hạn {seconds} giây).',
    'compat.ev.tokenRefused': 'Tiki từ chối {method} (invalid_client): ứng dụng được cấu hình cách còn lại.',
    'compat.ev.limitAccepted': 'Tiki nhận limit = {limit}.',
    'compat.ev.limitRefused': 'Tiki từ chối limit = {limit} (HTTP 400).',
    'compat.ev.emptyPaging': 'Trang rỗng: last_page = {lastPage}, from là {from}, to là {to}.',
    'compat.ev.notEmpty': 'Hỏi một ngày năm 2000 mà vẫn có đơn: không có trang rỗng để xem.',
    'compat.ev.noOrders': 'Không có đơn nào để xem.',
    'compat.ev.fees': 'Với include={include}: {withFees}/{items} dòng hàng có invoice.fees.',
    'compat.ev.noFees': 'Không dòng hàng nào có phí để xem mã phí.',
    'compat.ev.feeKeys': 'Mã phí thấy được: {keys}. Thiếu: {missing}.',
    'compat.ev.noCanceled': 'Không có đơn đã hủy hoặc đóng để xem.',
    'compat.ev.canceledIncome': '{matching}/{items} dòng của đơn hủy/đóng có thực nhận bằng phí.',
    'compat.ev.updatedFromStrict': 'Hỏi từ đúng thời điểm cập nhật của đơn mới nhất: Tiki không trả đơn đó.',
    'compat.ev.updatedFromInclusive':
      'Hỏi từ đúng thời điểm cập nhật của đơn mới nhất: Tiki vẫn trả {atBound} đơn cập nhật đúng giây đó (bộ lọc là "lớn hơn hoặc bằng"; tiện ích vẫn chạy đúng).',
    'compat.ev.zoneRecent':
      'Đơn cập nhật gần nhất: {vietnam} phút trước nếu là giờ Việt Nam; nếu là giờ UTC thì nó nằm ở tương lai.',
    'compat.ev.zoneUtc':
      'Đơn cập nhật gần nhất: {vietnam} phút trước nếu là giờ Việt Nam, nhưng {utc} phút trước nếu là giờ UTC: thời gian có vẻ là UTC.',
    'compat.ev.zoneFuture': '{orders} đơn có thời gian ở tương lai nếu đọc là giờ Việt Nam.',
    'compat.ev.zoneMixed':
      '{orders} đơn có trạng thái cuối cách updated_at đúng 7 giờ: hai múi giờ lẫn nhau.',
    'compat.ev.zoneOld':
      'Đơn cập nhật gần nhất: {vietnam} phút trước nếu là giờ Việt Nam ({utc} phút nếu là UTC): chưa đủ để biết. Hãy chạy lại ngay sau khi có đơn mới hoặc đổi trạng thái một đơn.',
    'compat.ev.noProducts': 'Không có sản phẩm nào để xem.',
    'compat.ev.idKey': '{withProductId}/{rows} sản phẩm có product_id; {idOnly} chỉ có id.',
    'compat.ev.hiddenListed': '{hidden}/{rows} sản phẩm trong danh sách có is_hidden = true.',
    'compat.ev.noHiddenListed': 'Không sản phẩm nào trong {rows} sản phẩm có is_hidden = true.',
    'compat.ev.noHiddenKey': 'Danh sách ({rows} sản phẩm) không có trường is_hidden: chưa thể biết.',
    'compat.ev.children': '{rows} sản phẩm: {configurables} sản phẩm cấu hình, {children} biến thể.',
    'compat.ev.noVariants': 'Shop không có sản phẩm cấu hình hay biến thể trong phần đã đọc.',
    'compat.ev.attributes': '{withAttributes}/{rows} sản phẩm có attributes.',
    'compat.ev.optionAttributes': '{withOptions}/{configurables} sản phẩm cấu hình có option_attributes.',
    'compat.ev.detailInclude': 'Hỏi chi tiết với include=inventory: có inventory.',
    'compat.ev.detailIncludesOnly':
      'Chi tiết chỉ có inventory khi hỏi includes=inventory (tiện ích gửi cả hai nên vẫn chạy đúng).',
    'compat.ev.detailNoInventory': 'Chi tiết không có inventory dù hỏi include hay includes.',
    'compat.ev.depotsShape':
      'Sản phẩm có inventory.depots dạng mảng: {arrays}; dạng bảng theo id kho: {maps}.',
    'compat.ev.noDepotStock': 'Không sản phẩm nào có tồn kho theo kho để xem.',
    'compat.ev.nextObject': 'paginator.next là {type}.',
    'compat.ev.nextBare': 'paginator.next là {type}, không phải object.',
    'compat.ev.onePage': 'Chỉ có một trang: không có paginator.next để xem.',
    'compat.ev.parentCodes':
      'parentId: {parents} cha (−2), {independents} độc lập (−1), {variants} biến thể, {other} giá trị khác.',
    'compat.ev.noProductCode': 'Không có sản phẩm nào có mã để thử.',
    'compat.ev.nameFindsCode': 'Tìm filters.name bằng mã của một sản phẩm: có sản phẩm đó.',
    'compat.ev.nameMissesCode': 'Tìm filters.name bằng mã của một sản phẩm: không thấy sản phẩm đó.',
    'compat.ev.inventoryAnswered': 'product/inventory trả {rows} dòng.',
    'compat.ev.inventoryRefused': 'product/inventory bị từ chối ({code}).',
    'compat.ev.depotPages': '{depots} kho trong {pages} trang, mỗi trang một paginator.next mới.',
    'compat.ev.depotOnePage': '{depots} kho trong một trang: chưa thấy phân trang.',
    'compat.ev.depotRepeat':
      'Trang {pages} trả lại paginator.next của trang trước: không sang được trang sau.',
    'compat.ev.depotTooMany': 'Đã đọc {pages} trang kho mà vẫn còn trang sau: dừng đọc.',
    'compat.ev.noSecret':
      'Chưa lưu Secret key nên không hỏi Nhanh được (hạn đã lưu: còn {days} ngày). Lưu Secret key rồi chạy lại.',
    'compat.ev.expiryMatches': 'Nhanh báo token còn {days} ngày, khớp với hạn đã lưu.',
    'compat.ev.expiryFromNhanh': 'Nhanh báo token còn {days} ngày; cài đặt chưa lưu hạn.',
    'compat.ev.expiryDiffers': 'Nhanh báo token còn {days} ngày, nhưng cài đặt ghi còn {stored} ngày.',
    'compat.ev.expiryMissing': 'app/checkaccesstoken không trả expiredAt.',
    'compat.ev.noNhanhOrders': 'Không có đơn Nhanh nào trong 31 ngày qua để xem.',
    'compat.ev.appOrderIdsIgnored':
      'Hỏi với một appOrderId không có: Nhanh vẫn trả {filtered} đơn (không lọc: {listed} đơn).',
    'compat.ev.appOrderIdsHonoured':
      'Hỏi với một appOrderId không có: Nhanh không trả đơn nào (không lọc: {listed} đơn): bộ lọc có tác dụng.',
    'compat.ev.appOrderIdsRefused': 'Nhanh từ chối bộ lọc appOrderIds ({code}).',
    'compat.ev.transfer': '{withTransfer}/{orders} đơn có payment.transfer.amount.',
    'compat.ev.transferElsewhere': 'Không đơn nào có payment.transfer.amount; payment có các trường: {keys}.',
    'compat.ev.noTransfer': 'Không đơn nào trong {orders} đơn có tiền chuyển khoản để xem (payment: {keys}).',
    'compat.ev.statusInts': 'Mã trạng thái thấy được: {ints}. Không có trong bảng: {unknown}.',
    'compat.ev.returnedStatus':
      'Không kiểm tra được khi chỉ đọc: phải đổi trạng thái một đơn thật bằng order/edit. Cách làm: trên Nhanh, chuyển một đơn "Đang chuyển hoàn" sang "Đã hoàn" bằng tay, rồi xem mã trạng thái của đơn đó (hoặc hỏi dev@nhanh.vn). Hiện có {count} đơn ở mã 72.',
  },
  {
    'compat.title': 'API compatibility check',
    'compat.intro':
      'The extension asks Tiki and Nhanh with your real accounts, read-only (it creates and changes nothing), whether each assumption about their APIs is right, wrong or unclear. A run takes about a minute.',
    'compat.start': 'Check API compatibility',
    'compat.running': 'Checking: group {done}/{total}…',
    'compat.cancel': 'Stop the check',
    'compat.column.line': 'Assumption',
    'compat.column.verdict': 'Verdict',
    'compat.column.evidence': 'Evidence',
    'compat.verdict.right': 'right',
    'compat.verdict.wrong': 'wrong',
    'compat.verdict.unclear': 'unclear',
    'compat.totals': '{right} right · {wrong} wrong · {unclear} unclear',
    'compat.ended.failed': 'The check stopped part-way; the table holds the lines it reached.',
    'compat.ended.cancelled': 'Check stopped; the table holds the lines it reached.',
    'compat.download': 'Download the report (JSON)',
    'compat.downloadHint':
      'The report holds line ids, verdicts, counts, field names and types only: no buyer data, order codes or secrets.',
    'compat.err.busy': 'This shop is being checked already.',
    'compat.log.done': 'API compatibility check ({shop}): {right} right, {wrong} wrong, {unclear} unclear.',
    'compat.log.stopped':
      'API compatibility check ({shop}) stopped part-way: {right} right, {wrong} wrong, {unclear} unclear.',

    'compat.line.tiki.key.seller': 'The connection key (tiki-api) reads the shop (sellers/me)',
    'compat.line.tiki.key.orders': 'The connection key reads the order list',
    'compat.line.tiki.key.products': 'The connection key reads the product list',
    'compat.line.tiki.key.warehouses':
      "The connection key reads the seller's warehouses (sellers/me/warehouses)",
    'compat.line.tiki.app.basic':
      'The in-house app gets a token with id and secret in a Basic header (client_secret_basic)',
    'compat.line.tiki.app.post':
      'The in-house app gets a token with id and secret in the request body (client_secret_post)',
    'compat.line.tiki.paging.maxLimit': 'Lists take limit = 100 per page',
    'compat.line.tiki.paging.empty': 'An empty result has last_page = 0 and from, to = null',
    'compat.line.tiki.orders.itemFees': "include=item.fees returns each line's fees (items[].invoice.fees)",
    'compat.line.tiki.orders.itemsFees':
      'The spelling include=items.fees (one third-party library) returns fees too',
    'compat.line.tiki.orders.feeKeys':
      'Fees are keyed payment_fee (payment fee) and commission_fee (commission)',
    'compat.line.tiki.orders.canceledIncome':
      "Canceled or closed orders: each line's income equals its fees (seller_income = seller_fee)",
    'compat.line.tiki.orders.updatedFromStrict':
      'updated_from_date means "greater than": an order updated at that very time is left out',
    'compat.line.tiki.time.zone': "Tiki's times are Vietnam wall time (Asia/Ho_Chi_Minh, UTC+7)",
    'compat.line.tiki.products.idKey': "A listed product's id is under product_id",
    'compat.line.tiki.products.approvedOnly':
      'The product list holds approved products only, none hidden (is_hidden)',
    'compat.line.tiki.products.children': 'The product list holds variants too (children, super_id > 0)',
    'compat.line.tiki.products.attributes':
      "The list with include=attributes carries the products' attributes",
    'compat.line.tiki.products.optionAttributes': 'Configurable products in the list carry option_attributes',
    'compat.line.tiki.product.detailInclude':
      'The v2.1 product detail reads the include parameter (as the list does)',
    'compat.line.nhanh.product.depots':
      'product/list gives inventory.depots as an array of {id, …} (the v3 docs)',
    'compat.line.nhanh.product.paging': 'product/list: paginator.next is an object, sent back as is',
    'compat.line.nhanh.product.parentCodes':
      "parentId in answers: −2 a parent, −1 an independent product, the parent's id for a variant",
    'compat.line.nhanh.product.nameFilter': "product/list's filters.name finds a product by its code",
    'compat.line.nhanh.product.inventory': 'product/inventory (the stock list) answers this app',
    'compat.line.nhanh.depot.paging': 'business/depot pages with paginator.next',
    'compat.line.nhanh.token.expiry': "The stored Nhanh token expiry matches Nhanh's (expiredAt)",
    'compat.line.nhanh.order.appOrderIds':
      'order/list has no appOrderIds filter (it is not documented): Nhanh ignores it',
    'compat.line.nhanh.order.transferAmount':
      'order/list gives the bank transfer under payment.transfer.amount',
    'compat.line.nhanh.order.statusInts': 'Every order status int Nhanh returns is in the v3 status table',
    'compat.line.nhanh.order.returnedStatus': 'order/edit\'s "Đã hoàn" status is int 72 (Đã chuyển hoàn)',

    'compat.ev.readFailed': 'Could not read {endpoint} ({code}); run the check again later.',
    'compat.ev.noKey': 'The shop has no connection key.',
    'compat.ev.noApp': 'The shop has no in-house app client ID and secret.',
    'compat.ev.noTikiCredentials': 'The shop has no connection key and no in-house app.',
    'compat.ev.noNhanh': 'Nhanh is not connected.',
    'compat.ev.paused': 'The seller paused the connection in Seller Center: nothing to tell yet.',
    'compat.ev.keyAnswered': '{endpoint} answers the connection key.',
    'compat.ev.keyRefused': '{endpoint} refuses the connection key (HTTP {status}, {code}).',
    'compat.ev.tokenIssued': 'Tiki issues a token with {method} (valid {seconds} s).',
    'compat.ev.tokenRefused': 'Tiki refuses {method} (invalid_client): the app is set up for the other one.',
    'compat.ev.limitAccepted': 'Tiki takes limit = {limit}.',
    'compat.ev.limitRefused': 'Tiki refuses limit = {limit} (HTTP 400).',
    'compat.ev.emptyPaging': 'Empty page: last_page = {lastPage}, from is {from}, to is {to}.',
    'compat.ev.notEmpty': 'A day in 2000 still has orders: no empty page to look at.',
    'compat.ev.noOrders': 'No orders to look at.',
    'compat.ev.fees': 'With include={include}: {withFees}/{items} order lines carry invoice.fees.',
    'compat.ev.noFees': 'No order line carries fees to read fee keys from.',
    'compat.ev.feeKeys': 'Fee keys seen: {keys}. Missing: {missing}.',
    'compat.ev.noCanceled': 'No canceled or closed orders to look at.',
    'compat.ev.canceledIncome':
      '{matching}/{items} lines of canceled/closed orders have income equal to fees.',
    'compat.ev.updatedFromStrict':
      "Asked from the newest order's own update time: Tiki leaves that order out.",
    'compat.ev.updatedFromInclusive':
      'Asked from the newest order\'s own update time: Tiki still returns {atBound} orders updated in that second (the filter is "greater or equal"; the extension works either way).',
    'compat.ev.zoneRecent':
      'Newest update: {vietnam} minutes ago as Vietnam time; read as UTC it would lie in the future.',
    'compat.ev.zoneUtc':
      'Newest update: {vietnam} minutes ago as Vietnam time but {utc} minutes ago as UTC: the times look like UTC.',
    'compat.ev.zoneFuture': '{orders} orders have times in the future when read as Vietnam time.',
    'compat.ev.zoneMixed':
      '{orders} orders have their last status exactly 7 hours from updated_at: two zones mixed.',
    'compat.ev.zoneOld':
      'Newest update: {vietnam} minutes ago as Vietnam time ({utc} as UTC): not enough to tell. Run again right after a new order or a status change.',
    'compat.ev.noProducts': 'No products to look at.',
    'compat.ev.idKey': '{withProductId}/{rows} products carry product_id; {idOnly} only id.',
    'compat.ev.hiddenListed': '{hidden}/{rows} listed products have is_hidden = true.',
    'compat.ev.noHiddenListed': 'None of {rows} listed products has is_hidden = true.',
    'compat.ev.noHiddenKey': 'The list ({rows} products) has no is_hidden field: nothing to tell.',
    'compat.ev.children': '{rows} products: {configurables} configurable, {children} variants.',
    'compat.ev.noVariants': 'No configurable products or variants in what was read.',
    'compat.ev.attributes': '{withAttributes}/{rows} products carry attributes.',
    'compat.ev.optionAttributes':
      '{withOptions}/{configurables} configurable products carry option_attributes.',
    'compat.ev.detailInclude': 'The detail asked with include=inventory has inventory.',
    'compat.ev.detailIncludesOnly':
      'The detail has inventory only when asked includes=inventory (the extension sends both, so it works).',
    'compat.ev.detailNoInventory': 'The detail has no inventory whether asked include or includes.',
    'compat.ev.depotsShape':
      'Products with inventory.depots as an array: {arrays}; as a map by depot id: {maps}.',
    'compat.ev.noDepotStock': 'No product carries stock per depot to look at.',
    'compat.ev.nextObject': 'paginator.next is an {type}.',
    'compat.ev.nextBare': 'paginator.next is a {type}, not an object.',
    'compat.ev.onePage': 'One page only: no paginator.next to look at.',
    'compat.ev.parentCodes':
      'parentId: {parents} parents (−2), {independents} independent (−1), {variants} variants, {other} other values.',
    'compat.ev.noProductCode': 'No product with a code to try.',
    'compat.ev.nameFindsCode': "filters.name with a product's code: that product is found.",
    'compat.ev.nameMissesCode': "filters.name with a product's code: that product is not found.",
    'compat.ev.inventoryAnswered': 'product/inventory returns {rows} rows.',
    'compat.ev.inventoryRefused': 'product/inventory is refused ({code}).',
    'compat.ev.depotPages': '{depots} depots over {pages} pages, each page a new paginator.next.',
    'compat.ev.depotOnePage': '{depots} depots on one page: no paging seen.',
    'compat.ev.depotRepeat':
      "Page {pages} gives back the previous page's paginator.next: no way to the next page.",
    'compat.ev.depotTooMany': 'Read {pages} depot pages and more are left: stopped reading.',
    'compat.ev.noSecret':
      'No Secret key saved, so Nhanh cannot be asked (stored expiry: {days} days left). Save the Secret key and run again.',
    'compat.ev.expiryMatches': 'Nhanh says the token has {days} days left, as stored.',
    'compat.ev.expiryFromNhanh': 'Nhanh says the token has {days} days left; the settings held no expiry.',
    'compat.ev.expiryDiffers':
      'Nhanh says the token has {days} days left, but the settings say {stored} days.',
    'compat.ev.expiryMissing': 'app/checkaccesstoken gives no expiredAt.',
    'compat.ev.noNhanhOrders': 'No Nhanh orders in the last 31 days to look at.',
    'compat.ev.appOrderIdsIgnored':
      'Asked with an appOrderId no order has: Nhanh still returns {filtered} orders (unfiltered: {listed}).',
    'compat.ev.appOrderIdsHonoured':
      'Asked with an appOrderId no order has: Nhanh returns none (unfiltered: {listed}): the filter works.',
    'compat.ev.appOrderIdsRefused': 'Nhanh refuses the appOrderIds filter ({code}).',
    'compat.ev.transfer': '{withTransfer}/{orders} orders carry payment.transfer.amount.',
    'compat.ev.transferElsewhere':
      'No order carries payment.transfer.amount; payment has the fields: {keys}.',
    'compat.ev.noTransfer': 'None of {orders} orders has a bank transfer to look at (payment: {keys}).',
    'compat.ev.statusInts': 'Status ints seen: {ints}. Not in the table: {unknown}.',
    'compat.ev.returnedStatus':
      'Cannot be tested read-only: it takes changing a real order with order/edit. What to do: in Nhanh, move an order in "Đang chuyển hoàn" to "Đã hoàn" by hand and look at that order\'s status int (or ask dev@nhanh.vn). {count} orders are in 72 now.',
  },
);
