import type { EntitySummary } from '../../domain/entities';
import { SameNameWarning } from '../people/SameNameWarning';
import type { FilingControls, FilingResult } from './useFiling';

/** Creating someone from the item under a name other people already have: open one of them, or create anyway. */
export function SameNameCreation({ result, f, onOpen }: { result: Extract<FilingResult, { kind: 'sameName' }>; f: FilingControls; onOpen: (entity: EntitySummary) => void }) {
  const anyway = () => void (result.andFile ? f.createAndFile(result.participant, true) : f.createOnly(result.participant, true));
  return <SameNameWarning name={result.name} others={result.others} action="create" onAnyway={anyway} onOpen={onOpen} />;
}
