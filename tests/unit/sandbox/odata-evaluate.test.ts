/**
 * Filter evaluation semantics, propertyPaths and the $orderby comparator.
 */
import {
  compareByOrder,
  compileFilter,
  evaluateFilter,
  parseFilter,
  parseOrderBy,
  propertyPaths,
  type EvaluateOptions,
} from '../../../dev/sandbox/odata';

const insensitive: EvaluateOptions = { caseInsensitive: true };
const sensitive: EvaluateOptions = { caseInsensitive: false };

const matches = (filter: string, item: unknown, options: EvaluateOptions = insensitive): boolean =>
  compileFilter(parseFilter(filter), options)(item);

const message = {
  subject: 'Trail: Quarterly Plan',
  importance: 'high',
  isRead: false,
  hasAttachments: true,
  size: 2048,
  score: 9.5,
  receivedDateTime: '2024-03-10T08:30:00Z',
  sentDateTime: '2024-03-10T10:30:00.1234567+02:00',
  createdDateTime: new Date('2024-03-01T00:00:00Z'),
  parentFolderId: 'AAMkAGI2',
  conversationId: '0A1B2C3D-0000-4000-8000-00000000ABCD',
  flag: { flagStatus: 'flagged', dueDateTime: null },
  from: { emailAddress: { name: "Aoife O'Brien", address: 'Aoife@Contoso.com' } },
  toRecipients: [{ emailAddress: { address: 'ben@contoso.com' } }, { emailAddress: { address: 'CLARA@fabrikam.com' } }],
  categories: ['Trail', 'Blue category'],
  emptyList: [],
  fields: { Title: 'Kick-off', Email: 'dana@contoso.com', Amount: 10 },
  description: null,
};

describe('evaluateFilter comparisons', () => {
  it.each<[string, boolean]>([
    // Strings: Exchange and SharePoint compare text case-insensitively.
    ["subject eq 'trail: quarterly plan'", true],
    ["subject eq 'TRAIL: QUARTERLY PLAN'", true],
    ["subject ne 'trail: quarterly plan'", false],
    ["subject eq 'Trail'", false],
    ["importance gt 'HIGH'", false],
    ["importance ge 'HIGH'", true],
    ["importance lt 'low'", true],
    ["importance le 'High'", true],
    ["from/emailAddress/address eq 'aoife@contoso.com'", true],
    ["from/emailAddress/name eq 'aoife o''brien'", true],
    // Numbers compare numerically, not as text.
    ['size eq 2048', true],
    ['size gt 999', true],
    ['size lt 10000', true],
    ['size ge 2048', true],
    ['size le 2047', false],
    ['score gt 9.25', true],
    ['score eq 9.5', true],
    ['fields/Amount ge -1', true],
    // Booleans.
    ['isRead eq false', true],
    ['isRead', false],
    ['hasAttachments', true],
    ['isRead lt true', true],
    ['hasAttachments gt false', true],
    // Guids compare case-insensitively even when text comparisons are case-sensitive.
    ['conversationId eq 0a1b2c3d-0000-4000-8000-00000000abcd', true],
    // No implicit conversion between strings and numbers.
    ["size eq '2048'", false],
    ["subject gt 5", false],
  ])('%s -> %s', (filter, expected) => {
    expect(matches(filter, message)).toBe(expected);
  });

  it.each<[string, boolean]>([
    ["subject eq 'trail: quarterly plan'", false],
    ["subject eq 'Trail: Quarterly Plan'", true],
    ["startswith(subject, 'trail')", false],
    ["contains(subject, 'Quarterly')", true],
    ['conversationId eq 0a1b2c3d-0000-4000-8000-00000000abcd', true],
    ["conversationId eq '0a1b2c3d-0000-4000-8000-00000000abcd'", false],
    ["importance in ('HIGH', 'low')", false],
    ["tolower(subject) eq 'trail: quarterly plan'", true],
    ["toupper(importance) eq 'HIGH'", true],
  ])('case-sensitive: %s -> %s', (filter, expected) => {
    expect(matches(filter, message, sensitive)).toBe(expected);
  });
});

