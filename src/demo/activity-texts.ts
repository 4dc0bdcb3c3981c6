import type { ActivityType } from '../db/schema.js';

// What sellers write on their activities. Order matters, as in names.ts: the generator picks by
// index. `{c}` is the customer's short name.

export type ActivityTexts = Record<ActivityType, readonly string[]>;

export const SUBJECTS_EN: ActivityTexts = {
  call: [
    'Discovery call with {c}',
    'Follow-up call on requirements',
    'Call to confirm budget',
    'Check-in call with {c}',
    'Call about the timeline',
    'Reference call for {c}',
  ],
  meeting: [
    'Kick-off meeting at {c}',
    'Product demo for {c}',
    'Requirements workshop',
    'Proposal walkthrough',
    'Meeting with the decision makers',
    'Technical deep dive with IT',
  ],
  email: [
    'Sent intro deck',
    'Sent case studies',
    'Emailed pricing overview',
    'Sent proposal to {c}',
    'Shared contract draft',
    'Recap email after the meeting',
  ],
  note: [
    'Budget approved for this year',
    'Competitor also in the running',
    'Decision expected after board review',
    'Needs integration with their ERP',
    'Champion: head of operations',
  ],
  task: [
    'Prepare demo environment',
    'Draft proposal for {c}',
    'Update pricing sheet',
    'Send meeting notes',
    'Book follow-up meeting',
    'Check references',
  ],
};

export const SUBJECTS_VI: ActivityTexts = {
  call: ['Gọi điện tìm hiểu nhu cầu', 'Gọi xác nhận ngân sách', 'Gọi lại cho {c}'],
  meeting: ['Họp giới thiệu sản phẩm', 'Demo cho {c}', 'Họp thống nhất báo giá'],
  email: ['Gửi báo giá cho {c}', 'Gửi tài liệu giới thiệu', 'Gửi biên bản cuộc họp'],
  note: ['Khách hàng đã duyệt ngân sách', 'Cần tích hợp với phần mềm kế toán'],
  task: ['Chuẩn bị hợp đồng', 'Soạn báo giá cho {c}', 'Đặt lịch họp tiếp theo'],
};

export const BODY_POINTS_EN = [
  'They run three branches and want one shared pipeline.',
  'Current tool is spreadsheets; reporting takes a day each month.',
  'IT wants single sign-on and data hosted in Vietnam.',
  'Budget owner is the CFO; sign-off needs two quotes.',
  'Go-live wanted before Tết.',
  'Asked for a 12-month price and a pilot for one team.',
  'Happy with the demo; concerns about training time.',
];

export const BODY_POINTS_VI = [
  'Khách hàng muốn triển khai trong quý này.',
  'Cần báo giá chi tiết theo từng hạng mục.',
  'Phòng IT yêu cầu dữ liệu lưu tại Việt Nam.',
  'Người quyết định là Giám đốc.',
];

export const NEXT_STEPS_EN = [
  'Send the revised quote',
  'Book a call with their IT lead',
  'Share two customer references',
  'Confirm the pilot scope',
];

export const NEXT_STEPS_VI = ['Gửi báo giá sửa đổi', 'Hẹn lịch họp với phòng IT'];
