/**
 * The replica keeps a filing or a participation as its row's columns: the user's own write, kept from
 * what the store answered, reads back exactly as the same row read from SharePoint would.
 */
import type { Participation } from '../../../src/domain/entities';
import type { FiledItem } from '../../../src/domain/itemKeys';
import { filingFields, toFiling } from '../../../src/record/mapping';
import { FILING_FIELDS, PARTICIPANT_FIELDS, filingOfRow, participationOfRow, rowOfFiling, rowOfParticipation } from '../../../src/record/recordReplica';

const row = (id: string, fields: Record<string, unknown>, createdAt = '2026-12-01T09:00:00Z') => ({ id, etag: '', fields, createdAt, modifiedAt: '', createdBy: null });
const keep = (fields: Record<string, unknown>, names: readonly string[]) => Object.fromEntries(names.flatMap((n) => (fields[n] ? [[n, fields[n]]] : [])));

test.each<[string, FiledItem]>([
  ['a message', { kind: 'message', immutableId: 'AAMk1=', internetMessageId: '<a@b.fi>', conversationId: 'conv-1', subject: 'Tarjous', date: '2026-11-30T08:00:00Z', from: { name: 'Liisa', address: 'liisa@b.fi' }, mailbox: 'jaettu@b.fi' }],
  ['a meeting occurrence', { kind: 'event', immutableId: 'AAMkE=', iCalUId: 'ical-1', seriesMasterId: 'AAMkS=', subject: 'Palaveri', date: '2026-11-30T10:00:00Z', from: null, webLink: 'https://outlook.office.com/x' }],
  ['a note', { kind: 'note', immutableId: '17', subject: 'Puhelu', date: '2026-11-30T12:00:00Z', from: { name: 'Aino', address: 'aino@seutuopisto.fi' } }],
])('%s filed here reads back as the row SharePoint holds', (_, item) => {
  const fields = filingFields(item, { ref: { kind: 'organisation', id: '42' }, name: 'Kallio Oy', detail: '' }, { name: 'Aino Laine', upn: 'aino@seutuopisto.fi' }, 'sovittu');
  const fromServer = toFiling(row('7', fields));
  const kept = rowOfFiling(fromServer);
  expect(filingOfRow({ id: kept.id, createdAt: kept.createdAt, fields: keep(kept.fields, FILING_FIELDS) })).toEqual(fromServer);
  expect(filingOfRow({ id: '7', createdAt: '2026-12-01T09:00:00Z', fields: keep(fields, FILING_FIELDS) })).toEqual(fromServer);
});

test('a participation kept here reads back as the row SharePoint holds', () => {
  const p: Participation = { id: '3', etag: '', role: 'yhteyshenkilö', project: { ref: { kind: 'project', id: '9' }, name: 'Kevät', detail: '' }, entity: { ref: { kind: 'person', id: '5' }, name: 'Liisa', detail: '' } };
  const kept = rowOfParticipation(p);
  expect(participationOfRow({ id: kept.id, createdAt: '', fields: keep(kept.fields, PARTICIPANT_FIELDS) })).toEqual(p);
});