describe('evaluateFilter dates and times compare as instants', () => {
  it.each<[string, boolean]>([
    // Unquoted literal against an ISO string stored on the item.
    ['receivedDateTime ge 2024-03-10T08:30:00Z', true],
    ['receivedDateTime gt 2024-03-10T08:30:00Z', false],
    ['receivedDateTime eq 2024-03-10T08:30:00.000Z', true],
    ['receivedDateTime eq 2024-03-10T09:30:00+01:00', true],
    ['receivedDateTime lt 2024-03-10T09:30:00+01:30', false],
    ['receivedDateTime lt 2024-03-10T09:30:00+00:30', true],
    ['receivedDateTime lt 2024-03-10T03:31:00-05:00', true],
    ['receivedDateTime ge 2024-03-10', true],
    ['receivedDateTime lt 2024-03-11', true],
    ['receivedDateTime lt 2024-03-10', false],
    // Quoted ISO literal: same instant semantics.
    ["receivedDateTime ge '2024-03-10T09:00:00+01:00'", true],
    ["receivedDateTime eq '2024-03-10T08:30:00.0000000Z'", true],
    ["receivedDateTime lt '2024-03-10T08:00:00Z'", false],
    // Offsets and 7-digit fractions on the item.
    ['sentDateTime eq 2024-03-10T08:30:00.1234567Z', true],
    ['sentDateTime gt 2024-03-10T08:30:00.1234566Z', true],
    ['sentDateTime lt 2024-03-10T08:30:00.1234568Z', true],
    // Date objects on the item.
    ['createdDateTime eq 2024-03-01T00:00:00Z', true],
    ['createdDateTime lt 2024-03-01T00:00:01Z', true],
    // A date literal never equals a string that is not a date.
    ['subject eq 2024-03-10T08:30:00Z', false],
    ['subject lt 2024-03-10T08:30:00Z', false],
    // A missing date compares like null.
    ['flag/dueDateTime ge 2024-01-01T00:00:00Z', false],
    ['flag/dueDateTime eq null', true],
  ])('%s -> %s', (filter, expected) => {
    expect(matches(filter, message)).toBe(expected);
  });

  it('reads an item value without an offset as UTC', () => {
    const event = { start: { dateTime: '2017-05-26T00:00:00.0000000' } };
    expect(matches("start/dateTime ge '2017-05-26T00:00:00Z'", event)).toBe(true);
    expect(matches('start/dateTime lt 2017-05-26T00:00:01Z', event)).toBe(true);
  });
});

describe('evaluateFilter null semantics', () => {
  it.each<[string, boolean]>([
    ['description eq null', true],
    ['missing eq null', true],
    ['missing/deeper/still eq null', true],
    ['flag/flagStatus eq null', false],
    ['description ne null', false],
    ['subject ne null', true],
    ["missing eq 'x'", false],
    ["missing ne 'x'", true],
    // Ordering comparisons with null are false, except ge/le when both sides are null.
    ['missing gt 1', false],
    ['missing lt 1', false],
    ['missing ge 1', false],
    ['missing le 1', false],
    ['missing ge null', true],
    ['missing le null', true],
    ['missing gt null', false],
    ['size gt null', false],
    // Three-valued logic: an unknown operand is not true, but `not (x gt 1)` is.
    ['missing', false],
    ['not missing', false],
    ['not (missing gt 1)', true],
    ['missing or hasAttachments', true],
    ['missing and hasAttachments', false],
    ['not (missing and isRead)', true],
    ['not (missing or isRead)', false],
    // Functions return null for null arguments.
    ["startswith(missing, 'a')", false],
    ["not startswith(missing, 'a')", false],
    ["tolower(missing) eq null", true],
    ["contains(size, '2')", false],
    // `in` finds null in the list.
    ["missing in ('a', null)", true],
    ["missing in ('a')", false],
  ])('%s -> %s', (filter, expected) => {
    expect(matches(filter, message)).toBe(expected);
  });

  it('never reads inherited properties such as __proto__ or constructor', () => {
    expect(matches('constructor eq null', {})).toBe(true);
    expect(matches('__proto__ eq null', {})).toBe(true);
    expect(matches('toString ne null', {})).toBe(false);
  });
});

