/**
 * A spreadsheet opening a CSV runs a cell that starts with one of these as a formula (`=HYPERLINK(…)`
 * sends the row away, `=cmd|…` once ran programs). The list is OWASP's, "CSV Injection"
 * (https://owasp.org/www-community/attacks/CSV_Injection): `=`, `+`, `-`, `@`, tab (0x09), carriage
 * return (0x0D), line feed (0x0A); NUL from OWASP ASVS 5.0 requirement 1.2.10. `|` and `%` are on
 * neither list: they act only inside a cell that already starts as a formula.
 */
const formulaStart = /^[\t\r\n\0]|^\s*[=+\-@]/;
/** The cell's leading whitespace and first other character: all that decides. */
const head = /^\s*\S?/u;

/**
 * The cell as text a spreadsheet shows and never runs: prefixed with an apostrophe, as OWASP
 * recommends, when it would start a formula. Also caught: whitespace before the character (spreadsheets
 * differ on trimming it) and the character's look-alikes — full-width `＝` from a Vietnamese or CJK
 * keyboard, small `﹦`, superscript `⁺` — which NFKC folds into it, as spreadsheets may.
 */
export function neutraliseFormula(cell: string): string {
  return formulaStart.test(head.exec(cell)?.[0].normalize('NFKC') ?? '') ? `'${cell}` : cell;
}
