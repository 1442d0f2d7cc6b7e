import type { ComponentChildren } from 'preact';

/**
 * The page's `<h1>`. It takes focus after each navigation (App does that), so a screen
 * reader announces the new page and Tab continues from the top of it.
 */
export function PageHeading({ children }: { children: ComponentChildren }) {
  return (
    <h1 tabIndex={-1} class="page-heading">
      {children}
    </h1>
  );
}
