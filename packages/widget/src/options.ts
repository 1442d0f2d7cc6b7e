import type { Panel, WidgetConfig } from '@rapport/protocol';
import { buildTexts, type Texts } from './i18n';

/** Where the launcher sits. */
export type WidgetPosition = 'bottom-right' | 'bottom-left';
/** Colour scheme; `auto` follows the visitor's `prefers-color-scheme`. */
export type WidgetTheme = 'light' | 'dark' | 'auto';
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
  locale?: string;
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
   * CSP nonce put on the widget's `<style>` element, for a `style-src 'nonce-…'` policy.
   * @default undefined
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
}

/** Options after merging with the server's config and defaults. */
export interface ResolvedOptions {
  position: WidgetPosition;
  theme: WidgetTheme;
  accent: string;
  locale: string;
  texts: Texts;
  panels: WidgetPanel[];
  signInUrl: string | undefined;
  referralUrl: string;
  projectName: string;
}

/** Accent when neither the options nor the server set one (7.9:1 against white text). */
export const DEFAULT_ACCENT = '#4338ca';
/** Every part of the widget, the default when neither the options nor the server choose. */
export const ALL_PANELS: WidgetPanel[] = ['feedback', 'surveys', 'loyalty', 'inbox'];

/**
 * Merge mount options over the server's config over defaults: options always win. The config
 * is read defensively: a field that is missing or of the wrong type falls back to the default.
 */
export function resolveOptions(options: WidgetOptions, config?: WidgetConfig): ResolvedOptions {
  const server: Partial<WidgetConfig> = typeof config === 'object' && config !== null ? config : {};
  const theme: Partial<WidgetConfig['theme']> = server.theme ?? {};
  // Options can come from untyped page code (`rapport('update', …)`): a wrong type falls back
  // like a missing one, so it cannot throw from every render.
  const locale = stringOr(options.locale) ?? globalThis.navigator?.language ?? 'en';
  const panels = arrayOr(options.panels) ?? arrayOr(server.panels) ?? ALL_PANELS;
  return {
    position: options.position ?? oneOf(server.position, POSITIONS) ?? 'bottom-right',
    theme: options.theme ?? oneOf(theme.mode, THEMES) ?? 'auto',
    accent: safeColour(options.accent) ?? safeColour(theme.accent) ?? DEFAULT_ACCENT,
    locale,
    texts: buildTexts(locale, isRecord(server.texts) ? server.texts : undefined, options.texts),
    panels: panels.filter((panel) => ALL_PANELS.includes(panel)),
    signInUrl: options.signInUrl,
    referralUrl: options.referralUrl ?? `${globalThis.location?.origin ?? ''}/`,
    projectName: typeof server.projectName === 'string' ? server.projectName : '',
  };
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
