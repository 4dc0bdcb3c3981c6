import type { DealStatus } from '../../../db/schema.js';
import {
  isDateOnly,
  type Parsed,
  parseAmountMinor,
  parseBoolean,
  parseDate,
  parseInstant,
  parsePercent,
  parseStatus,
} from '../../../domain/import-values.js';
import { currencyExponent, isKnownCurrency } from '../../../domain/money.js';
import type { CrmPreset } from './crm-presets.js';
import { resolveStage, startOf, type NewStage } from './deal-stage-check.js';
import { findOwner, findPipeline, type LookupStage, type Lookups } from './import-lookups.js';
import { companyById, contactsOf } from './record-links.js';
import type { RowCheck } from './row-check.js';

/** The user's choices for deals: default pipeline, stage renames, creating unknown stages. */
export type DealImportOptions = {
  pipeline?: string | undefined;
  /** Folded stage name in the file -> name of an existing stage. */
  stageMap: ReadonlyMap<string, string>;
  createStages: boolean;
};

export type CheckContext = {
  lookups: Lookups;
  /** Creation time for rows without one; fixed for the run, so both passes agree. */
  now: Date;
  decimalComma: boolean;
  deals: DealImportOptions;
  /** The CRM export layout the file is read as, if any (its stage names and date order). */
  preset: CrmPreset | null;
};

export type { NewStage } from './deal-stage-check.js';

/** A deal row checked and resolved: everything the writer needs, nothing left to look up. */
export type DealPlan = {
  title: string;
  pipelineId: string;
  /** The stage the deal was created in, and the one it is in now (equal when it never moved). */
  startStage: LookupStage;
  stage: LookupStage;
  status: DealStatus;
  value: number;
  currency: string;
  ownerId: string | null;
  companyName: string | null;
  /** The company found by the id it was imported with; before companyName. */
  companyId: string | null;
  contactIds: string[];
  expectedCloseDate: string | null;
  source: string | null;
  lostReason: string | null;
  probability: number | null;
  createdAt: Date;
  /** When the deal entered `stage`; when it closed, for won and lost deals. */
  stageEnteredAt: Date;
  closedAt: Date | null;
  newStage: NewStage | null;
};

/**
 * The status the row's flags give (Salesforce's IsClosed and IsWon): not closed is open; closed
 * is won or lost by IsWon. Null when the row has no such flags.
 */
function statusFromFlags(c: RowCheck): DealStatus | null {
  const won = c.parse('won', parseBoolean);
  const closed = c.parse('closed', parseBoolean);
  if (closed === false && won) {
    c.fail('won', 'is true, but the deal is not closed');
    return null;
  }
  if (closed === false) return 'open';
  if (closed) return won === null ? null : won ? 'won' : 'lost';
  return won ? 'won' : null;
}

