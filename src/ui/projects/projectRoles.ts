import type { IntlShape } from 'react-intl';
import { DEFAULT_STAKEHOLDER_ROLES } from '../../domain/entities';
import { catalogues, type MessageKey } from '../../i18n/messages';
import { roleText } from '../people/roleText';

/**
 * The roles offered first when someone is added to a project, kept by their key (as stakeholder roles
 * are), so each reader sees them in their own language: a Finnish and an English colleague never make
 * "rahoittaja" and "funder" two roles (issue 16).
 */
export const DEFAULT_PROJECT_ROLES = ['funder', 'partnerSchool', 'employer', 'municipality', 'expert', 'trainer', 'student', 'supplier'] as const;

const KNOWN: readonly string[] = DEFAULT_STAKEHOLDER_ROLES;
const fold = (text: string) => text.trim().toLocaleLowerCase('fi');

/**
 * The role to keep for what was typed: a known role's key when the words are that role's in the user's
 * language (or its key, as English readers see most); otherwise the words as typed, trimmed.
 */
export function roleToKeep(intl: IntlShape, text: string): string {
  const typed = fold(text);
  return KNOWN.find((key) => fold(key) === typed || fold(roleText(intl, key)) === typed) ?? text.trim();
}

/**
 * One key for a role whatever language it was typed in: a known role's key when the words are that
 * role's in any of Trail's languages (a colleague's "rahoittaja" is 'funder'); otherwise as written.
 * So a project role and a stakeholder role that say the same are one role to narrow by (issue 16).
 */
export function roleKey(role: string): string {
  const typed = fold(role);
  const words = (key: string) => Object.values(catalogues).map((c) => fold(String((c as Record<string, string>)[`role.${key}` as MessageKey] ?? '')));
  return KNOWN.find((key) => fold(key) === typed || words(key).includes(typed)) ?? role;
}

/** A role in a project with the stakeholder roles, once each: what "Show only" offers and narrows a list by. */
export const rolesToNarrow = (role: string, roles: readonly string[] = []): string[] => [...new Set([...(role ? [roleKey(role)] : []), ...roles])];

export interface RoleOption {
  /** As kept: a known role's key, or a role as a colleague wrote it. */
  role: string;
  /** As the user reads it. */
  text: string;
}

/** The roles to offer: those the record's projects use (most used first), then the defaults, each once as read. */
export function roleOptions(intl: IntlShape, used: readonly string[]): RoleOption[] {
  const seen = new Set<string>();
  const options: RoleOption[] = [];
  for (const role of [...used.map((r) => roleToKeep(intl, r)), ...DEFAULT_PROJECT_ROLES]) {
    const text = roleText(intl, role);
    if (!text.trim() || seen.has(fold(text))) continue;
    seen.add(fold(text));
    options.push({ role, text });
  }
  return options;
}

/** Those whose words contain what is typed (all while nothing is). */
export const matchingRoles = (options: readonly RoleOption[], typed: string): RoleOption[] => options.filter((o) => fold(o.text).includes(fold(typed)));
