import type { DealVisibility, Role } from '../../../db/schema.js';

/** The authenticated caller, as every service sees it. */
export type Actor = {
  id: string;
  workspaceId: string;
  role: Role;
  visibility: DealVisibility;
};

export type AuthUser = Actor & {
  email: string;
  name: string;
  via: 'session' | 'token';
};
