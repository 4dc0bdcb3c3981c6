import type { SearchHit } from './api/use-search';

export const groupOrder = ['deal', 'contact', 'company'] as const;
export type HitType = (typeof groupOrder)[number];

export type Group = { type: HitType; hits: { hit: SearchHit; index: number }[] };

/**
 * Hits grouped by type (deals, contacts, companies), best first within each; `index` numbers
 * them in reading order so the arrow keys walk through groups as they appear.
 */
export function groupResults(hits: SearchHit[]): Group[] {
  let index = 0;
  return groupOrder
    .map((type) => ({
      type,
      hits: hits.filter((h) => h.type === type).map((hit) => ({ hit, index: index++ })),
    }))
    .filter((g) => g.hits.length > 0);
}

export const pathOf = (hit: SearchHit) =>
  `/${hit.type === 'company' ? 'companies' : `${hit.type}s`}/${hit.id}`;
