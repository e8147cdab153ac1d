/**
 * Who may export and erase a person (a data subject's request): the record keepers the organisation
 * names in Trail Settings. With none named the default is the site's owners (whether the user is one
 * is the caller's question to answer; an unknown answer counts as "not an owner"). Named keepers
 * decide alone. Pure.
 */
import { normaliseAddress } from './addresses';

/**
 * - named: the user is one of the named keepers;
 * - notNamed: keepers are named and the user is not one of them;
 * - siteOwner: none named, and the user owns the site;
 * - notOwner: none named, and the user does not own the site (or it could not be told).
 */
export type KeeperStanding = 'named' | 'notNamed' | 'siteOwner' | 'notOwner';

/** True when Trail Settings names keepers, so the site's owners need not be asked about. */
export const keepersNamed = (keepers: readonly string[]): boolean => keepers.length > 0;

export function recordKeeperStanding(keepers: readonly string[], user: string, siteOwner = false): KeeperStanding {
  if (!keepersNamed(keepers)) return siteOwner ? 'siteOwner' : 'notOwner';
  const me = normaliseAddress(user);
  if (!me.ok) return 'notNamed';
  return keepers.some((k) => {
    const n = normaliseAddress(k);
    return n.ok && n.address === me.address;
  })
    ? 'named'
    : 'notNamed';
}

export const mayKeepRecord = (standing: KeeperStanding): boolean => standing === 'named' || standing === 'siteOwner';
