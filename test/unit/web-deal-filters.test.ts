import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultColumns,
  listColumns,
  nextSort,
  toggleColumn,
  type ListColumn,
} from '../../src/web/features/deals/model/deal-columns.js';
import {
  emptyState,
  exportSearch,
  listQueryParams,
  searchFromState,
  stateFromSearch,
  stateFromView,
  type DealListState,
} from '../../src/web/features/deals/model/list-params.js';

const PIPELINE = '0b6c1c3e-5a8f-4f0e-9a53-6a3c1d2e4f50';
const OWNER = 'a1b2c3d4-e5f6-4789-8abc-def012345678';

const full: DealListState = {
  filters: {
    q: 'Triển khai CRM',
    pipelineId: PIPELINE,
    ownerId: OWNER,
    status: 'open',
    source: 'Website & Referral',
    currency: 'VND',
    valueMin: 20_000_000,
    valueMax: 2_000_000_000,
    closeFrom: '2025-01-01',
    closeTo: '2025-12-31',
  },
  sort: 'value',
  order: 'asc',
  columns: ['title', 'owner', 'value', 'stageEnteredAt'],
};

const roundTrip = (state: DealListState) =>
  stateFromSearch(new URLSearchParams(searchFromState(state).toString()));

describe('deals list state in the URL', () => {
  it('leaves the defaults out, so /deals stays plain', () => {
    expect(searchFromState(emptyState()).toString()).toBe('');
    expect(stateFromSearch(new URLSearchParams())).toEqual(emptyState());
  });

  it('brings back every filter, the sort and the columns', () => {
    expect(roundTrip(full)).toEqual(full);
  });

  it('keeps a saved view id beside the state', () => {
    const search = searchFromState(full, 'view-1');
    expect(search.get('view')).toBe('view-1');
    expect(stateFromSearch(search)).toEqual(full);
  });

  it('writes the same URL for the same state, whatever order it was built in', () => {
    const reordered: DealListState = {
      ...full,
      filters: Object.fromEntries(Object.entries(full.filters).reverse()),
    };
    expect(searchFromState(reordered).toString()).toBe(searchFromState(full).toString());
  });

  it('drops what it does not understand instead of failing', () => {
    const state = stateFromSearch(
      new URLSearchParams(
        'ownerId=not-a-uuid&status=pending&valueMin=-5&valueMax=1.5&closeFrom=2025-13-01&currency=usd&sort=owner&order=up&cols=nope,title,title,value',
      ),
    );
    expect(state).toEqual({ ...emptyState(), columns: ['title', 'value'] });
  });

  it('trims search text and ignores blank values', () => {
    expect(stateFromSearch(new URLSearchParams('q=%20%20lan%20&source=%20')).filters).toEqual({
      q: 'lan',
    });
  });

  it('gives the API the filters and sort, and the export the columns and language too', () => {
    expect(listQueryParams(full)).toMatchObject({
      pipelineId: PIPELINE,
      valueMin: '20000000',
      sort: 'value',
      order: 'asc',
    });
    const csv = exportSearch(full, 'vi');
    expect(csv.get('columns')).toBe('title,owner,value,stageEnteredAt');
    expect(csv.get('lang')).toBe('vi');
    expect(exportSearch(emptyState(), 'fr').get('lang')).toBe('en');
  });

  it('applies a saved view, dropping columns the table does not offer', () => {
    const state = stateFromView({
      filters: { status: 'won' },
      sort: 'title',
      order: 'asc',
      columns: ['contacts', 'title'],
    });
    expect(state).toEqual({
      filters: { status: 'won' },
      sort: 'title',
      order: 'asc',
      columns: ['title'],
    });
  });

  it('survives a round trip for any valid state', () => {
    const text = fc
      .string({ maxLength: 40 })
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
    const date = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const state = fc.record({
      filters: fc.record(
        {
          q: text,
          source: text,
          pipelineId: fc.uuid(),
          stageId: fc.uuid(),
          teamId: fc.uuid(),
          status: fc.constantFrom('open' as const, 'won' as const, 'lost' as const),
          currency: fc.constantFrom('VND', 'USD', 'EUR'),
          valueMin: fc.nat(),
          valueMax: fc.nat(),
          closeFrom: date,
          closeTo: date,
        },
        { requiredKeys: [] },
      ),
      sort: fc.constantFrom(
        'createdAt' as const,
        'updatedAt' as const,
        'value' as const,
        'expectedCloseDate' as const,
        'title' as const,
      ),
      order: fc.constantFrom('asc' as const, 'desc' as const),
      columns: fc.subarray([...listColumns], { minLength: 1 }).map((cols) => cols as ListColumn[]),
    });
    fc.assert(
      fc.property(state, (s) => {
        expect(roundTrip(s)).toEqual(s);
      }),
    );
  });
});

describe('deals table columns and sort', () => {
  it('toggles the order on the same column; a new column starts in its natural order', () => {
    expect(nextSort({ sort: 'value', order: 'desc' }, 'value')).toEqual({
      sort: 'value',
      order: 'asc',
    });
    expect(nextSort({ sort: 'value', order: 'asc' }, 'title')).toEqual({
      sort: 'title',
      order: 'asc',
    });
    expect(nextSort({ sort: 'title', order: 'asc' }, 'createdAt')).toEqual({
      sort: 'createdAt',
      order: 'desc',
    });
  });

  it('shows and hides columns in table order, never hiding the last one', () => {
    expect(toggleColumn(['title', 'owner'], 'stage')).toEqual(['title', 'stage', 'owner']);
    expect(toggleColumn(['owner', 'title'], 'value')).toEqual(['owner', 'title', 'value']);
    expect(toggleColumn(defaultColumns, 'pipeline').slice(3, 6)).toEqual([
      'currency',
      'pipeline',
      'stage',
    ]);
    expect(toggleColumn(defaultColumns, 'company')).not.toContain('company');
    expect(toggleColumn(['title'], 'title')).toEqual(['title']);
  });
});
