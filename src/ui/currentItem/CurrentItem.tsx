import { Body1, Caption1, Skeleton, SkeletonItem, Subtitle2 } from '@fluentui/react-components';
import { FormattedMessage } from 'react-intl';
import type { EmailAddress } from '../../office/host';
import { ErrorNotice } from '../shared/ErrorNotice';
import type { CurrentItemState } from './useCurrentItem';
import { useCurrentItemStyles } from './useCurrentItemStyles';

/**
 * The open item's subject and sender, as the shell read it (useCurrentItem). Every value is rendered
 * as text, so hostile subjects stay inert.
 */
export function CurrentItem({ state }: { state: CurrentItemState }) {
  const styles = useCurrentItemStyles();
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
  if (!state.value) {
    return (
      <section className={styles.card}>
        <Body1>
          <FormattedMessage id="item.none" />
        </Body1>
      </section>
    );
  }
  const item = state.value;
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
