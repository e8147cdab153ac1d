import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, Spinner, Subtitle2 } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import type { EntitySummary } from '../../domain/entities';
import type { RecordKeeping } from '../../services/record/recordKeeping';
import { useMergeStyles } from '../merge/useMergeStyles';
import { ErrorNotice } from '../shared/ErrorNotice';
import { ErasedNotice, type ErasedPerson } from './ErasedNotice';
import { useDataRights } from './useDataRights';

/** A data subject's requests for one person, for record keepers: export as JSON, erase after naming what goes. */
export function DataRights({ keeping, person, onErased, onBack }: { keeping: RecordKeeping; person: EntitySummary; onErased: (erased: ErasedPerson) => void; onBack: () => void }) {
  const intl = useIntl();
  const styles = useMergeStyles();
  const d = useDataRights(keeping, person, onErased);
  const s = d.status;
  return (
    <section className={styles.panel} aria-labelledby="data-rights-title" data-testid="data-rights">
      <Subtitle2 as="h3" id="data-rights-title">
        {intl.formatMessage({ id: 'data.title' })}
      </Subtitle2>
      {d.standing === null && <Spinner size="tiny" labelPosition="after" label={intl.formatMessage({ id: 'keepers.asking' })} data-testid="keepers-asking" />}
      {d.standing === 'siteOwner' && <Caption1 className={styles.muted}>{intl.formatMessage({ id: 'keepers.siteOwner' })}</Caption1>}
      {(d.standing === 'notNamed' || d.standing === 'notOwner') && (
        <MessageBar intent="info" layout="multiline" data-testid="keepers-not-keeper">
          <MessageBarBody>{intl.formatMessage({ id: d.standing === 'notNamed' ? 'keepers.notNamed' : 'keepers.notOwner' })}</MessageBarBody>
        </MessageBar>
      )}
      {s.kind === 'exported' && (
        <MessageBar intent="success" data-testid="data-exported">
          <MessageBarBody>{intl.formatMessage({ id: 'data.exported' }, { file: s.file, filings: s.filings, notes: s.notes })}</MessageBarBody>
        </MessageBar>
      )}
      {s.kind === 'confirming' && (
        <MessageBar intent="warning" layout="multiline" role="alertdialog" aria-label={intl.formatMessage({ id: 'data.erase' })} data-testid="data-erase-confirm">
          <MessageBarBody>
            {intl.formatMessage(
              { id: 'data.eraseConfirm' },
              { name: s.preview.person.name, addresses: s.preview.addresses, filings: s.preview.filings, participations: s.preview.participations, notes: s.preview.notes },
            )}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" onClick={() => void d.erase()} data-testid="data-erase-yes">
              {intl.formatMessage({ id: 'data.eraseYes' }, { name: s.preview.person.name })}
            </Button>
            <Button size="small" onClick={d.cancel} data-testid="data-erase-no" autoFocus>
              {intl.formatMessage({ id: 'data.eraseNo' })}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {s.kind === 'erased' && <ErasedNotice erased={s.erased} onBack={onBack} />}
      {s.kind === 'failed' && (
        <>
          <MessageBar intent="warning">
            <MessageBarBody>{intl.formatMessage({ id: 'data.failed' })}</MessageBarBody>
          </MessageBar>
          <ErrorNotice error={s.error} />
        </>
      )}
      {d.allowed && s.kind !== 'erased' && s.kind !== 'confirming' && (
        <div className={styles.actions}>
          <Button size="small" disabled={s.kind === 'working'} onClick={() => void d.exportJson()} data-testid="data-export">
            {intl.formatMessage({ id: 'data.export' })}
          </Button>
          <Button size="small" disabled={s.kind === 'working'} onClick={() => void d.askErase()} data-testid="data-erase">
            {intl.formatMessage({ id: 'data.erase' })}
          </Button>
        </div>
      )}
    </section>
  );
}
