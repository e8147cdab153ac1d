/**
 * $orderby, $select, $expand and $top parsing.
 */
import { ODataSyntaxError, parseExpand, parseFilter, parseOrderBy, parseSelect, parseTop, type ExpandItem, type OrderBy } from '../../../dev/sandbox/odata';

function thrown(action: () => unknown): ODataSyntaxError {
  try {
    action();
  } catch (error) {
    if (error instanceof ODataSyntaxError) return error;
    throw error;
  }
  throw new Error('expected an ODataSyntaxError');
}

describe('parseOrderBy', () => {
  it.each<[string, OrderBy[]]>([
    ['subject', [{ path: ['subject'], direction: 'asc' }]],
    ['receivedDateTime desc', [{ path: ['receivedDateTime'], direction: 'desc' }]],
    [
      'fields/Created desc, fields/Title',
      [
        { path: ['fields', 'Created'], direction: 'desc' },
        { path: ['fields', 'Title'], direction: 'asc' },
      ],
    ],
    [
      'a asc,b DESC , c/d Asc',
      [
        { path: ['a'], direction: 'asc' },
        { path: ['b'], direction: 'desc' },
        { path: ['c', 'd'], direction: 'asc' },
      ],
    ],
    ['  from/emailAddress/name  ', [{ path: ['from', 'emailAddress', 'name'], direction: 'asc' }]],
    // A property may be called asc or desc.
    ['desc desc', [{ path: ['desc'], direction: 'desc' }]],
  ])('%j', (text, expected) => {
    expect(parseOrderBy(text)).toEqual(expected);
  });

  it.each<[string, string, number]>([
    ['', "Expression expected at position 0 in ''.", 0],
    ['subject,', "Expression expected at position 8 in 'subject,'.", 8],
    [',subject', "Expression expected at position 0 in ',subject'.", 0],
    ['subject asc desc', "Syntax error at position 16 in 'subject asc desc'.", 16],
    ['subject sideways', "Syntax error at position 16 in 'subject sideways'.", 16],
    ['fields/', "Syntax error at position 7 in 'fields/'.", 7],
    ["tolower(subject)", "Syntax error at position 8 in 'tolower(subject)'.", 8],
    ["'subject'", "Expression expected at position 0 in ''subject''.", 0],
    ['subject#', "Syntax error: character '#' is not valid at position 7 in 'subject#'.", 7],
  ])('rejects %j', (text, message, position) => {
    const error = thrown(() => parseOrderBy(text));
    expect(error.message).toBe(message);
    expect(error.position).toBe(position);
  });
});

describe('parseSelect', () => {
  it.each<[string, string[]]>([
    ['id,subject,from', ['id', 'subject', 'from']],
    ['id, subject , from', ['id', 'subject', 'from']],
    ['*', ['*']],
    ['fields/Title', ['fields/Title']],
    ['microsoft.graph.fileAttachment/contentId', ['microsoft.graph.fileAttachment/contentId']],
    ['microsoft.graph.*', ['microsoft.graph.*']],
    ['extension_1a2b_department', ['extension_1a2b_department']],
    ['Título', ['Título']],
    ['', []],
    ['   ', []],
  ])('%j', (text, expected) => {
    expect(parseSelect(text)).toEqual(expected);
  });

  it.each<[string, string, number]>([
    ['id,,subject', "Term 'id,,subject' is not valid in a $select or $expand expression.", 3],
    ['id,', "Term 'id,' is not valid in a $select or $expand expression.", 3],
    ['id,sub ject', "Term 'sub ject' is not valid in a $select or $expand expression.", 3],
    ["id,subject'", "Term 'subject'' is not valid in a $select or $expand expression.", 3],
    ['id,1st', "Term '1st' is not valid in a $select or $expand expression.", 3],
    ['fields/', "Term 'fields/' is not valid in a $select or $expand expression.", 0],
    ['id;drop', "Term 'id;drop' is not valid in a $select or $expand expression.", 0],
    ['emailAddresses($filter=x eq 1)', "Term 'emailAddresses($filter=x eq 1)' is not valid in a $select or $expand expression.", 0],
    ['id,*x', "Term '*x' is not valid in a $select or $expand expression.", 3],
  ])('rejects %j', (text, message, position) => {
    const error = thrown(() => parseSelect(text));
    expect(error.message).toBe(message);
    expect(error.position).toBe(position);
  });
});

