import { useCallback, useState } from 'react';
import type { EntitySummary } from '../../domain/entities';
import type { FilingRuntime } from '../../services/filingRuntime';
import { projectKeepingOf, type Organisation } from '../../services/record/projectKeeping';
import { useAsync } from '../shared/useAsync';
import { useRecordSave } from '../shared/useRecordSave';

/** "Harjuamk" from harjuamk.fi: a name that is only its domain's first label, as made from a sender's address. */
export const nameLooksMadeFromDomain = (org: Pick<Organisation, 'name' | 'domains'>): boolean =>
  org.domains.some((d) => {
    const label = d.split('.').slice(-2, -1)[0] ?? d;
    const name = org.name.trim().toLocaleLowerCase('fi');
    return name === label.toLocaleLowerCase('fi') || name === d.toLocaleLowerCase('fi');
  });

export type OrganisationEdit = { kind: 'renamed'; name: string } | { kind: 'domainsSaved' };

/**
 * An organisation's name and domains, corrected in place. Each save is sent with the version read
 * (If-Match); a colleague's change to the same field is shown, never overwritten. A failed save keeps
 * what was typed.
 */
export function useOrganisationEditor(runtime: FilingRuntime, me: { name: string }, entity: EntitySummary, onChanged?: () => void) {
  const service = projectKeepingOf(runtime, me);
  const read = useCallback(() => service.organisation(entity.ref), [service, entity.ref]);
  const { state, reload } = useAsync(read, `organisation:${entity.ref.id}`);
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState('');
  const [domain, setDomain] = useState('');
  const { busy, outcome, run, edited } = useRecordSave<OrganisationEdit>(reload, onChanged);
  const org = state.status === 'ready' ? state.value : null;

  const write = (work: (org: Organisation) => Promise<Organisation>, said: (org: Organisation) => OrganisationEdit): Promise<boolean> =>
    org ? run(() => work(org), said) : Promise.resolve(false);

  const startRename = () => {
    edited();
    setName(org?.name ?? entity.name);
    setRenaming(true);
  };
  const rename = async () => {
    if (!name.trim()) return;
    if (await write((o) => service.renameOrganisation(o, name), (o) => ({ kind: 'renamed', name: o.name }))) setRenaming(false);
  };
  const addDomain = async () => {
    const d = domain.trim();
    if (!d) return;
    if (await write((o) => service.setDomains(o, [...o.domains, d]), () => ({ kind: 'domainsSaved' }))) setDomain('');
  };
  const removeDomain = (d: string) => write((o) => service.setDomains(o, o.domains.filter((x) => x !== d)), () => ({ kind: 'domainsSaved' }));

  const typed = (set: (text: string) => void) => (text: string) => {
    set(text);
    edited();
  };
  return { state, org, renaming, startRename, cancelRename: () => setRenaming(false), name, setName: typed(setName), rename, domain, setDomain: typed(setDomain), addDomain, removeDomain, busy, outcome };
}
