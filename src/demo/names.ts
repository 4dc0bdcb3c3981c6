// Word lists for the demo workspace. Order matters: the generator picks by index, so changing a
// list changes the demo data for every seed.

export type Market = 'vn' | 'intl';

export type DemoPerson = {
  name: string;
  email: string;
  role: 'manager' | 'rep';
  team: Market;
  locale: 'en' | 'vi';
};

const list = (items: string, separator = ', '): readonly string[] => items.split(separator);

export const ADMIN = { name: 'Phạm Quốc Bảo', email: 'demo@pipewright.local' } as const;

export const TEAM_NAMES: Record<Market, string> = { vn: 'Hồ Chí Minh', intl: 'International' };

const person = (
  name: string,
  local: string,
  role: DemoPerson['role'],
  team: Market,
): DemoPerson => ({
  name,
  email: `${local}@demo.pipewright.local`,
  role,
  team,
  locale: team === 'vn' ? 'vi' : 'en',
});

export const PEOPLE: readonly DemoPerson[] = [
  person('Trần Minh Đức', 'duc.tran', 'manager', 'vn'),
  person('Nguyễn Thị Lan', 'lan.nguyen', 'rep', 'vn'),
  person('Lê Hoàng Nam', 'nam.le', 'rep', 'vn'),
  person('Võ Ngọc Hân', 'han.vo', 'rep', 'vn'),
  person('Đặng Quang Huy', 'huy.dang', 'rep', 'vn'),
  person('Sarah Mitchell', 'sarah.mitchell', 'manager', 'intl'),
  person('James Carter', 'james.carter', 'rep', 'intl'),
  person('Priya Sharma', 'priya.sharma', 'rep', 'intl'),
  person('Bùi Thu Trang', 'trang.bui', 'rep', 'intl'),
];

export const VN_FAMILY = list(
  'Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, Lý',
);
export const VN_MALE = {
  middle: list('Văn, Minh, Quốc, Đức, Hữu, Thành, Gia'),
  given: list(
    'An, Bình, Cường, Dũng, Hải, Hiếu, Khánh, Long, Nam, Phúc, Quân, Sơn, Thắng, Trung, Tuấn, Việt',
  ),
};
export const VN_FEMALE = {
  middle: list('Thị, Ngọc, Thu, Thanh, Mai, Bảo, Phương'),
  given: list(
    'Anh, Châu, Giang, Hạnh, Hương, Linh, Mai, Nga, Nhung, Quỳnh, Tâm, Thảo, Trang, Vy, Yến, Hà',
  ),
};

export const INTL_FIRST = list(
  'Emma, Liam, Olivia, Noah, Hannah, Lucas, Mei, Kenji, Ji-woo, Arjun, Sophie, Daniel, Aiko, Marcus, Chloe, Wei, Isabel, Tom, Nadia, Ravi',
);
export const INTL_LAST = list(
  'Tanaka, Müller, Smith, Kim, Tan, Lim, Johnson, Nguyen, Sato, Patel, Schmidt, Dubois, Wong, Park, Brown, García, Wilson, Chen, Ito, Novak',
);

export const VN_CORES = list(
  'Sao Mai, Phú Hưng, Hoàng Long, Thành Công, Minh Phát, An Khang, Việt Tiến, Đại Dương, Bình Minh, Hải Âu, Tân Phát, Kim Long, Gia Bảo, Ánh Dương, Hưng Thịnh, Nam Việt, Phương Nam, Trường Sơn, Cửu Long, Sông Hồng, Lạc Việt, Thiên An, Hòa Bình, Đông Á, Sài Gòn Xanh, Hồng Hà, Bến Thành, Tín Nghĩa, Phú Mỹ, Vạn Xuân',
);
export const INTL_CORES = list(
  'Northwind, Bluefin, Summit, Crestline, Evergreen, Harbor, Pioneer, Lumen, Atlas, Vertex, Orchid, Keystone, Meridian, Redwood, Silverline, Tidewater, Nimbus, Granite, Brightpath, Copperleaf, Sakura, Hanbit, Lotus Bay, Kestrel',
);

