const en = {
  title: 'After the win',
  parent: { onboarding: 'Onboarding of', renewal: 'Renewal of', expansion: 'Expansion of' },
  kind: { onboarding: 'Onboarding', renewal: 'Renewal', expansion: 'Expansion' },
  contract: 'Contract',
  startsOn: 'Starts',
  endsOn: 'Ends',
  recurring: 'Recurring value',
  period: { none: 'None', month: 'per month', year: 'per year' },
  save: 'Save contract',
  saved: 'Contract saved',
  renewalNote:
    'A renewal deal and a call task are created on their own {{days}} days before it ends.',
  startOnboarding: 'Start onboarding',
  onboardingStarted: 'Onboarding started',
  related: 'Deals from this one',
  expansion: 'New upsell or cross-sell',
  expansionTitle: 'What else they buy',
  value: 'Value',
  create: 'Create',
  none: 'None yet.',
};

const vi: typeof en = {
  title: 'Sau khi thắng',
  parent: { onboarding: 'Triển khai của', renewal: 'Gia hạn của', expansion: 'Mở rộng của' },
  kind: { onboarding: 'Triển khai', renewal: 'Gia hạn', expansion: 'Mở rộng' },
  contract: 'Hợp đồng',
  startsOn: 'Bắt đầu',
  endsOn: 'Kết thúc',
  recurring: 'Giá trị định kỳ',
  period: { none: 'Không', month: 'mỗi tháng', year: 'mỗi năm' },
  save: 'Lưu hợp đồng',
  saved: 'Đã lưu hợp đồng',
  renewalNote:
    'Giao dịch gia hạn và việc gọi điện được tạo tự động {{days}} ngày trước khi hết hạn.',
  startOnboarding: 'Bắt đầu triển khai',
  onboardingStarted: 'Đã bắt đầu triển khai',
  related: 'Các giao dịch từ giao dịch này',
  expansion: 'Bán thêm / bán chéo',
  expansionTitle: 'Khách mua thêm gì',
  value: 'Giá trị',
  create: 'Tạo',
  none: 'Chưa có.',
};

export const postPurchaseMessages = { en, vi };
