import {
  Badge,
  Button,
  Caption1,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  shorthands,
  Subtitle2,
  Tab,
  TabList,
  Text,
  tokens,
  Toolbar,
  ToolbarButton,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';
import type { Theme } from '../../src/office/host';
import type { GraphMessage } from './graphShapes';
import { utcIso, type GraphEvent } from './graphShapes';
import type { MailboxStore } from './mailboxStore';
import type { OutlookEmulation } from './officeEmulation/outlookEmulation';

const useStyles = makeStyles({
  app: { height: '100vh', display: 'grid', gridTemplateRows: '48px auto 1fr', backgroundColor: tokens.colorNeutralBackground3 },
  topBar: { display: 'flex', alignItems: 'center', gap: '12px', padding: '0 16px', backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand },
  body: { display: 'grid', gridTemplateColumns: '220px 360px 1fr auto', minHeight: 0 },
  pane: { minHeight: 0, overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground1, ...shorthands.borderRight('1px', 'solid', tokens.colorNeutralStroke2) },
  folder: { display: 'flex', justifyContent: 'space-between', width: '100%', textAlign: 'left' },
  row: {
    display: 'block', width: '100%', textAlign: 'left', padding: '8px 12px', cursor: 'pointer', border: 'none',
    backgroundColor: 'transparent', color: tokens.colorNeutralForeground1, ...shorthands.borderBottom('1px', 'solid', tokens.colorNeutralStroke3),
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  rowSelected: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  unread: { fontWeight: tokens.fontWeightSemibold, ...shorthands.borderLeft('3px', 'solid', tokens.colorBrandForeground1) },
  ellipsis: { display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  reading: { display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0, backgroundColor: tokens.colorNeutralBackground1 },
  readingBody: { flex: 1, minHeight: 0, overflowY: 'auto', padding: '12px 20px', overflowWrap: 'anywhere' },
  bodyFrame: { width: '100%', minHeight: '420px', border: 'none', backgroundColor: 'white' },
  taskpane: { width: '320px', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground1, ...shorthands.borderLeft('1px', 'solid', tokens.colorNeutralStroke1) },
  taskpaneHeader: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '4px 8px', ...shorthands.borderBottom('1px', 'solid', tokens.colorNeutralStroke2) },
  taskpaneFrame: { flex: 1, border: 'none', width: '100%' },
});

export function Playground({ store, outlook, theme, language }: { store: MailboxStore; outlook: OutlookEmulation; theme: Theme; language: string }) {
  const styles = useStyles();
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const { profile } = outlook;

  const runCommand = async (functionName: string): Promise<void> => {
    const ran = await outlook.invokeCommand(functionName).then(
      () => true,
      (error: Error) => (store.notify({ key: 'playground', kind: 'error', message: error.message }), false),
    );
    if (ran) await store.refresh();
  };

  const fi = language.toLowerCase().startsWith('fi');
  const current = state.current;
  const folderName = state.folders.find((f) => f.id === state.folderId)?.displayName ?? '';

  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme}>
      <div className={styles.app}>
        <header className={styles.topBar}>
          <Subtitle2>Outlook</Subtitle2>
          <Caption1 data-testid="client-profile" data-client={profile.id}>
            Trail playground · {profile.label} (Mailbox {profile.mailbox}) · local Graph sandbox · {language}
          </Caption1>
        </header>
        {state.error ? (
          <MessageBar intent="error">
            <MessageBarBody>{state.error}</MessageBarBody>
            <MessageBarActions>
              <Button onClick={() => void store.refresh()}>Retry</Button>
            </MessageBarActions>
          </MessageBar>
        ) : (
          <div />
        )}
        <div className={styles.body}>
          <nav className={styles.pane} aria-label="Folders">
            {store.mailbox && (
              <Caption1 block data-testid="shared-mailbox">
                {fi ? 'Jaettu postilaatikko: ' : 'Shared mailbox: '}
                {store.mailbox}
              </Caption1>
            )}
            <TabList vertical selectedValue={state.view === 'calendar' ? 'calendar' : state.folderId ?? ''} size="small">
              {state.folders.map((folder) => (
                <Tab key={folder.id} value={folder.id} data-testid={`folder-${state.wellKnown[folder.id] ?? folder.displayName}`} onClick={() => void store.selectFolder(folder.id)}>
                  <span className={styles.folder}>
                    <span style={{ paddingLeft: state.folders.some((f) => f.id === folder.parentFolderId) ? 12 : 0 }}>{folder.displayName}</span>
                    {folder.unreadItemCount > 0 && <Badge appearance="ghost">{folder.unreadItemCount}</Badge>}
                  </span>
                </Tab>
              ))}
              <Tab value="calendar" data-testid="calendar-tab" onClick={() => void store.showCalendar()}>
                {fi ? 'Kalenteri' : 'Calendar'}
              </Tab>
            </TabList>
          </nav>

          <section className={styles.pane} aria-label={state.view === 'calendar' ? 'Events' : `Messages in ${folderName}`}>
            {state.view === 'mail' ? (
              <div role="listbox" aria-multiselectable="true" aria-label={folderName}>
                {state.messages.map((message) => (
                  <MessageRow key={message.id} message={message} selected={state.selectedIds.includes(message.id)} store={store} language={language} />
                ))}
                {!state.loading && state.messages.length === 0 && <Text style={{ padding: 12, display: 'block' }}>{fi ? 'Kansio on tyhjä.' : 'This folder is empty.'}</Text>}
                {state.nextLink && (
                  <Button appearance="subtle" onClick={() => void store.loadMore()} style={{ width: '100%' }}>
                    {fi ? 'Lataa lisää' : 'Load more'}
                  </Button>
                )}
              </div>
            ) : (
              <div role="listbox" aria-label="Events">
                {state.events.map((event) => (
                  <button
                    key={event.id}
                    role="option"
                    aria-selected={current?.kind === 'appointment' && current.event.id === event.id}
                    data-testid="event-row"
                    data-type={event.type}
                    className={`${styles.row} ${current?.kind === 'appointment' && current.event.id === event.id ? styles.rowSelected : ''}`}
                    onClick={() => store.openEvent(event.id)}
                  >
                    <span className={styles.ellipsis} data-testid="event-row-subject">{event.subject}</span>
                    <Caption1>
                      {eventWhen(event, language, false)} {event.type === 'occurrence' ? '↻' : ''} {event.location?.displayName ?? ''}
                    </Caption1>
                  </button>
                ))}
              </div>
            )}
          </section>

          <section className={styles.reading} aria-label="Reading pane">
            <Toolbar aria-label="Ribbon" size="small">
              <ToolbarButton data-testid="ribbon-trail" disabled={!current || (current.kind === 'appointment' && !profile.appointments)} onClick={() => store.openTaskpane()}>
                Trail
              </ToolbarButton>
              {/* Mobile's command surface has the task pane button only (manifest.xml, MobileMessageReadCommandSurface). */}
              {profile.id !== 'mobile' && (current?.kind === 'message' || state.selectedIds.length > 1) && (
                <>
                  <ToolbarButton data-testid="ribbon-asap" onClick={() => void runCommand('triageAsap')}>ASAP</ToolbarButton>
                  <ToolbarButton data-testid="ribbon-read-later" onClick={() => void runCommand('triageReadLater')}>
                    {fi ? 'Lue myöhemmin' : 'Read later'}
                  </ToolbarButton>
                  <ToolbarButton data-testid="ribbon-archive" onClick={() => void runCommand('triageArchive')}>
                    {fi ? 'Arkistoi' : 'Archive'}
                  </ToolbarButton>
                </>
              )}
            </Toolbar>
            {state.notifications.map((notification) => (
              <MessageBar key={notification.key} intent={notification.kind === 'error' ? 'error' : 'info'} data-testid="item-notification">
                <MessageBarBody>{notification.message}</MessageBarBody>
                <MessageBarActions>
                  <Button size="small" appearance="transparent" onClick={() => store.dismissNotification(notification.key)}>
                    ✕
                  </Button>
                </MessageBarActions>
              </MessageBar>
            ))}
            {state.lastNotification && !state.notifications.includes(state.lastNotification) && (
              <Caption1 block role="status" data-testid="notification-log">
                {fi ? 'Viimeisin ilmoitus (viesti ei ole enää näkyvissä): ' : 'Last notification (its message is no longer shown): '}
                {state.lastNotification.message}
              </Caption1>
            )}
            {state.openedForm && (
              <Caption1 block role="status" data-testid="opened-form" data-blank={state.openedForm.blank}>
                {fi ? 'Avattu omaan ikkunaansa: ' : 'Opened in its own window: '}
                {state.openedForm.blank ? (fi ? '(tyhjä lomake)' : '(a blank form)') : state.openedForm.subject}
              </Caption1>
            )}
            <div className={styles.readingBody}>
              {state.selectedIds.length > 1 ? (
                <Subtitle2>{fi ? `${state.selectedIds.length} kohdetta valittu` : `${state.selectedIds.length} items selected`}</Subtitle2>
              ) : current?.kind === 'message' ? (
                <article>
                  <Subtitle2 as="h2" data-testid="reading-subject">{current.message.subject}</Subtitle2>
                  <Text block data-testid="reading-from">
                    {current.message.from?.emailAddress?.name} &lt;{current.message.from?.emailAddress?.address}&gt;
                  </Text>
                  <Caption1 block>{formatDate(current.message.receivedDateTime ?? null, language)}</Caption1>
                  {current.message.body?.contentType === 'html' ? (
                    // No scripts, no same-origin: mail HTML is shown, never run.
                    <iframe title="Message body" sandbox="" className={styles.bodyFrame} srcDoc={current.message.body.content} />
                  ) : (
                    <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>{current.message.body?.content}</pre>
                  )}
                </article>
              ) : current?.kind === 'appointment' ? (
                <article>
                  <Subtitle2 as="h2" data-testid="reading-subject">{current.event.subject}</Subtitle2>
                  <Text block>
                    {eventWhen(current.event, language, true)}
                  </Text>
                  <Text block>{current.event.location?.displayName}</Text>
                  <Text block>{current.event.bodyPreview}</Text>
                </article>
              ) : (
                <Text>{fi ? 'Valitse luettava kohde.' : 'Select an item to read.'}</Text>
              )}
            </div>
          </section>

          {state.taskpane.open && (
            <aside className={styles.taskpane} aria-label="Trail add-in">
              <div className={styles.taskpaneHeader}>
                <Subtitle2>Trail</Subtitle2>
                <span>
                  {(state.taskpane.pinned || store.canPin()) && (
                    <Button size="small" appearance={state.taskpane.pinned ? 'primary' : 'subtle'} aria-pressed={state.taskpane.pinned} data-testid="taskpane-pin" onClick={() => store.togglePin()}>
                      {state.taskpane.pinned ? (fi ? 'Kiinnitetty' : 'Pinned') : fi ? 'Kiinnitä' : 'Pin'}
                    </Button>
                  )}
                  <Button size="small" appearance="subtle" aria-label="Close" data-testid="taskpane-close" onClick={() => store.closeTaskpane()}>
                    ✕
                  </Button>
                </span>
              </div>
              <iframe title="Trail taskpane" data-testid="taskpane-frame" className={styles.taskpaneFrame} src="taskpane.html" />
            </aside>
          )}
        </div>
        <iframe title="Trail function file" src="commands.html" style={{ display: 'none' }} />
      </div>
    </FluentProvider>
  );
}

