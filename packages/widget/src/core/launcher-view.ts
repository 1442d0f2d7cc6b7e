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
}

/** The launcher, drawn with plain DOM so that it costs no UI framework on first load. */
export interface LauncherView {
  button: HTMLButtonElement;
  paint(state: LauncherState): void;
}

/**
 * Draws the round launcher button into `root` (the same markup the Preact launcher had:
 * `aria-haspopup="dialog"`, `aria-expanded`, an icon hidden from assistive technology),
 * a polite status line for the loading state and an alert for a load failure.
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
  button.append(svg);

  const status = document.createElement('p');
  status.className = 'sr-only';
  // Live regions without a role: the panels own the widget's role="status"/"alert" elements.
  status.setAttribute('aria-live', 'polite');
  const alert = document.createElement('p');
  alert.className = 'load-error';
  alert.id = 'rapport-load-error';
  alert.setAttribute('aria-live', 'assertive');
  root.append(status, alert, button);

  return {
    button,
    paint(state) {
      button.setAttribute('aria-label', state.label);
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
