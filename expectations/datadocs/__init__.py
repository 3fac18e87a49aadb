"""Data Docs that render offline: the CSS and JavaScript Great Expectations' page templates load
from public CDNs, vendored from XStatic packages (pinned in pyproject.toml) into the site's
`static/vendor/`, and every page's links rewritten to them when the docs are built.

What GX 1.24's templates load (`great_expectations/render/view/templates/*.j2`), and from where
it comes here:

- jQuery 3.7.1: XStatic-jQuery 3.7.1, `jquery.min.js`;
- Bootstrap 4.3.1 CSS and JS, and Popper 1.12.9: XStatic-Bootstrap 4.5.3, `bootstrap.min.css`
  and `bootstrap.bundle.min.js` (which has Popper inside);
- Font Awesome 6.6.0: XStatic-Font-Awesome 6.2.1, `css/all.min.css` and its `webfonts/`;
- bootstrap-table 1.19.1 (and its filter-control extension): XStatic-DataTables 1.10.15 and
  `bootstrap-table-datatables.js`, a small adapter of bootstrap-table's jQuery call onto
  DataTables — no XStatic package ships bootstrap-table;
- bootstrap-datepicker, bootstrap-dark, Vega / Vega-Lite / Vega-Embed: dropped (date filters,
  the dark theme and charts, which only profiling pages draw, are not shown);
- GX's logo, from its web-assets bucket: the copy the site has in `static/images/`.

The validation list of `index.html`, built by JavaScript from inline data, then shows without a
network; a test opens it in headless Chromium with every host unresolvable.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from importlib import import_module, resources
from pathlib import Path

VENDOR = Path("static") / "vendor"  # inside the Data Docs site


@dataclass(frozen=True)
class Asset:
    """A file copied into the site: from an XStatic package's data folder, or from here."""

    target: str  # path under static/vendor/
    package: str | None  # xstatic.pkg.<name>, None: this package's own file
    source: str  # path within the package's data (or this folder)
    tree: bool = False  # copy the whole folder (fonts a stylesheet refers to)


ASSETS = (
    Asset("jquery/jquery.min.js", "jquery", "jquery.min.js"),
    Asset("bootstrap/css/bootstrap.min.css", "bootstrap", "css/bootstrap.min.css"),
    Asset("bootstrap/js/bootstrap.bundle.min.js", "bootstrap", "js/bootstrap.bundle.min.js"),
    Asset("font-awesome/css", "font_awesome", "css", tree=True),
    Asset("font-awesome/webfonts", "font_awesome", "webfonts", tree=True),
    Asset(
        "datatables/css/dataTables.bootstrap4.min.css",
        "datatables",
        "css/dataTables.bootstrap4.min.css",
    ),
    Asset("datatables/js/jquery.dataTables.min.js", "datatables", "js/jquery.dataTables.min.js"),
    Asset(
        "datatables/js/dataTables.bootstrap4.min.js",
        "datatables",
        "js/dataTables.bootstrap4.min.js",
    ),
    Asset("bootstrap-table-datatables.js", None, "bootstrap-table-datatables.js"),
)

# Each CDN URL the templates load → the vendored files that replace it (none: the tag goes).
REPLACEMENTS: dict[str, tuple[str, ...]] = {
    "https://code.jquery.com/jquery-3.7.1.min.js": ("jquery/jquery.min.js",),
    "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js": (),
    "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js": (
        "bootstrap/js/bootstrap.bundle.min.js",
    ),
    "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css": (
        "bootstrap/css/bootstrap.min.css",
    ),
    "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css": (
        "font-awesome/css/all.min.css",
    ),
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js": (
        "datatables/js/jquery.dataTables.min.js",
        "datatables/js/dataTables.bootstrap4.min.js",
        "bootstrap-table-datatables.js",
    ),
    "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css": (
        "datatables/css/dataTables.bootstrap4.min.css",
    ),
    "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/"
    "bootstrap-table-filter-control.min.js": (),
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/"
    "bootstrap-table-filter-control.min.css": (),
    "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/"
    "bootstrap-table-filter-control.css": (),
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/"
    "bootstrap-datepicker.min.js": (),
    "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/"
    "bootstrap-datepicker.min.css": (),
    "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/"
    "bootstrap-prefers-dark.css": (),
    "https://cdn.jsdelivr.net/npm/vega@5": (),
    "https://cdn.jsdelivr.net/npm/vega-lite@5": (),
    "https://cdn.jsdelivr.net/npm/vega-embed@6": (),
}

_TAG = re.compile(
    r'<script\b[^>]*\bsrc="(?P<src>[^"]+)"[^>]*>\s*</script>'
    r'|<link\b[^>]*\bhref="(?P<href>[^"]+)"[^>]*/?>'
)

# GX's logo, fetched from its web-assets bucket (with a tracking query); the site has a copy.
_WEB_IMAGE = re.compile(
    r'src="https://great-expectations-web-assets\.s3\.us-east-2\.amazonaws\.com/([\w.-]+)(?:\?[^"]*)?"'
)


def vendor_assets(site: Path) -> Path:
    """Copy the assets into `site/static/vendor/` (replacing what an older build left)."""
    vendor = site / VENDOR
    for asset in ASSETS:
        target = vendor / asset.target
        target.parent.mkdir(parents=True, exist_ok=True)
        if asset.package is None:
            target.write_bytes(resources.files(__name__).joinpath(asset.source).read_bytes())
            continue
        base = Path(import_module(f"xstatic.pkg.{asset.package}").BASE_DIR)
        if asset.tree:
            shutil.copytree(base / asset.source, target, dirs_exist_ok=True)
        else:
            shutil.copyfile(base / asset.source, target)
    return vendor


def rewrite_page(html: str, root: str = "") -> str:
    """A page with each CDN tag replaced by tags for the vendored files, and GX's logo taken
    from the site's own `static/images/` (`root`: the site's root relative to the page, '' or
    '../../'); other tags untouched."""
    vendor_href = root + VENDOR.as_posix() + "/"

    def replace(match: re.Match[str]) -> str:
        url = match.group("src") or match.group("href")
        if url not in REPLACEMENTS:
            return match.group(0)
        tags = []
        for path in REPLACEMENTS[url]:
            href = vendor_href + path
            if path.endswith(".css"):
                tags.append(f'<link rel="stylesheet" href="{href}">')
            else:
                tags.append(f'<script src="{href}"></script>')
        return "\n".join(tags)

    html = _TAG.sub(replace, html)
    return _WEB_IMAGE.sub(lambda m: f'src="{root}static/images/{m.group(1)}"', html)


def make_offline(site: Path) -> list[Path]:
    """Vendor the assets into the Data Docs site at `site` and rewrite every page to them; the
    pages rewritten."""
    vendor_assets(site)
    pages = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text("utf-8")
        depth = len(page.parent.relative_to(site).parts)
        rewritten = rewrite_page(html, "../" * depth)
        if rewritten != html:
            page.write_text(rewritten, "utf-8")
            pages.append(page)
    return pages


def remote_urls(html: str) -> list[str]:
    """The http(s) scripts, stylesheets and images a page still loads (what offline cannot
    fetch); links a person may follow (<a href>) are not loads."""
    return re.findall(r'<(?:script|link|img)\b[^>]*\b(?:src|href)="((?:https?:)?//[^"]+)"', html)
