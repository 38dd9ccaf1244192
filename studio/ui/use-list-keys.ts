import { useState, type KeyboardEvent } from 'react';

/**
 * Keys of a filter box over a list (node picker, node search): the focus stays in the box
 * while the arrows move the active row (wrapping around), Enter picks it and Esc closes.
 * Esc stops there so the editor behind does not also clear its selection.
 */
export function useListKeys<T>(items: readonly T[], onPick: (item: T) => void, onClose: () => void) {
  const [active, setActive] = useState(0);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (items.length) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length);
    } else if (e.key === 'Enter') {
      const item = items[active];
      if (item !== undefined) onPick(item);
    }
  };
  return { active, setActive, onKeyDown };
}
