import type { ComponentChildren } from 'preact';

interface ScrollingTableProps {
  caption: string;
  /** Keep the caption for screen readers only, where a visible heading already names it. */
  hideCaption?: boolean;
  /** The table's `<thead>` and `<tbody>`. */
  children: ComponentChildren;
}

/**
 * A captioned table in a region that scrolls sideways on a narrow screen. The region is named
 * by the caption and takes focus, so the keyboard can scroll it too.
 */
export function ScrollingTable({ caption, hideCaption, children }: ScrollingTableProps) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: at 320 px the table scrolls sideways, and a scrolling region must be reachable by keyboard (WCAG 2.1.1).
    <section class="table-wrap" tabIndex={0} aria-label={caption}>
      <table>
        <caption class={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
        {children}
      </table>
    </section>
  );
}
