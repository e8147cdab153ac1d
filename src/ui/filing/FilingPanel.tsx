import {
  Button,
  Caption1,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Skeleton,
  SkeletonItem,
  Spinner,
  Subtitle2,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import { entityKey, sameEntity, type EntitySummary } from '../../domain/entities';
import type { SuggestionReason } from '../../domain/suggestions';
import { DAY } from '../../i18n/dates';
import type { MessageKey } from '../../i18n/messages';
import type { ItemSnapshot, OfficeHost } from '../../office/host';
import type { FilingRuntime } from '../../services/filingRuntime';
import type { TriageRuntime } from '../../services/triageRuntime';
import { StoreNotSetUpError, StoreSiteUnknownError } from '../../record/locate';
import { TRIAGE_ACTIONS, type TriageRecord } from '../../services/triage/types';
import { useCurrentItem } from '../currentItem/useCurrentItem';
import { ErrorNotice } from '../shared/ErrorNotice';
import { EntityRow, EntitySearch, useRowStyles } from './EntitySearch';
import { EntityLink, EntityView, KIND_LABEL, PersonCard } from './EntityView';
import { FILING_WORDS, FilingWordsContext, useFilingWords } from './wording';
import { NAME_MAX, NOTE_MAX, personNameFrom, useFiling, type AfterFiling, type FilingControls, type FiledTriage, type FilingResult } from './useFiling';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  after: { flexGrow: 1, minWidth: '10rem' },
  retry: { alignSelf: 'flex-start' },
  // Wraps and grows with what is typed, so a long note stays in sight at 320 px.
  note: { minHeight: '2.5rem', maxHeight: '12rem' },
});

/** A message filed and moved in one click: it has left the pane, so the pane says what became of it. */
interface Departed {
  itemId: string;
  subject: string;
  names: string[];
  moved: FiledTriage;
  record: TriageRecord;
}

/** The folder a filing moved the message to, by name; Archive is Outlook's own, named in the user's language. */
const folderName = (intl: IntlShape, moved: FiledTriage): string => (moved.action === 'archive' ? intl.formatMessage({ id: 'folder.archive' }) : moved.folder);

export type FilingRuntimeState = { status: 'loading' } | { status: 'ready'; runtime: FilingRuntime } | { status: 'error'; error: unknown };

function reasonText(intl: IntlShape, reason: SuggestionReason): string {
  switch (reason.kind) {
    case 'person':
      return intl.formatMessage({ id: `filing.reason.${reason.role}` as MessageKey });
    case 'domain':
      return intl.formatMessage({ id: 'filing.reason.domain' }, { domain: reason.domain, role: reason.role });
    case 'conversation':
      return intl.formatMessage({ id: 'filing.reason.conversation' });
    case 'recent':
      return intl.formatMessage({ id: 'filing.reason.recent' });
  }
}

