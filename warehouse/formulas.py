"""Text a spreadsheet would evaluate, made inert: a cell printed as `=1+1`, `@SUM(1+1)` or
`=HYPERLINK("http://…","y")` in a PDF stays the text it was when exported.

Excel, LibreOffice and Google Sheets take a cell that starts with `=`, `+`, `-` or `@` (and, in
CSV, a tab or carriage return before one of them) as a formula. In CSV, where a value has no
type, such a text gets a leading apostrophe (`'=1+1`), the form every spreadsheet shows as text
(OWASP's advice for CSV injection). A text that already starts with an apostrophe gets one more,
so that `text_from_csv` restores every text exactly. Texts that are plain numbers (`-12.50`,
`+3`) or only dashes (`-`, `--`: "nothing" in a printed table) are left as they are: a
spreadsheet reads them as a number or as text, never as a formula. Amounts are DECIMAL columns,
never text, and stay numbers.

In XLSX a text cell is written as a string with Excel's quote prefix (`quotePrefix`), so it
shows as printed, with no apostrophe, and is never a formula (no `<f>` element).
"""

from __future__ import annotations

import re

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_QUOTE = "'"
# Plain numbers and dashes: no spreadsheet evaluates them.
_HARMLESS = re.compile(r"[+-]?[0-9][0-9,]*(\.[0-9]+)?%?|-+|—+")


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could take `text` as a formula."""
    return text.startswith(TRIGGERS) and not _HARMLESS.fullmatch(text)


def text_for_csv(text: str) -> str:
    """`text` as a CSV field that no spreadsheet evaluates (reversible: `text_from_csv`)."""
    if is_formula_like(text) or text.startswith(_QUOTE):
        return _QUOTE + text
    return text


def text_from_csv(text: str) -> str:
    """The text `text_for_csv` was given."""
    return text[1:] if text.startswith(_QUOTE) else text


def csv_text_sql(expression: str) -> str:
    """The SQL of `text_for_csv` over a VARCHAR `expression` (DuckDB), NULL kept NULL."""
    harmless = _HARMLESS.pattern
    return (
        f"CASE WHEN starts_with({expression}, '''') OR ("
        f"regexp_matches({expression}, '^[=+@\\t\\r-]') "
        f"AND NOT regexp_full_match({expression}, '{harmless}')"
        f") THEN '''' || {expression} ELSE {expression} END"
    )