/** Checks one deal row against the workspace; null (with its problems recorded) when it is wrong. */
export function checkDealRow(c: RowCheck, ctx: CheckContext): DealPlan | null {
  const { lookups } = ctx;
  const title = c.required('title');
  const pipelineName = c.text('pipeline') || ctx.deals.pipeline;
  const pipeline = pipelineName ? findPipeline(lookups, pipelineName) : lookups.pipelines[0];
  if (!pipeline)
    return c.fail(
      'pipeline',
      `there is no pipeline "${pipelineName}" (there are: ${lookups.pipelines.map((p) => `"${p.name}"`).join(', ')})`,
    );
  const currency = (c.text('currency') || lookups.defaultCurrency).toUpperCase();
  if (!isKnownCurrency(currency))
    return c.fail('currency', `"${c.text('currency')}" is not an ISO 4217 currency code`);
  const value =
    c.parse('value', (t) => parseAmountMinor(t, currencyExponent(currency), ctx.decimalComma)) ?? 0;
  const statusText = c.parse('status', parseStatus);
  const flagged = statusFromFlags(c);
  if (statusText && flagged && statusText !== flagged)
    return c.fail('status', `is ${statusText}, but the won and closed columns say ${flagged}`);
  const writtenStatus = statusText ?? flagged;
  const choices = { ...ctx.deals, preset: ctx.preset };
  const firstOpen = pipeline.stages.find((s) => s.kind === 'open');
  const byKind = (kind: DealStatus) => pipeline.stages.find((s) => s.kind === kind);

  let resolved: { stage: LookupStage; newStage: NewStage | null } | null = null;
  if (c.text('stage')) resolved = resolveStage(c, choices, pipeline, 'stage');
  else {
    const stage = byKind(writtenStatus ?? 'open') ?? firstOpen;
    if (!stage)
      return c.fail('stage', `is empty and pipeline "${pipeline.name}" has no stage to default to`);
    resolved = { stage, newStage: null };
  }
  const createdIn = c.text('createdInStage')
    ? resolveStage(c, choices, pipeline, 'createdInStage')
    : null;
  if (!resolved || !c.ok) return null;
  if (createdIn && createdIn.stage.kind !== 'open')
    return c.fail('createdInStage', `"${createdIn.stage.name}" is not an open stage`);

  const status = writtenStatus ?? (resolved.stage.kind === 'open' ? 'open' : resolved.stage.kind);
  if (resolved.stage.kind !== 'open' && resolved.stage.kind !== status)
    return c.fail(
      'status',
      `is ${status} but stage "${resolved.stage.name}" holds ${resolved.stage.kind} deals`,
    );
  // A closed deal written with the open stage it was in goes on to the pipeline's won/lost stage.
  const stage =
    status !== 'open' && resolved.stage.kind === 'open'
      ? (byKind(status) ?? resolved.stage)
      : resolved.stage;

  const order = ctx.preset?.dateOrder ?? 'ymd';
  const instant = (t: string) => parseInstant(t, lookups.timeZone, order);
  const createdAt = c.parse('createdAt', instant) ?? ctx.now;
  const enteredAt = c.parse('stageEnteredAt', instant);
  const close = closingOf(c, status, instant);
  const expectedCloseDate =
    c.parse('expectedCloseDate', (t) => parseDate(t, order)) ??
    (status === 'open' && c.text('closeDate')
      ? c.parse('closeDate', (t) => parseDate(t.split(/[ T]/)[0] as string, order))
      : null);
  const probability = c.parse('probability', parsePercent);
  if (!c.ok) return null;
  // A close written as a bare date, on the day the deal was created: it closed after its creation.
  let closedAt = close.at;
  if (closedAt && close.dateOnly && closedAt < createdAt && +createdAt - +closedAt < 86_400_000)
    closedAt = createdAt;
  for (const [field, at] of [
    ['createdAt', createdAt],
    ['stageEnteredAt', enteredAt],
    [close.field, closedAt],
  ] as const)
    if (at && at.getTime() > ctx.now.getTime() + 60_000) return c.fail(field, 'is in the future');
  if (status === 'open' && c.text('closedAt'))
    return c.fail('closedAt', 'is set, but the deal is open');
  if (status !== 'open' && !closedAt)
    return c.fail(close.field, `is empty; a ${status} deal needs the time it closed`);
  if (closedAt && closedAt < createdAt)
    return c.fail(close.field, 'is before the time the deal was created');
  if (enteredAt && enteredAt < createdAt)
    return c.fail('stageEnteredAt', 'is before the time the deal was created');
  const lostReason = c.text('lostReason') || null;
  if (lostReason && status !== 'lost')
    return c.fail('lostReason', `is set, but the deal is ${status}`);

  let ownerId: string | null = null;
  if (c.text('owner')) {
    const owner = findOwner(lookups, c.text('owner'));
    if ('problem' in owner) return c.fail('owner', owner.problem);
    ownerId = owner.id;
  }
  const companyId = companyById(c, lookups.records);
  const contactIds = contactsOf(c, lookups.records);
  if (!c.ok) return null;
  const startStage =
    createdIn?.stage ?? startOf(status, resolved.stage, stage, createdAt, enteredAt, firstOpen);
  // The closing move happens when the deal closed; an open deal's last move when it entered.
  const movedAt = status === 'open' ? (enteredAt ?? createdAt) : (closedAt as Date);
  return {
    title: title as string,
    pipelineId: pipeline.id,
    startStage,
    stage,
    status,
    value,
    currency,
    ownerId,
    companyName: c.text('company') || null,
    companyId,
    contactIds,
    expectedCloseDate,
    source: c.text('source') || null,
    lostReason,
    probability,
    createdAt,
    stageEnteredAt: startStage === stage ? createdAt : movedAt,
    closedAt,
    newStage: resolved.newStage,
  };
}

type CloseField = 'closedAt' | 'closeDate' | 'wonAt' | 'lostAt';

/**
 * When a closed deal closed, and the column that says so: Closed at; else the CRM's won or lost
 * time for its status (Pipedrive); else its close date, which for a closed deal is the day it
 * closed (Salesforce, HubSpot). The field named in problems is the one read, or closedAt.
 */
function closingOf(
  c: RowCheck,
  status: DealStatus,
  instant: (t: string) => Parsed<Date>,
): { at: Date | null; field: CloseField; dateOnly: boolean } {
  const candidates: CloseField[] =
    status === 'open'
      ? ['closedAt']
      : ['closedAt', status === 'won' ? 'wonAt' : 'lostAt', 'closeDate'];
  for (const field of candidates)
    if (c.text(field))
      return { at: c.parse(field, instant), field, dateOnly: isDateOnly(c.text(field)) };
  return { at: null, field: 'closedAt', dateOnly: false };
}
