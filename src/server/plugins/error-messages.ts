// Vietnamese for the English messages the API answers with: DomainError messages thrown by the
// services, the error handler's own, and the custom messages in our zod schemas. The services stay
// English-only; the error handler looks a message up here by the request's language. A message the
// catalog does not know is answered in English (test/unit/error-messages.test.ts keeps it complete).

export type Lang = 'en' | 'vi';

/** The answer language from an Accept-Language header: the preferred of vi and en; en by default. */
export function languageOf(header: string | string[] | undefined): Lang {
  const ranges = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',');
  let best: Lang = 'en';
  let bestQ = 0;
  for (const range of ranges) {
    const [tag = '', ...params] = range.trim().toLowerCase().split(';');
    const primary = tag.trim().split('-')[0];
    if (primary !== 'en' && primary !== 'vi') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    // Strictly greater, so that of two equal weights the first listed wins.
    if (weight > bestQ) [best, bestQ] = [primary, weight];
  }
  return best;
}

/** Messages without values in them, word for word. */
export const fixedMessages: Readonly<Record<string, string>> = {
  'Only admins import data': 'Chỉ quản trị viên mới được nhập dữ liệu',
  'The columns do not match the fields': 'Các cột không khớp với các trường',
  'The file is not readable CSV': 'Tệp không phải CSV đọc được',
  'Only admins export all the data of the workspace':
    'Chỉ quản trị viên mới được xuất toàn bộ dữ liệu của không gian làm việc',
  // Records that do not exist or are out of reach.
  'No such user in this workspace': 'Không có người dùng này trong không gian làm việc',
  'No such active user in this workspace':
    'Không có người dùng đang hoạt động này trong không gian làm việc',
  'No such company in this workspace': 'Không có công ty này trong không gian làm việc',
  'No such contact in this workspace': 'Không có liên hệ này trong không gian làm việc',
  'No such stage in this workspace': 'Không có giai đoạn này trong không gian làm việc',
  'No such team in this workspace': 'Không có nhóm này trong không gian làm việc',
  'No such pipeline, or it has no stages':
    'Không có quy trình này, hoặc quy trình chưa có giai đoạn nào',
  'The stage is not in that pipeline': 'Giai đoạn này không thuộc quy trình đó',
  'Invitation (it may have expired or been used) not found':
    'Không tìm thấy lời mời (có thể lời mời đã hết hạn hoặc đã được dùng)',
  'cursor is not one this server issued': 'cursor không phải do máy chủ này cấp',
  'Unknown ISO 4217 currency': 'Không có mã tiền tệ này trong ISO 4217',
  // Permissions.
  'You do not have permission to do this': 'Bạn không có quyền làm việc này',
  'Reps can delete only their own companies':
    'Nhân viên kinh doanh chỉ được xóa công ty của chính mình',
  'Reps can delete only their own contacts':
    'Nhân viên kinh doanh chỉ được xóa liên hệ của chính mình',
  'Reps can delete only their own deals':
    'Nhân viên kinh doanh chỉ được xóa giao dịch của chính mình',
  'You can assign deals only to people whose deals you can see':
    'Bạn chỉ được phân công giao dịch cho người mà bạn xem được giao dịch của họ',
  'Only admins may back-date deals': 'Chỉ quản trị viên mới được lùi ngày tạo giao dịch',
  'Only admins can change roles or deactivate users':
    'Chỉ quản trị viên mới đổi được vai trò hoặc vô hiệu hóa người dùng',
  'You can change your own profile only': 'Bạn chỉ được thay đổi hồ sơ của chính mình',
  'Only admins manage teams': 'Chỉ quản trị viên mới quản lý được các nhóm',
  'Only admins and managers can invite people':
    'Chỉ quản trị viên và quản lý mới mời được người khác',
  'Managers can invite reps only': 'Quản lý chỉ được mời nhân viên kinh doanh',
  'Managers can invite into the teams they lead only':
    'Quản lý chỉ được mời vào các nhóm mình phụ trách',
  'Only its owner may change this view': 'Chỉ người tạo mới được thay đổi chế độ xem này',
  'Only its owner may share or unshare this view':
    'Chỉ người tạo mới được chia sẻ hoặc thôi chia sẻ chế độ xem này',
  'Only its owner may delete this view': 'Chỉ người tạo mới được xóa chế độ xem này',
  'Only its owner may change this dashboard': 'Chỉ người tạo mới được thay đổi bảng điều khiển này',
  'Only its owner may share or unshare this dashboard':
    'Chỉ người tạo mới được chia sẻ hoặc thôi chia sẻ bảng điều khiển này',
  'Only its owner may delete this dashboard': 'Chỉ người tạo mới được xóa bảng điều khiển này',
  'heldBy applies to won, lost, closed and open only':
    'heldBy chỉ dùng được với won, lost, closed và open',
  'must be 1 to 40 letters, digits, - or _': 'phải gồm 1 đến 40 chữ cái, chữ số, - hoặc _',
  'must not repeat a widget id': 'không được lặp lại mã tiện ích nào',
  'must be a stage of the pipeline': 'phải là một giai đoạn của quy trình',
  'outcome applies to active only': 'outcome chỉ dùng được với active',
  'channel applies to created and won only': 'channel chỉ dùng được với created và won',
  'give a channel or a source, not both': 'chỉ cho channel hoặc source, không cho cả hai',
  'a custom period needs from and to': 'khoảng thời gian tùy chọn cần có cả from và to',
  'Only admins change workspace settings':
    'Chỉ quản trị viên mới thay đổi được cài đặt không gian làm việc',
  'Only admins and managers change pipelines':
    'Chỉ quản trị viên và quản lý mới thay đổi được quy trình',
  'Sign-up is closed on this server; ask an admin for an invitation':
    'Máy chủ này không cho tự đăng ký; hãy xin quản trị viên một lời mời',
  // Signing in.
  'Email or password is wrong': 'Email hoặc mật khẩu không đúng',
  'Too many failed sign-in attempts; wait 15 minutes and try again':
    'Đăng nhập sai quá nhiều lần; hãy chờ 15 phút rồi thử lại',
  'The API token is invalid or revoked': 'Token API không hợp lệ hoặc đã bị thu hồi',
  'Sign in or send an API token': 'Hãy đăng nhập hoặc gửi kèm token API',
  // Rules of deals, pipelines, users and teams.
  'must not be in the future': 'không được là thời điểm trong tương lai',
  'Move the deal to an open stage to reopen it':
    'Để mở lại giao dịch, hãy chuyển nó sang một giai đoạn đang mở',
  'A lost reason is only for lost deals': 'Chỉ giao dịch thua mới có lý do thua',
  'You cannot demote or deactivate yourself; ask another admin':
    'Bạn không thể tự hạ vai trò hay tự vô hiệu hóa mình; hãy nhờ một quản trị viên khác',
  'A team is led by a manager or an admin':
    'Người phụ trách nhóm phải là quản lý hoặc quản trị viên',
  'A team with this name already exists': 'Đã có nhóm mang tên này',
  'A user with this email already exists': 'Đã có người dùng với email này',
  'List every stage of the pipeline exactly once':
    'Hãy liệt kê mỗi giai đoạn của quy trình đúng một lần',
  'A pipeline has at most 30 stages': 'Một quy trình có tối đa 30 giai đoạn',
  'A pipeline needs at least one stage; delete the pipeline instead':
    'Quy trình cần ít nhất một giai đoạn; hãy xóa cả quy trình nếu muốn',
  'must be another stage': 'phải là một giai đoạn khác',
  'That deal is not in the target stage': 'Giao dịch đó không nằm ở giai đoạn đích',
  'A deal cannot go after itself': 'Không thể đặt một giao dịch ngay sau chính nó',
  // Activities and the calendar.
  'No such deal in this workspace': 'Không có giao dịch này trong không gian làm việc',
  'Only meetings have a duration': 'Chỉ cuộc họp mới có thời lượng',
  'Reps can delete only their own activities':
    'Nhân viên kinh doanh chỉ được xóa hoạt động của chính mình',
  'Reps see only their own calendar': 'Nhân viên kinh doanh chỉ xem được lịch của chính mình',
  'must be after from': 'phải sau thời điểm bắt đầu (from)',
  'A calendar range spans at most 62 days': 'Một khoảng lịch dài tối đa 62 ngày',
  // Analytics reports.
  'must not be before from': 'không được trước ngày bắt đầu (from)',
  'A report period spans at most 10 years': 'Một kỳ báo cáo dài tối đa 10 năm',
  'must be an open stage of the pipeline': 'phải là một giai đoạn đang mở của quy trình',
  'A trend has at most 120 periods; choose a longer unit or a shorter period':
    'Một biểu đồ xu hướng có tối đa 120 kỳ; hãy chọn đơn vị dài hơn hoặc khoảng thời gian ngắn hơn',
  // The error handler's own.
  'That record already exists': 'Bản ghi này đã tồn tại',
  'Body is not valid JSON': 'Nội dung yêu cầu không phải JSON hợp lệ',
  'Request body is too large': 'Nội dung yêu cầu quá lớn',
  'Invalid request': 'Yêu cầu không hợp lệ',
  'Something went wrong on our side; the request id is in the server log':
    'Máy chủ gặp lỗi; mã yêu cầu được ghi trong nhật ký máy chủ',
  // Custom messages in the zod schemas (src/contracts).
  'must be an IANA time zone such as Asia/Ho_Chi_Minh':
    'phải là múi giờ IANA, ví dụ Asia/Ho_Chi_Minh',
  'must be a three-letter ISO 4217 code such as USD or VND':
    'phải là mã ISO 4217 gồm ba chữ cái, ví dụ USD hoặc VND',
  'must be a whole number of minor units': 'phải là số nguyên tính theo đơn vị tiền tệ nhỏ nhất',
  'must be at least 10 characters': 'phải có ít nhất 10 ký tự',
  'must be at most 200 characters': 'không được dài quá 200 ký tự',
  'must be a valid email address': 'phải là địa chỉ email hợp lệ',
  'must not repeat a column': 'không được lặp lại cột nào',
  'give ownerId, stageId or both': 'hãy cho ownerId, stageId hoặc cả hai',
  'Only admins change the qualification criteria':
    'Chỉ quản trị viên được thay đổi các tiêu chí đánh giá khách hàng tiềm năng',
  'must list each criterion once': 'phải liệt kê mỗi tiêu chí đúng một lần',
  'A converted lead is kept as it was; change its deal':
    'Khách hàng tiềm năng đã chuyển đổi được giữ nguyên; hãy thay đổi giao dịch của nó',
  'Reps can delete only their own leads':
    'Nhân viên kinh doanh chỉ được xóa khách hàng tiềm năng của mình',
  'This lead was already converted': 'Khách hàng tiềm năng này đã được chuyển đổi',
  'Required qualification criteria are not yet met':
    'Các tiêu chí đánh giá bắt buộc chưa được đáp ứng',
  'Only admins manage lead capture':
    'Chỉ quản trị viên được quản lý việc thu thập khách hàng tiềm năng',
  'The capture key is wrong or was rotated': 'Khóa thu thập không đúng hoặc đã được thay',
  'Too many submissions; try again in a few minutes': 'Gửi quá nhiều lần; hãy thử lại sau vài phút',
  'Only admins change the scoring rules': 'Chỉ quản trị viên được thay đổi quy tắc chấm điểm',
  'Only admins and managers see the scoring model':
    'Chỉ quản trị viên và quản lý được xem mô hình chấm điểm',
  'at most 50 sources': 'tối đa 50 nguồn',
  'Choose the after-the-win pipeline, with open stages, in Settings → Workspace':
    'Hãy chọn quy trình sau bán hàng (có giai đoạn đang mở) trong Cài đặt → Không gian làm việc',
  'Not a pipeline of this workspace': 'Không phải quy trình của không gian làm việc này',
  'Only a won deal has a contract': 'Chỉ giao dịch đã thắng mới có hợp đồng',
  'Only a won deal’s customer can expand':
    'Chỉ khách hàng của giao dịch đã thắng mới có thể mở rộng',
  'Only a won deal starts onboarding': 'Chỉ giao dịch đã thắng mới bắt đầu triển khai',
  'must not be before startsOn': 'không được trước startsOn',
  'give recurringValue and recurringPeriod together':
    'hãy cho recurringValue và recurringPeriod cùng nhau',
  'Only admins change exchange rates': 'Chỉ quản trị viên được thay đổi tỷ giá',
  'Only admins and managers enter marketing spend':
    'Chỉ quản trị viên và quản lý được nhập chi phí marketing',
  'is not a currency this server knows': 'không phải là loại tiền tệ máy chủ này biết',
  'is the workspace currency: it needs no rate':
    'là tiền tệ của không gian làm việc: không cần tỷ giá',
  'must be above zero': 'phải lớn hơn 0',
  'repeats a currency and date given earlier': 'lặp lại một cặp tiền tệ và ngày đã cho trước đó',
  'repeats a channel and month given earlier': 'lặp lại một cặp kênh và tháng đã cho trước đó',
  'must be a positive decimal with at most 10 decimals, such as 25400.5':
    'phải là số thập phân dương, tối đa 10 chữ số thập phân, ví dụ 25400.5',
  'must be a month such as 2026-03': 'phải là một tháng, ví dụ 2026-03',
  'give either a template or stages, not both':
    'hãy cho mẫu (template) hoặc các giai đoạn (stages), không được cả hai',
  // The pipeline review.
  'Reps review their own pipeline only':
    'Nhân viên kinh doanh chỉ đánh giá pipeline của chính mình',
  'Managers review the teams they lead and their members only':
    'Quản lý chỉ đánh giá các nhóm mình phụ trách và thành viên của các nhóm đó',
  'give either ownerId or teamId, not both': 'hãy cho ownerId hoặc teamId, không được cả hai',
  'must be before until': 'phải trước thời điểm until',
  'must be at most 1096 days before until': 'không được sớm hơn until quá 1096 ngày',
  // Quotas and forecasts.
  'can be set on open deals only': 'chỉ đặt được cho giao dịch đang mở',
  'must be the first day of the month, quarter or year':
    'phải là ngày đầu tiên của tháng, quý hoặc năm',
  'give either userId or teamId, not both': 'hãy cho userId hoặc teamId, không được cả hai',
  'give either userId or teamId': 'hãy cho userId hoặc teamId',
  'must be a whole number': 'phải là số nguyên',
  'Only managers and admins set quotas': 'Chỉ quản lý và quản trị viên được đặt chỉ tiêu',
  'Managers set quotas for the teams they lead only':
    'Quản lý chỉ được đặt chỉ tiêu cho các nhóm mình phụ trách',
  'Managers set quotas for the people whose deals they see only':
    'Quản lý chỉ được đặt chỉ tiêu cho những người mà mình xem được giao dịch',
  'You see the quotas of people whose deals you see only':
    'Bạn chỉ xem được chỉ tiêu của những người mà bạn xem được giao dịch',
  'Reps see their own quotas and forecasts only':
    'Nhân viên kinh doanh chỉ xem được chỉ tiêu và dự báo của chính mình',
  'Managers see the teams they lead or belong to only':
    'Quản lý chỉ xem được các nhóm mình phụ trách hoặc là thành viên',
  'A quota for this period exists already; change it instead':
    'Đã có chỉ tiêu cho kỳ này; hãy sửa chỉ tiêu đó',
  'Members’ quotas mix amounts and counts; set a quota for the team':
    'Chỉ tiêu của các thành viên lẫn lộn số tiền và số giao dịch; hãy đặt chỉ tiêu cho cả nhóm',
  'no period between from and to has ended yet': 'chưa có kỳ nào giữa from và to kết thúc',
  'Backtests cover every deal: admins and managers only':
    'Kiểm định ngược bao gồm mọi giao dịch: chỉ quản trị viên và quản lý được xem',
  'Only the team’s manager or an admin submits a team forecast':
    'Chỉ quản lý của nhóm hoặc quản trị viên được gửi dự báo của nhóm',
  'Snapshots cover every deal: admins and managers only':
    'Ảnh chụp dự báo bao gồm mọi giao dịch: chỉ quản trị viên và quản lý được dùng',
  'No such pipeline in this workspace': 'Không có quy trình này trong không gian làm việc',
};

