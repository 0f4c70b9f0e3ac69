import { defineMessages } from '../define';

/** "Đồng bộ tồn kho lên Tiki" (issue 14): settings errors, rules, capability, runs, Nhật ký and notifications. */
export const stockMessages = defineMessages(
  {
    'field.stockPush': 'Đồng bộ tồn kho lên Tiki',
    'field.nhanhDepotIds': 'Kho Nhanh được tính',
    'field.tikiWarehouseIds': 'Kho Tiki nhận tồn',
    'field.buffer': 'Giữ lại',
    'field.value': 'Giá trị',
    'field.threshold': 'Ngưỡng về 0',
    'field.cap': 'Tối đa',
    'field.freeze': 'Khung giờ flash sale',
    'field.from': 'Từ',
    'field.to': 'Đến',
    'settings.err.stockCount': 'phải là số nguyên từ 0 đến 1.000.000.',
    'settings.err.stockPercent': 'phần trăm phải từ 0 đến 100.',
    'settings.err.stockTooMany': 'tối đa 50 kho.',
    'settings.err.stockDepots': 'chọn ít nhất một kho Nhanh để tính tồn.',
    'settings.err.stockWarehouses': 'chọn ít nhất một kho Tiki nhận tồn.',
    'settings.err.stockFreezeTime': 'chọn ngày và giờ (giờ Việt Nam).',
    'settings.err.stockFreezeOrder': 'thời điểm kết thúc phải sau thời điểm bắt đầu.',

    'stock.rule.buffer': 'Giữ lại',
    'stock.rule.threshold': 'Dưới ngưỡng → 0',
    'stock.rule.cap': 'Tối đa',
    'stock.rule.negative': 'Âm → 0',
    'stock.rule.freeze': 'Flash sale: chỉ giảm',

    'stock.reason.notPaired': 'Chưa ghép với sản phẩm Nhanh.',
    'stock.reason.fbt': 'Hàng trong kho Tiki (FBT): Tiki tự quản lý tồn, không đẩy.',
    'stock.reason.notSellable': 'Sản phẩm cha (có biến thể): tồn nằm ở từng biến thể.',
    'stock.reason.noNhanhStock': 'Chưa đọc được tồn kho Nhanh của sản phẩm này.',
    'stock.reason.noTikiStock': 'Chưa đọc được tồn kho Tiki của sản phẩm này (chạy lại "Xem trước").',
    'stock.reason.noWarehouse': 'Sản phẩm không có kho Tiki nào trong các kho đã chọn.',
    'stock.reason.frozen': 'Đang trong khung giờ flash sale: chỉ giảm tồn, không tăng.',

    'stock.capability.cannotUpdate':
      'Tiki báo tài khoản người bán này không được cập nhật sản phẩm qua API (can_update_product = 0). Chưa đẩy tồn kho cho cửa hàng này.',
    'stock.capability.authRefused':
      'Tiki từ chối cập nhật tồn kho với cách kết nối hiện tại ({detail}). Chưa đẩy tồn kho cho cửa hàng này.',
    'stock.capability.steps':
      'Cách sửa: 1) Đăng nhập open.tiki.vn bằng tài khoản người bán. 2) Tạo ứng dụng nội bộ (In-house app), chọn quyền "product" (quyền "inventory" không cập nhật được tồn kho). 3) Chép Client ID và Client secret. 4) Dán vào Cài đặt → cửa hàng này → Client ID / Client secret, bấm Lưu rồi "Kiểm tra kết nối".',

    'stock.err.noShop': 'Không tìm thấy cửa hàng này trong Cài đặt.',
    'stock.err.disabled': 'Hãy bật "Đồng bộ tồn kho lên Tiki" cho cửa hàng này và chọn kho trước.',
    'stock.err.noTiki': 'Cửa hàng này chưa có khóa Tiki.',
    'stock.err.noNhanh': 'Chưa kết nối Nhanh.vn.',
    'stock.err.busy': 'Đang đọc hoặc đẩy tồn kho của cửa hàng này; chờ lần chạy hiện tại xong.',
    'stock.err.notPreviewed': 'Hãy bấm "Xem trước" trước lần đẩy đầu tiên.',
    'stock.err.unknownWarehouse': 'Kho Tiki {id} đã chọn không còn trong danh sách kho của người bán.',

    'stock.log.run': 'Đẩy tồn kho lên Tiki ({shop}): đã gửi {sent}, không đổi {unchanged}, lỗi {failed}.',
    'stock.log.runFailed':
      'Đẩy tồn kho lên Tiki ({shop}) dừng lại giữa chừng (đã gửi {sent}, không đổi {unchanged}, lỗi {failed}); lý do ở dòng bên dưới.',
    'stock.notify.title': 'Nhanh → Tiki: tồn kho',
    'stock.notify.failed':
      '{count} sản phẩm của {shop} không cập nhật được tồn kho trên Tiki. Mở Nhật ký để xem.',
    'stock.notify.stopped': 'Đẩy tồn kho của {shop} dừng lại. Mở Nhật ký để xem lý do.',
  },
  {
    'field.stockPush': 'Push stock to Tiki',
    'field.nhanhDepotIds': 'Nhanh depots counted',
    'field.tikiWarehouseIds': 'Tiki warehouses receiving stock',
    'field.buffer': 'Keep back',
    'field.value': 'Value',
    'field.threshold': 'Zero threshold',
    'field.cap': 'Maximum',
    'field.freeze': 'Flash-sale window',
    'field.from': 'From',
    'field.to': 'To',
    'settings.err.stockCount': 'must be a whole number from 0 to 1,000,000.',
    'settings.err.stockPercent': 'a percentage must be from 0 to 100.',
    'settings.err.stockTooMany': 'at most 50 warehouses.',
    'settings.err.stockDepots': 'choose at least one Nhanh depot to count.',
    'settings.err.stockWarehouses': 'choose at least one Tiki warehouse to receive the stock.',
    'settings.err.stockFreezeTime': 'choose a date and time (Vietnam time).',
    'settings.err.stockFreezeOrder': 'the end must be after the start.',

    'stock.rule.buffer': 'Keep back',
    'stock.rule.threshold': 'At or below threshold → 0',
    'stock.rule.cap': 'Maximum',
    'stock.rule.negative': 'Negative → 0',
    'stock.rule.freeze': 'Flash sale: lower only',

    'stock.reason.notPaired': 'Not paired with a Nhanh product.',
    'stock.reason.fbt': "Stored in Tiki's warehouse (FBT): Tiki manages its stock; never pushed.",
    'stock.reason.notSellable': 'A parent product (with variants): the stock is on each variant.',
    'stock.reason.noNhanhStock': "This product's Nhanh stock has not been read yet.",
    'stock.reason.noTikiStock': 'This product\'s Tiki stock has not been read yet (run "Preview" again).',
    'stock.reason.noWarehouse': 'The product is in none of the chosen Tiki warehouses.',
    'stock.reason.frozen': 'Inside the flash-sale window: stock only goes down, never up.',

    'stock.capability.cannotUpdate':
      'Tiki says this seller account may not update products through the API (can_update_product = 0). No stock is pushed for this shop.',
    'stock.capability.authRefused':
      'Tiki refuses stock updates with the current connection ({detail}). No stock is pushed for this shop.',
    'stock.capability.steps':
      'To fix it: 1) Sign in to open.tiki.vn with the seller account. 2) Create an in-house app with the "product" scope (the "inventory" scope cannot update stock). 3) Copy its Client ID and Client secret. 4) Paste them in Settings → this shop → Client ID / Client secret, save, then "Check connection".',

    'stock.err.noShop': 'This shop is not in Settings.',
    'stock.err.disabled': 'Turn on "Push stock to Tiki" for this shop and choose its warehouses first.',
    'stock.err.noTiki': 'This shop has no Tiki key.',
    'stock.err.noNhanh': 'Nhanh.vn is not connected.',
    'stock.err.busy': "This shop's stock is being read or pushed; wait for the current run to finish.",
    'stock.err.notPreviewed': 'Run "Preview" before the first push.',
    'stock.err.unknownWarehouse':
      "The chosen Tiki warehouse {id} is no longer among the seller's warehouses.",

    'stock.log.run': 'Stock push to Tiki ({shop}): {sent} sent, {unchanged} unchanged, {failed} failed.',
    'stock.log.runFailed':
      'Stock push to Tiki ({shop}) stopped part-way ({sent} sent, {unchanged} unchanged, {failed} failed); the reason is on the line below.',
    'stock.notify.title': 'Nhanh → Tiki: stock',
    'stock.notify.failed':
      '{count} products of {shop} could not update their Tiki stock. Open the activity log.',
    'stock.notify.stopped': 'The stock push of {shop} stopped. Open the activity log for the reason.',
  },
);
