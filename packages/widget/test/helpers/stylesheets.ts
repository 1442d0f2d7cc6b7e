/**
 * The text of every stylesheet in the widget's shadow root, in cascade order: adopted
 * (constructable) sheets first, then `<style>` elements (the fallback).
 */
export function sheetTexts(shadow: ShadowRoot): string[] {
  return [
    ...shadow.adoptedStyleSheets.map((sheet) =>
      Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n'),
    ),
    ...Array.from(shadow.querySelectorAll('style'), (style) => style.textContent ?? ''),
  ];
}
