/**
 * Rendering a taskpane panel against the provisioned record in a test sandbox: the real FilingRuntime
 * (store, entity index, Graph client) over HTTP, with Outlook played by TestHost.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { configure, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { IntlProvider } from 'react-intl';
import { appointmentSnapshot, messageSnapshot, type GraphEvent, type GraphMessage } from '../../../dev/playground/graphShapes';
import { catalogues } from '../../../src/i18n/messages';
import type { EntitySummary } from '../../../src/domain/entities';
import type { AppointmentSnapshot, MessageSnapshot } from '../../../src/office/host';
import { startFilingRuntime, type FilingRuntime } from '../../../src/services/filingRuntime';
import { TestHost } from '../../support/testHost';
import { useCurrentItem } from '../../../src/ui/currentItem/useCurrentItem';
import { EntitySearch } from '../../../src/ui/filing/EntitySearch';
import { FilingPanel, type FilingPanelProps } from '../../../src/ui/filing/FilingPanel';
import { expectNoContractViolations } from '../helpers/sandbox';
import { startTestStore, TRAIL_SITE_URL, type TestStore } from '../helpers/store';

export interface PanelHarness {
  s: TestStore;
  host: TestHost;
  runtime: FilingRuntime;
  /** Seeded inbox messages (REST ids), as Outlook would describe them. */
  inbox: MessageSnapshot[];
  /** Seeded occurrences of recurring meetings in March–April 2025. */
  occurrences: AppointmentSnapshot[];
  render(ui: ReactElement, locale?: 'en' | 'fi'): ReturnType<typeof render>;
  /** Resolves once the local index has loaded, so search answers from it. */
  warm(): Promise<void>;
}

export async function startPanelHarness(): Promise<PanelHarness> {
  const s = await startTestStore();
  const host = new TestHost(null);
  // The pane's user is the sandbox's signed-in user, so "filed by" and the own mailbox agree.
  host.user = () => ({ displayName: s.t.user.displayName, emailAddress: s.t.user.mail ?? s.t.user.userPrincipalName, timeZone: 'FLE Standard Time' });
  const runtime = await startFilingRuntime(host, s.graph, TRAIL_SITE_URL, window.localStorage);
  const select = 'id,subject,from,toRecipients,ccRecipients,conversationId,internetMessageId,receivedDateTime';
  // Graph's default (REST) ids: Office's EWS ids as the host converts them, which Trail then translates.
  const messages = (await s.t.graphJson<{ value: GraphMessage[] }>(`/me/mailFolders/inbox/messages?$select=${select}&$top=200`)).body;
  const events = (await s.graph
    .api('/me/calendarView')
    .header('Prefer', 'IdType="ImmutableId"')
    .query({ startDateTime: '2025-03-01T00:00:00Z', endDateTime: '2025-04-30T00:00:00Z' })
    .select(['id', 'subject', 'start', 'end', 'organizer', 'attendees', 'type', 'seriesMasterId'])
    .top(500)
    .get()) as { value: GraphEvent[] };
  return {
    s,
    host,
    runtime,
    inbox: messages.value.map((m) => messageSnapshot(m)),
    occurrences: events.value.filter((e) => e.type === 'occurrence').map(appointmentSnapshot),
    render: (ui, locale = 'en') =>
      render(
        <IntlProvider locale={locale} messages={catalogues[locale]} defaultLocale="en" timeZone="Europe/Helsinki">
          <FluentProvider theme={webLightTheme}>{ui}</FluentProvider>
        </IntlProvider>,
      ),
    warm: async () => {
      if (runtime.index.state !== 'warm') await runtime.index.refresh();
    },
  };
}

export interface FileHarnessOptions {
  /** Clears the sandbox's faults after each test: for files whose tests set some. */
  clearFaults?: boolean;
  /**
   * 60 s a test and 10 s for findBy and waitFor: the machine runs other suites beside this one, so
   * answers over HTTP may take a few seconds.
   */
  slow?: boolean;
}

/**
 * The harness of one test file, set up as every panel test sets it up: started before the file's tests,
 * closed after them, the sandbox checked for contract violations (and, with `clearFaults`, cleared of
 * faults after each test). Call it at the top of the file. The object is filled in once the harness has
 * started, so the tests, and a `beforeAll` of the file's own declared after this call, read `h.runtime`,
 * `h.s` and the rest as from startPanelHarness.
 */
export function panelHarnessOfFile(options: FileHarnessOptions = {}): PanelHarness {
  if (options.slow) {
    jest.setTimeout(60_000);
    configure({ asyncUtilTimeout: 10_000 });
  }
  const h = {} as PanelHarness;
  beforeAll(async () => {
    Object.assign(h, await startPanelHarness());
  });
  afterAll(() => h.s?.t.close());
  if (options.clearFaults) afterEach(() => h.s.t.sandbox.control.clearFaults());
  expectNoContractViolations(() => h.s?.t);
  return h;
}

/** An entity as a summary (as search and the views hand it on), from what a create answered or a read gave. */
export const summaryOf = (entity: { ref: EntitySummary['ref']; name: string }): EntitySummary => ({ ref: entity.ref, name: entity.name, detail: '' });

/** The filing panel as the shell shows it: handed the pane's one read of the open item. */
export function FilingPanelOnHost(props: Omit<FilingPanelProps, 'item'>) {
  return <FilingPanel {...props} item={useCurrentItem(props.host)} />;
}

/**
 * Find (EntitySearch) on its own, nothing filed or selected: each result's file button a plain button,
 * named "File {name}" with `namedButtons`. `runtime` defaults to the harness's.
 */
export function renderEntitySearch(h: PanelHarness, options: { runtime?: FilingRuntime; locale?: 'en' | 'fi'; namedButtons?: boolean } = {}) {
  return h.render(
    <EntitySearch
      runtime={options.runtime ?? h.runtime}
      filedKeys={new Set()}
      isSelected={() => false}
      onToggle={() => undefined}
      onOpen={() => undefined}
      fileButton={(entity, testId, onKeyDown, ref) => (
        <button data-testid={testId} onKeyDown={onKeyDown} ref={ref} aria-label={options.namedButtons ? `File ${entity.name}` : undefined} />
      )}
    />,
    options.locale,
  );
}
