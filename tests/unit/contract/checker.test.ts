import { loadContractChecker, type ContractChecker, type ContractRequest, type ContractResponse } from '../../../dev/contract/checker';
import { EXTRA_QUERY_OPTIONS, HAND_DESCRIBED } from '../../../dev/contract/supplement';

const MESSAGE = 'AAMkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgBGAAAD-_yB=';
const FOLDER = 'AAMkADAwATM0MDAAMS1iNTcwLWI2NTEtMDACLTAwCgAuAAAD=';
const SITE = 'contoso.sharepoint.com,2c712357-fcc9-4a6b-9bf2-2c9a1b1b0c2d,5d6e5e5c-3b1f-4a4e-9a0e-1f1f1f1f1f1f';
const LIST = 'b57be2bb-ba4a-4c1d-a6c3-5b3b9f1a2c3d';
const ITEMS = `/sites/${SITE}/lists/${LIST}/items`;
const COLUMN = `/sites/${SITE}/lists/${LIST}/columns/Code`;
const USER = '4562bcc8-c436-4f95-b7c0-4f8ce89dca5e';
const EVENT = 'AAMkAGI1AAAt9AHjAAA=';
const WINDOW = { startDateTime: '2025-03-17T00:00:00Z', endDateTime: '2025-03-24T00:00:00Z' };

let checker: ContractChecker;
beforeAll(() => {
  checker = loadContractChecker();
  // The largest schema closure (listItem → user → ...) is the slowest first compile.
  checker.check({ method: 'POST', path: ITEMS, query: {}, body: { fields: { Title: 'warm-up' } } });
});

const get = (path: string, query: Record<string, string> = {}): ContractRequest => ({ method: 'GET', path, query });
const send = (method: string, path: string, body: unknown, query: Record<string, string> = {}): ContractRequest => ({ method, path, query, body });

