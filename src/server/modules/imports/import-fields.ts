import { foldText } from '../../../domain/normalise.js';

// What each importable entity reads, and the column headers that match each field on their own:
// common English names, and the deals export's own headers in English and Vietnamese, so that an
// exported file imports back without any --map.

export type ImportableEntity = 'companies' | 'contacts' | 'deals' | 'activities';

export const dealFields = [
  'externalId',
  'title',
  'pipeline',
  'stage',
  'createdInStage',
  'status',
  'value',
  'currency',
  'owner',
  'company',
  'companyId',
  'contact',
  'contactId',
  'expectedCloseDate',
  'closeDate',
  'source',
  'lostReason',
  'probability',
  'createdAt',
  'stageEnteredAt',
  'closedAt',
  'won',
  'closed',
  'wonAt',
  'lostAt',
] as const;
export const companyFields = [
  'externalId',
  'name',
  'website',
  'phone',
  'industry',
  'address',
  'owner',
] as const;
export const contactFields = [
  'externalId',
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'jobTitle',
  'company',
  'companyId',
  'owner',
] as const;

export const activityFields = [
  'externalId',
  'type',
  'subject',
  'body',
  'dueAt',
  'durationMinutes',
  'done',
  'doneAt',
  'owner',
  'deal',
  'contact',
  'company',
] as const;

export type DealField = (typeof dealFields)[number];
export type CompanyField = (typeof companyFields)[number];
export type ContactField = (typeof contactFields)[number];
export type ActivityField = (typeof activityFields)[number];
export type ImportField = DealField | CompanyField | ContactField | ActivityField;

export const fieldsOf: Record<ImportableEntity, readonly ImportField[]> = {
  deals: dealFields,
  companies: companyFields,
  contacts: contactFields,
  activities: activityFields,
};

/** Fields a file must have a column for (contacts may give first and last name instead). */
export const requiredFields: Record<ImportableEntity, readonly ImportField[]> = {
  deals: ['title'],
  companies: ['name'],
  contacts: [],
  activities: ['subject'],
};

const common: Partial<Record<ImportField, string[]>> = {
  externalId: ['id', 'external id', 'externalid', 'record id', 'import id'],
  owner: ['owner', 'owner email', 'owner name', 'assigned to', 'sales agent', 'nguoi phu trach'],
  phone: ['phone', 'phone number', 'telephone', 'so dien thoai'],
  company: ['company', 'company name', 'organization', 'organisation', 'account', 'cong ty'],
};

const aliases: Record<ImportableEntity, Partial<Record<ImportField, string[]>>> = {
  deals: {
    ...common,
    externalId: [...(common.externalId ?? []), 'deal id', 'opportunity id'],
    title: ['title', 'deal', 'deal title', 'deal name', 'opportunity', 'ten giao dich'],
    pipeline: ['pipeline', 'quy trinh ban hang'],
    stage: ['stage', 'deal stage', 'giai doan'],
    createdInStage: ['created in stage', 'first stage'],
    status: ['status', 'trang thai'],
    value: ['value', 'amount', 'deal value', 'close value', 'gia tri'],
    currency: ['currency', 'tien te'],
    expectedCloseDate: ['expected close date', 'expected close', 'ngay du kien chot'],
    source: ['source', 'lead source', 'nguon'],
    lostReason: ['lost reason', 'ly do that bai'],
    probability: ['probability', 'probability (%)', 'xac suat (%)'],
    createdAt: ['created at', 'created', 'created date', 'add time', 'ngay tao'],
    stageEnteredAt: ['entered stage at', 'stage entered at', 'ngay vao giai doan'],
    closedAt: ['closed at', 'closed date', 'ngay dong'],
    closeDate: ['close date'],
    companyId: ['company id', 'organization id', 'account id'],
    contact: ['contact', 'contact person', 'person', 'contact email'],
    contactId: ['contact id', 'person id', 'contact ids'],
    won: ['won', 'is won'],
    closed: ['closed', 'is closed'],
    wonAt: ['won at', 'won time'],
    lostAt: ['lost at', 'lost time'],
  },
  companies: {
    ...common,
    name: ['name', 'company', 'company name', 'organization', 'organisation', 'account'],
    website: ['website', 'web site', 'url', 'domain', 'web'],
    industry: ['industry', 'sector'],
    address: ['address', 'location', 'office location', 'headquarters', 'dia chi'],
  },
  contacts: {
    ...common,
    name: ['name', 'full name', 'contact', 'contact name', 'person', 'ho ten'],
    firstName: ['first name', 'firstname', 'given name'],
    lastName: ['last name', 'lastname', 'surname', 'family name'],
    email: ['email', 'e-mail', 'email address', 'mail'],
    jobTitle: ['job title', 'title', 'position', 'role', 'chuc vu'],
    companyId: ['company id', 'organization id', 'account id'],
  },
  activities: {
    externalId: common.externalId ?? [],
    owner: common.owner ?? [],
    company: common.company ?? [],
    type: ['type', 'activity type', 'kind', 'loai'],
    subject: ['subject', 'title', 'activity', 'tieu de'],
    body: ['body', 'note', 'notes', 'description', 'details', 'noi dung'],
    dueAt: ['due', 'due at', 'due date', 'date', 'when', 'han'],
    durationMinutes: ['duration', 'duration minutes', 'duration (minutes)', 'minutes'],
    done: ['done', 'completed', 'is done'],
    doneAt: ['done at', 'completed at', 'done time'],
    deal: ['deal', 'deal id', 'opportunity id', 'opportunity'],
    contact: ['contact', 'contact email', 'person', 'email'],
  },
};

/** A header as it is compared: folded ("Ngày tạo" -> "ngay tao"), "_" and "-" as spaces. */
export function headerKey(header: string): string {
  return foldText(header.replace(/[_-]+/g, ' '));
}

/** The field a header matches on its own, if any. */
export function fieldForHeader(entity: ImportableEntity, header: string): ImportField | undefined {
  const key = headerKey(header);
  for (const [field, names] of Object.entries(aliases[entity]))
    if (names?.some((n) => headerKey(n) === key)) return field as ImportField;
  return undefined;
}
