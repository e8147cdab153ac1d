import { useIntl } from 'react-intl';
import { entityKey, type EntitySummary } from '../../domain/entities';
import type { FilingView } from '../../services/filing/filingService';
import { EntityRow } from './EntitySearch';
import { useRowStyles } from './useRowStyles';
import { KIND_LABEL } from './EntityView';
import { FileButton } from './FileButton';
import { reasonText } from './filingText';
import type { FilingControls } from './useFiling';

/** Suggested entities, each with why and a one-click File. */
export function SuggestionList({ list, testId, f, isSelected, onOpen }: { list: FilingView['suggestions']; testId: string; f: FilingControls; isSelected: (e: EntitySummary) => boolean; onOpen: (e: EntitySummary) => void }) {
  const rows = useRowStyles();
  const intl = useIntl();
  if (list.length === 0) return null;
  return (
    <ul className={rows.list} data-testid={testId}>
      {list.map((s) => (
        <EntityRow
          key={entityKey(s.entity.ref)}
          entity={s.entity}
          caption={[intl.formatMessage({ id: KIND_LABEL[s.entity.ref.kind] }), s.entity.closed ? intl.formatMessage({ id: 'projects.status.closed' }) : '', reasonText(intl, s.reason)].filter(Boolean).join(' · ')}
          selected={isSelected(s.entity)}
          onToggle={f.toggle}
          onOpen={onOpen}
          testId="filing-suggestion"
          action={<FileButton f={f} entity={s.entity} testId="filing-suggestion-file" />}
        />
      ))}
    </ul>
  );
}
