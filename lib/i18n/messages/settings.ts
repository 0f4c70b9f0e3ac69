import { defineMessages } from '../define';

export const settingsMessages = defineMessages(
  {
    'settings.title': 'Cài đặt',
    'settings.shops': 'Cửa hàng Tiki',
    'settings.shopN': 'Cửa hàng {n}',
    'settings.addShop': 'Thêm cửa hàng Tiki',
    'settings.removeShop': 'Xóa cửa hàng này',
    'settings.nhanh': 'Kết nối Nhanh.vn',
    'settings.sync': 'Đồng bộ',
    'settings.advanced': 'Nâng cao',
    'settings.saved': 'Đã lưu cài đặt.',
    'settings.invalid': 'Chưa lưu: có {count} ô cần sửa (xem thông báo màu đỏ bên dưới).',
    'settings.storedInvalid':
      'Cài đặt đã lưu có ô không hợp lệ (có thể do bản cũ). Dữ liệu vẫn được giữ nguyên; hãy sửa các ô báo đỏ rồi lưu lại.',
    'settings.export': 'Xuất cài đặt (JSON)',
    'settings.exportSecrets': 'Kèm khóa bí mật (khóa kết nối Tiki, client secret, secret key và token Nhanh)',
    'settings.import': 'Nhập cài đặt từ file JSON',
    'settings.imported': 'Đã nhập cài đặt từ file.',
    'settings.importedKeptSecrets':
      'Đã nhập cài đặt; file không kèm khóa bí mật nên các khóa đang có được giữ nguyên.',
    'settings.import.notJson':
      'File "{name}" không phải JSON hợp lệ. Hãy chọn file được xuất từ mục "Xuất cài đặt".',
    'settings.import.tooLarge':
      'File "{name}" quá lớn ({size}); file cài đặt chỉ vài KB. Hãy chọn đúng file đã xuất.',
    'settings.import.wrongFormat': 'File "{name}" không phải file cài đặt của tiện ích này.',
    'settings.import.newerVersion':
      'File "{name}" được xuất từ phiên bản mới hơn (v{version}). Hãy cập nhật tiện ích rồi nhập lại.',
    'settings.import.invalid': 'File "{name}" có {count} ô không hợp lệ; chưa có gì thay đổi. {first}',
    'settings.import.foreignApiBase':
      'Không nhập file "{name}": ô "{field}" trỏ tới {url}, không phải máy chủ của Tiki hay Nhanh ({expected}). Nhập file này sẽ gửi khóa Tiki và token Nhanh của bạn tới đó. Chưa có gì thay đổi.',
    'settings.hint.connectionKey':
      'Seller Center → Tài khoản → Thông tin người bán → Thiết Lập Cửa Hàng và Thông Tin Liên Lạc → Chi tiết → "Kết nối với kênh bán hàng khác", cột "Tham số kết nối".',
    'settings.hint.app': 'Chỉ khi bạn có ứng dụng nội bộ (in-house app) trên open.tiki.vn.',
    'settings.hint.customer':
      'Tiki không gửi tên và số điện thoại người mua, nên đơn về Nhanh sẽ dùng thông tin này.',
    'settings.hint.nhanhManual': 'Dán Business ID và Access token nếu bạn đã có sẵn token (chế độ thủ công).',
    'settings.hint.apiBase': 'Bản phát triển: chỉ đổi khi thử với sandbox cục bộ (npm start điền sẵn).',
    'settings.hint.apiBaseFixed':
      'Khóa Tiki và token Nhanh chỉ được gửi tới các địa chỉ này của Tiki và Nhanh; bản phát hành không cho đổi.',
    'settings.mode.oauth': 'Đăng nhập Nhanh (OAuth)',
    'settings.mode.manual': 'Nhập token thủ công',
    'settings.status.new': 'Mới',
    'settings.status.confirmed': 'Đã xác nhận',
    'settings.status.canceled': 'Đã hủy',
    'settings.status.success': 'Thành công',
    'connections.check': 'Kiểm tra kết nối',
    'connections.checking': 'Đang kiểm tra…',
    'connections.tikiOk': 'Kết nối Tiki tốt: {name}.',
    'connections.nhanhOk': 'Kết nối Nhanh tốt ({count} kho).',
    'connections.connectNhanh': 'Đăng nhập Nhanh để lấy token',
    'connections.nhanhConnected': 'Đã kết nối Nhanh. Token hết hạn {date}.',
    'connections.saveFirst': 'Hãy sửa các ô báo đỏ và lưu trước khi kiểm tra.',
    'connections.shopMissing':
      'Không tìm thấy cửa hàng này trong cài đặt đã lưu. Hãy lưu cài đặt rồi thử lại.',
    'connections.noTikiCredentials': 'Cửa hàng "{shop}" chưa có Tham số kết nối hoặc ứng dụng nội bộ Tiki.',
    'connections.nhanhMissing':
      'Chưa có kết nối Nhanh: hãy đăng nhập Nhanh, hoặc nhập App ID, Business ID và Access token.',
    'connections.nhanhAppMissing':
      'Hãy nhập và lưu App ID và Secret key của ứng dụng Nhanh trước khi đăng nhập.',
    'connections.depotHint': 'Kho trên Nhanh: {depots}',
    'connections.keyRefused.orders':
      'Khóa này đọc được thông tin shop "{name}" nhưng không được phép đọc đơn hàng (HTTP {status}). Tải đơn sẽ không chạy được với khóa này.',
    'connections.keyRefused.products':
      'Khóa này đọc được thông tin shop "{name}" nhưng không được phép đọc sản phẩm (HTTP {status}). Tải sản phẩm sẽ không chạy được với khóa này.',
    'connections.keyRefused.ordersAndProducts':
      'Khóa này đọc được thông tin shop "{name}" nhưng không được phép đọc đơn hàng và sản phẩm (HTTP {status}).',
    'connections.appRefused.orders':
      'Ứng dụng nội bộ này đọc được thông tin shop "{name}" nhưng không được phép đọc đơn hàng (HTTP {status}). Hãy kiểm tra quyền (scope) order của ứng dụng.',
    'connections.appRefused.products':
      'Ứng dụng nội bộ này đọc được thông tin shop "{name}" nhưng không được phép đọc sản phẩm (HTTP {status}). Hãy kiểm tra quyền (scope) product của ứng dụng.',
    'connections.appRefused.ordersAndProducts':
      'Ứng dụng nội bộ này đọc được thông tin shop "{name}" nhưng không được phép đọc đơn hàng và sản phẩm (HTTP {status}).',
    'field.language': 'Ngôn ngữ',
    'field.shops': 'Danh sách cửa hàng',
    'field.name': 'Tên cửa hàng',
    'field.connectionKey': 'Tham số kết nối (khóa Tiki)',
    'field.clientId': 'Client ID (ứng dụng nội bộ)',
    'field.clientSecret': 'Client secret (ứng dụng nội bộ)',
    'field.nhanhDepotId': 'Kho Nhanh mặc định (ID)',
    'field.defaultCustomerName': 'Tên khách mặc định',
    'field.defaultCustomerPhone': 'Số điện thoại khách mặc định',
    'field.autoSync': 'Tự động đồng bộ',
    'field.tikiSellerId': 'Mã nhà bán Tiki',
    'field.mode': 'Cách kết nối',
    'field.appId': 'App ID',
    'field.secretKey': 'Secret key',
    'field.businessId': 'Business ID',
    'field.accessToken': 'Access token',
    'field.expiredAt': 'Hạn token',
    'field.orderStatusFilter': 'Trạng thái đơn mặc định khi tải',
    'field.enabled': 'Bật tự động đồng bộ',
    'field.intervalMinutes': 'Chu kỳ đồng bộ (phút)',
    'field.alwaysFetchProducts': 'Luôn lấy sản phẩm về',
    'field.tiki': 'Địa chỉ API Tiki',
    'field.nhanh': 'Địa chỉ API Nhanh',
    'field.nhanhOauth': 'Địa chỉ đăng nhập Nhanh (OAuth)',
    'settings.err.required': 'không được để trống.',
    'settings.err.tooLong': 'quá dài.',
    'settings.err.tikiKey':
      'không giống khóa Tiki (16–128 ký tự chữ, số và dấu gạch). Hãy chép lại cả dãy ở cột "Tham số kết nối".',
    'settings.err.appPair': 'cần nhập cả Client ID và Client secret, hoặc để trống cả hai.',
    'settings.err.noCredentials':
      'cần nhập Tham số kết nối, hoặc Client ID và Client secret của ứng dụng nội bộ.',
    'oauth.guide.intro': 'Trước khi bấm "Kết nối Nhanh", làm hai việc Nhanh yêu cầu (chỉ một lần):',
    'oauth.guide.redirect':
      'Trên open.nhanh.vn, mở ứng dụng của bạn và thêm địa chỉ sau vào danh sách Redirect URL (phải khớp từng ký tự):',
    'oauth.guide.copy': 'Sao chép',
    'oauth.guide.copied': 'Đã sao chép',
    'oauth.guide.enableApi':
      'Dùng tài khoản Giám đốc trên Nhanh.vn: Cài đặt chung → Cài đặt Open API → bật "Cho phép kết nối Open API".',
    'oauth.guide.connect': 'Bấm "Kết nối Nhanh", đăng nhập và chọn quyền, kho cho ứng dụng.',
    'oauth.guide.reconnect':
      'Nhanh giữ một token cho mỗi ứng dụng và doanh nghiệp: khi kết nối lại, token cũ chỉ còn dùng được thêm 15 phút.',
    'settings.err.depot': 'phải là số ID kho trên Nhanh.',
    'settings.err.transferAccount': 'phải là số ID tài khoản trên Nhanh.',
    'field.nhanhTransferAccountId': 'Tài khoản nhận tiền Tiki (ID trên Nhanh)',
    'settings.hint.transferAccount':
      'Tài khoản ngân hàng mà Tiki chuyển tiền sao kê vào, như trong Nhanh (Kế toán → Tài khoản). Cần để "Ghi nhận thanh toán vào Nhanh" ở Đối soát; để trống nếu không dùng.',
    'settings.err.fbtDepot': 'chọn kho Nhanh nhận đơn FBT, hoặc chọn "Bỏ qua đơn FBT".',
    'field.fbtOrders': 'Đơn Tiki giao từ kho Tiki (FBT)',
    'field.fbtDepotId': 'Kho Nhanh cho đơn FBT (ID)',
    'settings.fbt.skip': 'Bỏ qua đơn FBT (mặc định)',
    'settings.fbt.import': 'Nhập vào một kho riêng',
    'settings.hint.fbtOrders':
      'Đơn FBT lấy hàng trong kho của Tiki, không phải kho của bạn: nếu nhập vào kho thường, Nhanh sẽ tạm giữ và trừ tồn hàng bạn vẫn còn. Chỉ nhập khi bạn có một kho riêng trên Nhanh theo dõi hàng gửi Tiki.',
    'settings.err.phone': 'phải gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0901234567).',
    'settings.err.digits': 'chỉ gồm chữ số.',
    'settings.err.url': 'phải là địa chỉ https://, hoặc địa chỉ http của sandbox trên máy này.',
    'settings.err.apiBaseFixed':
      'bản phát hành chỉ gửi khóa và token tới máy chủ của Tiki và Nhanh; không đổi được địa chỉ này.',
    'settings.err.statusRequired': 'hãy chọn ít nhất một trạng thái.',
    'settings.err.interval': 'phải là số phút nguyên từ 5 đến 1440.',
    'settings.err.tooManyShops': 'tối đa 50 cửa hàng.',
    'settings.err.invalid': 'giá trị không hợp lệ.',
  },
  {
    'settings.title': 'Settings',
    'settings.shops': 'Tiki shops',
    'settings.shopN': 'Shop {n}',
    'settings.addShop': 'Add a Tiki shop',
    'settings.removeShop': 'Remove this shop',
    'settings.nhanh': 'Nhanh.vn connection',
    'settings.sync': 'Sync',
    'settings.advanced': 'Advanced',
    'settings.saved': 'Settings saved.',
    'settings.invalid': 'Not saved: {count} fields need fixing (see the red messages below).',
    'settings.storedInvalid':
      'The stored settings have invalid fields (perhaps from an older version). Nothing was changed; fix the fields marked in red and save again.',
    'settings.export': 'Export settings (JSON)',
    'settings.exportSecrets':
      'Include secrets (Tiki connection keys, client secrets, Nhanh secret key and token)',
    'settings.import': 'Import settings from a JSON file',
    'settings.imported': 'Settings imported from the file.',
    'settings.importedKeptSecrets':
      'Settings imported; the file had no secrets, so the keys already stored were kept.',
    'settings.import.notJson':
      'The file "{name}" is not valid JSON. Choose a file made with "Export settings".',
    'settings.import.tooLarge':
      'The file "{name}" is too large ({size}); a settings file is a few KB. Choose the exported file.',
    'settings.import.wrongFormat': 'The file "{name}" is not a settings file of this extension.',
    'settings.import.newerVersion':
      'The file "{name}" comes from a newer version (v{version}). Update the extension, then import again.',
    'settings.import.invalid': 'The file "{name}" has {count} invalid fields; nothing was changed. {first}',
    'settings.import.foreignApiBase':
      'The file "{name}" was not imported: "{field}" points to {url}, which is not Tiki\'s or Nhanh\'s server ({expected}). Importing it would send your Tiki keys and Nhanh token there. Nothing was changed.',
    'settings.hint.connectionKey':
      'Seller Center → Account → Seller information → Store setup and contact information → Details → "Kết nối với kênh bán hàng khác", column "Tham số kết nối".',
    'settings.hint.app': 'Only if you have an in-house app on open.tiki.vn.',
    'settings.hint.customer': 'Tiki sends no buyer name or phone, so orders in Nhanh use these.',
    'settings.hint.nhanhManual':
      'Paste the Business ID and access token if you already have a token (manual mode).',
    'settings.hint.apiBase':
      'Development build: change only to try the local sandbox (npm start fills it in).',
    'settings.hint.apiBaseFixed':
      'Your Tiki keys and Nhanh token are sent to these addresses of Tiki and Nhanh only; the released extension does not let them change.',
    'settings.mode.oauth': 'Sign in to Nhanh (OAuth)',
    'settings.mode.manual': 'Paste a token',
    'settings.status.new': 'New',
    'settings.status.confirmed': 'Confirmed',
    'settings.status.canceled': 'Canceled',
    'settings.status.success': 'Successful',
    'connections.check': 'Check connection',
    'connections.checking': 'Checking…',
    'connections.tikiOk': 'Tiki connection works: {name}.',
    'connections.nhanhOk': 'Nhanh connection works ({count} depots).',
    'connections.connectNhanh': 'Sign in to Nhanh to get a token',
    'connections.nhanhConnected': 'Connected to Nhanh. The token expires {date}.',
    'connections.saveFirst': 'Fix the fields in red and save before checking.',
    'connections.shopMissing': 'This shop is not in the saved settings. Save the settings and try again.',
    'connections.noTikiCredentials': 'The shop "{shop}" has no connection key and no Tiki in-house app.',
    'connections.nhanhMissing':
      'No Nhanh connection yet: sign in to Nhanh, or enter the App ID, Business ID and access token.',
    'connections.nhanhAppMissing':
      'Enter and save the App ID and Secret key of your Nhanh app before signing in.',
    'connections.depotHint': 'Nhanh depots: {depots}',
    'connections.keyRefused.orders':
      'This key reads the shop "{name}" but may not read its orders (HTTP {status}). Order downloads cannot run with it.',
    'connections.keyRefused.products':
      'This key reads the shop "{name}" but may not read its products (HTTP {status}). Product downloads cannot run with it.',
    'connections.keyRefused.ordersAndProducts':
      'This key reads the shop "{name}" but may not read its orders or products (HTTP {status}).',
    'connections.appRefused.orders':
      'This in-house app reads the shop "{name}" but may not read its orders (HTTP {status}). Check the app\'s order scope.',
    'connections.appRefused.products':
      'This in-house app reads the shop "{name}" but may not read its products (HTTP {status}). Check the app\'s product scope.',
    'connections.appRefused.ordersAndProducts':
      'This in-house app reads the shop "{name}" but may not read its orders or products (HTTP {status}).',
    'field.language': 'Language',
    'field.shops': 'Shop list',
    'field.name': 'Shop name',
    'field.connectionKey': 'Connection key ("Tham số kết nối")',
    'field.clientId': 'Client ID (in-house app)',
    'field.clientSecret': 'Client secret (in-house app)',
    'field.nhanhDepotId': 'Default Nhanh depot (ID)',
    'field.defaultCustomerName': 'Default customer name',
    'field.defaultCustomerPhone': 'Default customer phone',
    'field.autoSync': 'Auto-sync',
    'field.tikiSellerId': 'Tiki seller id',
    'field.mode': 'Connection mode',
    'field.appId': 'App ID',
    'field.secretKey': 'Secret key',
    'field.businessId': 'Business ID',
    'field.accessToken': 'Access token',
    'field.expiredAt': 'Token expiry',
    'field.orderStatusFilter': 'Default order statuses to download',
    'field.enabled': 'Auto-sync on',
    'field.intervalMinutes': 'Sync interval (minutes)',
    'field.alwaysFetchProducts': 'Always fetch products ("Luôn lấy sản phẩm về")',
    'field.tiki': 'Tiki API address',
    'field.nhanh': 'Nhanh API address',
    'field.nhanhOauth': 'Nhanh sign-in address (OAuth)',
    'settings.err.required': 'must not be empty.',
    'settings.err.tooLong': 'is too long.',
    'settings.err.tikiKey':
      'does not look like a Tiki key (16–128 letters, digits and dashes). Copy the whole value of the "Tham số kết nối" column again.',
    'settings.err.appPair': 'enter both the client ID and the client secret, or leave both empty.',
    'settings.err.noCredentials': 'enter the connection key, or the client ID and secret of an in-house app.',
    'oauth.guide.intro': 'Before pressing "Connect Nhanh", do the two things Nhanh requires (once):',
    'oauth.guide.redirect':
      'On open.nhanh.vn, open your app and add this address to its Redirect URLs (it must match character for character):',
    'oauth.guide.copy': 'Copy',
    'oauth.guide.copied': 'Copied',
    'oauth.guide.enableApi':
      'With the Giám đốc (director) account on Nhanh.vn: Cài đặt chung → Cài đặt Open API → switch on "Cho phép kết nối Open API".',
    'oauth.guide.connect':
      'Press "Connect Nhanh", sign in and choose the permissions and depots for the app.',
    'oauth.guide.reconnect':
      'Nhanh keeps one token per app and business: after reconnecting, the old token works for only 15 more minutes.',
    'settings.err.depot': 'must be a Nhanh depot ID number.',
    'settings.err.transferAccount': 'must be a Nhanh account ID number.',
    'field.nhanhTransferAccountId': 'Account receiving Tiki payouts (ID in Nhanh)',
    'settings.hint.transferAccount':
      'The bank account Tiki pays statements into, as set up in Nhanh (Accounting → Accounts). Needed for "Record payments in Nhanh" in Reconciliation; leave empty if unused.',
    'settings.err.fbtDepot': 'choose the Nhanh depot for FBT orders, or choose "Skip FBT orders".',
    'field.fbtOrders': 'Orders Tiki ships from its own warehouse (FBT)',
    'field.fbtDepotId': 'Nhanh depot for FBT orders (ID)',
    'settings.fbt.skip': 'Skip FBT orders (default)',
    'settings.fbt.import': 'Import into a separate depot',
    'settings.hint.fbtOrders':
      "FBT orders are picked from Tiki's warehouse, not yours: imported into your usual depot, Nhanh would hold and deduct stock you still have. Import them only into a Nhanh depot that tracks the goods you sent to Tiki.",
    'settings.err.phone': 'must be 10 digits starting with 0 (for example 0901234567).',
    'settings.err.digits': 'digits only.',
    'settings.err.url': 'must be an https:// address, or the http address of the sandbox on this machine.',
    'settings.err.apiBaseFixed':
      "the released extension sends keys and tokens only to Tiki's and Nhanh's servers; this address cannot be changed.",
    'settings.err.statusRequired': 'choose at least one status.',
    'settings.err.interval': 'must be a whole number of minutes from 5 to 1440.',
    'settings.err.tooManyShops': 'at most 50 shops.',
    'settings.err.invalid': 'invalid value.',
  },
);
