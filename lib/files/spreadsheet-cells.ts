import * as XLSX from 'xlsx';

/**
 * Cells of the .xlsx files the seller downloads (pairing table, reconciliation report, claims, template). Every
 * text is a string cell, and one that starts with =, +, -, @ (or a tab / carriage return) gets a leading
 * apostrophe, so no spreadsheet runs it as a formula, even after the file is saved as CSV (OWASP "CSV injection").
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEUTRALIZED = /^'[=+\-@\t\r]/;

/** A text that no spreadsheet will take for a formula. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes {@link neutralizeFormula} when a file we wrote comes back in. */
export function restoreNeutralized(text: string): string {
  return NEUTRALIZED.test(text) ? text.slice(1) : text;
}

export type SheetCell = string | number | null | undefined;

/** A sheet whose numbers are number cells and whose texts are neutralised string cells. */
export function safeSheet(rows: readonly (readonly SheetCell[])[]): XLSX.WorkSheet {
  const sheet: XLSX.WorkSheet = {};
  let width = 0;
  rows.forEach((row, r) => {
    width = Math.max(width, row.length);
    row.forEach((value, c) => {
      if (value === null || value === undefined || value === '') return;
      const address = XLSX.utils.encode_cell({ r, c });
      sheet[address] =
        typeof value === 'number' ? { t: 'n', v: value } : { t: 's', v: neutralizeFormula(String(value)) };
    });
  });
  sheet['!ref'] = XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: Math.max(rows.length - 1, 0), c: Math.max(width - 1, 0) },
  });
  return sheet;
}
