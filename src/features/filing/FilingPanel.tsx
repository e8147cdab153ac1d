import { Body1, Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, Skeleton, SkeletonItem, Spinner, Subtitle2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import type { EntityKind, EntitySummary } from '../../domain/entities';
import { entityKey } from '../../domain/entities';
import type { SuggestionReason } from '../../domain/suggestions';
import type { MessageKey } from '../../i18n/messages';
import type { MessageSnapshot, OfficeHost } from '../../office/host';
import type { FilingRuntime } from '../../runtime/filingRuntime';
import { StoreNotSetUpError } from '../../store/locate';
import { useCurrentItem } from '../currentItem/useCurrentItem';
import { ErrorNotice } from '../errors/ErrorNotice';
import { SenderHistory } from './SenderHistory';
import { useEntitySearch, useFiling, type FilingResult } from './useFiling';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  reason: { color: tokens.colorNeutralForeground3 },
});

export type FilingRuntimeState = { status: 'loading' } | { status: 'ready'; runtime: FilingRuntime } | { status: 'error'; error: unknown };

const KIND: Record<EntityKind, MessageKey> = { person: 'filing.kind.person', organisation: 'filing.kind.organisation', project: 'filing.kind.project' };

function reasonText(intl: IntlShape, reason: SuggestionReason): string {
  switch (reason.kind) {
    case 'person':
      return intl.formatMessage({ id: `filing.reason.${reason.role}` as MessageKey });
    case 'domain':
      return intl.formatMessage({ id: 'filing.reason.domain' }, { domain: reason.domain });
    case 'conversation':
      return intl.formatMessage({ id: 'filing.reason.conversation' });
    case 'recent':
      return intl.formatMessage({ id: 'filing.reason.recent' });
  }
}

/** Filing the open message to people, organisations and projects: suggested in one click, or searched. */
export function FilingPanel({ host, state }: { host: OfficeHost; state: FilingRuntimeState }) {
  const styles = useStyles();
  const intl = useIntl();
  const item = useCurrentItem(host);
  const body = (() => {
    if (state.status === 'error') {
      return state.error instanceof StoreNotSetUpError ? (
        <MessageBar intent="info" data-testid="filing-not-set-up">
          <MessageBarBody>{intl.formatMessage({ id: 'filing.notSetUp' })}</MessageBarBody>
        </MessageBar>
      ) : (
        <ErrorNotice error={state.error} />
      );
    }
    if (item.status !== 'ready' || item.item.kind !== 'message') return null;
    if (state.status === 'loading') return <Loading />;
    return <MessageFiling key={item.item.id} runtime={state.runtime} message={item.item} />;
  })();
  if (!body) return null;
  return (
    <section className={styles.panel} aria-labelledby="filing-title" data-testid="filing-panel">
      <Subtitle2 as="h2" id="filing-title">
        {intl.formatMessage({ id: 'filing.title' })}
      </Subtitle2>
      {body}
    </section>
  );
}

function Loading() {
  const intl = useIntl();
  return (
    <Skeleton aria-label={intl.formatMessage({ id: 'filing.loading' })} data-testid="filing-loading">
      <SkeletonItem size={16} />
      <SkeletonItem size={16} />
      <SkeletonItem size={16} />
    </Skeleton>
  );
}

