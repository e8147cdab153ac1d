import { useState } from 'react';
import type { EntitySummary } from '../../domain/entities';

/** What the no-item menu shows: its buttons, a new project's form, or the entities opened from there. */
export type RecordMenuView = { kind: 'menu' } | { kind: 'newProject' } | { kind: 'opened'; stack: EntitySummary[] };

export function useRecordMenu() {
  const [view, setView] = useState<RecordMenuView>({ kind: 'menu' });
  const open = (entity: EntitySummary) => setView((v) => ({ kind: 'opened', stack: [...(v.kind === 'opened' ? v.stack : []), entity] }));
  const back = () => setView((v) => (v.kind === 'opened' && v.stack.length > 1 ? { kind: 'opened', stack: v.stack.slice(0, -1) } : { kind: 'menu' }));
  return { view, newProject: () => setView({ kind: 'newProject' }), close: () => setView({ kind: 'menu' }), open, back };
}
