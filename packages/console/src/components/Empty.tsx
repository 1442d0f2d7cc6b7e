import type { ComponentChildren } from 'preact';

/** The empty state of a list: says what would be here and how it gets here. */
export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="empty">{children}</div>;
}
