// The review as a PDF, drawn on the server with pdfkit in Be Vietnam Pro (a font shipped in an npm
// package that covers Vietnamese; pdfkit's built-in fonts have no ạ, ề or ữ), so it renders on a
// machine with no system fonts. The fonts are embedded as subsets. See docs/decisions/0010.
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { PipelineReview, ReviewDeal } from '../../../contracts/review.js';
import { formatMoney } from '../../../domain/money.js';
import { fill, reviewLabels, type ReviewLang } from './review-labels.js';

const require = createRequire(import.meta.url);
const font = (file: string) => require.resolve(`@expo-google-fonts/be-vietnam-pro/${file}`);
const REGULAR = font('400Regular/BeVietnamPro_400Regular.ttf');
const BOLD = font('700Bold/BeVietnamPro_700Bold.ttf');

type Labels = ReturnType<typeof reviewLabels>;

const at = (iso: string, zone: string, lang: ReviewLang) =>
  new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: zone,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));

/** The one line saying what happened to the deal in this section. */
function detail(d: ReviewDeal, lang: ReviewLang): string {
  const money = (v: number, c: string) => formatMoney(v, c, lang);
  const parts = [`${d.ownerName} · ${d.stageName} · ${money(d.value, d.currency)}`];
  if (d.stage) parts.push(`${d.stage.fromName} → ${d.stage.toName}`);
  if (d.closeDate) parts.push(`${d.closeDate.from} → ${d.closeDate.to} (+${d.closeDate.days})`);
  if (d.valueChange) {
    const { from, to } = d.valueChange;
    parts.push(`${money(from.value, from.currency)} → ${money(to.value, to.currency)}`);
  }
  if (d.closed?.lostReason) parts.push(d.closed.lostReason);
  if (d.stalled) parts.push(`${d.stalled.idleDays} / ${d.stalled.rottingDays}`);
  if (!d.stage && !d.closeDate && d.expectedCloseDate) parts.push(d.expectedCloseDate);
  return parts.join(' · ');
}

function summary(doc: PDFKit.PDFDocument, r: PipelineReview, l: Labels, lang: ReviewLang) {
  const money = (v: number) => formatMoney(v, r.forecast.currency, lang);
  doc.font('bold').fontSize(12).text(l.quota);
  const q = r.quota;
  const amount = (v: number) => (q?.kind === 'amount' ? money(v) : `${v} ${l.deals}`);
  doc
    .font('regular')
    .fontSize(10)
    .text(
      q
        ? fill(l.attainment, {
            target: amount(q.target),
            achieved: amount(q.achieved),
            gap: amount(q.gap),
          })
        : l.noQuota,
    );
  doc.moveDown(0.5);
  const f = r.forecast;
  doc.font('bold').fontSize(12).text(fill(l.forecast, f.period));
  const w = f.stageWeighted;
  const sign = w.change.amount >= 0 ? '+' : '−';
  doc
    .font('regular')
    .fontSize(10)
    .text(
      fill(l.weighted, {
        now: money(w.now.amount),
        weekAgo: money(w.weekAgo.amount),
        change: `${sign}${money(Math.abs(w.change.amount))}`,
      }),
    )
    .text(
      fill(l.submitted, {
        now: f.submitted.now ? money(f.submitted.now.amount) : l.noSubmission,
        weekAgo: f.submitted.weekAgo ? money(f.submitted.weekAgo.amount) : l.noSubmission,
      }),
    );
}

function section(
  doc: PDFKit.PDFDocument,
  s: PipelineReview['sections'][number],
  l: Labels,
  lang: ReviewLang,
) {
  // Keep a heading with at least its first lines: a new page when little room is left.
  if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
  doc.moveDown(0.8);
  doc.font('bold').fontSize(13).text(`${l.sections[s.section]} (${s.count})`);
  if (s.totals.length > 0) {
    const totals = s.totals.map((t) => `${formatMoney(t.amount, t.currency, lang)} (${t.count})`);
    doc
      .font('regular')
      .fontSize(9)
      .fillColor('#555')
      .text(`${l.total}: ${totals.join(' · ')}`);
    doc.fillColor('black');
  }
  if (s.deals.length === 0) doc.font('regular').fontSize(10).text(l.none);
  for (const d of s.deals) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage();
    doc.font('bold').fontSize(10).text(d.title);
    doc.font('regular').fontSize(9).text(detail(d, lang), { indent: 10 });
  }
}

/** The PDF bytes of a review. `compress: false` leaves the streams readable (for inspection). */
export function reviewPdf(
  r: PipelineReview,
  lang: ReviewLang,
  options: { compress?: boolean } = {},
): Promise<Buffer> {
  const l = reviewLabels(lang);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
    compress: options.compress ?? true,
    info: { Title: `${l.title}: ${r.scope.name}` },
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('bold').fontSize(18).text(`${l.title}: ${r.scope.name}`);
  doc
    .font('regular')
    .fontSize(10)
    .text(
      fill(l.window, {
        since: at(r.since, r.timeZone, lang),
        until: at(r.until, r.timeZone, lang),
        zone: r.timeZone,
      }),
    );
  doc.moveDown();
  summary(doc, r, l, lang);
  for (const s of r.sections) section(doc, s, l, lang);
  doc.end();
  return done;
}
