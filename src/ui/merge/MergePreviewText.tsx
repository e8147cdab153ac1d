import { Caption1 } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import type { Entity, Organisation, Person } from '../../domain/entities';
import type { MergedField } from '../../domain/merging';
import type { MergePreview } from '../../services/record/recordKeeping';
import { roleText } from '../people/roleText';

/** A person's first address or an organisation's first domain: what tells two of the same name apart. */
const detailOf = (entity: Entity): string => (entity.ref.kind === 'person' ? ((entity as Person).emails[0] ?? '') : entity.ref.kind === 'organisation' ? ((entity as Organisation).domains[0] ?? '') : '');

/**
 * What moves, before anything does, a line each (Fluent's Text is inline unless `block`): the two named
 * apart by address, the addresses or domains, the duplicate's details kept and those dropped, the counts. Pure.
 */
export function MergePreviewText({ preview }: { preview: MergePreview }) {
  const intl = useIntl();
  const who = (entity: Entity) => {
    const detail = detailOf(entity);
    return detail ? `${entity.name} (${detail})` : entity.name; // the same in English and Finnish
  };
  const value = (field: MergedField, raw: string) => (field === 'organisationId' ? (preview.organisationNames[raw] ?? raw) : raw);
  const field = (name: MergedField) => intl.formatMessage({ id: `people.field.${name}` });
  const { details } = preview;
  const kept = details.gained.map((d) => `${field(d.field)} ${value(d.field, d.value)}`);
  const roles = (list: readonly string[]) => list.map((role) => roleText(intl, role)).join(', ');
  return (
    <div data-testid="merge-preview">
      <div>{intl.formatMessage({ id: 'merge.preview' }, { from: who(preview.from), into: who(preview.into) })}</div>
      {preview.addresses.length > 0 && <Caption1 as="p" block>{intl.formatMessage({ id: 'merge.addresses' }, { list: preview.addresses.join(', ') })}</Caption1>}
      {preview.domains.length > 0 && <Caption1 as="p" block>{intl.formatMessage({ id: 'merge.domains' }, { list: preview.domains.join(', ') })}</Caption1>}
      {kept.length > 0 && <Caption1 as="p" block>{intl.formatMessage({ id: 'merge.kept' }, { list: kept.join(', ') })}</Caption1>}
      {details.rolesGained.length > 0 && <Caption1 as="p" block>{intl.formatMessage({ id: 'merge.rolesAdded' }, { list: roles(details.rolesGained) })}</Caption1>}
      {details.notesAppended && <Caption1 as="p" block>{intl.formatMessage({ id: 'merge.notesAppended' })}</Caption1>}
      {details.dropped.map((d) => (
        <Caption1 as="p" block key={d.field} data-testid="merge-dropped">
          {intl.formatMessage({ id: 'merge.dropped' }, { field: field(d.field), value: value(d.field, d.value), kept: value(d.field, d.kept) })}
        </Caption1>
      ))}
      {details.rolesDropped.length > 0 && (
        <Caption1 as="p" block data-testid="merge-dropped">
          {intl.formatMessage({ id: 'merge.rolesDropped' }, { list: roles(details.rolesDropped) })}
        </Caption1>
      )}
      <Caption1 as="p" block data-testid="merge-counts">
        {intl.formatMessage({ id: 'merge.counts' }, { filings: preview.filings, notes: preview.notes, participations: preview.participations })}
      </Caption1>
    </div>
  );
}
