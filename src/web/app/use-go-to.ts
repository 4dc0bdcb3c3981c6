import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { pathOfKey, SEQUENCE_MS } from './go-to-keys';
import { isTyping } from './use-shortcut';

/** G, then a section's letter within 1.5 s, navigates there; never while typing in a field. */
export function useGoTo(): void {
  const navigate = useNavigate();
  useEffect(() => {
    let armedAt = 0;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const key = e.key.toLowerCase();
      const path = pathOfKey(key);
      if (armedAt && Date.now() - armedAt <= SEQUENCE_MS && path) {
        armedAt = 0;
        e.preventDefault();
        // Stops other single-key shortcuts (B opens the bell, N quick add) taking the second key.
        e.stopImmediatePropagation();
        navigate(path);
        return;
      }
      armedAt = key === 'g' ? Date.now() : 0;
    };
    // Capture phase, so the sequence is seen before the single-key shortcuts on window.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [navigate]);
}
