import { Link } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import type { EntitySummary } from '../../domain/entities';
import { useEntityLinkStyles } from './useEntityLinkStyles';

/** An entity's name that opens its view (timelines, search results, who is involved, a project's participants). */
export function EntityLink({ entity, onOpen }: { entity: EntitySummary; onOpen: (entity: EntitySummary) => void }) {
  const styles = useEntityLinkStyles();
  const intl = useIntl();
  return (
    <Link as="button" className={styles.link} onClick={() => onOpen(entity)} aria-label={intl.formatMessage({ id: 'entity.open' }, { name: entity.name })} data-testid="entity-link">
      {entity.name}
    </Link>
  );
}
