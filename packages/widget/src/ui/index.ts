/**
 * The UI chunk: Preact, signals, the dialog, the survey card and every panel. The launcher in
 * rapport.js (or `mount()` for bundlers) loads it on intent and hands it its shadow root.
 */
export { addLocale } from '../i18n';
export { mountUi } from './mount-ui';
