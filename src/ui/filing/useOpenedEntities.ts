import { useState } from 'react';
import type { EntitySummary } from '../../domain/entities';

/** Entities opened from the pane, newest last, each with what had focus when it was opened. */
export function useOpenedEntities() {
  const [opened, setOpened] = useState<Array<{ entity: EntitySummary; opener: Element | null }>>([]);
  const open = (entity: EntitySummary) => setOpened((list) => [...list, { entity, opener: document.activeElement }]);
  const back = () => {
    const opener = opened[opened.length - 1]?.opener;
    setOpened((list) => list.slice(0, -1));
    // Keyboard and screen-reader users land where they were, not at the top of the page.
    requestAnimationFrame(() => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    });
  };
  return { top: opened[opened.length - 1]?.entity, open, back };
}
