import type { EntitySummary } from '../../domain/entities';
import type { OfficeHost } from '../../office/host';
import type { FilingRuntime } from '../../services/filingRuntime';
import { OrganisationEditor } from '../organisations/OrganisationEditor';
import { ProjectEditor } from './ProjectEditor';

/** What an entity's view lets the user correct: a project's fields and people, an organisation's name and domains. */
/** `onChanged`: something was saved, so the view around it reads the entity again. */
/** `onOpen`: a participant's name opens their view. */
export function RecordEditor({ runtime, host, entity, onChanged, onOpen }: { runtime: FilingRuntime; host: OfficeHost; entity: EntitySummary; onChanged?: () => void; onOpen?: (entity: EntitySummary) => void }) {
  const me = { name: host.user().displayName };
  if (entity.ref.kind === 'project') return <ProjectEditor runtime={runtime} me={me} entity={entity} onChanged={onChanged} onOpen={onOpen} />;
  if (entity.ref.kind === 'organisation') return <OrganisationEditor runtime={runtime} me={me} entity={entity} onChanged={onChanged} />;
  return null;
}