/** Filing the open message or meeting to people, organisations and projects: suggested in one click, or searched. */
export function FilingPanel({ host, state, triage, onRetry }: { host: OfficeHost; state: FilingRuntimeState; triage?: TriageRuntime; onRetry?: () => void }) {
  const styles = useStyles();
  const intl = useIntl();
  const item = useCurrentItem(host);
  const [departed, setDeparted] = useState<Departed | null>(null);
  const shownId = item.status === 'ready' ? item.item?.id : undefined;
  const setUpKey = state.status !== 'error' ? null : state.error instanceof StoreNotSetUpError ? 'filing.notSetUp' : state.error instanceof StoreSiteUnknownError ? 'filing.noSite' : null;
  // A passing failure to locate the record must not last until the pane is reopened: the next item tries again.
  const retryable = state.status === 'error' && setUpKey === null;
  useEffect(() => {
    if (retryable && shownId) onRetry?.();
    // Only a new item retries by itself; the state it failed in does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [shownId]);
  const body = (() => {
    if (state.status === 'error') {
      return setUpKey ? (
        <MessageBar intent="info" data-testid="filing-not-set-up">
          <MessageBarBody>{intl.formatMessage({ id: setUpKey })}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <ErrorNotice error={state.error} />
          {onRetry && (
            <Button size="small" className={styles.retry} onClick={onRetry} data-testid="filing-retry">
              {intl.formatMessage({ id: 'filing.retry' })}
            </Button>
          )}
        </>
      );
    }
    if (item.status !== 'ready' || !item.item) return null;
    if (state.status === 'loading') return <Loading />;
    return <ItemFiling key={item.item.id} runtime={state.runtime} host={host} item={item.item} triage={triage} onDeparted={setDeparted} />;
  })();
  const notice = departed && triage && departed.itemId !== shownId ? <DepartedNotice departed={departed} triage={triage} onDone={() => setDeparted(null)} /> : null;
  if (!body && !notice) return null;
  return (
    <section className={styles.panel} aria-labelledby="filing-title" data-testid="filing-panel">
      <Subtitle2 as="h2" id="filing-title">
        {intl.formatMessage({ id: item.status === 'ready' && item.item?.kind === 'appointment' ? 'filing.titleMeeting' : 'filing.title' })}
      </Subtitle2>
      {notice}
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

function ItemFiling({ runtime, host, item, triage, onDeparted }: { runtime: FilingRuntime; host: OfficeHost; item: ItemSnapshot; triage: TriageRuntime | undefined; onDeparted: (d: Departed) => void }) {
  const f = useFiling(runtime, item, triage, {
    onMovedAway: ({ names, moved }) => onDeparted({ itemId: item.id, subject: item.subject, names, moved, record: moved.record }),
  });
  // Entities opened from the pane, newest last, each with what had focus when it was opened.
  const [opened, setOpened] = useState<Array<{ entity: EntitySummary; opener: Element | null }>>([]);
  const open = (entity: EntitySummary) => setOpened((list) => [...list, { entity, opener: document.activeElement }]);
  const back = () => {
    const opener = opened[opened.length - 1]?.opener;
    setOpened((list) => list.slice(0, -1));
    // Keyboard and screen-reader users land where they were, not at the top of the page.
    requestAnimationFrame(() => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    });
  };
  const top = opened[opened.length - 1]?.entity;
  // The item's view stays mounted while an entity is shown, so Back finds the search and note as they were typed.
  return (
    <FilingWordsContext.Provider value={FILING_WORDS[item.kind === 'appointment' ? 'appointment' : 'message']}>
      {top && <EntityView key={entityKey(top.ref)} runtime={runtime} host={host} entity={top} onBack={back} onOpen={open} />}
      <div hidden={!!top} style={{ display: top ? 'none' : 'contents' }}>
        <ItemFilingBody runtime={runtime} host={host} item={item} f={f} onOpen={open} triage={triage} />
      </div>
    </FilingWordsContext.Provider>
  );
}

function ItemFilingBody({ runtime, host, item, f, onOpen, triage }: { runtime: FilingRuntime; host: OfficeHost; item: ItemSnapshot; f: FilingControls; onOpen: (e: EntitySummary) => void; triage: TriageRuntime | undefined }) {
  const styles = useStyles();
  const rows = useRowStyles();
  const intl = useIntl();
  const words = useFilingWords();
  // The person card shows the sender unless the user asked for a participant Trail does not know yet.
  const [cardFor, setCardFor] = useState<string | null>(null);
  const cardRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (cardFor === null) return;
    const card = cardRef.current?.querySelector<HTMLElement>('[data-testid="person-card"]');
    card?.scrollIntoView?.({ block: 'start' });
    card?.focus();
  }, [cardFor]);

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
  const { view } = f.load;
  const filedKeys = new Set(view.filed.map((x) => entityKey(x.entity)));
  const isSelected = (entity: EntitySummary) => f.selected.some((e) => sameEntity(e.ref, entity.ref));

  const fileButton = (entity: EntitySummary, testId: string, onKeyDown?: (e: KeyboardEvent<HTMLButtonElement>) => void, ref?: (el: HTMLButtonElement | null) => void) => (
    <Button
      size="small"
      appearance="primary"
      disabled={f.busy !== null || f.noteTooLong}
      onClick={() => void f.fileTo([entity], `file:${entityKey(entity.ref)}`)}
      aria-label={intl.formatMessage({ id: words.fileTo }, { name: entity.name })}
      data-testid={testId}
      {...(onKeyDown ? { onKeyDown } : {})}
      {...(ref ? { ref } : {})}
    >
      {f.busy === `file:${entityKey(entity.ref)}` ? <Spinner size="extra-tiny" /> : intl.formatMessage({ id: words.file })}
    </Button>
  );
  const nameTooLong = (u: (typeof view.unknown)[number]) => personNameFrom(u).length > NAME_MAX;
  const unknownSender = view.sender && !view.sender.person ? view.unknown.find((u) => u.address.toLowerCase() === view.sender!.address) : undefined;
  const suggestionList = (list: typeof view.suggestions, testId: string) =>
    list.length > 0 && (
      <ul className={rows.list} data-testid={testId}>
        {list.map((s) => (
          <EntityRow
            key={entityKey(s.entity.ref)}
            entity={s.entity}
            caption={`${intl.formatMessage({ id: KIND_LABEL[s.entity.ref.kind] })} · ${reasonText(intl, s.reason)}`}
            selected={isSelected(s.entity)}
            onToggle={f.toggle}
            onOpen={onOpen}
            testId="filing-suggestion"
            action={fileButton(s.entity, 'filing-suggestion-file')}
          />
        ))}
      </ul>
    );
  // Changes whenever the item's filings do: the card re-reads its history, the result keeps focus.
  const filedKey = view.filed.map((x) => x.id).join(',');
  // The item's own people, organisations and projects first, then who is not in Trail yet, then what was used lately.
  const ownSuggestions = view.suggestions.filter((x) => x.reason.kind !== 'recent');
  const recentSuggestions = view.suggestions.filter((x) => x.reason.kind === 'recent');
  const otherCard = cardFor ? view.unknown.find((u) => u.address === cardFor && u.address.toLowerCase() !== view.sender?.address) : undefined;
  const card = otherCard
    ? { address: otherCard.address, name: otherCard.name, person: undefined, organisation: undefined, unknown: otherCard }
    : view.sender
      ? { ...view.sender, unknown: unknownSender }
      : null;

  return (
    <>
      {f.result && <Result result={f.result} filedKey={filedKey} onUndoMove={(record) => void f.undoMove(record)} busy={f.busy !== null} />}

      {view.series && (
        <RadioGroup
          value={f.scope}
          onChange={(_, d) => f.setScope(d.value as typeof f.scope)}
          aria-label={intl.formatMessage({ id: 'filing.scope' })}
          data-testid="filing-scope"
        >
          <Radio value="series" label={intl.formatMessage({ id: 'filing.scope.series' })} data-testid="filing-scope-series" />
          <Radio value="occurrence" label={intl.formatMessage({ id: 'filing.scope.occurrence' })} data-testid="filing-scope-occurrence" />
        </RadioGroup>
      )}

      {view.filed.length > 0 && (
        <>
          <Caption1 as="h3">{intl.formatMessage({ id: words.filedTo })}</Caption1>
          <ul className={rows.list} data-testid="filing-filed">
            {view.filed.map((filing) => (
              <li key={filing.id} className={rows.row}>
                <span className={rows.text}>
                  <EntityLink entity={{ ref: filing.entity, name: filing.entityName, detail: '' }} onOpen={onOpen} />
                  <Caption1 className={rows.muted}>
                    {[
                      filing.item.kind === 'series' ? intl.formatMessage({ id: 'filing.wholeSeries' }) : null,
                      intl.formatMessage({ id: 'filing.filedBy' }, { name: filing.filedBy.name || filing.filedBy.upn, when: intl.formatDate(new Date(filing.filedAt), DAY) }),
                      filing.note || null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Caption1>
                </span>
                <Button size="small" disabled={f.busy !== null} onClick={() => void f.unfile(filing)} aria-label={intl.formatMessage({ id: words.unfileFrom }, { name: filing.entityName })} data-testid="filing-unfile">
                  {intl.formatMessage({ id: words.unfile })}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}

      {(view.suggestions.length > 0 || view.unknown.length > 0) && <Caption1 as="h3">{intl.formatMessage({ id: 'filing.suggested' })}</Caption1>}
      {suggestionList(ownSuggestions, 'filing-suggestions')}
      {view.unknown.slice(0, 3).map((u) => (
        <div key={u.address} className={rows.row} data-testid="filing-unknown">
          <span className={rows.text}>
            <Link
              as="button"
              onClick={() => setCardFor(u.address)}
              aria-label={intl.formatMessage({ id: 'history.showFor' }, { name: u.name || u.address })}
              data-testid="filing-unknown-history"
            >
              {u.name && u.name !== u.address ? `${u.name} <${u.address}>` : u.address}
            </Link>
            <Caption1 className={rows.muted}>{intl.formatMessage({ id: u.domain ? 'filing.unknownWithDomain' : 'filing.unknown' }, { domain: u.domain ?? '' })}</Caption1>
            {/* Created by the name their mail gives: one longer than the record holds is said here, never cut on saving. */}
            {nameTooLong(u) && <Caption1 data-testid="filing-name-too-long">{intl.formatMessage({ id: 'filing.nameTooLong' }, { max: NAME_MAX })}</Caption1>}
          </span>
          <Button size="small" disabled={f.busy !== null || f.noteTooLong || nameTooLong(u)} onClick={() => void f.createAndFile(u)} data-testid="filing-create-person">
            {f.busy === `create:${u.address}` ? <Spinner size="extra-tiny" /> : intl.formatMessage({ id: words.createAndFile })}
          </Button>
        </div>
      ))}
      {suggestionList(recentSuggestions, 'filing-suggestions-recent')}

      <EntitySearch runtime={runtime} filedKeys={filedKeys} isSelected={isSelected} onToggle={f.toggle} onOpen={onOpen} fileButton={fileButton} />

      <NoteField f={f} label={intl.formatMessage({ id: words.note })} />

      <div className={styles.actions}>
        {f.selected.length > 0 && (
          <Button appearance="primary" disabled={f.busy !== null || f.noteTooLong} onClick={() => void f.fileTo(f.selected, 'selected')} data-testid="filing-file-selected">
            {f.busy === 'selected' ? <Spinner size="extra-tiny" /> : intl.formatMessage({ id: words.fileSelected }, { count: f.selected.length })}
          </Button>
        )}
        {item.kind === 'message' && triage && (
          <Field className={styles.after} label={intl.formatMessage({ id: 'filing.after' })} size="small">
            <Select size="small" value={f.after} onChange={(_, d) => f.setAfter(d.value as AfterFiling)} data-testid="filing-after">
              <option value="stay">{intl.formatMessage({ id: 'filing.after.stay' })}</option>
              {TRIAGE_ACTIONS.map((action) => (
                <option key={action} value={action}>
                  {intl.formatMessage({ id: `filing.after.${action}` as MessageKey })}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>

      {item.kind === 'appointment' && <MeetingNotes f={f} linked={view.filed.length > 0} />}

      {card && (
        <div ref={cardRef} className={rows.list}>
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
          {otherCard && view.sender && (
            <Button size="small" appearance="subtle" onClick={() => setCardFor(null)} data-testid="person-card-sender">
              {intl.formatMessage({ id: 'history.showSender' })}
            </Button>
          )}
        </div>
      )}
    </>
  );
}

/**
 * The note with the filing: a box that wraps and grows, counting to what the record's one-line column
 * holds. A longer note stays as typed and stops filing, with the reason, rather than being cut.
 */
function NoteField({ f, label }: { f: FilingControls; label: string }) {
  const styles = useStyles();
  const intl = useIntl();
  const box = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  }, [f.note]);
  const count = f.note.trim().length;
  return (
    <Field
      label={label}
      validationState={f.noteTooLong ? 'error' : 'none'}
      validationMessage={f.noteTooLong ? intl.formatMessage({ id: 'filing.noteTooLong' }, { max: NOTE_MAX, over: count - NOTE_MAX }) : undefined}
      hint={<span data-testid="filing-note-count">{intl.formatMessage({ id: 'filing.noteCount' }, { count, max: NOTE_MAX })}</span>}
    >
      <Textarea
        ref={box}
        value={f.note}
        rows={1}
        resize="vertical"
        textarea={{ className: styles.note }}
        onChange={(_, d) => f.setNote(d.value)}
        // Enter would start a line the record cannot keep.
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault();
        }}
        data-testid="filing-note"
      />
    </Field>
  );
}

/** What became of a message filed and moved away, with its undo while Triage's history still holds it. */
function DepartedNotice({ departed, triage, onDone }: { departed: Departed; triage: TriageRuntime; onDone: () => void }) {
  const intl = useIntl();
  const [undoable, setUndoable] = useState(() => triage.history.list().some((r) => r.id === departed.record.id));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Undone from Triage's Recent list instead: then there is nothing left to undo here.
  useEffect(() => triage.history.subscribe(() => setUndoable(triage.history.list().some((r) => r.id === departed.record.id))), [triage, departed.record.id]);
  const undo = async () => {
    setBusy(true);
    setError(null);
    try {
      await triage.service.undo(departed.record);
      triage.history.remove(departed.record.id);
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const names = intl.formatList(departed.names, { type: 'conjunction' });
  return (
    <>
      <MessageBar intent="success" data-testid="filing-departed">
        <MessageBarBody>{intl.formatMessage({ id: 'filing.departed' }, { subject: departed.subject || intl.formatMessage({ id: 'item.noSubject' }), names, folder: folderName(intl, departed.moved) })}</MessageBarBody>
        {undoable && (
          <MessageBarActions>
            <Button size="small" disabled={busy} onClick={() => void undo()} data-testid="filing-departed-undo">
              {busy ? <Spinner size="extra-tiny" /> : intl.formatMessage({ id: 'triage.undo' })}
            </Button>
          </MessageBarActions>
        )}
      </MessageBar>
      {error !== null && <ErrorNotice error={error} />}
    </>
  );
}

/** "What was agreed", written after the meeting and filed to everything the meeting is linked to. */
function MeetingNotes({ f, linked }: { f: FilingControls; linked: boolean }) {
  const intl = useIntl();
  const [text, setText] = useState('');
  // Cleared only once saved: a failure keeps what was written.
  const save = async () => {
    if (await f.addMeetingNote(text.trim())) setText('');
  };
  return (
    <Field label={intl.formatMessage({ id: 'meeting.notes' })} hint={linked ? undefined : intl.formatMessage({ id: 'meeting.notesHint' })}>
      <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" maxLength={10_000} data-testid="meeting-notes" />
      <Button size="small" disabled={!linked || !text.trim() || f.busy !== null} onClick={() => void save()} data-testid="meeting-notes-save">
        {f.busy === 'note' ? <Spinner size="extra-tiny" /> : intl.formatMessage({ id: 'meeting.notesSave' })}
      </Button>
    </Field>
  );
}

function Result({ result, onUndoMove, busy, filedKey }: { result: FilingResult; filedKey: string; onUndoMove: (record: NonNullable<Extract<FilingResult, { kind: 'filed' }>['moved']>['record'] & object) => void; busy: boolean }) {
  const intl = useIntl();
  const words = useFilingWords();
  const bar = useRef<HTMLDivElement>(null);
  // Unfile removes the very button that was pressed (once the Filed to list is read again): focus comes
  // here rather than falling to the page.
  useEffect(() => {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost) bar.current?.focus();
  }, [result, filedKey]);
  if (result.kind === 'error') return <ErrorNotice error={result.error} />;
  const list = (names: string[]) => intl.formatList(names, { type: 'conjunction' });
  let text: string;
  let intent: 'success' | 'error' | 'warning' = 'success';
  switch (result.kind) {
    case 'filed': {
      text = intl.formatMessage({ id: result.tagged ? words.done : words.doneUntagged }, { names: list(result.names) });
      if (result.moved) {
        text += ` ${intl.formatMessage({ id: result.moved.record ? 'filing.moved' : 'filing.moveQueued' }, { folder: folderName(intl, result.moved) })}`;
        if (!result.moved.record) intent = 'warning';
      }
      break;
    }
    case 'noted':
      text = intl.formatMessage({ id: 'meeting.notesSaved' }, { names: list(result.names) });
      break;
    case 'created':
      text = intl.formatMessage({ id: 'filing.created' }, { names: list(result.names) });
      break;
    case 'moveUndone':
      text = intl.formatMessage({ id: 'filing.moveUndone' });
      break;
    case 'unfiled':
      text = intl.formatMessage({ id: words.unfiled }, { name: result.name });
      break;
    case 'failed':
      text = intl.formatMessage({ id: words.failed }, { names: list(result.names) });
      intent = 'error';
      break;
  }
  const record = result.kind === 'filed' ? result.moved?.record : null;
  return (
    <MessageBar ref={bar} tabIndex={-1} intent={intent} data-testid="filing-result">
      <MessageBarBody>{text}</MessageBarBody>
      {record && (
        <MessageBarActions>
          <Button size="small" disabled={busy} onClick={() => onUndoMove(record)} data-testid="filing-undo-move">
            {intl.formatMessage({ id: 'triage.undo' })}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
