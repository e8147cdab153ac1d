import type { IntlShape } from 'react-intl';
import type { EntityKind, EntitySummary } from '../../domain/entities';
import type { MessageKey } from '../../i18n/messages';

export const KIND_LABEL: Record<EntityKind, MessageKey> = { person: 'filing.kind.person', organisation: 'filing.kind.organisation', project: 'filing.kind.project' };

/** A project's kinds as the project form names them (projects.kind.*); the stored value is never shown (issue 16). */
const PROJECT_KIND_WORDS: Record<string, MessageKey> = { project: 'projects.kind.project', fundedProject: 'projects.kind.fundedProject', matter: 'projects.kind.matter' };

/**
 * The line under an entity's name in a list of them: a person's or organisation's kind and its first
 * address or domain; a project's kind in the words of the project form ("Funded project"), or "Project"
 * when its kind is not known.
 */
export function entityCaption(intl: IntlShape, entity: Pick<EntitySummary, 'ref' | 'detail' | 'closed'>): string {
  if (entity.ref.kind === 'project') {
    const words = Object.hasOwn(PROJECT_KIND_WORDS, entity.detail) ? PROJECT_KIND_WORDS[entity.detail] : KIND_LABEL.project;
    // A closed project says so beside its kind wherever it is offered (where its status is known).
    return [intl.formatMessage({ id: words }), entity.closed ? intl.formatMessage({ id: 'projects.status.closed' }) : ''].filter(Boolean).join(' · ');
  }
  return [intl.formatMessage({ id: KIND_LABEL[entity.ref.kind] }), entity.detail].filter(Boolean).join(' · ');
}
