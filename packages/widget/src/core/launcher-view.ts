const SVG = 'http://www.w3.org/2000/svg';
const ICON_CLOSED = 'M4 5h16v11H9l-5 4z';
const ICON_OPEN = 'M6 6l12 12M18 6L6 18';

/** What the launcher shows; every field is set on each {@link LauncherView.paint}. */
export interface LauncherState {
  /** Accessible name of the button. */
  label: string;
  /** No dialog section is on (surveys only): there is nothing to open. */
  hidden: boolean;
  /** The dialog is open. */
  expanded: boolean;
  /** Clicked before the UI chunk arrived: announced as `busyText`, drawn as a turning ring. */
  busy: boolean;
  busyText: string;
  /** Why the UI could not load, shown where the dialog would open; undefined when it can. */
  failure: string | undefined;
  /** The team's replies not read yet: drawn as a badge when above 0. */
  unread: number;
  /** `unread` in words ("2 unread replies"): added to the button's name and said politely. */
  unreadText: string;
}

/** The launcher, drawn with plain DOM so that it costs no UI framework on first load. */
export interface LauncherView {
  button: HTMLButtonElement;
  paint(state: LauncherState): void;
}

/**
 * Draws the round launcher button into `root` (the same markup the Preact launcher had:
 * `aria-haspopup="dialog"`, `aria-expanded`, an icon hidden from assistive technology),
 * a polite status line for the loading state, another for the unread replies (also drawn as a
 * badge on the button) and an alert for a load failure.
 */
export function drawLauncher(root: HTMLElement): LauncherView {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'launcher';
  button.setAttribute('aria-haspopup', 'dialog');
  const svg = document.createElementNS(SVG, 'svg');
  for (const [name, value] of [
    ['viewBox', '0 0 24 24'],
    ['width', '26'],
    ['height', '26'],
    ['aria-hidden', 'true'],
    ['focusable', 'false'],
  ]) {
    svg.setAttribute(name as string, value as string);
  }
  const path = document.createElementNS(SVG, 'path');
  svg.append(path);
  // The number is drawn only; the button's name and a polite live region say it in words.
  const badge = document.createElement('span');
  badge.className = 'unread';
  badge.setAttribute('aria-hidden', 'true');
  button.append(svg, badge);

  const status = document.createElement('p');
  status.className = 'sr-only';
  // Live regions without a role: the panels own the widget's role="status"/"alert" elements.
  status.setAttribute('aria-live', 'polite');
  const alert = document.createElement('p');
  alert.className = 'load-error';
  alert.id = 'rapport-load-error';
  alert.setAttribute('aria-live', 'assertive');
  const unread = status.cloneNode() as HTMLElement;
  root.append(status, unread, alert, button);

  return {
    button,
    paint(state) {
      const count = state.unread > 0;
      button.setAttribute(
        'aria-label',
        count ? `${state.label}, ${state.unreadText}` : state.label,
      );
      setText(badge, count ? (state.unread > 99 ? '99+' : String(state.unread)) : '');
      setText(unread, count ? state.unreadText : '');
      button.setAttribute('aria-expanded', String(state.expanded));
      button.hidden = state.hidden;
      path.setAttribute('d', state.expanded ? ICON_OPEN : ICON_CLOSED);
      if (state.busy) button.setAttribute('aria-busy', 'true');
      else button.removeAttribute('aria-busy');
      setText(status, state.busy ? state.busyText : '');
      setText(alert, state.failure ?? '');
      if (state.failure) button.setAttribute('aria-describedby', alert.id);
      else button.removeAttribute('aria-describedby');
    },
  };
}

/** Only touch live regions when their text changes, so nothing is announced twice. */
function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}
