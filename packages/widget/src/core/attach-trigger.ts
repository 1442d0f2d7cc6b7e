/** The site's own element(s) that open the widget: a CSS selector, or an element. */
export type Trigger = string | HTMLElement;

/** What {@link watchTriggers} returns. */
export interface TriggerWatch {
  /** Point at other elements (`update({ attachTo })`); `undefined` detaches. */
  set(trigger: Trigger | undefined): void;
  /** Mirror the dialog's state on every matching element (`aria-expanded`). */
  paint(expanded: boolean): void;
  /** Stop listening and take back the attributes the widget set. */
  stop(): void;
}

const CLAIMED = ['aria-haspopup', 'aria-expanded'];

/**
 * Makes the site's own button the widget's launcher (`attachTo`). Clicks and intent are
 * caught by listeners on the document, in the capture phase: an element matching a selector
 * works even when the page adds it after the widget started, and a site handler that stops
 * propagation does not swallow the click. Each matching element gets `aria-haspopup="dialog"`
 * and `aria-expanded` (set again on every paint, so late elements get them by their first
 * use). `aria-controls` is not set: the dialog lives in a shadow root, and an id reference
 * cannot cross into one.
 *
 * `set` throws for a selector the browser refuses or a value that is not an element, for the
 * caller to report; the previous trigger then stays.
 */
export function watchTriggers(
  onClick: (element: HTMLElement) => void,
  onIntent: () => void,
): TriggerWatch {
  let trigger: Trigger | undefined;
  let expanded = false;

  const matching = (): HTMLElement[] => {
    if (typeof trigger === 'string') return [...document.querySelectorAll<HTMLElement>(trigger)];
    return trigger ? [trigger] : [];
  };
  const owner = (event: Event): HTMLElement | undefined => {
    const node = event.target;
    if (!trigger || !(node instanceof Element)) return undefined;
    if (typeof trigger === 'string') return node.closest<HTMLElement>(trigger) ?? undefined;
    return trigger.contains(node) ? trigger : undefined;
  };
  const paint = (open: boolean) => {
    expanded = open;
    for (const element of matching()) {
      element.setAttribute(CLAIMED[0] as string, 'dialog');
      element.setAttribute(CLAIMED[1] as string, String(open));
    }
  };
  const release = () => {
    for (const element of matching()) for (const name of CLAIMED) element.removeAttribute(name);
  };

  const click = (event: Event) => {
    const element = owner(event);
    if (!element) return;
    // A link used as the button (a no-JavaScript fallback to a help page) must not navigate.
    event.preventDefault();
    onClick(element);
  };
  const intent = (event: Event) => {
    if (owner(event)) onIntent();
  };
  const types = ['click', 'pointerover', 'focusin', 'touchstart'] as const;
  for (const type of types) {
    document.addEventListener(type, type === 'click' ? click : intent, {
      capture: true,
      passive: type !== 'click',
    });
  }

  return {
    set(next) {
      // Checked before it is kept: a bad selector must not make every later click throw.
      if (typeof next === 'string') document.querySelector(next);
      else if (next !== undefined && !(next instanceof Element)) {
        throw new TypeError('attachTo takes a CSS selector or an element');
      }
      release();
      trigger = next;
      paint(expanded);
    },
    paint,
    stop() {
      for (const type of types) {
        document.removeEventListener(type, type === 'click' ? click : intent, { capture: true });
      }
      release();
      trigger = undefined;
    },
  };
}