/** The records that notFound, versionConflict and duplicateOf name, as Vietnamese nouns. */
export const nouns: Record<string, string> = {
  activity: 'hoạt động',
  'api token': 'token API',
  'calendar feed': 'nguồn lịch',
  'exchange rate': 'tỷ giá',
  contract: 'hợp đồng',
  dashboard: 'bảng điều khiển',
  users: 'người dùng',
  'import batch': 'lô nhập dữ liệu',
  lead: 'khách hàng tiềm năng',
  'lead capture': 'thu thập khách hàng tiềm năng',
  'marketing spend': 'chi phí marketing',
  company: 'công ty',
  contact: 'liên hệ',
  deal: 'giao dịch',
  invitation: 'lời mời',
  pipeline: 'quy trình',
  quota: 'chỉ tiêu',
  stage: 'giai đoạn',
  team: 'nhóm',
  user: 'người dùng',
  view: 'chế độ xem',
  workspace: 'không gian làm việc',
};
const fields: Record<string, string> = { name: 'tên', email: 'email' };
const stageKinds: Record<string, string> = { open: 'đang mở', won: 'thắng', lost: 'thua' };
// The fields a stage may require (src/domain/stage-requirements.ts fieldLabels).
const requiredFieldWords: Record<string, string> = {
  value: 'giá trị',
  'expected close date': 'ngày dự kiến chốt',
  company: 'công ty',
  contacts: 'người liên hệ',
  source: 'nguồn',
  probability: 'xác suất',
};

