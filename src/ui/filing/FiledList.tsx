import { Button, Caption1 } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import type { EntitySummary } from '../../domain/entities';
import { DAY } from '../../i18n/dates';
import type { Filing } from '../../services/filingRuntime';
import { useRowStyles } from './useRowStyles';
import { EntityLink } from './EntityView';
import type { FilingControls } from './useFiling';
import { useFilingWords } from './wording';

/** "Filed to": what the open item is filed to, by whom and when, each with Unfile. */
export function FiledList({ filed, f, onOpen }: { filed: readonly Filing[]; f: FilingControls; onOpen: (e: EntitySummary) => void }) {
  const rows = useRowStyles();
  const intl = useIntl();
  const words = useFilingWords();
  if (filed.length === 0) return null;
  return (
    <>
      <Caption1 as="h3">{intl.formatMessage({ id: words.filedTo })}</Caption1>
      <ul className={rows.list} data-testid="filing-filed">
        {filed.map((filing) => (
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
  );
}
