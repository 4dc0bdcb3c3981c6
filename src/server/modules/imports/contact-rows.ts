import { randomUUID } from 'node:crypto';
import { parseEmail } from '../../../domain/import-values.js';
import { normalisePhone, searchDocument } from '../../../domain/normalise.js';
import { ensureCompanies } from './company-rows.js';
import type { CheckContext } from './deal-rows.js';
import { findOwner } from './import-lookups.js';
import { companyById } from './record-links.js';
import type { RowCheck } from './row-check.js';
import type { Keyed, WriteContext, WriteResult } from './write-context.js';

export type ContactPlan = {
  name: string;
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  companyName: string | null;
  /** The company found by the id it was imported with; before companyName. */
  companyId: string | null;
  ownerId: string | null;
};

export function checkContactRow(c: RowCheck, ctx: CheckContext): ContactPlan | null {
  const name =
    c.text('name') || [c.text('firstName'), c.text('lastName')].filter(Boolean).join(' ');
  if (!name)
    c.fail(c.input.cells.has('name') ? 'name' : 'firstName', 'is empty; a name is required');
  const email = c.parse('email', parseEmail);
  let ownerId: string | null = null;
  if (c.text('owner')) {
    const owner = findOwner(ctx.lookups, c.text('owner'));
    if ('problem' in owner) c.fail('owner', owner.problem);
    else ownerId = owner.id;
  }
  const companyId = companyById(c, ctx.lookups.records);
  if (!c.ok) return null;
  return {
    name,
    email,
    phone: c.text('phone') ? normalisePhone(c.text('phone')) : null,
    jobTitle: c.text('jobTitle') || null,
    companyName: c.text('company') || null,
    companyId,
    ownerId,
  };
}

/** Inserts the batch's contacts as the contacts service would, with their companies. */
export async function writeContacts(
  ctx: WriteContext,
  rows: Keyed<ContactPlan>[],
): Promise<WriteResult> {
  const companies = await ensureCompanies(
    ctx,
    rows.map((r) => (r.plan.companyId ? null : r.plan.companyName)),
  );
  const values = rows.map(({ plan }) => ({
    id: randomUUID(),
    workspace_id: ctx.workspaceId,
    company_id: plan.companyId ?? companies.idOf(plan.companyName),
    name: plan.name,
    email: plan.email,
    phone: plan.phone,
    job_title: plan.jobTitle,
    owner_id: plan.ownerId,
    search_document: searchDocument(plan.name, plan.email, plan.phone),
  }));
  for (let i = 0; i < values.length; i += 1000)
    await ctx.trx
      .insertInto('contacts')
      .values(values.slice(i, i + 1000))
      .execute();
  return {
    records: [
      ...companies.created,
      ...rows.map((r, i) => ({
        entity: 'contacts' as const,
        externalId: r.externalId,
        recordId: values[i]!.id,
      })),
    ],
    newCompanies: companies.newCompanies,
  };
}
