import { DEFAULT_ACCENT, PANELS, type Panel, type WidgetConfig } from '@rapport/protocol';
import { buildTexts, type Texts } from './i18n';
import { type LAUNCHER_TEXTS, resolveLocale } from './i18n/launcher-texts';

/** Where the launcher sits. */
export type WidgetPosition = 'bottom-right' | 'bottom-left';
/** Colour scheme; `auto` follows the visitor's `prefers-color-scheme`. */
export type WidgetTheme = 'light' | 'dark' | 'auto';
/**
 * A language tag for the built-in strings: the shipped locales are suggested, and any BCP 47
 * tag is accepted (`fr-CA` uses French, an unknown language English).
 */
export type WidgetLocale = keyof typeof LAUNCHER_TEXTS | (string & {});
/** A part of the widget the site owner can switch on or off. */
export type WidgetPanel = Panel;

/** Options for {@link mount}. Each one wins over the site owner's server-side settings. */
export interface WidgetOptions {
  /**
   * Corner of the page the launcher sits in.
   * @default server config, else 'bottom-right'
   * @example { position: 'bottom-left' }
   */
  position?: WidgetPosition;
  /**
   * Colour scheme.
   * @default server config, else 'auto'
   * @example { theme: 'dark' }
   */
  theme?: WidgetTheme;
  /**
   * Accent colour (any CSS colour) for the launcher, buttons and focus rings. Pick one with
   * at least 4.5:1 contrast against white text.
   * @default server config, else '#4338ca'
   * @example { accent: '#0f766e' }
   */
  accent?: string;
  /**
   * Language of the built-in strings: `en` or `fr` (regional tags such as `fr-CA` work).
   * @default navigator.language, else 'en'
   * @example { locale: 'fr' }
   */
  locale?: WidgetLocale;
  /**
   * Replace any built-in string by key (see `Texts`). Laid over the server's texts.
   * @default {}
   * @example { texts: { launcher: 'Talk to us', tabLoyalty: 'Perks' } }
   */
  texts?: Partial<Texts>;
  /**
   * Which parts are on. `surveys` lets eligible surveys pop up; the others are sections of
   * the dialog.
   * @default server config, else ['feedback', 'surveys', 'loyalty', 'inbox']
   * @example { panels: ['feedback', 'surveys'] }
   */
  panels?: WidgetPanel[];
  /**
   * CSP nonce put on the `<script>` elements that load the UI chunks (script-tag build) and
   * on the `<style>` elements used where constructable stylesheets are missing.
   * @default the script tag's nonce (script-tag build), else undefined
   * @example { nonce: document.currentScript?.nonce }
   */
  nonce?: string;
  /**
   * Element the widget's host element is appended to.
   * @default document.body (once it exists, when mounted from `<head>`)
   * @example { container: document.getElementById('support') }
   */
  container?: HTMLElement;
  /**
   * Draw the round launcher button. With `false` nothing is drawn in the corner: open the
   * widget from your own button with `attachTo`, or with `open()`.
   * @default true
   * @example { launcher: false, attachTo: '#help' }
   */
  launcher?: boolean;
  /**
   * Your own element that opens and closes the widget, as a CSS selector (every matching
   * element, including ones added later) or an element. It gets `aria-haspopup="dialog"` and
   * `aria-expanded`, and focus returns to it when the dialog closes.
   * @default undefined
   * @example { launcher: false, attachTo: '#help-button' }
   */
  attachTo?: string | HTMLElement;
  /**
   * Where the loyalty and inbox guest views send anonymous visitors to sign in.
   * Without it the guest view explains, without a link.
   * @default undefined
   * @example { signInUrl: '/login?next=/account' }
   */
  signInUrl?: string;
  /**
   * Page a referral link points to; the customer's code is added as `?ref=`.
   * @default location.origin + '/'
   * @example { referralUrl: 'https://shop.example/join' }
   */
  referralUrl?: string;
  /**
   * For single-page apps: send a page view (`page()`) each time the URL changes through
   * `history.pushState`, `replaceState` or the back and forward buttons, so URL-targeted
   * surveys show on the new page. Only read at mount. Without it, call `page()` yourself.
   * @default false
   * @example { trackPages: true }
   */
  trackPages?: boolean;
}