describe('evaluateFilter functions, in and logic', () => {
  it.each<[string, boolean]>([
    ["startswith(subject, 'trail:')", true],
    ["startswith(subject, 'Plan')", false],
    ["endswith(subject, 'PLAN')", true],
    ["endswith(from/emailAddress/address, '@contoso.com')", true],
    ["contains(subject, 'quarterly')", true],
    ["contains(subject, '')", true],
    ["contains(subject, 'annual')", false],
    ["tolower(subject) eq 'trail: quarterly plan'", true],
    ["toupper(fields/Title) eq 'KICK-OFF'", true],
    ["importance in ('low', 'HIGH')", true],
    ["importance in ('low', 'normal')", false],
    ['size in (1, 2048)', true],
    ['importance in ()', false],
    ["not (importance in ('low'))", true],
    ["isRead eq false and importance eq 'high'", true],
    ["isRead eq true or importance eq 'high'", true],
    ["isRead eq true or importance eq 'low'", false],
    ['not isRead', true],
    ['not not isRead', false],
    ['(size gt 1 and size lt 5000) and not (score lt 1)', true],
  ])('%s -> %s', (filter, expected) => {
    expect(matches(filter, message)).toBe(expected);
  });

  it('evaluates long chains of and/or without deep recursion', () => {
    const anyOf = Array.from({ length: 800 }, (_, index) => `size eq ${index * 4096 + 2048}`).join(' or ');
    const allOf = Array.from({ length: 800 }, () => 'size gt 1').join(' and ');
    expect(matches(anyOf, message)).toBe(true);
    expect(matches(allOf, message)).toBe(true);
    expect(matches(`${allOf} and size gt 4096`, message)).toBe(false);
  });
});

describe('evaluateFilter lambdas', () => {
  it.each<[string, boolean]>([
    ["toRecipients/any(r: r/emailAddress/address eq 'clara@fabrikam.com')", true],
    ["toRecipients/any(r: r/emailAddress/address eq 'nobody@contoso.com')", false],
    ["toRecipients/all(r: endswith(r/emailAddress/address, '.com'))", true],
    ["toRecipients/all(r: endswith(r/emailAddress/address, '@contoso.com'))", false],
    ["categories/any(c: c eq 'trail')", true],
    ["categories/any(c: c eq 'Red category')", false],
    ["categories/all(c: c ne 'Junk')", true],
    ['categories/any()', true],
    ['emptyList/any()', false],
    ['missingList/any()', false],
    // any is false and all is true over an empty or missing collection.
    ["emptyList/any(x: x eq 'a')", false],
    ["emptyList/all(x: x eq 'a')", true],
    ["missingList/all(x: x eq 'a')", true],
    ["not categories/any(c: c eq 'Trail')", false],
    // Paths not starting with the variable read the outer item.
    ["categories/any(c: c eq 'Trail' and importance eq 'high')", true],
    ["categories/any(c: c eq 'Trail' and importance eq 'low')", false],
    // A string is not a collection.
    ["subject/any(c: c eq 'T')", false],
  ])('%s -> %s', (filter, expected) => {
    expect(matches(filter, message)).toBe(expected);
  });

  it('binds nested lambda variables and outer variables', () => {
    const order = {
      threshold: 3,
      lines: [
        { minimum: 5, parts: [{ qty: 2 }, { qty: 4 }] },
        { minimum: 1, parts: [{ qty: 2 }] },
      ],
    };
    expect(matches('lines/any(l: l/parts/any(p: p/qty gt l/minimum))', order)).toBe(true);
    expect(matches('lines/all(l: l/parts/any(p: p/qty gt l/minimum))', order)).toBe(false);
    expect(matches('lines/any(l: l/parts/all(p: p/qty lt threshold))', order)).toBe(true);
    expect(matches('lines/all(l: l/parts/any(p: p/qty gt threshold))', order)).toBe(false);
  });
});

