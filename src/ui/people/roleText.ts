import type { IntlShape } from 'react-intl';
import { DEFAULT_STAKEHOLDER_ROLES } from '../../domain/entities';
import type { MessageKey } from '../../i18n/messages';

/** 'owner' is the role a project's owner has among its participants (services/record/projectKeeping). */
const KNOWN_ROLES = new Set<string>([...DEFAULT_STAKEHOLDER_ROLES, 'owner']);

/** Trail's default roles in the user's language; an organisation's own roles as they wrote them. */
export const roleText = (intl: IntlShape, role: string): string => (KNOWN_ROLES.has(role) ? intl.formatMessage({ id: `role.${role}` as MessageKey }) : role);

/** Entities with the role (or all of them when none is chosen): the filter of members, participants and results. */
export function withRole<T extends { roles?: readonly string[] }>(items: readonly T[], role: string | null): T[] {
  return role ? items.filter((item) => item.roles?.includes(role)) : [...items];
}
