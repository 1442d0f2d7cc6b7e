import type { Page } from 'playwright-core';

/** What has keyboard focus, looking through shadow roots. */
export interface FocusedElement {
  tag: string;
  id: string;
  label: string;
  /** True when focus is inside the widget's shadow root. */
  inWidget: boolean;
  /** True when focus is inside the widget's modal dialog. */
  inDialog: boolean;
}

export function focused(page: Page): Promise<FocusedElement> {
  return page.evaluate(() => {
    let element = document.activeElement;
    let inWidget = false;
    while (element?.shadowRoot?.activeElement) {
      inWidget ||= element.tagName.toLowerCase() === 'rapport-widget';
      element = element.shadowRoot.activeElement;
    }
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      id: element?.id ?? '',
      label: element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '',
      inWidget,
      inDialog: Boolean(element?.closest('[role="dialog"][aria-modal="true"]')),
    };
  });
}

/** Presses Tab (or Shift+Tab) until `matches` holds, up to `max` presses; returns the presses. */
export async function tabUntil(
  page: Page,
  matches: (element: FocusedElement) => boolean,
  options: { max?: number; backwards?: boolean } = {},
): Promise<number> {
  const max = options.max ?? 40;
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    if (matches(await focused(page))) return presses;
  }
  throw new Error(`focus never reached the expected element in ${max} presses of Tab`);
}
