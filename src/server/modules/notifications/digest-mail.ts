import { formatMoney } from '../../../domain/money.js';
import type { myDay } from '../attention/my-day.service.js';

export type DigestContent = Awaited<ReturnType<typeof myDay>>;
export type Locale = 'en' | 'vi';

type Strings = {
  subject: (date: string, count: number) => string;
  greeting: (name: string) => string;
  overdue: string;
  today: string;
  attention: string;
  flags: Record<string, string>;
  open: string;
  footer: string;
};

const strings: Record<Locale, Strings> = {
  en: {
    subject: (date, count) =>
      `Your day, ${date}: ${count} ${count === 1 ? 'follow-up' : 'follow-ups'}`,
    greeting: (name) => `Good morning, ${name}. Here is what needs you today.`,
    overdue: 'Overdue',
    today: 'Due today',
    attention: 'Deals needing attention',
    flags: {
      rotting: 'no activity lately',
      closeDateOverdue: 'close date passed',
      closeDatePushed: 'close date pushed back',
      noNextStep: 'no next step',
    },
    open: 'Open My day',
    footer: 'You get this once a day. Change the hour or turn it off in your profile settings.',
  },
  vi: {
    subject: (date, count) => `Ngày của bạn, ${date}: ${count} việc cần theo dõi`,
    greeting: (name) => `Chào buổi sáng, ${name}. Đây là những việc cần bạn hôm nay.`,
    overdue: 'Quá hạn',
    today: 'Đến hạn hôm nay',
    attention: 'Giao dịch cần chú ý',
    flags: {
      rotting: 'lâu không có hoạt động',
      closeDateOverdue: 'đã qua ngày chốt dự kiến',
      closeDatePushed: 'ngày chốt bị lùi nhiều lần',
      noNextStep: 'chưa có bước tiếp theo',
    },
    open: 'Mở Ngày của tôi',
    footer: 'Thư này gửi mỗi ngày một lần. Đổi giờ nhận hoặc tắt trong phần cài đặt hồ sơ.',
  },
};

export const isEmptyDigest = (c: DigestContent) =>
  c.overdue.length === 0 && c.dueToday.length === 0 && c.attention.length === 0;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The digest as a plain-text and an HTML body, in the user's language and time zone. */
export function renderDigest(
  content: DigestContent,
  user: { name: string; locale: Locale },
  appUrl: string,
) {
  const t = strings[user.locale];
  const time = new Intl.DateTimeFormat(user.locale, {
    timeZone: content.timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  });
  const activityLine = (a: DigestContent['dueToday'][number]) =>
    [
      a.subject,
      a.allDay ? null : time.format(new Date(a.dueAt)),
      a.deal
        ? `${a.deal.title} (${formatMoney(a.deal.value, a.deal.currency, user.locale)})`
        : null,
    ]
      .filter(Boolean)
      .join(' · ');
  const dealLine = (d: DigestContent['attention'][number]) =>
    `${d.title} (${formatMoney(d.value, d.currency, user.locale)}): ${d.flags
      .map((f) => t.flags[f] ?? f)
      .join(', ')}`;
  const sections = [
    { title: t.overdue, lines: content.overdue.map(activityLine) },
    { title: t.today, lines: content.dueToday.map(activityLine) },
    { title: t.attention, lines: content.attention.map(dealLine) },
  ].filter((s) => s.lines.length > 0);
  const link = `${appUrl.replace(/\/$/, '')}/my-day`;
  const text = [
    t.greeting(user.name),
    ...sections.map((s) => `\n${s.title}\n${s.lines.map((l) => `- ${l}`).join('\n')}`),
    `\n${t.open}: ${link}`,
    `\n${t.footer}`,
  ].join('\n');
  const html = `<!doctype html><html lang="${user.locale}"><body style="font-family:system-ui,sans-serif;line-height:1.5">
<p>${escapeHtml(t.greeting(user.name))}</p>
${sections
  .map(
    (s) =>
      `<h3>${escapeHtml(s.title)}</h3><ul>${s.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
  )
  .join('\n')}
<p><a href="${escapeHtml(link)}">${escapeHtml(t.open)}</a></p>
<p style="color:#666;font-size:12px">${escapeHtml(t.footer)}</p></body></html>`;
  const count = content.overdue.length + content.dueToday.length;
  return { subject: t.subject(content.date, count), text, html };
}
