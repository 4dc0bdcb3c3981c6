const en = {
  title: 'Import from CSV',
  intro:
    'Bring in companies, contacts, deals or activities from a spreadsheet. Every row is checked before anything is written; with any problem nothing is imported. Importing the same file again skips the rows already imported.',
  adminsOnly: 'Only admins can import data.',
  entity: 'What the file holds',
  entities: {
    companies: 'Companies',
    contacts: 'Contacts',
    deals: 'Deals',
    activities: 'Activities',
  },
  file: 'CSV file',
  layout: 'Layout',
  layouts: {
    auto: 'Recognise it',
    none: 'By header names',
    pipedrive: 'Pipedrive export',
    hubspot: 'HubSpot export',
    salesforce: 'Salesforce export',
  },
  recognised:
    'Read as a {{crm}}: its columns are matched below, with its stage names, dates and links. Change any column that does not fit.',
  tooBig: 'The file is larger than 20 MB; import it with the pipewright command instead.',
  mapping: 'Columns',
  mappingHint: 'Each column of the file and the field it fills. Change any you disagree with.',
  column: 'Column',
  field: 'Field',
  firstRow: 'First row',
  ignore: '— ignore —',
  check: 'Check the file',
  run: 'Import',
  running: 'Importing {{name}}…',
  checking: 'Checking {{name}}…',
  rowsDone_one: '{{count}} row',
  rowsDone_other: '{{count}} rows',
  problems_one: '{{count}} problem; nothing was imported',
  problems_other: '{{count}} problems; nothing was imported',
  more: 'and {{count}} more',
  checked:
    '{{rows}} rows checked: {{created}} to import, {{already}} already imported. No problems.',
  imported: '{{created}} imported, {{already}} already there, from {{rows}} rows.',
  undo: 'Undo this import',
  undone: 'Undone: {{records}} records removed.',
  rowColumn: 'Row {{row}}, column “{{column}}”',
  row: 'Row {{row}}',
};

type Messages = typeof en;

const vi: Messages = {
  title: 'Nhập từ CSV',
  intro:
    'Đưa công ty, liên hệ, giao dịch hoặc hoạt động vào từ bảng tính. Mọi dòng được kiểm tra trước khi ghi; có bất kỳ lỗi nào thì không gì được nhập. Nhập lại cùng tệp sẽ bỏ qua các dòng đã nhập.',
  adminsOnly: 'Chỉ quản trị viên mới được nhập dữ liệu.',
  entity: 'Tệp chứa gì',
  entities: {
    companies: 'Công ty',
    contacts: 'Liên hệ',
    deals: 'Giao dịch',
    activities: 'Hoạt động',
  },
  file: 'Tệp CSV',
  layout: 'Bố cục',
  layouts: {
    auto: 'Tự nhận diện',
    none: 'Theo tên cột',
    pipedrive: 'Tệp xuất từ Pipedrive',
    hubspot: 'Tệp xuất từ HubSpot',
    salesforce: 'Tệp xuất từ Salesforce',
  },
  recognised:
    'Được đọc như {{crm}}: các cột được ghép bên dưới, cùng tên giai đoạn, ngày tháng và liên kết của nó. Hãy sửa cột nào chưa đúng.',
  tooBig: 'Tệp lớn hơn 20 MB; hãy nhập bằng lệnh pipewright.',
  mapping: 'Các cột',
  mappingHint: 'Mỗi cột của tệp và trường mà nó điền vào. Hãy sửa nếu chưa đúng.',
  column: 'Cột',
  field: 'Trường',
  firstRow: 'Dòng đầu tiên',
  ignore: '— bỏ qua —',
  check: 'Kiểm tra tệp',
  run: 'Nhập',
  running: 'Đang nhập {{name}}…',
  checking: 'Đang kiểm tra {{name}}…',
  rowsDone_one: '{{count}} dòng',
  rowsDone_other: '{{count}} dòng',
  problems_one: '{{count}} lỗi; chưa có gì được nhập',
  problems_other: '{{count}} lỗi; chưa có gì được nhập',
  more: 'và {{count}} lỗi khác',
  checked:
    'Đã kiểm tra {{rows}} dòng: {{created}} sẽ được nhập, {{already}} đã nhập trước đó. Không có lỗi.',
  imported: 'Đã nhập {{created}}, {{already}} đã có sẵn, từ {{rows}} dòng.',
  undo: 'Hoàn tác lần nhập này',
  undone: 'Đã hoàn tác: xóa {{records}} bản ghi.',
  rowColumn: 'Dòng {{row}}, cột “{{column}}”',
  row: 'Dòng {{row}}',
};

export const importsMessages = { en, vi };
