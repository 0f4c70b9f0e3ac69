import { defineMessages } from '../define';

/** The privacy statement's text; lib/privacy.ts orders it into sections. */
export const privacyMessages = defineMessages(
  {
    'privacy.summary':
      'Tiện ích không có máy chủ riêng và không thu thập gì cho nhà phát triển. Nó chỉ đọc những gì cần để nối cửa hàng Tiki với Nhanh.vn, giữ trong trình duyệt này, và chỉ gửi tới Tiki và Nhanh.',
    'privacy.reads.heading': 'Dữ liệu tiện ích đọc',
    'privacy.reads.tikiKeys':
      'Khóa kết nối Tiki ("Tham số kết nối") của từng cửa hàng và tên cửa hàng đi kèm, hoặc Client ID và Client secret của ứng dụng nội bộ: bạn nhập, hoặc tiện ích đọc từ Seller Center khi bạn bấm "Lưu vào tiện ích Nhanh".',
    'privacy.reads.nhanhToken':
      'Kết nối Nhanh.vn: App ID, Secret key, Business ID, Access token và hạn của token.',
    'privacy.reads.orders':
      'Đơn hàng Tiki, gồm tên người mua và địa chỉ giao hàng (số điện thoại khi Tiki cho xem), và trạng thái của chúng trên Nhanh.',
    'privacy.reads.products':
      'Sản phẩm trên Tiki và trên Nhanh: tên, SKU, mã vạch, giá và tồn kho, để ghép và tạo sản phẩm.',
    'privacy.reads.statements':
      'Sao kê thanh toán Tiki: file bạn chọn, hoặc file trang Sao kê của Seller Center đưa ra khi bạn bấm "Đối soát với Nhanh".',
    'privacy.kept.heading': 'Nơi lưu',
    'privacy.kept.storage':
      'Chỉ trong trình duyệt này, trên máy này. Cài đặt, khóa và token nằm trong chrome.storage.local của tiện ích (không dùng chrome.storage.sync, nên không sang máy khác); token tạm của Tiki nằm trong chrome.storage.session và mất khi đóng trình duyệt.',
    'privacy.kept.indexedDb':
      'Sản phẩm, đơn hàng, sao kê, kết quả đối soát và nhật ký nằm trong IndexedDB của tiện ích.',
    'privacy.kept.removal':
      'Gỡ tiện ích là xóa hết. File Excel và file cài đặt chỉ được tạo khi bạn bấm xuất; file cài đặt chỉ kèm khóa khi bạn đánh dấu "Kèm khóa bí mật".',
    'privacy.sent.heading': 'Nơi gửi',
    'privacy.sent.tiki':
      'API của Tiki (https://api.tiki.vn): khóa kết nối hoặc thông tin ứng dụng nội bộ, để đọc cửa hàng, sản phẩm và đơn hàng.',
    'privacy.sent.nhanh':
      'API của Nhanh (https://pos.open.nhanh.vn): token Nhanh (và Secret key khi đăng nhập), các đơn tạo trên Nhanh (dòng hàng, địa chỉ giao hàng, tên và số điện thoại khách mặc định bạn đặt) và sản phẩm bạn tạo trên Nhanh.',
    'privacy.sent.nhanhLogin':
      'Trang đăng nhập Nhanh (https://nhanh.vn/oauth), mở trong cửa sổ của trình duyệt khi bạn đăng nhập Nhanh; địa chỉ đó chỉ mang App ID.',
    'privacy.sent.nothingElse':
      'Không gửi đi đâu khác: không phân tích (analytics), không theo dõi, không quảng cáo, không máy chủ của nhà phát triển. Bản phát hành không cho đổi các địa chỉ trên, kể cả qua file cài đặt.',
    'privacy.permissions.heading': 'Quyền tiện ích xin, và vì sao',
    'privacy.permission.storage': 'storage: lưu cài đặt, khóa và token trong trình duyệt này.',
    'privacy.permission.unlimitedStorage':
      'unlimitedStorage: giữ danh mục sản phẩm, đơn và sao kê lớn trong IndexedDB.',
    'privacy.permission.alarms': 'alarms: tự đồng bộ đơn theo chu kỳ bạn chọn.',
    'privacy.permission.notifications': 'notifications: báo khi một lần đồng bộ lỗi hoặc có đơn bị chặn.',
    'privacy.permission.identity': 'identity: mở cửa sổ đăng nhập Nhanh (OAuth).',
    'privacy.host.sellerCenter':
      'https://sellercenter.tiki.vn/*: đặt nút "Lưu vào tiện ích Nhanh" và "Đối soát với Nhanh" trong Seller Center.',
    'privacy.host.tikiApi': 'https://api.tiki.vn/*: gọi API của Tiki.',
    'privacy.host.nhanhApi': 'https://pos.open.nhanh.vn/*: gọi API của Nhanh.',
  },
  {
    'privacy.summary':
      'The extension has no server of its own and collects nothing for its developer. It reads only what it needs to connect your Tiki shop with Nhanh.vn, keeps it in this browser, and sends it only to Tiki and Nhanh.',
    'privacy.reads.heading': 'What the extension reads',
    'privacy.reads.tikiKeys':
      'Each shop\'s Tiki connection key ("Tham số kết nối") and the shop name shown with it, or the Client ID and Client secret of an in-house app: entered by you, or read from the seller center when you click "Lưu vào tiện ích Nhanh".',
    'privacy.reads.nhanhToken':
      'Your Nhanh.vn connection: App ID, Secret key, Business ID, access token and its expiry.',
    'privacy.reads.orders':
      'Tiki orders, including buyer names and delivery addresses (and phone numbers where Tiki shows them), and their status in Nhanh.',
    'privacy.reads.products':
      'Products on Tiki and in Nhanh: names, SKUs, barcodes, prices and stock, to pair them and create missing ones.',
    'privacy.reads.statements':
      'Tiki payment statements: a file you choose, or the file the seller center\'s statement page offers when you click "Đối soát với Nhanh".',
    'privacy.kept.heading': 'Where it is kept',
    'privacy.kept.storage':
      "In this browser on this computer only. Settings, keys and tokens are in the extension's chrome.storage.local (never chrome.storage.sync, so they do not follow you to other computers); Tiki's short-lived tokens are in chrome.storage.session and are gone when the browser closes.",
    'privacy.kept.indexedDb':
      "Products, orders, statements, reconciliation results and the activity log are in the extension's IndexedDB.",
    'privacy.kept.removal':
      'Removing the extension deletes all of it. Excel and settings files are made only when you export; a settings file holds keys only when you tick "Include secrets".',
    'privacy.sent.heading': 'Where it is sent',
    'privacy.sent.tiki':
      "Tiki's API (https://api.tiki.vn): the connection key or in-house app credentials, to read the shop, its products and orders.",
    'privacy.sent.nhanh':
      "Nhanh's API (https://pos.open.nhanh.vn): the Nhanh token (and the Secret key when signing in), the orders created in Nhanh (lines, delivery address, the default customer name and phone you set) and the products you create in Nhanh.",
    'privacy.sent.nhanhLogin':
      "Nhanh's sign-in page (https://nhanh.vn/oauth), opened in a browser window when you sign in to Nhanh; its address carries only your App ID.",
    'privacy.sent.nothingElse':
      'Nothing is sent anywhere else: no analytics, no tracking, no ads, no developer server. The released extension does not let these addresses change, not even through a settings file.',
    'privacy.permissions.heading': 'Permissions the extension asks for, and why',
    'privacy.permission.storage': 'storage: keeps settings, keys and tokens in this browser.',
    'privacy.permission.unlimitedStorage':
      'unlimitedStorage: keeps large product catalogues, orders and statements in IndexedDB.',
    'privacy.permission.alarms': 'alarms: syncs orders on the schedule you choose.',
    'privacy.permission.notifications': 'notifications: tells you when a sync failed or an order is blocked.',
    'privacy.permission.identity': 'identity: opens the Nhanh sign-in window (OAuth).',
    'privacy.host.sellerCenter':
      'https://sellercenter.tiki.vn/*: places the "Lưu vào tiện ích Nhanh" and "Đối soát với Nhanh" buttons in the seller center.',
    'privacy.host.tikiApi': "https://api.tiki.vn/*: calls Tiki's API.",
    'privacy.host.nhanhApi': "https://pos.open.nhanh.vn/*: calls Nhanh's API.",
  },
);
