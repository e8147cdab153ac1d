import { Button, Caption1, MessageBar, MessageBarBody, Spinner, Subtitle2 } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import type { EntitySummary } from '../../domain/entities';
import type { RecordKeeping } from '../../services/record/recordKeeping';
import { EntityPicker } from '../notes/EntityPicker';
import { ErrorNotice } from '../shared/ErrorNotice';
import { MergePreviewText } from './MergePreviewText';
import { useMerge } from './useMerge';
import { useMergeStyles } from './useMergeStyles';

/** "Merge with…": a likely duplicate (or one searched for) merged into the open person or organisation. */
export function MergePanel({ keeping, kept, chosen = null, onMerged, onClose }: { keeping: RecordKeeping; kept: EntitySummary; chosen?: EntitySummary | null; onMerged: () => void; onClose: () => void }) {
  const intl = useIntl();
  const styles = useMergeStyles();
  const m = useMerge(keeping, kept, onMerged, chosen);
  const suggested = m.suggestions.status === 'ready' ? m.suggestions.value : [];
  return (
    <section className={styles.panel} aria-labelledby="merge-title" data-testid="merge-panel">
      <Subtitle2 as="h3" id="merge-title">
        {intl.formatMessage({ id: 'merge.title' }, { name: kept.name })}
      </Subtitle2>
      {m.status.kind === 'merged' ? (
        <MessageBar intent="success" data-testid="merge-done">
          <MessageBarBody>{intl.formatMessage({ id: 'merge.done' }, { filings: m.status.filings, name: kept.name })}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Caption1 as="h4">{intl.formatMessage({ id: 'merge.suggested' })}</Caption1>
          {m.suggestions.status === 'loading' && <Spinner size="tiny" />}
          {m.suggestions.status === 'ready' && suggested.length === 0 && <Caption1 className={styles.muted}>{intl.formatMessage({ id: 'merge.none' })}</Caption1>}
          <ul className={styles.list} data-testid="merge-suggestions">
            {suggested.map(({ candidate, reason }) => (
              <li key={candidate.ref.id}>
                <Button
                  size="small"
                  appearance={m.chosen?.ref.id === candidate.ref.id ? 'primary' : 'secondary'}
                  className={styles.choice}
                  aria-pressed={m.chosen?.ref.id === candidate.ref.id}
                  onClick={() => m.choose({ ref: candidate.ref, name: candidate.name, detail: '' })}
                  data-testid="merge-suggestion"
                >
                  {`${candidate.name} · ${[...(candidate.emails ?? []), ...(candidate.domains ?? [])].join(', ')} · ${intl.formatMessage({ id: `merge.reason.${reason}` })}`}
                </Button>
              </li>
            ))}
          </ul>
          <EntityPicker keeping={keeping} kinds={[kept.ref.kind]} exclude={[kept]} label={intl.formatMessage({ id: 'merge.search' })} onPick={m.choose} testId="merge-find" />
          {m.preview.status === 'loading' && m.chosen && <Spinner size="tiny" />}
          {m.preview.status === 'error' && <ErrorNotice error={m.preview.error} />}
          {m.preview.status === 'ready' && m.preview.value && <MergePreviewText preview={m.preview.value} />}
          {m.status.kind === 'failed' && (
            <>
              <MessageBar intent="warning">
                <MessageBarBody>{intl.formatMessage({ id: 'merge.failed' })}</MessageBarBody>
              </MessageBar>
              <ErrorNotice error={m.status.error} />
            </>
          )}
        </>
      )}
      <div className={styles.actions}>
        {m.status.kind !== 'merged' && (
          <Button appearance="primary" disabled={!m.chosen || m.preview.status !== 'ready' || m.status.kind === 'merging'} onClick={() => void m.merge()} data-testid="merge-confirm">
            {intl.formatMessage({ id: 'merge.confirm' })}
          </Button>
        )}
        <Button onClick={onClose} data-testid="merge-close">
          {intl.formatMessage({ id: 'merge.cancel' })}
        </Button>
      </div>
    </section>
  );
}
