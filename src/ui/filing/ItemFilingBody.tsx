import { Button, Caption1, Radio, RadioGroup } from '@fluentui/react-components';
import { useDeferredValue } from 'react';
import { useIntl } from 'react-intl';
import { entityKey, sameEntity, type EntitySummary } from '../../domain/entities';
import type { ItemSnapshot, OfficeHost } from '../../office/host';
import type { FilingRuntime } from '../../services/filingRuntime';
import type { TriageRuntime } from '../../services/triageRuntime';
import { ErrorNotice } from '../shared/ErrorNotice';
import { CreateProject } from '../projects/CreateProject';
import { EntitySearch } from './EntitySearch';
import { useRowStyles } from './useRowStyles';
import { PersonCard } from './EntityView';
import { FileButton } from './FileButton';
import { FiledList } from './FiledList';
import { FilingActions } from './FilingActions';
import { FilingResultBar } from './FilingResultBar';
import { SameNameCreation } from './SameNameCreation';
import { Loading } from './Loading';
import { MeetingNotes } from './MeetingNotes';
import { NoteField } from './NoteField';
import { SuggestionList } from './SuggestionList';
import { UnknownParticipantRow } from './UnknownParticipantRow';
import type { FilingControls } from './useFiling';
import { useFilingPanelStyles } from './useFilingPanelStyles';
import { usePersonCard } from './usePersonCard';
import { useFilingWords } from './wording';

export interface ItemFilingBodyProps {
  runtime: FilingRuntime;
  host: OfficeHost;
  item: ItemSnapshot;
  f: FilingControls;
  onOpen: (e: EntitySummary) => void;
  triage: TriageRuntime | undefined;
}

/** The open item's filing: what it is filed to, suggestions, search, the note, and the person card beside it. */
export function ItemFilingBody({ runtime, host, item, f, onOpen, triage }: ItemFilingBodyProps) {
  const styles = useFilingPanelStyles();
  const rows = useRowStyles();
  const intl = useIntl();
  const words = useFilingWords();
  const person = usePersonCard(f.load.status === 'ready' ? f.load.value : null);
  // What is filed and suggested paints first, in its own render; search, the note, the actions and the person card
  // follow in a second one that React may interrupt, so the suggestions do not wait for them (issue 18: cold start).
  const rest = useDeferredValue(f.load.status === 'ready');

  if (f.load.status === 'loading') return <Loading />;
  // Unreachable as the item opened: said in plain words, with Try again on this item rather than only on the next.
  if (f.load.status === 'error')
    return (
      <>
        <ErrorNotice error={f.load.error} />
        <Button size="small" className={styles.retry} onClick={f.retryLoad} data-testid="filing-retry">
          {intl.formatMessage({ id: 'filing.retry' })}
        </Button>
      </>
    );
  const view = f.load.value;
  const filedKeys = new Set(view.filed.map((x) => entityKey(x.entity)));
  const isSelected = (entity: EntitySummary) => f.selected.some((e) => sameEntity(e.ref, entity.ref));
  // Changes whenever the item's filings do: the card re-reads its history, the result keeps focus.
  const filedKey = view.filed.map((x) => x.id).join(',');
  // The item's own people, organisations and projects first, then who is not in Trail yet, then what was used lately.
  const ownSuggestions = view.suggestions.filter((x) => x.reason.kind !== 'recent');
  const recentSuggestions = view.suggestions.filter((x) => x.reason.kind === 'recent');
  const { card } = person;

  return (
    <>
      {f.result?.kind === 'sameName' && <SameNameCreation result={f.result} f={f} onOpen={onOpen} />}
      {f.result && <FilingResultBar result={f.result} filedKey={filedKey} onUndoMove={(moved) => void f.undoMove(moved)} busy={f.busy !== null} />}

      {view.series && (
        <RadioGroup value={f.scope} onChange={(_, d) => f.setScope(d.value as typeof f.scope)} aria-label={intl.formatMessage({ id: 'filing.scope' })} data-testid="filing-scope">
          <Radio value="series" label={intl.formatMessage({ id: 'filing.scope.series' })} data-testid="filing-scope-series" />
          <Radio value="occurrence" label={intl.formatMessage({ id: 'filing.scope.occurrence' })} data-testid="filing-scope-occurrence" />
        </RadioGroup>
      )}

      <FiledList filed={view.filed} f={f} onOpen={onOpen} />

      {(view.suggestions.length > 0 || view.unknown.length > 0) && <Caption1 as="h3">{intl.formatMessage({ id: 'filing.suggested' })}</Caption1>}
      <SuggestionList list={ownSuggestions} testId="filing-suggestions" f={f} isSelected={isSelected} onOpen={onOpen} />
      {view.unknown.slice(0, 3).map((u) => (
        <UnknownParticipantRow key={u.address} participant={u} f={f} onShowHistory={person.showFor} />
      ))}
      <SuggestionList list={recentSuggestions} testId="filing-suggestions-recent" f={f} isSelected={isSelected} onOpen={onOpen} />

      {rest && (
        <>
          <EntitySearch
            runtime={runtime}
            filedKeys={filedKeys}
            isSelected={isSelected}
            onToggle={f.toggle}
            onOpen={onOpen}
            fileButton={(entity, testId, onKeyDown, ref) => <FileButton f={f} entity={entity} testId={testId} onKeyDown={onKeyDown} buttonRef={ref} />}
            create={(name) => <CreateProject key={name} runtime={runtime} me={{ name: host.user().displayName }} name={name} files onCreated={(project) => f.fileTo([project], `createProject:${entityKey(project.ref)}`)} />}
          />

          <NoteField f={f} label={intl.formatMessage({ id: words.note })} />

          <FilingActions f={f} offerAfter={item.kind === 'message' && !!triage} />

          {item.kind === 'appointment' && <MeetingNotes f={f} linked={view.filed.length > 0} />}

          {card && (
            <div ref={person.cardRef} className={rows.list}>
              <PersonCard
                key={card.address}
                runtime={runtime}
                host={host}
                mailbox={item.mailbox}
                revision={filedKey}
                address={card.address}
                name={card.name}
                person={card.person}
                organisation={card.organisation}
                unknown={card.unknown}
                onCreate={(u) => void f.createOnly(u)}
                creating={f.busy !== null}
                onOpen={onOpen}
              />
              {person.other && (
                <Button size="small" appearance="subtle" onClick={person.showSender} data-testid="person-card-sender">
                  {intl.formatMessage({ id: 'history.showSender' })}
                </Button>
              )}
            </div>
          )}
        </>
      )}
    </>
  );
}
