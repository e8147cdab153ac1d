/**
 * Saving a person's edited details (name, title, phone, organisation, addresses, stakeholder roles)
 * under the record's If-Match rule: the store re-applies the change over others' edits of other
 * fields (a merge); when someone changed the same field meanwhile nothing is overwritten and the
 * caller is told which fields and what they now hold, to ask the user.
 */
import { normaliseAddress, type AddressProblem } from '../../domain/addresses';
import type { DuplicateCandidate } from '../../domain/duplicates';
import type { EntitySummary, Person } from '../../domain/entities';
import { ConflictError, DuplicateKeyError, InvalidInputError } from '../../record/errors';
import { TITLE_MAX } from '../../record/mapping';
import type { TrailStore } from '../../record/trailStore';

/** The most characters a person's name may have: the list's Title column. */
export const NAME_MAX = TITLE_MAX;

export interface PersonDraft {
  name: string;
  jobTitle: string;
  phone: string;
  organisationId: string | null;
  /** The primary address first. */
  emails: string[];
  roles: string[];
}

export type DraftField = keyof PersonDraft;

export type PersonSave =
  | { status: 'saved'; person: Person }
  /** Someone else changed these fields since the person was read: `latest` is the person as they are now. */
  | { status: 'conflict'; fields: DraftField[]; latest: Person }
  | { status: 'duplicate'; address: string; owner: EntitySummary | undefined }
  | { status: 'invalid'; problems: Array<{ field: string; value: string; problem: string }> }
  /** Nothing saved: other people already have the new name (with their addresses); save again `anyway` if this is someone else. */
  | { status: 'sameName'; others: DuplicateCandidate[] };

/**
 * A phone number as people write one: an optional + first, then digits with spaces, hyphens and
 * parentheses between them (at least one digit). Empty is no number. "call me maybe" is not one.
 */
export const isPhoneNumber = (value: string): boolean => {
  const phone = value.trim();
  return phone === '' || (/^\+?[\d\s()-]+$/.test(phone) && /\d/.test(phone));
};

/** What is wrong with one field of a draft; an address is named by its place in the list. */
export type DraftProblem =
  | { field: 'name'; problem: 'emptyName' | 'nameTooLong' }
  | { field: 'phone'; problem: 'notPhone' }
  | { field: 'emails'; index: number; problem: AddressProblem };

/**
 * Every invalid field of the draft at once (not the first only), checked before anything is sent:
 * the name (present, within the Title column), the phone, and each address typed (blank rows are
 * dropped on save; no address at all is a problem of the first row).
 */
export function draftProblems(draft: PersonDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const name = draft.name.trim();
  if (!name) problems.push({ field: 'name', problem: 'emptyName' });
  else if (name.length > NAME_MAX) problems.push({ field: 'name', problem: 'nameTooLong' });
  if (!isPhoneNumber(draft.phone)) problems.push({ field: 'phone', problem: 'notPhone' });
  draft.emails.forEach((address, index) => {
    if (!address.trim()) return;
    const n = normaliseAddress(address);
    if (!n.ok) problems.push({ field: 'emails', index, problem: n.problem });
  });
  if (draft.emails.every((address) => !address.trim())) problems.push({ field: 'emails', index: 0, problem: 'empty' });
  return problems;
}

export const draftOf = (person: Person): PersonDraft => ({
  name: person.name,
  jobTitle: person.jobTitle,
  phone: person.phone,
  organisationId: person.organisationId,
  emails: [...person.emails],
  roles: [...person.roles],
});

const COLUMN_FIELD: Record<string, DraftField> = { Title: 'name', JobTitle: 'jobTitle', Phone: 'phone', OrganisationId: 'organisationId', Emails: 'emails', Roles: 'roles' };

/** Only what the user changed, so an untouched field never overwrites a colleague's edit of it. */
export function changesOf(person: Person, draft: PersonDraft): Partial<PersonDraft> {
  const before = draftOf(person);
  const changes: Partial<PersonDraft> = {};
  const emails = draft.emails.map((e) => e.trim()).filter(Boolean);
  const roles = [...new Set(draft.roles.map((r) => r.trim()).filter(Boolean))];
  if (draft.name.trim() !== before.name) changes.name = draft.name.trim();
  if (draft.jobTitle.trim() !== before.jobTitle) changes.jobTitle = draft.jobTitle.trim();
  if (draft.phone.trim() !== before.phone) changes.phone = draft.phone.trim();
  if ((draft.organisationId ?? null) !== before.organisationId) changes.organisationId = draft.organisationId ?? null;
  if (emails.join('\n') !== before.emails.join('\n')) changes.emails = emails.map((e) => {
    const n = normaliseAddress(e);
    return n.ok ? n.address : e;
  });
  if (roles.join(';') !== before.roles.join(';')) changes.roles = roles;
  return changes;
}

/**
 * Saves what the user changed. A new name is first checked against the people Trail can see
 * (`othersNamed`; left out when the user chose to save anyway).
 */
export async function savePerson(store: TrailStore, person: Person, draft: PersonDraft, othersNamed?: (name: string) => Promise<DuplicateCandidate[]>): Promise<PersonSave> {
  const changes = changesOf(person, draft);
  // Every invalid field in one answer, and nothing sent while any is.
  const problems = draftProblems(draft);
  if (problems.length) {
    const valueOf = (p: DraftProblem) => (p.field === 'emails' ? (draft.emails[p.index] ?? '') : draft[p.field]);
    return { status: 'invalid', problems: problems.map((p) => ({ field: p.field, value: valueOf(p), problem: p.problem })) };
  }
  if (changes.name && othersNamed) {
    const others = await othersNamed(changes.name);
    if (others.length > 0) return { status: 'sameName', others };
  }
  try {
    return { status: 'saved', person: await store.update(person, changes) };
  } catch (error) {
    if (error instanceof ConflictError) {
      const latest = (await store.get(person.ref)) as Person;
      return { status: 'conflict', fields: [...new Set(error.fields.map((f) => COLUMN_FIELD[f]).filter((f): f is DraftField => !!f))], latest };
    }
    if (error instanceof DuplicateKeyError) return { status: 'duplicate', address: error.key, owner: error.owner };
    if (error instanceof InvalidInputError) return { status: 'invalid', problems: error.problems };
    throw error;
  }
}
