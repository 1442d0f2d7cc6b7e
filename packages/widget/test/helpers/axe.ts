import axe from 'axe-core';

/**
 * Run axe-core on the widget's shadow root and return the violations, with a readable
 * summary. Colour contrast needs layout, which happy-dom lacks: axe reports it as
 * "incomplete", and contrast is checked in the Chromium screenshot run instead.
 */
export async function axeViolations(host: HTMLElement): Promise<string[]> {
  const results = await axe.run(host, {
    resultTypes: ['violations'],
    rules: { region: { enabled: false } },
  });
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}