describe('custom resolve', () => {
  it('is used for item paths and for paths relative to a lambda element', () => {
    const calls: string[] = [];
    const resolve = (item: unknown, path: string[]): unknown => {
      calls.push(path.join('/'));
      // SharePoint-style: column names are matched case-insensitively.
      let current = item;
      for (const segment of path) {
        if (current === null || typeof current !== 'object') return undefined;
        const key = Object.keys(current).find((candidate) => candidate.toLowerCase() === segment.toLowerCase());
        current = key === undefined ? undefined : (current as Record<string, unknown>)[key];
      }
      return current;
    };
    const options: EvaluateOptions = { caseInsensitive: true, resolve };
    expect(matches("FIELDS/title eq 'kick-off'", message, options)).toBe(true);
    expect(matches("toRecipients/any(r: r/EMAILADDRESS/Address eq 'ben@contoso.com')", message, options)).toBe(true);
    expect(calls).toEqual(['FIELDS/title', 'toRecipients', 'EMAILADDRESS/Address']);
  });
});

describe('compileFilter and evaluateFilter', () => {
  it('agree, and evaluateFilter reuses the compiled predicate for the same expression and options', () => {
    const expr = parseFilter("categories/any(c: c eq 'trail') and size gt 1");
    let resolveCalls = 0;
    const resolve = (item: unknown, path: string[]): unknown => {
      resolveCalls += 1;
      return (item as Record<string, unknown>)[path[0] ?? ''];
    };
    const options: EvaluateOptions = { caseInsensitive: true, resolve };
    const compiled = compileFilter(expr, options);
    const items = [message, { ...message, categories: [] }, { ...message, size: 0 }];
    expect(items.map(compiled)).toEqual([true, false, false]);
    expect(items.map((item) => evaluateFilter(expr, item, options))).toEqual([true, false, false]);
    expect(evaluateFilter(expr, message, sensitive)).toBe(false);
    expect(resolveCalls).toBeGreaterThan(0);
  });

  it('filters 100,000 items with a compiled predicate', () => {
    const items = Array.from({ length: 100_000 }, (_, index) => ({
      receivedDateTime: new Date(Date.UTC(2024, 0, 1) + index * 60_000).toISOString(),
      categories: index % 3 === 0 ? ['Trail'] : [],
      subject: `Subject ${index}`,
    }));
    const predicate = compileFilter(
      parseFilter("receivedDateTime ge 2024-02-01T00:00:00Z and categories/any(c: c eq 'trail') and startswith(subject, 'SUBJECT')"),
      insensitive,
    );
    const count = items.filter(predicate).length;
    // February starts 31 days (44,640 minutes) after the first item.
    expect(count).toBe(items.filter((_, index) => index >= 44_640 && index % 3 === 0).length);
  });
});

