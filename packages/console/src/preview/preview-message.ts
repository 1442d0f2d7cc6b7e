/** A publishable key no project has: the preview's requests are refused and count for nothing. */
export const PREVIEW_KEY = 'pk_console_preview';

/** Widget options the preview applies (a subset of the widget's `mount()` options). */
export interface PreviewOptions {
  theme: 'light' | 'dark' | 'auto';
  accent: string;
  position: 'bottom-right' | 'bottom-left';
  panels: string[];
  locale: string;
  texts: Record<string, string>;
}

/** What the settings page posts to the preview frame. */
export interface PreviewMessage {
  type: 'rapport-preview';
  options: PreviewOptions;
  /** Open the dialog, so its texts and colours show. */
  open: boolean;
}

export function isPreviewMessage(value: unknown): value is PreviewMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'rapport-preview' &&
    typeof (value as { options?: unknown }).options === 'object'
  );
}
