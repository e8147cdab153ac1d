import { odataString, pathSegment, queryString } from '../../../src/graph/odata';

test.each([
  ['plain', "'plain'"],
  ["O'Brien", "'O''Brien'"],
  ["''", "''''''"],
  ["' or 1 eq 1 or '", "''' or 1 eq 1 or '''"],
])('odataString(%j) → %s', (value, literal) => {
  expect(odataString(value)).toBe(literal);
});

test('query values are percent-encoded so user text cannot cut or extend the query', () => {
  const query = queryString({ filter: `fields/Key eq ${odataString('a&b#c+d%e=f?g')}`, top: 5 });
  expect(query).toBe("?$filter=fields/Key%20eq%20'a%26b%23c%2Bd%25e%3Df%3Fg'&$top=5");
  const parsed = new URLSearchParams(query.slice(1));
  expect(parsed.get('$filter')).toBe("fields/Key eq 'a&b#c+d%e=f?g'");
  expect([...parsed.keys()]).toEqual(['$filter', '$top']);
});

test('select, expand, orderby and extra parameters', () => {
  expect(queryString({ select: ['id', 'subject'], expand: 'fields($select=Title,Key)', orderby: 'fields/ItemDate desc', params: { token: 'a b' } })).toBe(
    '?$select=id,subject&$expand=fields($select%3DTitle,Key)&$orderby=fields/ItemDate%20desc&token=a%20b',
  );
  expect(queryString({})).toBe('');
});

test('a path segment from data cannot add a segment or a query', () => {
  expect(pathSegment('../x?y#z')).toBe('..%2Fx%3Fy%23z');
});
