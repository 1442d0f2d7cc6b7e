/**
 * @rapport/widget — the Rapport widget for bundler users: `mount(client, options)` renders
 * the launcher, dialog and surveys in a shadow root. The SDK's entry points are re-exported
 * so one import is enough.
 */

export * from '@rapport/sdk';
export type { TextKey, Texts } from './i18n';
export { mount, type WidgetHandle } from './mount';
export type {
  WidgetLocale,
  WidgetOptions,
  WidgetPanel,
  WidgetPosition,
  WidgetTheme,
} from './options';
export type { DialogPanel } from './store';
