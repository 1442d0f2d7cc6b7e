import { within } from '@testing-library/preact';

/** Cell texts of a table's body rows (the header row left out). */
export function bodyRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole(/cell|rowheader/)
        .map((cell) => cell.textContent ?? ''),
    );
}
