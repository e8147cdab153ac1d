import { useEffect, type RefObject } from 'react';

/** The key that puts focus in Find from anywhere in the pane (shown to users and to assistive technology). */
export const FIND_SHORTCUT = '/';

const editable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * "/" anywhere in the pane, outside a text field, moves focus to Find and selects what is there, so a
 * searched filing is a shortcut, the letters, Down and Enter. Outlook add-ins cannot register
 * keyboard shortcuts with Office (custom shortcuts are Excel and Word only:
 * office-js-docs-pr docs/design/keyboard-shortcuts.md), so the pane handles its own keydown: the
 * key only reaches the pane while focus is in it (F6 moves there in Outlook), never Outlook's own
 * shortcuts. Modified keys are left alone. The first search box on the page takes it.
 */
export function useFindShortcut(input: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== FIND_SHORTCUT || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || editable(e.target)) return;
      const box = input.current;
      if (!box) return;
      e.preventDefault();
      box.focus();
      box.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [input]);
}
