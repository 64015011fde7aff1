import { useEffect, useRef } from 'react';
import { shortcutFor, type Shortcut } from './views';

/** Listens for the app's keyboard shortcuts on the whole window; the latest handler always runs. */
export function useShortcuts(handle: (shortcut: Shortcut) => void): void {
  const latest = useRef(handle);
  latest.current = handle;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutFor(event);
      if (shortcut === null) return;
      // Esc inside an open dialog closes the dialog, not the verdict.
      if (shortcut.kind === 'clear-verdict' && document.querySelector('dialog[open]') !== null) return;
      event.preventDefault();
      latest.current(shortcut);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
