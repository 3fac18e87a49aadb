"""The analyst's site over a data directory: units by province, each unit's years and
disclosures, each disclosure's tables as printed (every cell linked to its PDF page), search by
name, CSV and XLSX of what a page shows, the PDFs under their own file names, the quarantine and
the reconciliation reports — read-only, offline, on 127.0.0.1 (`budget serve`).

    app = make_app(SiteSettings(WarehouseSettings(Path("data"))))   # browse.app

Pages are rendered on the server from Jinja2 templates (autoescaped: whatever a PDF or a file
name holds is shown as text), with no script at all; charts are inline SVG, the one stylesheet
ships in `browse/static/`. Nothing here imports Prefect.
"""
