import { randomUUID } from 'node:crypto';
import { domainOf, foldText, normalisePhone, searchDocument } from '../../../domain/normalise.js';
import { findOwner } from './import-lookups.js';
import type { ImportedRecord } from './import-records.repository.js';
import type { RowCheck } from './row-check.js';
import type { CheckContext } from './deal-rows.js';
import type { Keyed, WriteContext, WriteResult } from './write-context.js';

export type CompanyPlan = {
  name: string;
  website: string | null;
  phone: string | null;
  industry: string | null;
  address: string | null;
  ownerId: string | null;
};

export function checkCompanyRow(c: RowCheck, ctx: CheckContext): CompanyPlan | null {
  const name = c.required('name');
  const website = c.text('website') || null;
  if (website && !domainOf(website)) c.fail('website', `"${website}" is not a web address`);
  let ownerId: string | null = null;
  if (c.text('owner')) {
    const owner = findOwner(ctx.lookups, c.text('owner'));
    if ('problem' in owner) c.fail('owner', owner.problem);
    else ownerId = owner.id;
  }
  if (!c.ok || !name) return null;
  return {
    name,
    website,
    phone: c.text('phone') ? normalisePhone(c.text('phone')) : null,
    industry: c.text('industry') || null,
    address: c.text('address') || null,
    ownerId,
  };
}

/** Inserts the batch's companies as the companies service would (domain, search text). */
export async function writeCompanies(
  ctx: WriteContext,
  rows: Keyed<CompanyPlan>[],
): Promise<WriteResult> {
  const values = rows.map(({ plan }) => {
    const domain = plan.website ? domainOf(plan.website) : null;
    return {
      id: randomUUID(),
      workspace_id: ctx.workspaceId,
      name: plan.name,
      website: plan.website,
      domain,
      phone: plan.phone,
      industry: plan.industry,
      address: plan.address,
      owner_id: plan.ownerId,
      search_document: searchDocument(plan.name, domain),
    };
  });
  // In chunks: a statement takes at most 65,535 parameters.
  for (let i = 0; i < values.length; i += 1000)
    await ctx.trx
      .insertInto('companies')
      .values(values.slice(i, i + 1000))
      .execute();
  const newCompanies = new Map<string, string>();
  for (const v of values)
    if (!ctx.lookups.companiesByName.has(foldText(v.name)))
      newCompanies.set(foldText(v.name), v.id);
  return {
    records: rows.map((r, i) => ({
      entity: 'companies',
      externalId: r.externalId,
      recordId: values[i]!.id,
    })),
    newCompanies,
  };
}

/**
 * Companies named on deal or contact rows: an existing one by name, else a new one, recorded as
 * part of the batch (so undoing the batch removes it too).
 */
export async function ensureCompanies(ctx: WriteContext, names: (string | null)[]) {
  const ids = new Map<string, string>();
  const created: ImportedRecord[] = [];
  const values = [];
  for (const name of names) {
    if (!name) continue;
    const key = foldText(name);
    if (ids.has(key)) continue;
    const known = ctx.lookups.companiesByName.get(key);
    if (known) {
      ids.set(key, known);
      continue;
    }
    const id = randomUUID();
    ids.set(key, id);
    values.push({
      id,
      workspace_id: ctx.workspaceId,
      name,
      search_document: searchDocument(name),
    });
    created.push({ entity: 'companies', externalId: `name:${key}`, recordId: id });
  }
  for (let i = 0; i < values.length; i += 1000)
    await ctx.trx
      .insertInto('companies')
      .values(values.slice(i, i + 1000))
      .execute();
  const newCompanies = new Map(created.map((r) => [r.externalId.slice(5), r.recordId]));
  return {
    idOf: (name: string | null) => (name ? ids.get(foldText(name)) : undefined) ?? null,
    created,
    newCompanies,
  };
}
