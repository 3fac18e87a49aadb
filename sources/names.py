"""File names: for downloaded documents, safe to join to a folder, readable, stable; and any
file name printed on one line (`printable`).

A listing's link says what a file is called (`…/2024_010_湖南省信访局.pdf`,
`…/%E9%A2%84%E7%AE%97.pdf`, or `…/..%2F..%2Fetc%2Fpasswd.pdf` from a hostile page). The name kept
on disk is the link's last path segment, percent-decoded, reduced to one plain component: no
folder parts, no `..`, no control characters, no leading dot (hidden files are skipped by
discovery), at most `MAX_NAME_BYTES` of UTF-8, ending in `.pdf`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import unquote_to_bytes, urlsplit

PDF_SUFFIX = ".pdf"
# ext4, xfs and most others allow 255 bytes per name; keep room for a disambiguating suffix.
MAX_NAME_BYTES = 200
# Characters that are folder separators or reserved on some file system we may be copied to.
_RESERVED = re.compile(r'[\\/:*?"<>|]')
_SPACES = re.compile(r"\s+")


def url_to_file_name(url: str) -> str:
    """The safe file name a download from `url` is kept under."""
    return safe_file_name(_decode_segment(url_last_segment(url)), fallback_key=url)


def url_last_segment(url: str) -> str:
    """The raw (still percent-encoded) last segment of the URL's path."""
    return urlsplit(url).path.rsplit("/", 1)[-1]


def is_pdf_url(url: str) -> bool:
    """Whether the link names a PDF by its path (`.pdf`, any case, percent-encoding decoded)."""
    return _decode_segment(url_last_segment(url)).lower().endswith(PDF_SUFFIX)


def safe_file_name(raw: str, fallback_key: str = "") -> str:
    """One plain file-name component made from `raw`, ending in `.pdf`.

    `raw` may hold separators (`..%2F` decodes to `../`): only its last component is kept.
    When nothing usable is left, the name is `download-<hash of fallback_key>.pdf`.
    """
    name = unicodedata.normalize("NFC", raw)
    name = re.split(r"[\\/]", name)[-1]
    name = _SPACES.sub(" ", name)  # tabs and line breaks too, before controls go
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")  # controls, format
    name = _RESERVED.sub("_", name).strip()
    stem = name[: -len(PDF_SUFFIX)] if name.lower().endswith(PDF_SUFFIX) else name
    stem = stem.strip(" .")
    if not stem:
        stem = f"download-{short_hash(fallback_key or raw)}"
    return _truncate_utf8(stem, MAX_NAME_BYTES - len(PDF_SUFFIX)) + PDF_SUFFIX


def with_key(file_name: str, key: str) -> str:
    """`name.pdf` → `name-1a2b3c4d.pdf`: another URL's file already has the plain name."""
    stem = file_name[: -len(PDF_SUFFIX)]
    return f"{stem}-{short_hash(key)}{PDF_SUFFIX}"


def short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def _decode_segment(segment: str) -> str:
    """Percent-decode as UTF-8; Chinese sites also encode names in GB18030 (GBK)."""
    data = unquote_to_bytes(segment)
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _truncate_utf8(text: str, limit: int) -> str:
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", errors="ignore").rstrip(" .")


# Characters that would break a printed line or fool a terminal: controls (a newline, an
# escape sequence), line and paragraph separators, and the bidirectional overrides that can
# make a name read as another.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """`text` (a file name, a message naming one) on one line, whatever it holds: each control
    or direction-override character written as its escape (`\\n`, `\\x1b`, `\\u202e`)."""
    return _UNPRINTABLE.sub(lambda m: _NAMED.get(m.group(0)) or _escape(m.group(0)), text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
