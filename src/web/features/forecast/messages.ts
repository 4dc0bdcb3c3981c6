const en = {
  title: 'Forecast',
  explain:
    'What this period should bring, three ways: stage probabilities, reps’ categories, and a ' +
    'model learned from this workspace’s own history (see docs/metrics.md). Amounts in {{currency}}.',
  pipeline: 'Pipeline',
  period: 'Period',
  units: { month: 'This month', quarter: 'This quarter', year: 'This year' },
  loadError: 'The forecast could not be loaded.',
  noPipelines: 'Forecasts are per pipeline. An admin can create one in Settings.',
  methods: {
    label: 'Forecast methods',
    method: 'Method',
    deals: 'Deals',
    amount: 'Amount',
    won: 'Won so far',
    stageWeighted: 'Stage-weighted',
    commit: 'Commit',
    bestCase: 'Best case',
    learned: 'Learned (expected)',
    learnedP50: 'Learned (P50)',
  },
  band: {
    label: 'Learned range of the amount',
    summary: '80% of {{runs}} simulated outcomes fall between P10 {{p10}} and P90 {{p90}}.',
  },
  unconverted:
    '{{count}} deals are in a currency without an exchange rate: they count as deals but not in amounts.',
  backtest: {
    title: 'How the methods did before',
    explain:
      'Latest backtest, {{from}} to {{to}}: each period forecast from what was known at its start.',
    countError: 'Mean error (deals)',
    coverage: 'P10–P90 held the actual',
    calibration: 'Learned chance of a win against what happened',
    predicted: 'Predicted',
    observed: 'Won',
  },
  quota: {
    title: 'My quota',
    none: 'No quota is set for you in this period.',
    attainment: '{{achieved}} of {{target}} ({{share}})',
    pace: 'Pace: {{pace}} against where a steady pace would be today',
    gap: 'Still to win: {{gap}}',
    coverage: 'Coverage by open weighted pipeline: {{coverage}}',
  },
};

const vi: typeof en = {
  title: 'Dự báo',
  explain:
    'Kỳ này dự kiến mang lại bao nhiêu, theo ba cách: xác suất giai đoạn, phân loại của nhân viên, ' +
    'và mô hình học từ chính lịch sử của không gian làm việc (xem docs/metrics.md). Số tiền tính bằng {{currency}}.',
  pipeline: 'Quy trình',
  period: 'Kỳ',
  units: { month: 'Tháng này', quarter: 'Quý này', year: 'Năm nay' },
  loadError: 'Không tải được dự báo.',
  noPipelines: 'Dự báo tính theo từng quy trình. Quản trị viên có thể tạo quy trình trong Cài đặt.',
  methods: {
    label: 'Các phương pháp dự báo',
    method: 'Phương pháp',
    deals: 'Giao dịch',
    amount: 'Số tiền',
    won: 'Đã thắng',
    stageWeighted: 'Theo xác suất giai đoạn',
    commit: 'Cam kết',
    bestCase: 'Khả quan nhất',
    learned: 'Mô hình học (kỳ vọng)',
    learnedP50: 'Mô hình học (P50)',
  },
  band: {
    label: 'Khoảng số tiền theo mô hình học',
    summary: '80% trong {{runs}} kết quả mô phỏng nằm giữa P10 {{p10}} và P90 {{p90}}.',
  },
  unconverted:
    '{{count}} giao dịch dùng loại tiền chưa có tỷ giá: vẫn được đếm là giao dịch nhưng không tính vào số tiền.',
  backtest: {
    title: 'Các phương pháp đã dự báo đúng đến đâu',
    explain:
      'Lần kiểm định ngược gần nhất, {{from}} đến {{to}}: mỗi kỳ được dự báo từ những gì biết được lúc bắt đầu kỳ.',
    countError: 'Sai số trung bình (giao dịch)',
    coverage: 'P10–P90 chứa kết quả thực',
    calibration: 'Khả năng thắng theo mô hình so với thực tế',
    predicted: 'Dự đoán',
    observed: 'Đã thắng',
  },
  quota: {
    title: 'Chỉ tiêu của tôi',
    none: 'Bạn chưa có chỉ tiêu cho kỳ này.',
    attainment: '{{achieved}} trên {{target}} ({{share}})',
    pace: 'Tiến độ: {{pace}} so với mức đều đặn đến hôm nay',
    gap: 'Còn phải thắng: {{gap}}',
    coverage: 'Độ phủ bởi giá trị đang mở có trọng số: {{coverage}}',
  },
};

export const forecastMessages = { en, vi };
