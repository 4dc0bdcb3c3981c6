import { useEffect } from 'react';

export const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * A global keyboard shortcut. "mod+k" means Ctrl+K, or Cmd+K on a Mac, and works while typing;
 * single keys only fire when the user is not typing in a field.
 */
export function useShortcut(combo: string, handler: (e: KeyboardEvent) => void): void {
  useEffect(() => {
    const [modifier, key] = combo.includes('+') ? combo.split('+') : [null, combo];
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== key) return;
      if (modifier === 'mod') {
        if (!(e.ctrlKey || e.metaKey)) return;
      } else if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      e.preventDefault();
      handler(e);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [combo, handler]);
}
