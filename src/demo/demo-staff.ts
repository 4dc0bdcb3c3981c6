import type { Random } from '../domain/random.js';
import type { DemoOrganisation } from './demo-types.js';
import { PEOPLE, TEAM_NAMES, type Market } from './names.js';

type Staff = Pick<DemoOrganisation, 'users' | 'teams' | 'teamMembers' | 'sellers'>;

const MARKETS: readonly Market[] = ['vn', 'intl'];

/** The sales team besides the admin: two teams, each led by a manager who also sells a little. */
export function planStaff(rng: Random, workspaceId: string, at: Date): Staff {
  const base = { workspace_id: workspaceId, created_at: at, updated_at: at };
  const staff = PEOPLE.map((person) => ({
    person,
    user: {
      ...base,
      id: rng.uuid(),
      email: person.email,
      name: person.name,
      role: person.role,
      password_hash: null,
      ics_token_hash: null,
      locale: person.locale,
      timezone: null,
      active: true,
      digest_enabled: true,
      digest_hour: 8,
    },
  }));
  const teams = MARKETS.map((market) => ({
    ...base,
    id: rng.uuid(),
    name: TEAM_NAMES[market],
    manager_id:
      staff.find((s) => s.person.team === market && s.person.role === 'manager')?.user.id ?? null,
  }));
  const teamMembers = staff.map((s) => ({
    team_id: teams[MARKETS.indexOf(s.person.team)]?.id as string,
    user_id: s.user.id,
  }));
  const sellers: Staff['sellers'] = { vn: [], intl: [] };
  for (const { person, user } of staff) {
    sellers[person.team].push([user.id, person.role === 'manager' ? 0.3 : 1]);
  }
  return { users: staff.map((s) => s.user), teams, teamMembers, sellers };
}
