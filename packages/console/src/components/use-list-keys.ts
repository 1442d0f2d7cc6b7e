import { useEffect } from 'preact/hooks';

const STEPS: Record<string, number> = { j: 1, ArrowDown: 1, k: -1, ArrowUp: -1 };

/**
 * j/k (anywhere but in a field) and ↓/↑ (inside the list) move focus between the list's
 * links; Enter opens the focused one, as links do.
 */
export function useListKeys(list: { current: HTMLElement | null }): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const element = list.current;
      const step = element ? stepFor(event, element) : 0;
      if (!element || step === 0) return;
      const links = [...element.querySelectorAll<HTMLAnchorElement>('a[data-row]')];
      if (links.length === 0) return;
      event.preventDefault();
      const index = links.indexOf(document.activeElement as HTMLAnchorElement);
      const next = index === -1 ? 0 : Math.min(links.length - 1, Math.max(0, index + step));
      links[next]?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [list]);
}

/** +1, −1, or 0 when the key is not ours here (a modifier, typing in a field, an arrow outside). */
function stepFor(event: KeyboardEvent, list: HTMLElement): number {
  if (event.altKey || event.ctrlKey || event.metaKey) return 0;
  const step = STEPS[event.key] ?? 0;
  const target = event.target instanceof Element ? event.target : null;
  if (target?.closest('input, textarea, select, [contenteditable="true"]')) return 0;
  const arrow = event.key.startsWith('Arrow');
  if (arrow && !(target && list.contains(target))) return 0;
  return step;
}
