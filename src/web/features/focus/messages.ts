const en = {
  title: 'Focus',
  intro:
    'Where your time pays most: open deals by expected value (the learned chance to win × value), and leads by your workspace’s scoring rules.',
  deals: 'Deals',
  leads: 'Leads',
  chance: 'Chance to win',
  expected: 'Expected value',
  points: 'Points',
  why: 'Why',
  noRate: 'no exchange rate',
  emptyDeals: 'No open deals to rank yet.',
  emptyLeads: 'No open leads. New ones from the web form or “New lead” show up here.',
  loadFailed: 'The focus list could not be loaded.',
  retry: 'Try again',
  model:
    'Learned from {{trainedOn}} closed deals; on {{heldOut}} held back, it ranked a won deal above a lost one {{auc}} of the time.',
  modelThin:
    'Learned from {{trainedOn}} closed deals: too few to measure yet. Rule points still apply.',
  rules: {
    criteriaYes: 'criteria met',
    criteriaNo: 'criteria not met',
    recentActivity: 'recent activity',
    hasCompany: 'company known',
    hasEmail: 'email known',
    source: 'source {{name}}',
  },
};

const vi: typeof en = {
  title: 'Trọng tâm',
  intro:
    'Nơi thời gian của bạn đáng giá nhất: giao dịch đang mở theo giá trị kỳ vọng (khả năng thắng học được × giá trị), và khách hàng tiềm năng theo quy tắc chấm điểm của không gian làm việc.',
  deals: 'Giao dịch',
  leads: 'Khách hàng tiềm năng',
  chance: 'Khả năng thắng',
  expected: 'Giá trị kỳ vọng',
  points: 'Điểm',
  why: 'Vì sao',
  noRate: 'chưa có tỷ giá',
  emptyDeals: 'Chưa có giao dịch đang mở để xếp hạng.',
  emptyLeads:
    'Chưa có khách hàng tiềm năng đang mở. Khách mới từ biểu mẫu web hoặc nút “Thêm” sẽ hiện ở đây.',
  loadFailed: 'Không tải được danh sách trọng tâm.',
  retry: 'Thử lại',
  model:
    'Học từ {{trainedOn}} giao dịch đã đóng; trên {{heldOut}} giao dịch giữ lại để kiểm tra, mô hình xếp giao dịch thắng trên giao dịch thua {{auc}} số lần.',
  modelThin:
    'Học từ {{trainedOn}} giao dịch đã đóng: chưa đủ để đo độ chính xác. Điểm theo quy tắc vẫn được áp dụng.',
  rules: {
    criteriaYes: 'đạt tiêu chí',
    criteriaNo: 'không đạt tiêu chí',
    recentActivity: 'có hoạt động gần đây',
    hasCompany: 'biết công ty',
    hasEmail: 'có email',
    source: 'nguồn {{name}}',
  },
};

export const focusMessages = { en, vi };
