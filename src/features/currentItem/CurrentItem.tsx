import { Body1, Caption1, Card, makeStyles, Skeleton, SkeletonItem, Subtitle2, tokens } from '@fluentui/react-components';
import { FormattedMessage } from 'react-intl';
import type { EmailAddress, OfficeHost } from '../../office/host';
import { ErrorNotice } from '../errors/ErrorNotice';
import { useCurrentItem } from './useCurrentItem';

const useStyles = makeStyles({
  subject: { overflowWrap: 'anywhere', display: '-webkit-box', WebkitLineClamp: 4, WebkitBoxOrient: 'vertical', overflow: 'hidden' },
  person: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
});

/** The open item's subject and sender. Every value is rendered as text, so hostile subjects stay inert. */
export function CurrentItem({ host }: { host: OfficeHost }) {
  const styles = useStyles();
  const state = useCurrentItem(host);
  if (state.status === 'loading') {
    return (
      <Card aria-busy="true">
        <Skeleton aria-label="…">
          <SkeletonItem size={16} />
          <SkeletonItem size={12} />
        </Skeleton>
      </Card>
    );
  }
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  if (state.status === 'none') {
    return (
      <Card>
        <Body1>
          <FormattedMessage id="item.none" />
        </Body1>
      </Card>
    );
  }
  const { item } = state;
  const person = item.kind === 'message' ? item.from : item.organizer;
  return (
    <Card data-testid="current-item">
      <Caption1>
        <FormattedMessage id={item.kind === 'message' ? 'item.kind.message' : 'item.kind.appointment'} />
      </Caption1>
      <Subtitle2 as="h1" className={styles.subject} data-testid="current-item-subject" title={item.subject}>
        {item.subject || <FormattedMessage id="item.noSubject" />}
      </Subtitle2>
      {person && (
        <Body1 className={styles.person} data-testid="current-item-person">
          <FormattedMessage id={item.kind === 'message' ? 'item.from' : 'item.organizer'} />: {formatAddress(person)}
        </Body1>
      )}
    </Card>
  );
}

function formatAddress(address: EmailAddress): string {
  return address.name && address.name !== address.address ? `${address.name} <${address.address}>` : address.address;
}