describe('parseTop', () => {
  it.each<[string, number]>([
    ['0', 0],
    ['1', 1],
    ['50', 50],
    ['007', 7],
    ['999', 999],
  ])('%j -> %d', (text, expected) => {
    expect(parseTop(text)).toBe(expected);
  });

  it.each(['-1', '1.5', '', ' 5', '5 ', '+5', 'ten', '1e3', '0x10', '99999999999999999999'])('rejects %j', (text) => {
    const error = thrown(() => parseTop(text));
    expect(error.message).toBe(`Invalid value '${text}' for $top query option found. The $top query option requires a non-negative integer value.`);
  });
});

describe('parseExpand', () => {
  it.each<[string, ExpandItem[]]>([
    ['fields', [{ property: 'fields' }]],
    ['attachments, fields', [{ property: 'attachments' }, { property: 'fields' }]],
    ['fields($select=Title,Email)', [{ property: 'fields', select: ['Title', 'Email'] }]],
    // Graph also accepts option names without `$`, in any case.
    ['fields(select=Title)', [{ property: 'fields', select: ['Title'] }]],
    ['fields($SELECT=Title)', [{ property: 'fields', select: ['Title'] }]],
    [
      "singleValueExtendedProperties($filter=id eq 'String {00020329-0000-0000-C000-000000000046} Name Trail')",
      [
        {
          property: 'singleValueExtendedProperties',
          filter: parseFilter("id eq 'String {00020329-0000-0000-C000-000000000046} Name Trail'"),
        },
      ],
    ],
    [
      'children($select=id,name;$orderby=name desc;$top=5;$filter=size gt 10)',
      [
        {
          property: 'children',
          select: ['id', 'name'],
          orderBy: [{ path: ['name'], direction: 'desc' }],
          top: 5,
          filter: parseFilter('size gt 10'),
        },
      ],
    ],
    [
      'items($expand=fields($select=Title);$top=2),columns',
      [{ property: 'items', expand: [{ property: 'fields', select: ['Title'] }], top: 2 }, { property: 'columns' }],
    ],
    ['*', [{ property: '*' }]],
    ['', []],
  ])('%j', (text, expected) => {
    expect(parseExpand(text)).toEqual(expected);
  });

  it('keeps separators and parentheses inside quoted filter text as data', () => {
    const hostile = "a;b,c)(d'' e";
    const [item] = parseExpand(`multiValueExtendedProperties($filter=id eq '${hostile}';$select=id),fields`);
    expect(item?.filter).toEqual(parseFilter(`id eq '${hostile}'`));
    expect(item?.select).toEqual(['id']);
    expect(parseExpand(`x($filter=id eq '${hostile}'),fields`).map((expanded) => expanded.property)).toEqual(['x', 'fields']);
  });

  it.each<[string, string]>([
    ['fields(', "')' expected at position 7 in 'fields('."],
    ['fields)', "Syntax error at position 7 in 'fields)'."],
    ["fields($filter=a eq 'x)", "There is an unterminated string literal at position 23 in 'fields($filter=a eq 'x)'."],
    ['fields($select=Title)x', "Syntax error at position 22 in 'fields($select=Title)x'."],
    ['fields($select)', "Syntax error at position 14 in 'fields($select)'."],
    ['fields($levels=2)', "The query option '$levels' is not supported inside $expand (supported: $select, $filter, $orderby, $top, $expand)."],
    ['fields($select=a;select=b)', "Query option '$select' was specified more than once, but it must be specified at most once."],
    ['fields($filter=a eq)', "Invalid filter clause: Expression expected at position 4 in 'a eq'."],
    ['fields($top=-1)', "Invalid value '-1' for $top query option found. The $top query option requires a non-negative integer value."],
    ['fields($select=a b)', "Term 'a b' is not valid in a $select or $expand expression."],
    ['fields,,columns', "Term 'fields,,columns' is not valid in a $select or $expand expression."],
    ['fie lds', "Term 'fie lds' is not valid in a $select or $expand expression."],
  ])('rejects %j', (text, message) => {
    expect(thrown(() => parseExpand(text)).message).toBe(message);
  });

  it('rejects hostile nesting depth cleanly', () => {
    const nested = `${'a($expand='.repeat(30)}b${')'.repeat(30)}`;
    expect(thrown(() => parseExpand(nested)).message).toMatch(/^\$expand is nested more than 20 levels deep/);
  });
});
