/**
 * After a navigation the new page's `<h1>` takes focus, so a screen reader announces the
 * page and Tab continues from its top. A page may show its heading only once its data has
 * arrived (or swap a placeholder heading for the real one), so the request stays pending
 * until the person moves focus elsewhere themselves.
 */
let pending = false;

/** Called on every route change. */
export function requestHeadingFocus(): void {
  pending = true;
  requestAnimationFrame(() => {
    const heading = document.querySelector<HTMLElement>('main h1');
    if (pending && heading) heading.focus();
  });
}

/** Called when a page heading mounts: takes focus if a navigation is still waiting for it. */
export function headingMounted(heading: HTMLElement): void {
  const active = document.activeElement;
  const free = !active || active === document.body || active.tagName === 'H1';
  if (pending && free) heading.focus();
}

if (typeof document !== 'undefined') {
  // The person chose where focus goes: stop moving it for them.
  document.addEventListener('focusin', (event) => {
    if ((event.target as Element | null)?.tagName !== 'H1') pending = false;
  });
}