describe('requests Trail makes are accepted', () => {
  const accepted: Array<[string, ContractRequest]> = [
    ['GET /me', get('/me')],
    ['GET /me, method in lower case', { method: 'get', path: '/me', query: {} }],
    ['GET /me with $select', get('/me', { $select: 'id,displayName,mail,userPrincipalName' })],
    [
      'GET inbox messages with $select, $top, $orderby desc, $filter',
      get('/me/mailFolders/inbox/messages', {
        $select: 'id,subject,from,receivedDateTime,isRead,flag,categories,conversationId,parentFolderId,webLink',
        $top: '25',
        $orderby: 'receivedDateTime desc',
        $filter: "isRead eq false and receivedDateTime ge 2024-01-01T00:00:00Z",
      }),
    ],
    ['$orderby with explicit asc, and several keys', get('/me/mailFolders/inbox/messages', { $orderby: 'importance asc,receivedDateTime desc' })],
    ['$orderby with a form-encoded space', get('/me/mailFolders/inbox/messages', { $orderby: 'receivedDateTime+desc' })],
    ['query names without $ (normalised)', get('/me/mailFolders/inbox/messages', { select: 'id,subject', top: '10', count: 'true' })],
    ['query names in another case (the sandbox lower-cases them)', get('/me/calendarView', { startdatetime: '2024-05-01T00:00:00Z', enddatetime: '2024-05-08T00:00:00Z' })],
    ['paging: following an @odata.nextLink', get('/me/mailFolders/inbox/messages', { $top: '25', $skiptoken: 'MSZZVlhCTWZUSW' })],
    [
      'PATCH message: isRead, categories, flag with start and due',
      send('PATCH', `/me/messages/${MESSAGE}`, {
        isRead: true,
        categories: ['Trail: Contoso', 'Trail: Project X'],
        flag: {
          flagStatus: 'flagged',
          startDateTime: { dateTime: '2024-05-01T09:00:00.0000000', timeZone: 'UTC' },
          dueDateTime: { dateTime: '2024-05-03T17:00:00.0000000', timeZone: 'W. Europe Standard Time' },
        },
      }),
    ],
    ['PATCH message: clear the flag', send('PATCH', `/me/messages/${MESSAGE}`, { flag: { flagStatus: 'notFlagged' } })],
    ['PATCH message: null for a nullable complex property', send('PATCH', `/me/messages/${MESSAGE}`, { flag: null, inferenceClassification: 'other' })],
    ['PATCH message with an @odata annotation', send('PATCH', `/me/messages/${MESSAGE}`, { '@odata.type': '#microsoft.graph.message', isRead: false })],
    ['POST move (short form)', send('POST', `/me/messages/${MESSAGE}/move`, { destinationId: 'archive' })],
    ['POST move (description form)', send('POST', `/me/messages/${MESSAGE}/microsoft.graph.move`, { destinationId: FOLDER })],
    ['POST move, parameter spelled as the metadata declares it', send('POST', `/me/messages/${MESSAGE}/move`, { DestinationId: 'deleteditems' })],
    ['POST copy', send('POST', `/me/messages/${MESSAGE}/copy`, { destinationId: 'inbox' })],
    ['POST /me/mailFolders', send('POST', '/me/mailFolders', { displayName: 'Trail' })],
    ['POST childFolders', send('POST', `/me/mailFolders/${FOLDER}/childFolders`, { displayName: 'Filed', isHidden: false })],
    ['literal segments compare case-insensitively', send('POST', `/Me/MailFolders/${FOLDER}/ChildFolders`, { displayName: 'Filed' })],
    ['GET calendarView with its window', get('/me/calendarView', { startDateTime: '2024-05-01T00:00:00Z', endDateTime: '2024-05-08T00:00:00+02:00', $top: '50' })],
    ['GET /me/events with $select', get('/me/events', { $select: 'subject,start,end' })],
    [
      'POST translateExchangeIds (camelCase, as documented)',
      send('POST', '/me/translateExchangeIds', { inputIds: [MESSAGE], sourceIdType: 'restId', targetIdType: 'restImmutableEntryId' }),
    ],
    ['POST translateExchangeIds (PascalCase, as declared)', send('POST', '/me/microsoft.graph.translateExchangeIds', { InputIds: [MESSAGE], SourceIdType: 'ewsId', TargetIdType: 'restId' })],
    ['GET mail delta (short form)', get(`/me/mailFolders/${FOLDER}/messages/delta`, { $select: 'id,isRead,parentFolderId' })],
    ['GET mail delta (function-call form) following a deltaLink', get(`/me/mailFolders/${FOLDER}/messages/delta()`, { $deltatoken: 'LztZwWjo5IivWBhyxw5rACKx' })],
    ['GET mail delta (description form)', get(`/me/mailFolders/${FOLDER}/messages/microsoft.graph.delta()`)],
    ['GET /users/{id}/messages (described)', get('/users/4562bcc8-c436-4f95-b7c0-4f8ce89dca5e/messages', { $top: '5' })],
    ['GET /sites/root (allow-listed: a site key)', get('/sites/root')],
    ['GET /sites/root with $select', get('/sites/root', { $select: 'id,displayName,webUrl' })],
    ['GET /sites/{id} with a newer property (stale-enum exception)', get(`/sites/${SITE}`, { $select: 'id,isPersonalSite' })],
    ['GET /sites?search= (appears as $search)', get('/sites', { search: 'trail' })],
    ['GET site by path (allow-listed addressing)', get('/sites/contoso.sharepoint.com:/sites/trail')],
    ['GET lists of a site by path', get('/sites/contoso.sharepoint.com:/sites/trail:/lists', { $select: 'id,displayName,list' })],
    [
      'POST /sites/{id}/lists with columns',
      send('POST', `/sites/${SITE}/lists`, {
        displayName: 'Trail filings',
        list: { template: 'genericList' },
        columns: [
          { name: 'MessageId', text: { maxLength: 255 }, indexed: true },
          { name: 'FiledAt', dateTime: { format: 'dateTime', displayAs: 'standard' }, indexed: true },
          { name: 'Score', number: { decimalPlaces: 'none', minimum: 0, maximum: 100 } },
          { name: 'Owner', personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleOnly' } },
          { name: 'Kind', choice: { choices: ['Person', 'Organisation', 'Project'], displayAs: 'dropDownMenu' }, required: true },
        ],
      }),
    ],
    ['GET list items with expand=fields($select=...), $filter, $top', get(ITEMS, { expand: 'fields($select=Title,Email)', $filter: "fields/Email eq 'a@contoso.com'", $top: '50' })],
    ['GET list items, nested $select on a described type', get(ITEMS, { $expand: 'driveItem($select=id,name)' })],
    ['GET list item fields with any column in $select (open type)', get(`${ITEMS}/7/fields`, { $select: 'Title,Email,TrailKind' })],
    ['PATCH item fields', send('PATCH', `${ITEMS}/7/fields`, { Title: 'x', Score: 3, 'Tags@odata.type': 'Collection(Edm.String)', Tags: ['a'] })],
    ['POST item with fields', send('POST', ITEMS, { fields: { Title: 'Contoso', Email: 'info@contoso.com', Kind: 'Organisation' } })],
    ['GET items/delta (allow-listed)', get(`${ITEMS}/delta`)],
    ['GET items/delta() with token, $select, $expand, $top', get(`${ITEMS}/delta()`, { token: 'latest', $select: 'id,fields', $expand: 'fields', $top: '100' })],
    ['POST /$batch (inner requests are checked separately)', send('POST', '/$batch', { requests: [{ id: '1', method: 'GET', url: '/me' }] })],
    [
      'POST message with a derived-type attachment (@odata.type)',
      send('POST', '/me/messages', {
        subject: 'hello',
        toRecipients: [{ emailAddress: { address: 'a@contoso.com', name: 'A' } }],
        attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', name: 'a.txt', contentType: 'text/plain', contentBytes: 'SGVsbG8gV29ybGQh' }],
      }),
    ],
    ['trailing slash', get('/me/')],
  ];

  test.each(accepted)('%s', (_label, request) => {
    expect(checker.check(request)).toEqual([]);
  });
});

describe('requests Graph would refuse are reported, one sentence each', () => {
  const rejected: Array<[string, ContractRequest, string[]]> = [
    ['unknown path', get('/me/foo'), ['GET /me/foo: no such path in Graph v1.0 (not in the contract description nor on its allow-list).']],
    ['unknown segment under /users/{id}', get('/users/u1/nonsense'), ['GET /users/u1/nonsense: no such path in Graph v1.0 (not in the contract description nor on its allow-list).']],
    ['OData segment the description lacks', get('/me/messages/$count'), ['GET /me/messages/$count: no such path in Graph v1.0 (not in the contract description nor on its allow-list).']],
    ['wrong method', { method: 'delete', path: '/me', query: {} }, ['DELETE /me: method DELETE is not allowed on /me (allowed: GET, PATCH).']],
    ['GET on an action', get(`/me/messages/${MESSAGE}/move`), [`GET /me/messages/${MESSAGE}/move: method GET is not allowed on /me/messages/{message-id}/microsoft.graph.move (allowed: POST).`]],
    ['GET on $batch', get('/$batch'), ['GET /$batch: method GET is not allowed on /$batch (allowed: POST).']],
    ['$top=-1', get('/me/messages', { $top: '-1' }), ["GET /me/messages: query option '$top' must be ≥ 0 (got -1)."]],
    ['$top not a number', get('/me/messages', { top: 'ten' }), ["GET /me/messages: query option 'top' must be an integer (got 'ten')."]],
    ['$select=subjectt', get('/me/messages', { $select: 'id,subjectt' }), ["GET /me/messages: query option '$select' item 'subjectt' is not one of the values this operation accepts (did you mean 'subject'?)."]],
    ['$select names are case-sensitive', get('/me/events', { $select: 'Subject' }), ["GET /me/events: query option '$select' item 'Subject' is not one of the values this operation accepts (did you mean 'subject'?)."]],
    ['$select listing a property twice', get('/me/events', { $select: 'subject,subject' }), ["GET /me/events: query option '$select' lists 'subject' twice."]],
    ['$orderby on a property not in the enum', get('/me/mailFolders/inbox/messages', { $orderby: 'attachments desc' }), ["GET /me/mailFolders/inbox/messages: query option '$orderby' item 'attachments desc' is not one of the values this operation accepts."]],
    ['$orderby with a bad direction', get('/me/mailFolders/inbox/messages', { $orderby: 'receivedDateTime down' }), ["GET /me/mailFolders/inbox/messages: query option '$orderby' item 'receivedDateTime down' must be a property optionally followed by asc or desc."]],
    ['$expand on an operation that does not declare it', get('/me/messages', { $expand: 'attachments' }), ["GET /me/messages: query option '$expand' is not supported by this operation (it accepts $top, $skip, $search, $filter, $count, $orderby, $select)."]],
    ['$expand of an unknown navigation property', get(ITEMS, { $expand: 'feilds' }), [`GET ${ITEMS}: query option '$expand' item 'feilds' is not one of the values this operation accepts (did you mean 'fields'?).`]],
    ['$expand with unbalanced parentheses', get(ITEMS, { $expand: 'fields($select=Title' }), [`GET ${ITEMS}: query option '$expand' has unbalanced parentheses ('fields($select=Title').`]],
    ['nested $select of a property the target lacks', get(ITEMS, { $expand: 'driveItem($select=nme)' }), [`GET ${ITEMS}: query option '$expand' selects 'nme' on 'driveItem', which microsoft.graph.driveItem does not have (did you mean 'name'?).`]],
    ['$count not a boolean', get('/me/messages', { $count: 'yes' }), ["GET /me/messages: query option '$count' must be true or false (got 'yes')."]],
    ['empty $filter', get('/me/messages', { $filter: '' }), ["GET /me/messages: query option '$filter' is empty."]],
    ['option sent twice (with and without $)', get('/me/messages', { $top: '5', top: '6' }), ["GET /me/messages: query option 'top' repeats '$top'."]],
    ['$search where the operation does not declare it', get('/me/events', { $search: 'pizza' }), ["GET /me/events: query option '$search' is not supported by this operation (it accepts $top, $skip, $filter, $count, $orderby, $select)."]],
    ['custom option Graph does not document for the operation', get('/me/messages', { changeType: 'created' }), ["GET /me/messages: query option 'changeType' is not supported by this operation (it accepts $top, $skip, $search, $filter, $count, $orderby, $select)."]],
    ['$skiptoken on a single-entity GET', get('/me', { $skiptoken: 'abc' }), ["GET /me: query option '$skiptoken' is a paging token this operation never issues."]],
    ['$deltatoken outside a delta function', get('/me/messages', { $deltatoken: 'abc' }), ["GET /me/messages: query option '$deltatoken' is a paging token this operation never issues."]],
    ['calendarView without its window', get('/me/calendarView'), ["GET /me/calendarView: required query option 'startDateTime' is missing.", "GET /me/calendarView: required query option 'endDateTime' is missing."]],
    ['calendarView with a malformed date', get('/me/calendarView', { startDateTime: 'tomorrow', endDateTime: '2024-05-08' }), [
      "GET /me/calendarView: query option 'startDateTime' must be an ISO 8601 date-time such as 2024-05-01T09:00:00Z (got 'tomorrow').",
      "GET /me/calendarView: query option 'endDateTime' must be an ISO 8601 date-time such as 2024-05-01T09:00:00Z (got '2024-05-08').",
    ]],
    ['items/delta with an option it does not take', get(`${ITEMS}/delta`, { $filter: 'x' }), [`GET ${ITEMS}/delta: query option '$filter' is not supported by this operation (it accepts $select, $expand, $top, token).`]],
    ['body {isread: true}', send('PATCH', `/me/messages/${MESSAGE}`, { isread: true }), [`PATCH /me/messages/${MESSAGE}: body property 'isread' is not a property of microsoft.graph.message (did you mean 'isRead'?).`]],
    ['nested typo {flag: {flagstatus}}', send('PATCH', `/me/messages/${MESSAGE}`, { flag: { flagstatus: 'flagged' } }), [`PATCH /me/messages/${MESSAGE}: body property 'flag.flagstatus' is not a property of microsoft.graph.followupFlag (did you mean 'flagStatus'?).`]],
    ['{flag: {flagStatus: bogus}}', send('PATCH', `/me/messages/${MESSAGE}`, { flag: { flagStatus: 'bogus' } }), [`PATCH /me/messages/${MESSAGE}: body property 'flag.flagStatus' must be one of 'notFlagged', 'complete', 'flagged' or null (got 'bogus').`]],
    ['wrong scalar type', send('PATCH', `/me/messages/${MESSAGE}`, { isRead: 'yes' }), [`PATCH /me/messages/${MESSAGE}: body property 'isRead' must be a boolean or null (got 'yes').`]],
    ['complex property given a scalar', send('PATCH', `/me/messages/${MESSAGE}`, { flag: 'flagged' }), [`PATCH /me/messages/${MESSAGE}: body property 'flag' must be an object or null (got 'flagged').`]],
    ['nested dateTimeTimeZone typo', send('PATCH', `/me/messages/${MESSAGE}`, { flag: { flagStatus: 'flagged', startDateTime: { datetime: '2024-05-01T09:00:00', timeZone: 'UTC' } } }), [
      `PATCH /me/messages/${MESSAGE}: body property 'flag.startDateTime.datetime' is not a property of microsoft.graph.dateTimeTimeZone (did you mean 'dateTime'?).`,
    ]],
    ['malformed DateTimeOffset', send('PATCH', `/me/messages/${MESSAGE}`, { receivedDateTime: 'yesterday' }), [`PATCH /me/messages/${MESSAGE}: body property 'receivedDateTime' must be a valid date-time (got 'yesterday').`]],
    ['categories must be strings', send('PATCH', `/me/messages/${MESSAGE}`, { categories: ['ok', 7] }), [`PATCH /me/messages/${MESSAGE}: body property 'categories[1]' must be a string or null (got 7).`]],
    ['PATCH without a body', { method: 'PATCH', path: `/me/messages/${MESSAGE}`, query: {} }, [`PATCH /me/messages/${MESSAGE}: a JSON request body is required.`]],
    ['GET with a body', send('GET', '/me', { x: 1 }), ['GET /me: GET takes no request body here, but one was sent.']],
    ['move without destinationId (non-nullable action parameter)', send('POST', `/me/messages/${MESSAGE}/move`, {}), [`POST /me/messages/${MESSAGE}/move: required body parameter 'destinationId' of action 'move' is missing.`]],
    ['move with a misspelt parameter', send('POST', `/me/messages/${MESSAGE}/move`, { destinationid: 'archive' }), [
      `POST /me/messages/${MESSAGE}/move: body parameter 'destinationid' is not a parameter of action 'move' (parameters: destinationId) (did you mean 'destinationId'?).`,
      `POST /me/messages/${MESSAGE}/move: required body parameter 'destinationId' of action 'move' is missing.`,
    ]],
    ['move with a key that only exists on Object.prototype', send('POST', `/me/messages/${MESSAGE}/move`, { destinationId: 'archive', constructor: 'x' }), [
      `POST /me/messages/${MESSAGE}/move: body parameter 'constructor' is not a parameter of action 'move' (parameters: destinationId).`,
    ]],
    ['move with destinationId not a string', send('POST', `/me/messages/${MESSAGE}/move`, { destinationId: 42 }), [`POST /me/messages/${MESSAGE}/move: body property 'destinationId' must be a string (got 42).`]],
    ['action parameter given in both spellings', send('POST', `/me/messages/${MESSAGE}/move`, { destinationId: 'a', DestinationId: 'b' }), [`POST /me/messages/${MESSAGE}/move: body parameter 'DestinationId' repeats 'destinationId'.`]],
    ['translateExchangeIds with a bad id format', send('POST', '/me/translateExchangeIds', { inputIds: [MESSAGE], sourceIdType: 'rest', targetIdType: 'restImmutableEntryId' }), [
      "POST /me/translateExchangeIds: body property 'sourceIdType' must be one of 'entryId', 'ewsId', 'immutableEntryId', 'restId', 'restImmutableEntryId' (got 'rest').",
    ]],
    ['list column with a typo in its type facet', send('POST', `/sites/${SITE}/lists`, { displayName: 'T', columns: [{ name: 'Email', text: { maxlength: 5 } }] }), [
      `POST /sites/${SITE}/lists: body property 'columns[0].text.maxlength' is not a property of microsoft.graph.textColumn (did you mean 'maxLength'?).`,
    ]],
    ['list column with an out-of-range int32', send('POST', `/sites/${SITE}/lists`, { displayName: 'T', columns: [{ name: 'Email', text: { maxLength: 2 ** 31 } }] }), [
      `POST /sites/${SITE}/lists: body property 'columns[0].text.maxLength' must be <= 2147483647 (got 2147483648).`,
    ]],
    ['list item with an unknown top-level property', send('POST', ITEMS, { field: { Title: 'x' } }), [`POST ${ITEMS}: body property 'field' is not a property of microsoft.graph.listItem (did you mean 'fields'?).`]],
    ['@odata.type that is not a subtype', send('POST', '/me/messages', { attachments: [{ '@odata.type': '#microsoft.graph.event' }] }), [
      "POST /me/messages: body property 'attachments[0].@odata.type' names '#microsoft.graph.event', which is not microsoft.graph.attachment or derived from it.",
    ]],
    ['derived type: its own properties are checked', send('POST', '/me/messages', { attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', name: 'a', contentByte: 'SGk=' }] }), [
      "POST /me/messages: body property 'attachments[0].contentByte' is not a property of microsoft.graph.fileAttachment (did you mean 'contentBytes'?).",
    ]],
    ['annotation on a property that does not exist', send('PATCH', `/me/messages/${MESSAGE}`, { 'sendr@odata.bind': 'x' }), [
      `PATCH /me/messages/${MESSAGE}: body property 'sendr@odata.bind' is an annotation of 'sendr', which is not a property of microsoft.graph.message.`,
    ]],
  ];

  test.each(rejected)('%s', (_label, request, problems) => {
    expect(checker.check(request)).toEqual(problems);
  });
});

describe('documented Graph the February 2023 subset lacks (supplement.ts, aliases, open members)', () => {
  const accepted: Array<[string, ContractRequest]> = [
    // List items: ordering by a column of the open fieldValueSet, next to $filter and $expand.
    ['items: $orderby=fields/X', get(ITEMS, { $orderby: 'fields/Created' })],
    [
      'items: $orderby=fields/X desc with $filter on fields, $expand=fields($select) and $top',
      get(ITEMS, { $filter: "fields/EntityKey eq 'person-7' and fields/Note eq 'odd'", $orderby: 'fields/Created desc', $expand: 'fields($select=ItemKey)', $top: '10' }),
    ],
    ['items: $orderby mixing a column and a listItem property, asc and form-encoded', get(ITEMS, { $orderby: 'fields/Email asc,id+desc' })],
    ['items: $filter alone (presence only)', get(ITEMS, { $filter: "startswith(fields/ItemKey,'msg-1')" })],
    // Get, Update, Delete columnDefinition.
    ['GET column', get(COLUMN)],
    ['GET column with $select and $expand (as on the columns collection)', get(COLUMN, { $select: 'name,indexed,text', $expand: 'sourceColumn' })],
    ['PATCH column: index it', send('PATCH', COLUMN, { indexed: true })],
    ['PATCH column: several properties, nested facet', send('PATCH', COLUMN, { displayName: 'Koodi', required: false, text: { maxLength: 64 } })],
    ['DELETE column', { method: 'DELETE', path: COLUMN, query: {} }],
    ['column by path-addressed site', send('PATCH', '/sites/contoso.sharepoint.com:/sites/trail:/lists/Projects/columns/Code', { indexed: false })],
    // Get and Update user mailbox settings.
    ['GET /me/mailboxSettings', get('/me/mailboxSettings')],
    ['GET /me/mailboxSettings with $select', get('/me/mailboxSettings', { $select: 'timeZone,language,workingHours' })],
    ['PATCH /me/mailboxSettings: time zone', send('PATCH', '/me/mailboxSettings', { timeZone: 'FLE Standard Time' })],
    [
      'PATCH /me/mailboxSettings: automatic replies and working hours (the page examples, with @odata.context)',
      send('PATCH', '/me/mailboxSettings', {
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Me/mailboxSettings',
        automaticRepliesSetting: { status: 'scheduled', scheduledStartDateTime: { dateTime: '2016-03-20T18:00:00.0000000', timeZone: 'UTC' } },
        workingHours: { daysOfWeek: ['monday', 'friday'], startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'Pacific Standard Time' } },
      }),
    ],
    // List instances.
    ['GET instances with its window', get(`/me/events/${EVENT}/instances`, WINDOW)],
    ['GET instances with $select, $top and a skiptoken (pageable)', get(`/me/events/${EVENT}/instances`, { ...WINDOW, $select: 'subject,start,end,type', $top: '10', $skiptoken: 'abc' })],
    // /users/{id | userPrincipalName}/... as the /me operation.
    ['GET /users/{id}', get(`/users/${USER}`)],
    ['GET /users/{upn} with $select', get('/users/mikko.korhonen@seutuopisto.fi', { $select: 'id,displayName,mail' })],
    ['GET /users/{id}/mailFolders/inbox', get(`/users/${USER}/mailFolders/inbox`)],
    ['GET /users/{id}/mailFolders with includeHiddenFolders', get(`/users/${USER}/mailFolders`, { includeHiddenFolders: 'true' })],
    ['GET /users/{id}/messages/{id}', get(`/users/${USER}/messages/${MESSAGE}`, { $select: 'subject' })],
    ['PATCH /users/{id}/messages/{id}', send('PATCH', `/users/${USER}/messages/${MESSAGE}`, { isRead: true })],
    ['GET /users/{id}/events', get(`/users/${USER}/events`, { $top: '5' })],
    ['GET /users/{id}/calendarView with its window', get(`/users/${USER}/calendarView`, WINDOW)],
    ['GET /users/{id}/events/{id}/instances', get(`/users/${USER}/events/${EVENT}/instances`, WINDOW)],
    ['GET /users/{id}/mailboxSettings', get(`/users/${USER}/mailboxSettings`)],
    // A message addressed under its folder (Get, Update, Delete message; move).
    ['GET message under its folder', get(`/me/mailFolders/inbox/messages/${MESSAGE}`)],
    ['PATCH message under its folder', send('PATCH', `/me/mailFolders/${FOLDER}/messages/${MESSAGE}`, { isRead: false })],
    ['DELETE message under its folder', { method: 'DELETE', path: `/me/mailFolders/inbox/messages/${MESSAGE}`, query: {} }],
    ['POST move of a message under its folder, for another user', send('POST', `/users/${USER}/mailFolders/inbox/messages/${MESSAGE}/move`, { destinationId: 'archive' })],
    ['mail delta under a folder is still the described function', get(`/me/mailFolders/${FOLDER}/messages/delta`, { $select: 'id' })],
    // includeHiddenFolders (List mailFolders, List childFolders); the sandbox hands names over lower-cased.
    ['GET /me/mailFolders with includeHiddenFolders', get('/me/mailFolders', { $top: '100', includeHiddenFolders: 'true' })],
    ['GET childFolders with includehiddenfolders (lower-cased)', get(`/me/mailFolders/${FOLDER}/childFolders`, { includehiddenfolders: 'false' })],
  ];

  test.each(accepted)('%s', (_label, request) => {
    expect(checker.check(request)).toEqual([]);
  });

  const rejected: Array<[string, ContractRequest, string[]]> = [
    ['$orderby on a misspelt navigation property', get(ITEMS, { $orderby: 'feilds/Email desc' }), [`GET ${ITEMS}: query option '$orderby' item 'feilds/Email desc' is not one of the values this operation accepts.`]],
    ['$orderby on fields itself', get(ITEMS, { $orderby: 'fields' }), [`GET ${ITEMS}: query option '$orderby' item 'fields' is not one of the values this operation accepts.`]],
    ['$orderby two levels into fields', get(ITEMS, { $orderby: 'fields/Owner/Email' }), [`GET ${ITEMS}: query option '$orderby' item 'fields/Owner/Email' is not one of the values this operation accepts.`]],
    ['$orderby into a navigation property that is not open', get(ITEMS, { $orderby: 'driveItem/name' }), [`GET ${ITEMS}: query option '$orderby' item 'driveItem/name' is not one of the values this operation accepts.`]],
    ['$orderby=fields/X with a bad direction', get(ITEMS, { $orderby: 'fields/Created down' }), [`GET ${ITEMS}: query option '$orderby' item 'fields/Created down' must be a property optionally followed by asc or desc.`]],
    ['$orderby=fields/X where the type has no fields', get('/me/messages', { $orderby: 'fields/Created' }), ["GET /me/messages: query option '$orderby' item 'fields/Created' is not one of the values this operation accepts."]],
    ['PATCH column with a typo', send('PATCH', COLUMN, { indexd: true }), [`PATCH ${COLUMN}: body property 'indexd' is not a property of microsoft.graph.columnDefinition (did you mean 'indexed'?).`]],
    ['PATCH column with a typo in a nested facet', send('PATCH', COLUMN, { text: { maxlength: 5 } }), [`PATCH ${COLUMN}: body property 'text.maxlength' is not a property of microsoft.graph.textColumn (did you mean 'maxLength'?).`]],
    ['PATCH column with a wrong scalar type', send('PATCH', COLUMN, { indexed: 'yes' }), [`PATCH ${COLUMN}: body property 'indexed' must be a boolean or null (got 'yes').`]],
    ['PATCH column without a body', { method: 'PATCH', path: COLUMN, query: {} }, [`PATCH ${COLUMN}: a JSON request body is required.`]],
    ['DELETE column with a body', send('DELETE', COLUMN, { indexed: true }), [`DELETE ${COLUMN}: DELETE takes no request body here, but one was sent.`]],
    ['POST to a single column', send('POST', COLUMN, { name: 'x' }), [`POST ${COLUMN}: method POST is not allowed on /sites/{site-id}/lists/{list-id}/columns/{column-id} (allowed: GET, PATCH, DELETE).`]],
    ['GET column with an option it does not take', get(COLUMN, { $top: '1' }), [`GET ${COLUMN}: query option '$top' is not supported by this operation (it accepts $select, $expand).`]],
    ['GET column selecting a property columnDefinition lacks', get(COLUMN, { $select: 'indexd' }), [`GET ${COLUMN}: query option '$select' item 'indexd' is not one of the values this operation accepts (did you mean 'indexed'?).`]],
    ['mailboxSettings with an unknown query option', get('/me/mailboxSettings', { $top: '1' }), ["GET /me/mailboxSettings: query option '$top' is not supported by this operation (it accepts $select)."]],
    ['mailboxSettings $select of a property it lacks', get('/me/mailboxSettings', { $select: 'timezone' }), ["GET /me/mailboxSettings: query option '$select' item 'timezone' is not one of the values this operation accepts (did you mean 'timeZone'?)."]],
    ['PATCH mailboxSettings with a typo', send('PATCH', '/me/mailboxSettings', { timezone: 'UTC' }), ["PATCH /me/mailboxSettings: body property 'timezone' is not a property of microsoft.graph.mailboxSettings (did you mean 'timeZone'?)."]],
    ['PATCH mailboxSettings with a bad day', send('PATCH', '/me/mailboxSettings', { workingHours: { daysOfWeek: ['someday'] } }), [
      "PATCH /me/mailboxSettings: body property 'workingHours.daysOfWeek[0]' must be one of 'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday' or null (got 'someday').",
    ]],
    ['PATCH mailboxSettings with a query option', send('PATCH', '/me/mailboxSettings', { timeZone: 'UTC' }, { $select: 'timeZone' }), ["PATCH /me/mailboxSettings: query option '$select' is not supported by this operation (it accepts no query options)."]],
    ['DELETE mailboxSettings', { method: 'DELETE', path: '/me/mailboxSettings', query: {} }, ['DELETE /me/mailboxSettings: method DELETE is not allowed on /me/mailboxSettings (allowed: GET, PATCH).']],
    ['instances without its window', get(`/me/events/${EVENT}/instances`), [
      `GET /me/events/${EVENT}/instances: required query option 'startDateTime' is missing.`,
      `GET /me/events/${EVENT}/instances: required query option 'endDateTime' is missing.`,
    ]],
    ['instances with a malformed date, for another user', get(`/users/${USER}/events/${EVENT}/instances`, { startDateTime: 'monday', endDateTime: WINDOW.endDateTime }), [
      `GET /users/${USER}/events/${EVENT}/instances: query option 'startDateTime' must be an ISO 8601 date-time such as 2024-05-01T09:00:00Z (got 'monday').`,
    ]],
    ['DELETE /users/{id} (not a /me operation)', { method: 'DELETE', path: `/users/${USER}`, query: {} }, [`DELETE /users/${USER}: method DELETE is not allowed on /users/{user-id} (allowed: GET, PATCH).`]],
    ['/users/{id}/calendarView without its window', get(`/users/${USER}/calendarView`), [
      `GET /users/${USER}/calendarView: required query option 'startDateTime' is missing.`,
      `GET /users/${USER}/calendarView: required query option 'endDateTime' is missing.`,
    ]],
    ['/users/{id} with a $select typo', get(`/users/${USER}`, { $select: 'displayname' }), [`GET /users/${USER}: query option '$select' item 'displayname' is not one of the values this operation accepts (did you mean 'displayName'?).`]],
    ['/users alone (list users is not described)', get('/users'), ['GET /users: no such path in Graph v1.0 (not in the contract description nor on its allow-list).']],
    ['/users/delta is a function, not a user', get('/users/delta'), ['GET /users/delta: no such path in Graph v1.0 (not in the contract description nor on its allow-list).']],
    ['message under its folder with a body typo', send('PATCH', `/me/mailFolders/inbox/messages/${MESSAGE}`, { isread: true }), [
      `PATCH /me/mailFolders/inbox/messages/${MESSAGE}: body property 'isread' is not a property of microsoft.graph.message (did you mean 'isRead'?).`,
    ]],
    ['POST to a message under its folder', send('POST', `/users/${USER}/mailFolders/inbox/messages/${MESSAGE}`, {}), [
      `POST /users/${USER}/mailFolders/inbox/messages/${MESSAGE}: method POST is not allowed on /users/{user-id}/mailFolders/{mailFolder-id}/messages/{message-id} (allowed: GET, DELETE, PATCH).`,
    ]],
    ['OData segment under a folder message', get(`/me/mailFolders/inbox/messages/$count`), ['GET /me/mailFolders/inbox/messages/$count: no such path in Graph v1.0 (not in the contract description nor on its allow-list).']],
    ['includeHiddenFolders not a boolean', get('/me/mailFolders', { includeHiddenFolders: 'yes' }), ["GET /me/mailFolders: query option 'includeHiddenFolders' must be true or false (got 'yes')."]],
    ['a body on ownedObjects', { method: 'GET', path: '/me/ownedObjects', query: {}, body: {} }, ['GET /me/ownedObjects: GET takes no request body here, but one was sent.']],
    ['includeHiddenFolders on a single folder', get('/me/mailFolders/inbox', { includeHiddenFolders: 'true' }), ["GET /me/mailFolders/inbox: query option 'includeHiddenFolders' is not supported by this operation (it accepts $select)."]],
  ];

  test.each(rejected)('%s', (_label, request, problems) => {
    expect(checker.check(request)).toEqual(problems);
  });

  test('every hand-described operation and extra option is reachable', () => {
    const concrete = (template: string): string => template.replace(/\{[^}]+\}/g, 'x');
    for (const entry of HAND_DESCRIBED) {
      const query = entry.template.endsWith('/instances') ? WINDOW : {};
      const request = { method: entry.method, path: concrete(entry.template), query, ...(entry.body ? { body: {} } : {}) };
      expect([entry.page, checker.check(request)]).toEqual([entry.page, []]);
    }
    for (const extra of EXTRA_QUERY_OPTIONS) {
      expect([extra.page, checker.check(get(concrete(extra.template), { [extra.name]: 'true' }))]).toEqual([extra.page, []]);
    }
  });
});

