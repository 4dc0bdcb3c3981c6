const en = {
  title: 'Search',
  label: 'Search deals, contacts and companies',
  placeholder: 'Search deals, contacts, companies…',
  groups: { deal: 'Deals', contact: 'Contacts', company: 'Companies' },
  hint: 'Type a name, an email, a company or a deal title. Accents are optional: “ngan” finds “Ngân”.',
  keys: '↑ ↓ to choose, Enter to open, Esc to close',
  searching: 'Searching…',
  noResults: 'Nothing matches “{{q}}”. Try fewer letters or another spelling.',
  failed: 'Search failed. Try again in a moment.',
  count_one: '{{count}} result',
  count_other: '{{count}} results',
};

const vi: typeof en = {
  title: 'Tìm kiếm',
  label: 'Tìm giao dịch, liên hệ và công ty',
  placeholder: 'Tìm giao dịch, liên hệ, công ty…',
  groups: { deal: 'Giao dịch', contact: 'Liên hệ', company: 'Công ty' },
  hint: 'Gõ tên người, email, công ty hoặc tên giao dịch. Không cần gõ dấu: “ngan” sẽ tìm ra “Ngân”.',
  keys: '↑ ↓ để chọn, Enter để mở, Esc để đóng',
  searching: 'Đang tìm…',
  noResults: 'Không có kết quả cho “{{q}}”. Hãy gõ ít chữ hơn hoặc thử cách viết khác.',
  failed: 'Tìm kiếm bị lỗi. Hãy thử lại sau giây lát.',
  count_one: '{{count}} kết quả',
  count_other: '{{count}} kết quả',
};

export const searchMessages = { en, vi };
