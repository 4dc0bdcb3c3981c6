const en = {
  bell: 'Notifications',
  bellCount_one: 'Notifications: {{count}} unread',
  bellCount_other: 'Notifications: {{count}} unread',
  title: 'Reminders',
  markAllRead: 'Mark all read',
  empty: 'No reminders yet. When a call, meeting or task falls due, it shows up here.',
  loadFailed: 'Reminders could not be loaded.',
  retry: 'Try again',
  overdue: 'Overdue',
  done: 'Done',
  dueAt: 'Due {{when}}',
  noDeal: 'No deal',
  openMyDay: 'Open My day',
  shortcut: 'Shortcut: B',
};

const vi: typeof en = {
  bell: 'Thông báo',
  bellCount_one: 'Thông báo: {{count}} chưa đọc',
  bellCount_other: 'Thông báo: {{count}} chưa đọc',
  title: 'Nhắc việc',
  markAllRead: 'Đánh dấu đã đọc hết',
  empty:
    'Chưa có nhắc việc. Khi một cuộc gọi, cuộc họp hay việc cần làm đến hạn, nó sẽ hiện ở đây.',
  loadFailed: 'Không tải được nhắc việc.',
  retry: 'Thử lại',
  overdue: 'Quá hạn',
  done: 'Đã xong',
  dueAt: 'Hạn {{when}}',
  noDeal: 'Không gắn với giao dịch',
  openMyDay: 'Mở Ngày của tôi',
  shortcut: 'Phím tắt: B',
};

export const notificationsMessages = { en, vi };
