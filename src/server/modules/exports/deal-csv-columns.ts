import type { DealColumn } from '../../../contracts/views.js';
import { decimalAmount, type CsvCell } from '../../../domain/csv.js';
import { currencyExponent } from '../../../domain/money.js';
import type { toDeal } from '../deals/deals.repository.js';

type Deal = ReturnType<typeof toDeal>;

/** What a cell needs beyond the deal itself: names looked up once per export or per batch. */
export type ExportLookups = {
  stageName: (id: string) => string;
  pipelineName: (id: string) => string;
  contactNames: (ids: string[]) => string;
  /** Timestamps are written in the workspace's time zone, as spreadsheets show them. */
  localTime: (iso: string) => string;
};

export const headers: Record<'en' | 'vi', Record<DealColumn, string>> = {
  en: {
    title: 'Title',
    stage: 'Stage',
    pipeline: 'Pipeline',
    value: 'Value',
    currency: 'Currency',
    owner: 'Owner',
    company: 'Company',
    contacts: 'Contacts',
    expectedCloseDate: 'Expected close date',
    source: 'Source',
    status: 'Status',
    lostReason: 'Lost reason',
    probability: 'Probability (%)',
    createdAt: 'Created at',
    closedAt: 'Closed at',
    stageEnteredAt: 'Entered stage at',
    nextStep: 'Next step',
  },
  vi: {
    title: 'Tên giao dịch',
    stage: 'Giai đoạn',
    pipeline: 'Quy trình bán hàng',
    value: 'Giá trị',
    currency: 'Tiền tệ',
    owner: 'Người phụ trách',
    company: 'Công ty',
    contacts: 'Người liên hệ',
    expectedCloseDate: 'Ngày dự kiến chốt',
    source: 'Nguồn',
    status: 'Trạng thái',
    lostReason: 'Lý do thất bại',
    probability: 'Xác suất (%)',
    createdAt: 'Ngày tạo',
    closedAt: 'Ngày đóng',
    stageEnteredAt: 'Ngày vào giai đoạn',
    nextStep: 'Bước tiếp theo',
  },
};

const exponents = new Map<string, number>();
const exponentOf = (currency: string) => {
  let e = exponents.get(currency);
  if (e === undefined) exponents.set(currency, (e = currencyExponent(currency)));
  return e;
};

export const cellOf: Record<DealColumn, (d: Deal, x: ExportLookups) => CsvCell> = {
  title: (d) => d.title,
  stage: (d, x) => x.stageName(d.stageId),
  pipeline: (d, x) => x.pipelineName(d.pipelineId),
  // Major units with the currency's own decimals (VND none, USD two), exact.
  value: (d) => decimalAmount(d.value, exponentOf(d.currency)),
  currency: (d) => d.currency,
  owner: (d) => d.ownerName,
  company: (d) => d.companyName,
  contacts: (d, x) => x.contactNames(d.contactIds),
  expectedCloseDate: (d) => d.expectedCloseDate,
  source: (d) => d.source,
  status: (d) => d.status,
  lostReason: (d) => d.lostReason,
  probability: (d) => d.effectiveProbability,
  createdAt: (d, x) => x.localTime(d.createdAt),
  closedAt: (d, x) => (d.closedAt ? x.localTime(d.closedAt) : null),
  stageEnteredAt: (d, x) => x.localTime(d.stageEnteredAt),
  // "Call customer (2026-03-10 10:00:00)"; empty when there is none (noNextStep says why).
  nextStep: (d, x) =>
    d.nextActivity ? `${d.nextActivity.subject} (${x.localTime(d.nextActivity.dueAt)})` : null,
};
