/**
 * The seam between the launcher (in rapport.js, no Preact) and the UI chunk (Preact, signals,
 * the dialog and panels). Types only: each side is built into its own file.
 */
import type { EligibleSurvey, WidgetConfig } from '@rapport/protocol';
import type { RapportClient } from '@rapport/sdk';
import type { Texts } from './i18n/en';
import type { WidgetOptions } from './options';
import type { DialogPanel } from './store';

/** What the launcher hands the UI when it mounts it. */
export interface UiContext {
  client: RapportClient;
  shadow: ShadowRoot;
  /** Where Preact renders the dialog and the survey card (inside `.root`, before the launcher). */
  container: HTMLElement;
  /**
   * What the dialog gives focus back to when it closes: the element that opened it (the
   * launcher, the site's own `attachTo` button, the element focused when `open()` was called).
   */
  launcher: Pick<HTMLElement, 'focus'>;
  options: WidgetOptions;
  config: WidgetConfig | undefined;
  /**
   * Called with the dialog's open state whenever it may have changed, and the section it
   * shows: the launcher mirrors it and announces `open`/`close` to the page.
   */
  onOpenChange(open: boolean, panel: DialogPanel | undefined): void;
}

/** The mounted UI, driven by the launcher. */
export interface UiHandle {
  open(panel?: DialogPanel): void;
  close(): void;
  toggle(): void;
  /** The mount options changed (`widget.update`); the locale's strings are already added. */
  update(options: WidgetOptions): void;
  setConfig(config: WidgetConfig): void;
  /** Surveys the server says are due: the first not yet answered or dismissed is shown. */
  offerSurveys(surveys: EligibleSurvey[]): void;
  /** A survey the page asked for (`open('survey', id)`): shown now, even if seen already. */
  showSurvey(survey: EligibleSurvey): void;
  unmount(): void;
}

/** What the UI chunk exports. */
export interface UiModule {
  mountUi(context: UiContext): UiHandle;
  addLocale(tag: string, texts: Texts): void;
}

/** How the launcher gets the UI and the locales: `import()` for bundlers, `<script>` for the script tag. */
export interface ChunkLoader {
  ui(): Promise<UiModule>;
  /** Strings of a built-in locale other than English. */
  locale(tag: string): Promise<Texts>;
}
