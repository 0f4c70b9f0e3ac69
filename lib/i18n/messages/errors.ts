import { defineMessages } from '../define';

/** Failures any part of the extension may show (the seller-center content script included, so kept apart from `common`). */
export const errorMessages = defineMessages(
  {
    'error.unexpected': 'Đã có lỗi không mong muốn: {message}',
    'job.err.notStored':
      'Trình duyệt không cho lưu thêm dữ liệu ({reason}): có thể ổ đĩa đã đầy. Hãy giải phóng dung lượng rồi chạy lại; dữ liệu đã lưu vẫn còn nguyên.',
    'error.senderRefused': 'Yêu cầu bị từ chối: nguồn gửi không phải tiện ích này.',
    'error.badMessage': 'Yêu cầu "{type}" không hợp lệ: {detail}',
    'api.invalidResponse':
      '{api} trả về dữ liệu không đúng mẫu ở {endpoint}, trường "{field}": {problem}. Hãy thử lại sau; nếu vẫn lỗi, hãy báo cho nhà phát triển.',
    'api.network': 'Không kết nối được tới {api}. Kiểm tra mạng rồi thử lại.',
  },
  {
    'error.unexpected': 'Something unexpected went wrong: {message}',
    'job.err.notStored':
      'The browser refused to store more data ({reason}): the disk may be full. Free some space and run it again; what was stored is intact.',
    'error.senderRefused': 'Request refused: it did not come from this extension.',
    'error.badMessage': 'Invalid "{type}" request: {detail}',
    'api.invalidResponse':
      '{api} answered {endpoint} with data that does not fit its contract, field "{field}": {problem}. Try again later; if it persists, tell the developers.',
    'api.network': 'Could not reach {api}. Check the network and try again.',
  },
);
