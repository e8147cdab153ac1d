import { Button, Caption1, Field, Input, Link, Spinner } from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { useIntl } from 'react-intl';
import type { UnknownParticipant } from '../../domain/suggestions';
import { NAME_MAX } from '../../services/filingRuntime';
import { useRowStyles } from './useRowStyles';
import { personNameFrom, type FilingControls } from './useFiling';
import { useFilingWords } from './wording';

/**
 * Someone on the item Trail does not know: their history on a click, and create-and-file in one. When
 * their organisation is to be made from their mail domain, its name is shown in an editable field,
 * offered as the message gives it, and saved as the field holds it.
 */
export function UnknownParticipantRow({ participant: u, f, onShowHistory }: { participant: UnknownParticipant; f: FilingControls; onShowHistory: (address: string) => void }) {
  const rows = useRowStyles();
  const intl = useIntl();
  const words = useFilingWords();
  const nameTooLong = personNameFrom(u).length > NAME_MAX;
  const organisation = f.organisationNameFor(u);
  const organisationProblem = f.organisationNameProblem(u);
  return (
    <div className={rows.row} data-testid="filing-unknown">
      <span className={rows.text}>
        <Link as="button" onClick={() => onShowHistory(u.address)} aria-label={intl.formatMessage({ id: 'history.showFor' }, { name: u.name || u.address })} data-testid="filing-unknown-history">
          {u.name && u.name !== u.address ? `${u.name} <${u.address}>` : u.address}
        </Link>
        <Caption1 className={rows.muted}>{intl.formatMessage({ id: u.domain ? 'filing.unknownWithDomain' : 'filing.unknown' }, { domain: u.domain ?? '' })}</Caption1>
        {/* Created by the name their mail gives: one longer than the record holds is said here, never cut on saving. */}
        {nameTooLong && <Caption1 data-testid="filing-name-too-long">{intl.formatMessage({ id: 'filing.nameTooLong' }, { max: NAME_MAX })}</Caption1>}
        {organisation !== null && (
          // Label above the field: beside it, at 320 px, the label broke mid-word and the name was cut.
          <Field label={intl.formatMessage({ id: 'naming.organisation' })} size="small" className={rows.stacked}>
            <Input
              size="small"
              appearance="underline"
              value={organisation}
              onChange={(_, data) => f.setOrganisationName(u, data.value)}
              aria-label={intl.formatMessage({ id: 'naming.organisationName' })}
              aria-invalid={organisationProblem !== null}
              contentAfter={<EditRegular aria-hidden />}
              data-testid="filing-organisation-name"
            />
          </Field>
        )}
        {organisationProblem === 'missing' && <Caption1 data-testid="filing-organisation-name-missing">{intl.formatMessage({ id: 'naming.organisationMissing' })}</Caption1>}
        {organisationProblem === 'tooLong' && <Caption1 data-testid="filing-organisation-name-too-long">{intl.formatMessage({ id: 'naming.organisationTooLong' }, { max: NAME_MAX })}</Caption1>}
      </span>
      <Button size="small" disabled={f.busy !== null || f.noteTooLong || nameTooLong || organisationProblem !== null} onClick={() => void f.createAndFile(u)} data-testid="filing-create-person">
        {f.busy === `create:${u.address}` ? <Spinner size="extra-tiny" /> : intl.formatMessage({ id: words.createAndFile })}
      </Button>
    </div>
  );
}