function MessageRow({ message, selected, store, language }: { message: GraphMessage; selected: boolean; store: MailboxStore; language: string }) {
  const styles = useStyles();
  const flagged = message.flag?.flagStatus === 'flagged';
  const due = flagged && message.flag?.dueDateTime ? flagDue(message.flag.dueDateTime, language) : null;
  return (
    <button
      role="option"
      aria-selected={selected}
      data-testid="message-row"
      className={`${styles.row} ${selected ? styles.rowSelected : ''} ${message.isRead ? '' : styles.unread}`}
      onClick={(event) => void store.selectMessage(message.id, event.shiftKey ? 'range' : event.ctrlKey || event.metaKey ? 'toggle' : 'single')}
    >
      <span className={styles.ellipsis}>{message.from?.emailAddress?.name ?? message.from?.emailAddress?.address}</span>
      <span className={styles.ellipsis} data-testid="message-row-subject">
        {flagged ? '⚑ ' : ''}
        {message.subject}
      </span>
      {due && (
        <Caption1 className={styles.ellipsis} data-testid="message-row-due" data-due={due.instant}>
          {due.text}
        </Caption1>
      )}
      <Caption1 className={styles.ellipsis}>{message.bodyPreview}</Caption1>
    </button>
  );
}

/**
 * A flag's due date as Outlook shows it, in the playground user's zone (Helsinki). Graph reports flag
 * times in UTC unless asked otherwise; a time in another zone is shown as written.
 */