function MessageFiling({ runtime, message }: { runtime: FilingRuntime; message: MessageSnapshot }) {
  const styles = useStyles();
  const intl = useIntl();
  const f = useFiling(runtime, message);
  const [query, setQuery] = useState('');
  const search = useEntitySearch(runtime, query);

  if (f.load.status === 'loading') return <Loading />;
  if (f.load.status === 'error') return <ErrorNotice error={f.load.error} />;
  const { view } = f.load;
  const filedKeys = new Set(view.filed.map((x) => entityKey(x.entity)));

  const fileButton = (entity: EntitySummary, testId: string) => (
    <Button
      size="small"
      appearance="primary"
      disabled={f.busy !== null}
      onClick={() => void f.fileTo([entity], `file:${entityKey(entity.ref)}`)}
      aria-label={intl.formatMessage({ id: 'filing.fileTo' }, { name: entity.name })}
      data-testid={testId}
    >
      {f.busy === `file:${entityKey(entity.ref)}` ? <Spinner size="extra-tiny" /> : intl.formatMessage({ id: 'filing.file' })}
    </Button>
  );

  return (
    <>
      {f.result && <Result result={f.result} />}

      {view.filed.length > 0 && (
        <>
          <Caption1 as="h3">{intl.formatMessage({ id: 'filing.filedTo' })}</Caption1>
          <ul className={styles.list} data-testid="filing-filed">
            {view.filed.map((filing) => (
              <li key={filing.id} className={styles.row}>
                <span className={styles.text}>
                  <Body1>{filing.entityName}</Body1>
                  <Caption1 className={styles.reason}>
                    {intl.formatMessage({ id: 'filing.filedBy' }, { name: filing.filedBy.name || filing.filedBy.upn, when: new Date(filing.filedAt) })}
                    {filing.note ? ` · ${filing.note}` : ''}
                  </Caption1>
                </span>
                <Button size="small" disabled={f.busy !== null} onClick={() => void f.unfile(filing)} aria-label={intl.formatMessage({ id: 'filing.unfileFrom' }, { name: filing.entityName })} data-testid="filing-unfile">
                  {intl.formatMessage({ id: 'filing.unfile' })}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}

      {(view.suggestions.length > 0 || view.unknown.length > 0) && <Caption1 as="h3">{intl.formatMessage({ id: 'filing.suggested' })}</Caption1>}
      {view.suggestions.length > 0 && (
        <ul className={styles.list} data-testid="filing-suggestions">
          {view.suggestions.map((s) => (
            <li key={entityKey(s.entity.ref)} className={styles.row} data-testid="filing-suggestion">
              <span className={styles.text}>
                <Body1>{s.entity.name}</Body1>
                <Caption1 className={styles.reason}>{`${intl.formatMessage({ id: KIND[s.entity.ref.kind] })} · ${reasonText(intl, s.reason)}`}</Caption1>
              </span>
              {fileButton(s.entity, 'filing-suggestion-file')}
            </li>
          ))}
        </ul>
      )}
      {view.unknown.slice(0, 3).map((u) => (
        <div key={u.address} className={styles.row} data-testid="filing-unknown">
          <span className={styles.text}>
            <Body1>{u.name && u.name !== u.address ? `${u.name} <${u.address}>` : u.address}</Body1>
            <Caption1 className={styles.reason}>{intl.formatMessage({ id: u.domain ? 'filing.unknownWithDomain' : 'filing.unknown' }, { domain: u.domain ?? '' })}</Caption1>
          </span>
          <Button size="small" disabled={f.busy !== null} onClick={() => void f.createAndFile(u)} data-testid="filing-create-person">
            {f.busy === `create:${u.address}` ? <Spinner size="extra-tiny" /> : intl.formatMessage({ id: 'filing.createAndFile' })}
          </Button>
        </div>
      ))}

      <Field label={intl.formatMessage({ id: 'filing.note' })}>
        <Input value={f.note} maxLength={255} onChange={(_, d) => f.setNote(d.value)} data-testid="filing-note" />
      </Field>

      <Field label={intl.formatMessage({ id: 'filing.search' })}>
        <Input type="search" value={query} onChange={(_, d) => setQuery(d.value)} onFocus={() => void runtime.index.refresh().catch(() => undefined)} placeholder={intl.formatMessage({ id: 'filing.searchPlaceholder' })} data-testid="filing-search" />
      </Field>
      {search.searching && <Spinner size="tiny" label={intl.formatMessage({ id: 'filing.searching' })} />}
      {query.trim() && !search.searching && search.results.length === 0 && <Caption1>{intl.formatMessage({ id: 'filing.noResults' })}</Caption1>}
      {search.results.length > 0 && (
        <ul className={styles.list} data-testid="filing-results" aria-label={intl.formatMessage({ id: 'filing.search' })}>
          {search.results.map((entity) => (
            <li key={entityKey(entity.ref)} className={styles.row}>
              <span className={styles.text}>
                <Body1>{entity.name}</Body1>
                <Caption1 className={styles.reason}>{[intl.formatMessage({ id: KIND[entity.ref.kind] }), entity.detail].filter(Boolean).join(' · ')}</Caption1>
              </span>
              {filedKeys.has(entityKey(entity.ref)) ? <Caption1>{intl.formatMessage({ id: 'filing.already' })}</Caption1> : fileButton(entity, 'filing-result-file')}
            </li>
          ))}
        </ul>
      )}

      {view.sender && <SenderHistory runtime={runtime} sender={view.sender} />}
    </>
  );
}

function Result({ result }: { result: FilingResult }) {
  const intl = useIntl();
  if (result.kind === 'error') return <ErrorNotice error={result.error} />;
  const list = (names: string[]) => intl.formatList(names, { type: 'conjunction' });
  const text =
    result.kind === 'filed'
      ? intl.formatMessage({ id: result.tagged ? 'filing.done' : 'filing.doneUntagged' }, { names: list(result.names) })
      : result.kind === 'unfiled'
        ? intl.formatMessage({ id: 'filing.unfiled' }, { name: result.name })
        : intl.formatMessage({ id: 'filing.failed' }, { names: list(result.names) });
  return (
    <MessageBar intent={result.kind === 'failed' ? 'error' : 'success'} data-testid="filing-result">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
