import { defineMessages } from '../define';

/** Messages of the reconcile feature (đối soát). */
export const reconcileMessages = defineMessages(
  {
    'reconcile.err.empty':
      'File sao kê trống: không có dòng nào. Hãy xuất lại sao kê từ Tiki rồi chọn lại file.',
    'reconcile.err.notSpreadsheet':
      'File này không phải bảng tính (cần .xlsx, .xls hoặc .csv). Hãy chọn file sao kê Tiki gửi qua email.',
    'reconcile.err.damaged':
      'File bảng tính bị hỏng hoặc tải về chưa hết, không đọc được. Hãy tải lại file sao kê rồi thử lại.',
    'reconcile.err.protected':
      'File đang được đặt mật khẩu. Hãy mở bằng Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc), lưu lại rồi chọn lại.',
    'reconcile.err.tooLarge':
      'File quá lớn ({size}; tối đa {max}). Một sao kê Tiki chỉ vài trăm KB: hãy kiểm tra lại đúng file chưa.',
    'reconcile.err.tooManyRows':
      'File có quá nhiều dòng (tối đa {max} dòng). Hãy tách sao kê theo kỳ rồi nhập từng file.',
    'reconcile.err.noKnownSheet':
      'Không tìm thấy trang tính sao kê nào (các trang: {sheets}). Cần trang "GD bán hàng", "RMA" hoặc "Bù trừ" có cột "Mã đơn hàng", hoặc dùng file mẫu của tiện ích.',
    'reconcile.err.missingOrderCode':
      'Trang "{sheet}" không có cột mã đơn hàng (ví dụ "Mã đơn hàng"). Hãy giữ nguyên dòng tiêu đề của Tiki hoặc dùng file mẫu của tiện ích.',
    'reconcile.err.missingAmount':
      'Trang "{sheet}" không có cột số tiền (ví dụ "Số tiền thanh toán/Thực nhận", "Giá bán" hoặc "Số tiền hoàn trả"). Hãy giữ nguyên các cột của Tiki hoặc dùng file mẫu của tiện ích.',
    'reconcile.err.worker': 'Không đọc được file ({detail}). Hãy thử lại; nếu vẫn lỗi, hãy mở Nhật ký.',
    'reconcile.err.storage': 'Không lưu được kết quả đối soát vào trình duyệt. Hãy thử lại.',
    'reconcile.reason.noSaleLine':
      'Đơn chỉ có dòng hoàn trả/điều chỉnh trong kỳ này (khoản của kỳ khác): hãy đối chiếu với sao kê kỳ đó.',
    'reconcile.reason.noExpectation':
      'File không có cột giá bán để tự kiểm tra và chưa có dữ liệu đơn hàng: chưa thể so sánh.',
    'reconcile.reason.severalShops': 'Mã đơn có ở {count} cửa hàng: tiện ích không tự chọn.',
    'reconcile.reason.notLookedUp':
      'Chưa tra được đơn này trên Tiki (chưa kết nối hoặc lỗi mạng): hãy đối soát lại sau.',
    'reconcile.reason.noIncome': 'Tiki chưa có số tiền nhà bán nhận của đơn này: hãy đối soát lại sau.',
    'reconcile.reason.duplicate': 'Một dòng của đơn xuất hiện {count} lần trong sao kê.',
  },
  {
    'reconcile.err.empty': 'The statement file is empty. Export the statement from Tiki again and choose it.',
    'reconcile.err.notSpreadsheet':
      'This file is not a spreadsheet (.xlsx, .xls or .csv needed). Choose the statement Tiki sent by email.',
    'reconcile.err.damaged':
      'The spreadsheet is damaged or only partly downloaded. Download the statement again and retry.',
    'reconcile.err.protected':
      'The file is password-protected. Open it in Excel, remove the password, save it and choose it again.',
    'reconcile.err.tooLarge':
      'The file is too large ({size}; at most {max}). A Tiki statement is a few hundred KB: check it is the right file.',
    'reconcile.err.tooManyRows':
      'The file has too many rows (at most {max}). Split the statement by period and import each file.',
    'reconcile.err.noKnownSheet':
      'No statement sheet found (sheets: {sheets}). A "GD bán hàng", "RMA" or "Bù trừ" sheet with an "Mã đơn hàng" column is needed, or use the extension\'s template.',
    'reconcile.err.missingOrderCode':
      'Sheet "{sheet}" has no order-code column (e.g. "Mã đơn hàng"). Keep Tiki\'s header row or use the extension\'s template.',
    'reconcile.err.missingAmount':
      'Sheet "{sheet}" has no amount column (e.g. "Số tiền thanh toán/Thực nhận", "Giá bán" or "Số tiền hoàn trả"). Keep Tiki\'s columns or use the extension\'s template.',
    'reconcile.err.worker':
      'The file could not be read ({detail}). Try again; if it keeps failing, open the log.',
    'reconcile.err.storage': 'The reconciliation could not be saved in the browser. Try again.',
    'reconcile.reason.noSaleLine':
      "Only return/adjustment lines for this order in this period (money of another period): check that period's statement.",
    'reconcile.reason.noExpectation':
      'The file has no sales price to check itself and no order data is available: cannot compare yet.',
    'reconcile.reason.severalShops':
      'The order code exists in {count} shops: the extension does not pick one.',
    'reconcile.reason.notLookedUp':
      'This order could not be looked up on Tiki (not connected or network error): reconcile again later.',
    'reconcile.reason.noIncome': 'Tiki has no seller income for this order yet: reconcile again later.',
    'reconcile.reason.duplicate': 'A line of this order appears {count} times in the statement.',
  },
);
