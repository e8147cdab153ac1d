import { Body1, Caption1, makeStyles, Skeleton, SkeletonItem, Subtitle2, tokens } from '@fluentui/react-components';
import { FormattedMessage } from 'react-intl';
import type { EmailAddress, OfficeHost } from '../../office/host';
import { ErrorNotice } from '../shared/ErrorNotice';
import { useCurrentItem } from './useCurrentItem';

// Drawn as Fluent's card looks; Card itself (an interactive, focusable surface) would add code for
// nothing here, since this one only shows text.
const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    color: tokens.colorNeutralForeground1,
  },
  subject: { overflowWrap: 'anywhere', display: '-webkit-box', WebkitLineClamp: 4, WebkitBoxOrient: 'vertical', overflow: 'hidden' },
  person: { overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
});

/** The open item's subject and sender. Every value is rendered as text, so hostile subjects stay inert. */
export function CurrentItem({ host }: { host: OfficeHost }) {
  const styles = useStyles();
  const state = useCurrentItem(host);
  if (state.status === 'loading') {
    return (
      <section className={styles.card} aria-busy="true">
        <Skeleton aria-label="…">
          <SkeletonItem size={16} />
          <SkeletonItem size={12} />
        </Skeleton>
      </section>
    );
  }
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  if (state.status === 'none') {
    return (
      <section className={styles.card}>
        <Body1>
          <FormattedMessage id="item.none" />
        </Body1>
      </section>
    );
  }
  const { item } = state;
  const person = item.kind === 'message' ? item.from : item.organizer;
  return (
    <section className={styles.card} data-testid="current-item">
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
    </section>
  );
}

function formatAddress(address: EmailAddress): string {
  return address.name && address.name !== address.address ? `${address.name} <${address.address}>` : address.address;
}
