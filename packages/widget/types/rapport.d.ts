/**
 * `import '@rapport/widget/rapport.js'` runs the script-tag build, which reads its settings
 * from `<script data-key …>` or a queued `rapport('init', …)` and defines `window.rapport`.
 * It exports nothing; this declares the global it leaves.
 */
declare global {
  interface Window {
    /** The command function: `rapport('identify', userId, traits, { userHash })`, `rapport('open')`, … */
    rapport?: ((command: string, ...args: unknown[]) => unknown) & { q?: ArrayLike<unknown>[] };
  }
}

export {};
