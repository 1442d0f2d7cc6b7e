/** A stylesheet in the widget's shadow root whose text can be replaced later. */
export interface AdoptedStylesheet {
  replace(css: string): void;
}

/**
 * Adds `css` to `shadow` as a constructable stylesheet (`adoptedStyleSheets`), which no
 * `style-src` directive blocks, so the widget is styled even where the site's policy has no
 * nonce for it. Browsers without constructable stylesheets get a `<style nonce>` instead.
 * Sheets are appended after those already there: later sheets win at equal specificity.
 */
export function adoptStylesheet(
  shadow: ShadowRoot,
  css: string,
  nonce: string | undefined,
): AdoptedStylesheet {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    return { replace: (text) => sheet.replaceSync(text) };
  } catch {
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = css;
    // After the other sheets and before the content: the same order adopted sheets would have.
    const sheets = Array.from(shadow.children).filter((child) => child.localName === 'style');
    shadow.insertBefore(style, sheets.at(-1)?.nextSibling ?? shadow.firstChild);
    return {
      replace(text) {
        style.textContent = text;
      },
    };
  }
}