// An unknown value stays as it is: the sentence is still Vietnamese, the test lists the nouns.
const noun = (what: string) => nouns[what.replace(/^an? /i, '').toLowerCase()] ?? what;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Pattern = {
  en: RegExp;
  /** A message the pattern matches, for the reader and for the test. */
  example: string;
  vi: (...parts: string[]) => string;
};

/** Messages with values in them; the first match wins, so the specific ones come first. */
export const patterns: Pattern[] = [
  {
    en: /^"(.*)" is not yes or no$/,
    example: '"maybe" is not yes or no',
    vi: (text) => `"${text}" không phải có hoặc không`,
  },
  {
    en: /^"(.*)" is not a whole number of minutes$/,
    example: '"1.5" is not a whole number of minutes',
    vi: (text) => `"${text}" không phải một số phút nguyên`,
  },
  {
    en: /^Some imported (\w+) are still used by records made since \(for example as owners\); reassign those first$/,
    example:
      'Some imported users are still used by records made since (for example as owners); reassign those first',
    vi: (what) =>
      `Một số ${noun(what.replace(/s$/, ''))} đã nhập vẫn đang được dùng bởi bản ghi tạo sau đó (ví dụ làm người phụ trách); hãy chuyển giao chúng trước`,
  },
  {
    en: /^Before (.+), fill in the required fields of (.+); nothing was changed$/,
    example: 'Before Proposal, fill in the required fields of 3 deals; nothing was changed',
    vi: (stage, what) => {
      const count = /\d+/.exec(what)?.[0];
      return `Trước khi vào ${stage}, hãy điền các trường bắt buộc của ${count ?? 'một'} giao dịch; chưa có gì bị thay đổi`;
    },
  },
  {
    en: /^Before (.+), fill in: (.+)$/,
    example: 'Before Proposal, fill in: value, contacts',
    vi: (stage, labels) =>
      `Trước khi vào ${stage}, hãy điền: ${labels
        .split(', ')
        .map((l) => requiredFieldWords[l] ?? l)
        .join(', ')}`,
  },
  {
    en: /^(.+) not found; nothing was changed$/,
    example: '3 deals were not found; nothing was changed',
    vi: (what) => {
      const count = /\d+/.exec(what)?.[0];
      return `Không tìm thấy ${count ?? 'một'} giao dịch; chưa có gì bị thay đổi`;
    },
  },
  {
    en: /^(.+) was changed by someone else \(now at version (\d+)\); reload and try again$/,
    example: 'Deal was changed by someone else (now at version 4); reload and try again',
    vi: (what, version) =>
      `${capitalize(noun(what))} vừa được người khác thay đổi (hiện ở phiên bản ${version}); hãy tải lại rồi thử lại`,
  },
  {
    en: /^(.+) with this (.+) already exists$/,
    example: 'A view with this name already exists',
    vi: (what, field) => `Đã có ${noun(what)} với ${fields[field] ?? field} này`,
  },
  {
    en: /^A pipeline has at most one (.+) stage$/,
    example: 'A pipeline has at most one won stage',
    vi: (kind) => `Mỗi quy trình chỉ có tối đa một giai đoạn ${stageKinds[kind] ?? kind}`,
  },
  {
    en: /^The pipeline holds (\d+) deals; move or delete them first$/,
    example: 'The pipeline holds 3 deals; move or delete them first',
    vi: (count) => `Quy trình này còn ${count} giao dịch; hãy chuyển hoặc xóa chúng trước`,
  },
  {
    en: /^The stage holds (\d+) deals; say where they go with moveDealsTo$/,
    example: 'The stage holds 3 deals; say where they go with moveDealsTo',
    vi: (count) =>
      `Giai đoạn này còn ${count} giao dịch; hãy cho biết chuyển chúng đi đâu bằng moveDealsTo`,
  },
  {
    en: /^unknown column (.*); use (.*)$/,
    example: 'unknown column colour; use title, value',
    vi: (unknown, known) =>
      `không có cột ${unknown === '(none given)' ? 'nào được nêu' : unknown}; hãy dùng ${known}`,
  },
  {
    en: /^No route (\S+) (.+)$/,
    example: 'No route GET /api/v1/nothing',
    vi: (method, url) => `Không có đường dẫn ${method} ${url}`,
  },
  {
    en: /^(.+) not found$/,
    example: 'Deal not found',
    vi: (what) => `Không tìm thấy ${noun(what)}`,
  },
];

/** The Vietnamese for an English message, if the catalog has it. */
export function vietnameseFor(message: string): string | undefined {
  if (Object.hasOwn(fixedMessages, message)) return fixedMessages[message];
  for (const { en, vi } of patterns) {
    const match = en.exec(message);
    if (match) return vi(...match.slice(1).map((part) => part ?? ''));
  }
  return undefined;
}

/** The message in the given language; English when the catalog does not know it. */
export const localize = (message: string, lang: Lang): string =>
  lang === 'vi' ? (vietnameseFor(message) ?? message) : message;
