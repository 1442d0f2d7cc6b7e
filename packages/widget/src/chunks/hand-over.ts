/**
 * How a script-tag chunk gives its exports to the loader without a global: it dispatches this
 * event on its own `<script>` element (`document.currentScript`) while it runs, and the loader
 * listening on that element takes `event.detail`.
 */
export const HAND_OVER_EVENT = 'rapport:chunk';

/** Called once by a chunk's entry, at its top level. */
export function handOver(exports: unknown): void {
  document.currentScript?.dispatchEvent(new CustomEvent(HAND_OVER_EVENT, { detail: exports }));
}