describe('propertyPaths', () => {
  it.each<[string, string[][]]>([
    ["fields/Email eq 'a' and fields/Title ne 'b'", [['fields', 'Email'], ['fields', 'Title']]],
    ["fields/Email eq 'a' or fields/Email eq 'b'", [['fields', 'Email']]],
    ["startswith(fields/Title, 'x') and not (fields/Done eq true)", [['fields', 'Title'], ['fields', 'Done']]],
    ["fields/Status in ('a', 'b')", [['fields', 'Status']]],
    [
      "toRecipients/any(r: r/emailAddress/address eq 'x')",
      [['toRecipients'], ['toRecipients', 'emailAddress', 'address']],
    ],
    ["categories/any(c: c eq 'Trail')", [['categories']]],
    ['categories/any()', [['categories']]],
    [
      'lines/any(l: l/parts/any(p: p/qty gt l/minimum and p/qty lt threshold))',
      [['lines'], ['lines', 'parts'], ['lines', 'parts', 'qty'], ['lines', 'minimum'], ['threshold']],
    ],
    ['true', []],
  ])('%s', (filter, expected) => {
    expect(propertyPaths(parseFilter(filter))).toEqual(expected);
  });

  it('returns copies, so callers cannot change the parsed expression', () => {
    const expr = parseFilter("fields/Email eq 'a'");
    const [first] = propertyPaths(expr);
    first?.push('mutated');
    expect(propertyPaths(expr)).toEqual([['fields', 'Email']]);
  });
});

describe('compareByOrder', () => {
  const sortBy = (order: string, items: readonly Record<string, unknown>[], options: EvaluateOptions = insensitive): unknown[] =>
    [...items].sort(compareByOrder(parseOrderBy(order), options)).map((item) => item.id);

  it('sorts numbers numerically, ascending and descending', () => {
    const items = [{ id: 'a', n: 10 }, { id: 'b', n: 9 }, { id: 'c', n: 100 }, { id: 'd', n: -1 }];
    expect(sortBy('n', items)).toEqual(['d', 'b', 'a', 'c']);
    expect(sortBy('n desc', items)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('puts nulls and missing values first ascending and last descending', () => {
    const items = [{ id: 'a', n: 2 }, { id: 'b' }, { id: 'c', n: 1 }, { id: 'd', n: null }];
    expect(sortBy('n asc', items)).toEqual(['b', 'd', 'c', 'a']);
    expect(sortBy('n desc', items)).toEqual(['a', 'c', 'b', 'd']);
  });

  it('compares text case-insensitively when asked, and keeps ties in their original order', () => {
    const items = [{ id: 'a', t: 'beta' }, { id: 'b', t: 'Alpha' }, { id: 'c', t: 'ALPHA' }, { id: 'd', t: 'alpha' }];
    expect(sortBy('t', items)).toEqual(['b', 'c', 'd', 'a']);
    expect(sortBy('t', items, sensitive)).toEqual(['c', 'b', 'd', 'a']);
  });

  it('uses later keys to break ties', () => {
    const items = [
      { id: 'a', fields: { Status: 'Open', Created: '2024-01-02T00:00:00Z' } },
      { id: 'b', fields: { Status: 'Closed', Created: '2024-01-03T00:00:00Z' } },
      { id: 'c', fields: { Status: 'open', Created: '2024-01-05T00:00:00Z' } },
    ];
    expect(sortBy('fields/Status, fields/Created desc', items)).toEqual(['b', 'c', 'a']);
  });

  it('orders ISO date-times as instants, whatever their offset or precision', () => {
    const items = [
      { id: 'a', when: '2024-01-01T10:00:00+02:00' },
      { id: 'b', when: '2024-01-01T09:00:00Z' },
      { id: 'c', when: '2024-01-01T08:30:00.5Z' },
      { id: 'd', when: new Date('2024-01-01T08:45:00Z') },
    ];
    expect(sortBy('when', items)).toEqual(['a', 'c', 'd', 'b']);
  });

  it('orders booleans false before true and mixed kinds consistently', () => {
    const items = [{ id: 'a', v: true }, { id: 'b', v: 'text' }, { id: 'c', v: 3 }, { id: 'd', v: false }];
    expect(sortBy('v', items)).toEqual(['d', 'a', 'c', 'b']);
    expect(sortBy('v desc', items)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('returns 0 for equal keys and with no keys', () => {
    expect(compareByOrder([], insensitive)({ a: 1 }, { a: 2 })).toBe(0);
    expect(compareByOrder(parseOrderBy('a'), insensitive)({ a: 'X' }, { a: 'x' })).toBe(0);
  });
});
