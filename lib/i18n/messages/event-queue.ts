import { defineMessages } from '../define';

/** Messages of Tiki's event queue (the fast path of the order sync). */
export const eventQueueMessages = defineMessages(
  {
    'eventQueue.orderMissing':
      'Tiki báo có thay đổi ở đơn {code} nhưng không tìm thấy đơn này khi đọc lại: bỏ qua (lần đồng bộ tự động sau sẽ kiểm tra lại).',
  },
  {
    'eventQueue.orderMissing':
      'Tiki announced a change to order {code} but the order was not found when read again: skipped (the next automatic sync checks again).',
  },
);
