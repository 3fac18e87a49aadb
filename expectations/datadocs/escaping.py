"""What reaches Great Expectations' Data Docs from a PDF or a file name is shown as text, never
run as markup.

GX 1.24 escapes the parameters of its string templates, but not two things this project feeds
it from untrusted files:

- the run name — a document's file name — which it writes raw into every validation page and
  into the index's inline table data (a Python literal inside a <script>, drawn as HTML);
- the values a validation found unexpected — text printed in the PDF — which its "Sampled
  Unexpected Values" tables write raw.

So the gate names runs with `gx_name` (a file name whose markup characters are swapped for
look-alikes that mean nothing to HTML or JavaScript: `<` → `＜`), and the validation pages are
rendered by `EscapedValidationResultsPageRenderer`, which HTML-escapes every value of a result
before GX's own renderer places it. The table adapter (`bootstrap-table-datatables.js`) also
draws the index's plain-text columns as text.
"""

from __future__ import annotations

import copy
import html
import re
from typing import Any

from great_expectations.render.renderer import ValidationResultsPageRenderer

# Characters that mean something to HTML, to a JavaScript string, or to a path, and control
# characters: replaced in a run name by full-width look-alikes (or a space).
_LOOK_ALIKE = str.maketrans(
    {
        "<": "＜",
        ">": "＞",
        "&": "＆",
        '"': "＂",
        "'": "＇",
        "`": "｀",
        "\\": "＼",
        "/": "／",
    }
)
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+")


def gx_name(label: str) -> str:
    """A document's label (file stem and sha256 start) as GX may show it raw: the same words,
    with nothing HTML, JavaScript or a file path would read as markup, a quote or a folder."""
    return _CONTROLS.sub(" ", label).translate(_LOOK_ALIKE)


def escaped(value: Any) -> Any:
    """`value` with every string in it HTML-escaped (through lists, tuples and dicts)."""
    if isinstance(value, str):
        return html.escape(value, quote=True)
    if isinstance(value, dict):
        return {key: escaped(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(escaped(item) for item in value)
    return value


class EscapedValidationResultsPageRenderer(ValidationResultsPageRenderer):
    """GX's validation page, each result's values (what the data held) escaped first."""

    def render(self, validation_results: Any, suite_parameters: Any = None) -> Any:
        shown = copy.deepcopy(validation_results)
        for result in shown.results:
            if result.result:
                result.result = escaped(result.result)
            if result.exception_info:
                result.exception_info = escaped(result.exception_info)
        return super().render(shown, suite_parameters)
