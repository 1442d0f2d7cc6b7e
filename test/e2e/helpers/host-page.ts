/** The inline queue stub from the widget README, byte for byte. */
export const LOADER_STUB =
  'window.rapport=window.rapport||function(){(rapport.q=rapport.q||[]).push(arguments)};';

export interface HostPageOptions {
  /** Origin of the Rapport server (API and `/rapport.js`). */
  api: string;
  /** Nonce put on both script tags, for pages served under a nonce-based CSP. */
  nonce?: string;
  /** Extra markup for `<head>` (styles of the host page). */
  head?: string;
  /** Page content. */
  body?: string;
  title?: string;
}

/** A minimal host page that loads the widget the documented way: stub + async script tag before `</body>`. */
export function hostPage(options: HostPageOptions): string {
  const nonce = options.nonce ? ` nonce="${options.nonce}"` : '';

  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${options.title ?? 'Rapport e2e host page'}</title>
    ${options.head ?? ''}
  </head>
  <body>
    <main>
      <h1>${options.title ?? 'Rapport e2e host page'}</h1>
      ${options.body ?? '<p>A page that embeds the Rapport widget.</p>'}
    </main>
    <script${nonce}>${LOADER_STUB}</script>
    <script${nonce} async src="${options.api}/rapport.js" data-key="pk_demo" data-api="${options.api}"></script>
  </body>
</html>`;
}