export type Sector = { industry: string; vi: string; en: string; slug: string };
export const SECTORS: readonly Sector[] = [
  { industry: 'Software', vi: 'Công nghệ', en: 'Tech', slug: 'tech' },
  { industry: 'Logistics', vi: 'Vận tải', en: 'Logistics', slug: 'logistics' },
  { industry: 'Retail', vi: 'Thương mại', en: 'Retail', slug: 'retail' },
  { industry: 'Manufacturing', vi: 'Sản xuất', en: 'Industries', slug: 'industries' },
  { industry: 'Food & Beverage', vi: 'Thực phẩm', en: 'Foods', slug: 'foods' },
  { industry: 'Real estate', vi: 'Bất động sản', en: 'Land', slug: 'land' },
  { industry: 'Finance', vi: 'Tài chính', en: 'Capital', slug: 'capital' },
  { industry: 'Healthcare', vi: 'Y tế', en: 'Health', slug: 'health' },
  { industry: 'Education', vi: 'Giáo dục', en: 'Academy', slug: 'academy' },
  { industry: 'Hospitality', vi: 'Du lịch', en: 'Hospitality', slug: 'hospitality' },
];

export const VN_CITIES = list(
  'Quận 1, TP. Hồ Chí Minh; Quận 3, TP. Hồ Chí Minh; TP. Thủ Đức, TP. Hồ Chí Minh; Quận Bình Thạnh, TP. Hồ Chí Minh; Quận Cầu Giấy, Hà Nội; Quận Hải Châu, Đà Nẵng; TP. Biên Hòa, Đồng Nai',
  '; ',
);
export const VN_STREETS = list(
  'Nguyễn Huệ, Lê Lợi, Điện Biên Phủ, Võ Văn Tần, Hai Bà Trưng, Pasteur, Cách Mạng Tháng Tám, Trần Hưng Đạo',
);
export const INTL_OFFICES = [
  { city: 'Singapore', tld: 'sg', phone: '+65 6', legal: 'Pte Ltd' },
  { city: 'Tokyo, Japan', tld: 'co.jp', phone: '+81 3 ', legal: 'Co., Ltd.' },
  { city: 'Seoul, Korea', tld: 'co.kr', phone: '+82 2 ', legal: 'Co., Ltd.' },
  { city: 'Sydney, Australia', tld: 'com.au', phone: '+61 2 ', legal: 'Pty Ltd' },
  { city: 'Berlin, Germany', tld: 'de', phone: '+49 30 ', legal: 'GmbH' },
  { city: 'San Francisco, USA', tld: 'com', phone: '+1 415 ', legal: 'Inc.' },
];

export const JOB_TITLES_EN = list(
  'CEO, COO, CFO, Head of IT, IT Manager, Operations Director, Purchasing Manager, Marketing Manager, Sales Director, Procurement Lead, Head of Customer Service',
);
export const JOB_TITLES_VI = list(
  'Giám đốc, Phó Giám đốc, Trưởng phòng Kinh doanh, Trưởng phòng IT, Kế toán trưởng, Trưởng phòng Mua hàng, Giám đốc Vận hành',
);

export const PRODUCTS_EN = list(
  'CRM rollout, Cloud migration, Annual support contract, Data platform, Website redesign, Mobile app, ERP integration, Security audit, Sales training, POS system, Analytics dashboards, Licence renewal',
);
export const PRODUCTS_VI = list(
  'Triển khai CRM, Gói bảo trì năm, Nâng cấp hệ thống POS, Chuyển đổi số, Đào tạo đội kinh doanh, Tích hợp ERP, Ứng dụng di động',
);

export const SOURCES = [
  ['Website', 5],
  ['Referral', 4],
  ['Event', 2],
  ['Outbound', 4],
  ['LinkedIn', 3],
  ['Ads', 2],
  ['Partner', 2],
] as const;

export const LOST_REASONS = [
  ['Price', 5],
  ['Chose competitor', 4],
  ['No budget', 3],
  ['No decision', 3],
  ['Timing', 2],
] as const;
