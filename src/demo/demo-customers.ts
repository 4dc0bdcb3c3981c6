import { foldText, normalisePhone, searchDocument } from '../domain/normalise.js';
import type { Random } from '../domain/random.js';
import { DAY_MS, MINUTE_MS } from './demo-calendar.js';
import type { DemoAccount, DemoCompany, DemoContact, DemoOrganisation } from './demo-types.js';
import * as names from './names.js';
import type { Market } from './names.js';

type Customers = Pick<DemoOrganisation, 'companies' | 'contacts' | 'accounts'>;

const slug = (text: string) => foldText(text).replace(/[^a-z0-9-]/g, '');
const digits = (rng: Random, n: number) => String(rng.int(10 ** (n - 1), 10 ** n - 1));
const vnMobile = (rng: Random) => `+84 9${rng.int(0, 9)} ${digits(rng, 3)} ${digits(rng, 4)}`;

/**
 * The customers: companies (three in five Vietnamese) with 1-3 contacts each at the company's
 * domain, each company looked after by a seller of its market.
 */
export function planCustomers(
  rng: Random,
  workspaceId: string,
  count: number,
  startMs: number,
  sellers: DemoOrganisation['sellers'],
): Customers {
  const companies: DemoCompany[] = [];
  const contacts: DemoContact[] = [];
  const accounts: DemoAccount[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < count; i++) {
    const market: Market = i % 5 < 3 ? 'vn' : 'intl';
    const company = planCompany(rng, market, taken);
    const ownerId = rng.weighted(sellers[market]);
    const createdAt = new Date(startMs + rng.int(0, 80) * DAY_MS + rng.int(0, 600) * MINUTE_MS);
    const id = rng.uuid();
    const base = { workspace_id: workspaceId, owner_id: ownerId };
    companies.push({ ...base, ...company.row, id, created_at: createdAt, updated_at: createdAt });
    const emails = new Set<string>();
    const contactIds = Array.from({ length: rng.int(1, 3) }, () => {
      const p = planContact(rng, market, company.office);
      let local = p.local;
      for (let n = 2; emails.has(local); n++) local = `${p.local}${n}`;
      emails.add(local);
      const email = `${local}@${company.row.domain}`;
      const phone = normalisePhone(p.phone);
      const contactAt = new Date(createdAt.getTime() + rng.int(1, 120) * MINUTE_MS);
      const contact = {
        ...base,
        id: rng.uuid(),
        company_id: id,
        name: p.name,
        email,
        phone,
        job_title: p.jobTitle,
        search_document: searchDocument(p.name, email, phone),
        created_at: contactAt,
        updated_at: contactAt,
      };
      contacts.push(contact);
      return contact.id;
    });
    const { name } = company.row;
    accounts.push({ id, name, shortName: company.shortName, market, ownerId, contactIds });
  }
  return { companies, contacts, accounts };
}

type Office = (typeof names.INTL_OFFICES)[number];

function planCompany(rng: Random, market: Market, taken: Set<string>) {
  const cores = market === 'vn' ? names.VN_CORES : names.INTL_CORES;
  let core: string;
  let sector: names.Sector;
  // 240+ pairs per market, and at most 72 companies of one market: this always ends quickly.
  do {
    core = rng.pick(cores);
    sector = rng.pick(names.SECTORS);
  } while (taken.has(`${core}/${sector.slug}`));
  taken.add(`${core}/${sector.slug}`);
  const office = rng.pick(names.INTL_OFFICES);
  let name: string, domain: string, phone: string, address: string;
  if (market === 'vn') {
    name = rng.pick([
      `${core} ${sector.en}`,
      `Công ty ${sector.vi} ${core}`,
      `${core} ${sector.en} JSC`,
    ]);
    domain = `${slug(core)}${sector.slug}.${rng.pick(['vn', 'com.vn'])}`;
    phone = `+84 28 ${rng.int(3800, 3999)} ${digits(rng, 4)}`;
    address = `${rng.int(1, 250)} ${rng.pick(names.VN_STREETS)}, ${rng.pick(names.VN_CITIES)}`;
  } else {
    name = `${core} ${sector.en} ${office.legal}`;
    domain = `${slug(core)}${sector.slug}.${office.tld}`;
    phone = rng.chance(0.3)
      ? `+84 28 ${rng.int(3800, 3999)} ${digits(rng, 4)}`
      : `${office.phone}${digits(rng, 7)}`;
    address = office.city;
  }
  const row = {
    name,
    domain,
    website: `https://www.${domain}`,
    phone: normalisePhone(phone),
    industry: sector.industry,
    address,
    search_document: searchDocument(name, domain),
  };
  return { row, office, shortName: core };
}

function planContact(rng: Random, market: Market, office: Office) {
  const vietnamese = rng.chance(market === 'vn' ? 0.85 : 0.3);
  if (vietnamese) {
    const family = rng.pick(names.VN_FAMILY);
    const pool = rng.chance(0.5) ? names.VN_MALE : names.VN_FEMALE;
    const given = rng.pick(pool.given);
    const name = `${family} ${rng.pick(pool.middle)} ${given}`;
    const titles = market === 'vn' && rng.chance(0.5) ? names.JOB_TITLES_VI : names.JOB_TITLES_EN;
    return {
      name,
      local: `${slug(given)}.${slug(family)}`,
      phone: vnMobile(rng),
      jobTitle: rng.pick(titles),
    };
  }
  const first = rng.pick(names.INTL_FIRST);
  const last = rng.pick(names.INTL_LAST);
  const phone = rng.chance(0.5) ? vnMobile(rng) : `${office.phone}${digits(rng, 7)}`;
  return {
    name: `${first} ${last}`,
    local: `${slug(first)}.${slug(last)}`,
    phone,
    jobTitle: rng.pick(names.JOB_TITLES_EN),
  };
}