function flagDue(due: { dateTime: string; timeZone: string }, language: string): { instant: string; text: string } | null {
  const utc = /^(utc|etc\/utc|gmt)$/i.test(due.timeZone);
  const wall = new Date(`${due.dateTime.slice(0, 19)}Z`);
  if (Number.isNaN(wall.getTime())) return null;
  const when = new Intl.DateTimeFormat(language, { weekday: 'short', day: 'numeric', month: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: utc ? 'Europe/Helsinki' : 'UTC' }).format(wall);
  return { instant: utc ? wall.toISOString() : due.dateTime, text: language.startsWith('fi') ? `Määräaika ${when}` : `Due ${when}` };
}

/**
 * When an event is, as Outlook's calendar says it: an all-day event is its days (Graph: isAllDay, a start
 * at midnight in its own zone and an exclusive end), never a midnight converted to another zone's 02:00.
 */
function eventWhen(event: GraphEvent, language: string, withEnd: boolean): string {
  if (!event.isAllDay || !event.start) {
    const start = formatDate(utcIso(event.start), language);
    return withEnd ? `${start} – ${formatDate(utcIso(event.end), language)}` : start;
  }
  const day = (civil: string) => new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(`${civil.slice(0, 10)}T12:00:00Z`));
  const allDay = language.toLowerCase().startsWith('fi') ? 'koko päivän' : 'all day';
  const first = event.start.dateTime.slice(0, 10);
  const last = event.end ? new Date(Date.parse(`${event.end.dateTime.slice(0, 10)}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10) : first;
  return withEnd && last > first ? `${day(first)} – ${day(last)}, ${allDay}` : `${day(first)}, ${allDay}`;
}

function formatDate(iso: string | null, language: string): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