describe('responses are checked against the description for their operation and status', () => {
  const reply = (status: number, body?: unknown): ContractResponse => (body === undefined ? { status } : { status, body });
  const innerError = { date: '2025-03-12T10:00:00', 'request-id': 'r1', 'client-request-id': 'c1' };
  const GET_MESSAGE = get(`/me/messages/${MESSAGE}`);
  const MESSAGE_PATH = `/me/messages/${MESSAGE}`;

  const accepted: Array<[string, ContractRequest, ContractResponse]> = [
    ['a message with OData annotations', GET_MESSAGE, reply(200, { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/messages/$entity', '@odata.etag': 'W/"x"', id: MESSAGE, subject: 'Hi', isRead: false, flag: { flagStatus: 'notFlagged' }, receivedDateTime: '2025-03-12T09:00:00Z' })],
    ['an instance annotation', GET_MESSAGE, reply(200, { id: MESSAGE, '@microsoft.graph.tips': 'Use $select' })],
    ['a page of a collection', get('/me/mailFolders/inbox/messages'), reply(200, { '@odata.context': 'x', '@odata.nextLink': 'https://graph.microsoft.com/v1.0/me/messages?$skip=10', value: [{ id: 'a', subject: null, categories: ['c'] }] })],
    ['a delta page', get('/me/mailFolders/inbox/messages/delta'), reply(200, { '@odata.deltaLink': 'x', value: [{ id: 'a', '@removed': { reason: 'deleted' } }] })],
    ['a list item with its open fields', get(`${ITEMS}/5`), reply(200, { id: '5', '@odata.etag': '"1"', 'fields@odata.context': 'x', fields: { Title: 'x', AnyColumn: 3, '@odata.etag': '"1"' } })],
    ['a derived type named by @odata.type', get('/me/messages'), reply(200, { value: [{ '@odata.type': '#microsoft.graph.eventMessage', id: 'a', meetingMessageType: 'meetingRequest' }] })],
    ['204 without a body', { method: 'DELETE', path: MESSAGE_PATH, query: {} }, reply(204)],
    ['an error in Graph\'s documented envelope', GET_MESSAGE, reply(404, { error: { code: 'ErrorItemNotFound', message: 'Not found.', innerError } })],
    ['an error for a path the description does not have', get('/me/notAThing'), reply(400, { error: { code: 'BadRequest', message: "Resource not found for the segment 'notAThing'.", innerError } })],
    ['the throttling sample', get('/me/messages'), reply(429, { error: { code: 'TooManyRequests', message: 'Please retry again later.', innerError: { code: '429', message: 'Please retry after', status: '429', ...innerError } } })],
    ['hand-described: mailbox settings', get('/me/mailboxSettings'), reply(200, { '@odata.context': 'x', timeZone: 'UTC', workingHours: { daysOfWeek: ['monday'], startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'UTC' } } })],
    ['hand-described: a page of instances', get(`/me/events/${EVENT}/instances`, WINDOW), reply(200, { value: [{ id: 'i1', subject: 'x', type: 'occurrence' }], '@odata.nextLink': 'x' })],
    ['hand-described: owned objects with limited information (a group\'s type and id)', get('/me/ownedObjects'), reply(200, { '@odata.context': 'x', value: [{ '@odata.type': '#microsoft.graph.group', id: 'g1' }] })],
    ['hand-described: a group\'s team site', get('/groups/g1/sites/root', { $select: 'id' }), reply(200, { id: 'contoso.sharepoint.com,a,b' })],
    ['identity is open in responses (createdBy.user.email, as SharePoint sends it)', get(`${ITEMS}/5`), reply(200, { id: '5', createdBy: { user: { email: 'a@contoso.com', id: 'u1', displayName: 'A' } } })],
    ['allow-listed: list item delta', get(`${ITEMS}/delta`), reply(200, { '@odata.deltaLink': 'x', value: [{ id: '1', fields: { Title: 'a' } }, { id: '2', deleted: { state: 'deleted' } }] })],
  ];

  test.each(accepted)('accepted: %s', (_label, request, response) => {
    expect(checker.checkResponse(request, response)).toEqual([]);
  });

  const rejected: Array<[string, ContractRequest, ContractResponse, string[]]> = [
    ['wrong scalar type', GET_MESSAGE, reply(200, { id: MESSAGE, isRead: 'yes' }), [`GET ${MESSAGE_PATH} → 200: response property 'isRead' must be a boolean or null (got 'yes').`]],
    ['unknown property', GET_MESSAGE, reply(200, { id: MESSAGE, isread: true }), [`GET ${MESSAGE_PATH} → 200: response property 'isread' is not a property of microsoft.graph.message (did you mean 'isRead'?).`]],
    ['unknown nested property inside a collection', get('/me/messages'), reply(200, { value: [{ id: 'a', flag: { status: 'flagged' } }] }), [
      "GET /me/messages → 200: response property 'value[0].flag.status' is not a property of microsoft.graph.followupFlag.",
    ]],
    ['collection member that is not an object', get('/me/messages'), reply(200, { value: ['a'] }), ["GET /me/messages → 200: response property 'value[0]' must be an object (got 'a')."]],
    ['date-time without a zone', GET_MESSAGE, reply(200, { receivedDateTime: '2025-03-12T09:00:00' }), [`GET ${MESSAGE_PATH} → 200: response property 'receivedDateTime' must be a valid date-time (got '2025-03-12T09:00:00').`]],
    ['unknown property of a list item (outside fields)', get(`${ITEMS}/5`), reply(200, { id: '5', Title: 'x' }), [`GET ${ITEMS}/5 → 200: response property 'Title' is not a property of microsoft.graph.listItem.`]],
    ['a body where the description documents none', { method: 'DELETE', path: MESSAGE_PATH, query: {} }, reply(204, {}), [`DELETE ${MESSAGE_PATH} → 204: the description documents no response body for this status, but one was sent.`]],
    ['a status the operation does not document', { method: 'DELETE', path: MESSAGE_PATH, query: {} }, reply(200), [`DELETE ${MESSAGE_PATH} → 200: status 200 is not a documented response of this operation (documented: 204, 4XX, 5XX).`]],
    ['no body where one is documented', GET_MESSAGE, reply(200), [`GET ${MESSAGE_PATH} → 200: the description documents a JSON response body for this status, but none was sent.`]],
    ['error without a code', GET_MESSAGE, reply(404, { error: { message: 'Not found.' } }), [`GET ${MESSAGE_PATH} → 404: response property 'error' is missing required property 'code'.`]],
    ['error with an unknown member', GET_MESSAGE, reply(404, { error: { code: 'x', message: 'y', reason: 'z' } }), [`GET ${MESSAGE_PATH} → 404: response property 'error.reason' is not a property of the error object.`]],
    ['error not in the envelope', GET_MESSAGE, reply(400, { code: 'x', message: 'y' }), [
      `GET ${MESSAGE_PATH} → 400: response is missing required property 'error'.`,
      `GET ${MESSAGE_PATH} → 400: response property 'code' is not a property of the error response.`,
      `GET ${MESSAGE_PATH} → 400: response property 'message' is not a property of the error response.`,
    ]],
    ['hand-described: wrong type in mailbox settings', get('/me/mailboxSettings'), reply(200, { timeZone: 3 }), ["GET /me/mailboxSettings → 200: response property 'timeZone' must be a string or null (got 3)."]],
  ];

  test.each(rejected)('reported: %s', (_label, request, response, problems) => {
    expect(checker.checkResponse(request, response)).toEqual(problems);
  });

  test('identity stays closed in requests', () => {
    expect(checker.check(send('POST', ITEMS, { fields: { Title: 'x' }, createdBy: { user: { email: 'a@contoso.com' } } }))).toEqual([
      `POST ${ITEMS}: body property 'createdBy.user.email' is not a property of microsoft.graph.identity.`,
    ]);
  });

  test('a request the description does not know is reported by check(); its success response is not judged again', () => {
    expect(checker.checkResponse(get('/me/notAThing'), reply(200, { anything: 1 }))).toEqual([]);
  });
});