/** What the launcher needs from the options, before the UI chunk has loaded. */
export interface ResolvedLook {
  position: WidgetPosition;
  theme: WidgetTheme;
  accent: string;
  locale: string;
  panels: WidgetPanel[];
}

/** Options after merging with the server's config and defaults. */
export interface ResolvedOptions extends ResolvedLook {
  texts: Texts;
  signInUrl: string | undefined;
  referralUrl: string;
  projectName: string;
}

/** Every part of the widget, the default when neither the options nor the server choose. */
export const ALL_PANELS: readonly WidgetPanel[] = PANELS;

/**
 * Merge mount options over the server's config over defaults for what the launcher shows:
 * options always win. The config is read defensively: a field that is missing or of the
 * wrong type falls back to the default.
 */
export function resolveLook(options: WidgetOptions, config?: WidgetConfig): ResolvedLook {
  const server = serverConfig(config);
  const theme: Partial<WidgetConfig['theme']> = server.theme ?? {};
  // Options can come from untyped page code (`rapport('update', …)`): a wrong type falls back
  // like a missing one, so it cannot throw from every render.
  const panels = arrayOr(options.panels) ?? arrayOr(server.panels) ?? ALL_PANELS;
  return {
    position: options.position ?? oneOf(server.position, POSITIONS) ?? 'bottom-right',
    theme: options.theme ?? oneOf(theme.mode, THEMES) ?? 'auto',
    accent: safeColour(options.accent) ?? safeColour(theme.accent) ?? DEFAULT_ACCENT,
    locale: stringOr(options.locale) ?? globalThis.navigator?.language ?? 'en',
    panels: panels.filter((panel) => ALL_PANELS.includes(panel)),
  };
}

/** {@link resolveLook} plus the strings and links the dialog needs. */
export function resolveOptions(options: WidgetOptions, config?: WidgetConfig): ResolvedOptions {
  const look = resolveLook(options, config);
  const server = serverConfig(config);
  return {
    ...look,
    texts: buildTexts(look.locale, serverTexts(config, look.locale), options.texts),
    signInUrl: options.signInUrl,
    referralUrl: options.referralUrl ?? `${globalThis.location?.origin ?? ''}/`,
    projectName: typeof server.projectName === 'string' ? server.projectName : '',
  };
}

/**
 * The site owner's texts from the config for `locale`: the ones for every language, with the
 * ones for the visitor's language (`textsByLocale`) laid over them. Non-objects are ignored.
 */
export function serverTexts(
  config: WidgetConfig | undefined,
  locale: string,
): Record<string, unknown> | undefined {
  const server = serverConfig(config);
  const all = isRecord(server.texts) ? server.texts : undefined;
  const byLocale = isRecord(server.textsByLocale) ? server.textsByLocale : undefined;
  const own = byLocale?.[resolveLocale(locale)];
  return isRecord(own) ? { ...all, ...own } : all;
}

function serverConfig(config: WidgetConfig | undefined): Partial<WidgetConfig> {
  return typeof config === 'object' && config !== null ? config : {};
}

const POSITIONS: WidgetPosition[] = ['bottom-right', 'bottom-left'];
const THEMES: WidgetTheme[] = ['light', 'dark', 'auto'];

function oneOf<T extends string>(value: unknown, allowed: T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function arrayOr<T>(value: T[] | undefined): T[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A colour is written into the widget's stylesheet, so accept only characters a CSS colour
 * needs: nothing that could close the declaration or open a new rule.
 */
export function safeColour(value: unknown): string | undefined {
  return typeof value === 'string' && /^[#\w\s(),.%/-]{1,64}$/.test(value) ? value : undefined;
}
