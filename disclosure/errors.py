"""Typed extraction errors. Each names the file and says, in plain words, what is wrong."""

from __future__ import annotations


class ExtractionError(Exception):
    """A file that cannot be turned into budget tables. `reason` is a stable short code."""

    reason = "extraction_failed"

    def __init__(self, path: str, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(f"{path}: {detail}")


class NotAPdf(ExtractionError):
    reason = "not_a_pdf"


class EncryptedPdf(ExtractionError):
    reason = "encrypted"


class NoTextLayer(ExtractionError):
    reason = "no_text_layer"


class UnreadableText(ExtractionError):
    """A text layer whose glyphs map to no characters: pdfminer reads them as `(cid:NN)` codes
    (a font without a ToUnicode map). The words are there to see, not to read: OCR would be
    needed."""

    reason = "unreadable_text"


class DamagedPdf(ExtractionError):
    reason = "damaged"


class NotABudgetDisclosure(ExtractionError):
    reason = "no_budget_table"
