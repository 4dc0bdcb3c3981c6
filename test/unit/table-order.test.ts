import { describe, expect, it } from 'vitest';
import { dependencyOrder, type TableInfo } from '../../src/db/portable/table-graph.js';

const table = (name: string, ...references: string[]): TableInfo => ({
  name,
  columns: ['id'],
  identityColumns: [],
  foreignKeys: references.map((r) => ({
    name: `${name}_${r}_fk`,
    references: r,
    definition: `FOREIGN KEY (${r}_id) REFERENCES ${r}(id)`,
  })),
});

const names = (tables: TableInfo[]) => dependencyOrder(tables).map((t) => t.name);

describe('the order tables are copied in', () => {
  it('puts every parent before its children', () => {
    const order = names([
      table('activities', 'deals', 'users'),
      table('deals', 'stages', 'users', 'workspaces'),
      table('stages', 'pipelines'),
      table('pipelines', 'workspaces'),
      table('users', 'workspaces'),
      table('workspaces'),
    ]);
    expect(order).toEqual(['workspaces', 'pipelines', 'users', 'stages', 'deals', 'activities']);
  });

  it('breaks a circle at its first table by name, and keeps self-references in place', () => {
    const order = names([
      table('leads', 'deals', 'workspaces'),
      table('deals', 'leads', 'workspaces'),
      table('workspaces'),
      table('teams', 'teams', 'workspaces'),
    ]);
    expect(order).toEqual(['workspaces', 'teams', 'deals', 'leads']);
  });
});
