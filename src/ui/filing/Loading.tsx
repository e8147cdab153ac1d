import { Skeleton, SkeletonItem } from '@fluentui/react-components';
import { useIntl } from 'react-intl';

/** The panel's skeleton while the record or the item's filings are read. */
export function Loading() {
  const intl = useIntl();
  return (
    <Skeleton aria-label={intl.formatMessage({ id: 'filing.loading' })} data-testid="filing-loading">
      <SkeletonItem size={16} />
      <SkeletonItem size={16} />
      <SkeletonItem size={16} />
    </Skeleton>
  );
}
