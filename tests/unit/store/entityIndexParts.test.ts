/**
 * The entity index's small parts: which fields it reads, how a list item becomes a record, where
 * delta starts, and which source search-as-you-type answers from.
 */
import type { EntitySummary } from '../../../src/domain/entities';
import { searchEntities, type EntityIndex, type IndexState } from '../../../src/record/entityIndex';
import { deltaStartPath } from '../../../src/record/indexDelta';
import { INDEX_FIELDS, INDEXED_LISTS, recordOf } from '../../../src/record/indexRecords';
import { SiteLists, type ListItem } from '../../../src/record/listItems';
import type { StoreLocation } from '../../../src/record/location';
import { selectFields } from '../../../src/record/schema';

const item = (id: string, fields: Record<string, unknown>): ListItem => ({ id, etag: '"x,1"', fields, createdAt: '', modifiedAt: '', createdBy: null });

test('the index reads only columns the schema has, never Notes', () => {
  for (const list of INDEXED_LISTS) {
    expect(selectFields(list)).toEqual(expect.arrayContaining([...INDEX_FIELDS[list]]));
    expect(INDEX_FIELDS[list]).not.toContain('Notes');
  }
});

test('list items become records with normalised addresses and domains', () => {
  expect(recordOf('people', item('7', { Title: 'Mikko', Emails: ' Mikko@Kallio.FI \nmailto:mh@koti.fi\nnot an address\nmikko@kallio.fi', OrganisationId: '3' }))).toEqual({
    kind: 'person',
    id: '7',
    name: 'Mikko',
    detail: 'mikko@kallio.fi',
    addresses: ['mikko@kallio.fi', 'mh@koti.fi'],
    organisationId: '3',
  });
  expect(recordOf('organisations', item('3', { Title: 'Kallio', Domains: 'Kallio.FI.\n' }))).toMatchObject({ kind: 'organisation', detail: 'kallio.fi', addresses: ['kallio.fi'] });
  expect(recordOf('projects', item('9', { Title: 'Hanke' }))).toMatchObject({ kind: 'project', detail: 'project', addresses: [] });
  expect(recordOf('people', item('8', {}))).toMatchObject({ name: '', detail: '', addresses: [], organisationId: null });
});

test('delta starts with only the needed fields (stakeholder roles for chips and filters), encoded', () => {
  const location = { siteId: 'host,a,b', lists: { people: 'p guid' } } as unknown as StoreLocation;
  const lists = new SiteLists({} as never, location);
  expect(deltaStartPath(lists, 'people', 50)).toBe('/sites/host%2Ca%2Cb/lists/p%20guid/items/delta?$select=id&$expand=fields($select%3DTitle,Emails,OrganisationId,Roles)&$top=50');
});

describe('searchEntities', () => {
  const found: EntitySummary[] = [{ ref: { kind: 'person', id: '1' }, name: 'Mikko', detail: '' }];
  const indexIn = (state: IndexState): EntityIndex => ({
    state,
    search: () => found,
    personByAddress: () => undefined,
    organisationByDomain: () => undefined,
    entity: () => undefined,
    refresh: async () => undefined,
    freshen: async () => undefined,
    isFresh: () => true,
    subscribe: () => () => undefined,
  });

  test('a warm index answers, the server is not asked', async () => {
    const server = jest.fn(async () => []);
    expect(await searchEntities(indexIn('warm'), server, 'mik')).toEqual({ results: found, source: 'index' });
    expect(server).not.toHaveBeenCalled();
  });

  test.each(['cold', 'loading', 'tooLarge', 'failed'] as const)('%s: the server answers', async (state) => {
    const server = jest.fn(async () => found);
    expect(await searchEntities(indexIn(state), server, 'mik', 5)).toEqual({ results: found, source: 'server' });
    expect(server).toHaveBeenCalledWith('mik', 5);
  });

  test('empty text asks nobody', async () => {
    const server = jest.fn(async () => found);
    expect(await searchEntities(indexIn('cold'), server, '   ')).toEqual({ results: [], source: 'server' });
    expect(server).not.toHaveBeenCalled();
  });
});
