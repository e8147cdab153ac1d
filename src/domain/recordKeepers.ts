/**
 * Who may export and erase a person (a data subject's request): the record keepers the organisation
 * names in Trail Settings. With none named the default is the site's owners; the pane cannot always
 * tell who they are (Graph gives no delegated "am I an owner" for a SharePoint site), so then the
 * actions are offered and SharePoint's own permissions decide, and the UI says so. Pure.
 */
import { normaliseAddress } from './addresses';

export type KeeperStanding = 'named' | 'notNamed' | 'ownersByDefault';

export function recordKeeperStanding(keepers: readonly string[], user: string, siteOwner?: boolean): KeeperStanding {
  if (keepers.length === 0) return siteOwner === false ? 'notNamed' : 'ownersByDefault';
  const me = normaliseAddress(user);
  if (!me.ok) return 'notNamed';
  return keepers.some((k) => {
    const n = normaliseAddress(k);
    return n.ok && n.address === me.address;
  })
    ? 'named'
    : 'notNamed';
}

export const mayKeepRecord = (standing: KeeperStanding): boolean => standing !== 'notNamed';
