import type { WidgetOptions } from '../options';
import type { DialogPanel } from '../store';

/** What {@link mount} returns: control the widget from the host page. */
export interface WidgetHandle {
  /** Open the dialog, on a section if given (`feedback`, `loyalty`, `inbox`). */
  open(panel?: DialogPanel): void;
  /**
   * Show a running survey now, whatever its targeting says (it needs the `surveys` part on;
   * with the dialog open it waits until the dialog closes).
   * @example widget.open('survey', 'nps-q4') // from your own "Rate us" link
   */
  open(panel: 'survey', surveyId: string): void;
  /** Close the dialog; focus returns to the launcher. */
  close(): void;
  /**
   * Change options while mounted, merged over the current ones; `nonce` and `container`
   * only apply at mount.
   * @example widget.update({ locale: 'fr' }) // the page switched to French
   */
  update(options: Partial<WidgetOptions>): void;
  /** Remove the widget from the page and stop listening to the client. Safe to call twice. */
  unmount(): void;
  /** The element hosting the widget's shadow root. */
  readonly host: HTMLElement | undefined;
}

/** A handle whose methods do nothing, returned when mounting failed. */
export const NOOP_HANDLE: WidgetHandle = {
  open() {},
  close() {},
  update() {},
  unmount() {},
  host: undefined,
};
