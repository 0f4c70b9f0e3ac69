import { defineMessages } from '../define';

/** Messages of Tiki's event queue (the fast path of the order sync). */
export const eventQueueMessages = defineMessages(
  {
    'eventQueue.orderMissing':
      'Không tìm thấy đơn {code} trên Tiki khi đọc lại đơn này: bỏ qua (lần đồng bộ tự động sau sẽ kiểm tra lại).',
    'eventQueue.refused':
      'Cửa hàng {shop}: Tiki không cho dùng hàng đợi sự kiện với cách kết nối này (HTTP {status}). Đơn mới vẫn được lấy theo lịch đồng bộ tự động, {minutes} phút một lần.',
    'eventQueue.status.active': 'Đơn mới được nhận ngay qua hàng đợi sự kiện của Tiki (khoảng một phút).',
    'eventQueue.status.refusedKey':
      'Tiki không cho dùng hàng đợi sự kiện với cách kết nối này (HTTP {status}), nên đơn mới chỉ được lấy theo lịch đồng bộ tự động. Kết nối bằng ứng dụng Open API (Client ID và Client Secret) để đơn vào Nhanh trong khoảng một phút.',
    'eventQueue.status.refusedApp':
      'Tiki không cho ứng dụng Open API này dùng hàng đợi sự kiện (HTTP {status}), nên đơn mới chỉ được lấy theo lịch đồng bộ tự động. Tiện ích sẽ thử lại sau một ngày.',
  },
  {
    'eventQueue.orderMissing':
      'Order {code} was not found on Tiki when it was read again: skipped (the next automatic sync checks again).',
    'eventQueue.refused':
      'Shop {shop}: Tiki does not allow its event queue with this connection (HTTP {status}). New orders are still fetched by the automatic sync, every {minutes} minutes.',
    'eventQueue.status.active': "New orders arrive at once through Tiki's event queue (about a minute).",
    'eventQueue.status.refusedKey':
      'Tiki does not allow its event queue with this connection (HTTP {status}), so new orders arrive only with the automatic sync. Connect with an Open API app (Client ID and Client Secret) to get orders into Nhanh within about a minute.',
    'eventQueue.status.refusedApp':
      'Tiki does not allow this Open API app to use its event queue (HTTP {status}), so new orders arrive only with the automatic sync. The extension tries again after a day.',
  },
);
