"""`budget`: the one command line of the project.

    budget ingest --source samples/ --data-dir data    # keep, extract, check, load
    budget reconcile --data-dir data                   # check every accounting identity
    budget nightly --source URL --data-dir data        # both, as the nightly deployment does
    budget upgrade --data-dir data                     # re-derive an older warehouse from raw/
    budget summary samples/                            # what extraction finds, per table
    budget cells samples/2024_010_湖南省信访局.pdf -t 07
    budget report --data-dir data                      # the latest reconciliation, as HTML
    budget export --data-dir data --out out --format xlsx   # the views as CSV / XLSX / package
    budget serve --data-dir data                       # the site: units, tables, PDFs, reports
    budget deploy --source URL                         # set up the Prefect server, deploy

Imports are lazy: `budget --help` answers without importing Prefect or Great Expectations, and
each command imports only what it runs. Settings come from `runtime.settings.Settings` (options
given here win over `BUDGET_*` environment variables, which win over the defaults).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from bounded.limits import Limits
from runtime import collector

if TYPE_CHECKING:
    from prefect import Flow

    from runtime.prefect_api import TemporaryApi
    from runtime.settings import Settings

R = TypeVar("R")

app = typer.Typer(
    name="budget",
    help="Budget disclosures (部门预算公开表) → DuckDB: ingest, check, reconcile, query.",
    add_completion=False,
    no_args_is_help=True,
    # Plain help: rich panels would print a <bool> placeholder after every flag.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _data_dir(value: Path | None) -> Path | None:
    if value is not None and value.exists() and not value.is_dir():
        raise typer.BadParameter(f"{value} is a file, not a folder", param_hint="--data-dir")
    return value


DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Where raw/, parquet/ and warehouse.duckdb live [default: $BUDGET_DATA_DIR, "
        "else ./data].",
        callback=_data_dir,
        show_default=False,
    ),
]
Source = Annotated[
    str,
    typer.Option(
        "--source",
        help="A folder of PDFs (searched recursively), one PDF, or the http(s) URL of a page "
        "that links PDFs.",
    ),
]


def _settings(**values: Any) -> Settings:
    from pydantic import ValidationError

    from runtime.settings import Settings

    try:
        return Settings.load(**values)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'settings'}: "
            + e["msg"].removeprefix("Value error, ")
            for e in error.errors()
        )
        raise typer.BadParameter(problems) from None


@contextmanager
def _running(command: str, settings: Settings) -> Iterator[TemporaryApi]:
    """Around a flow run: a Prefect API (the configured server, or a temporary one that dies
    with this process: `wait()` for it, after importing the flow), and a warehouse that stayed
    busy, is of another schema version or whose disk is full told in one line (exit code 1)."""
    import os

    from runtime.prefect_api import prefect_api
    from warehouse.errors import WarehouseError
    from warehouse.space import no_space

    # `main` started this command's API early only if it is one of these.
    assert command in FLOW_COMMANDS, f"{command} runs a flow: add it to FLOW_COMMANDS"
    collector.pause()  # while the flow is imported; each command settles it once it is

    # Before Arrow is imported: memory it frees goes back to the system, not to a pool that
    # keeps it (the flow's peak RSS, 40 MB less on the benchmark corpus). prefect.yaml too.
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
    try:
        with prefect_api(settings.prefect_start_timeout_s) as api:
            yield api
    except WarehouseError as refused:
        typer.echo(f"{command}: {refused}", err=True)
        raise typer.Exit(code=1) from None
    except Exception as error:
        full = no_space(error, settings.data_dir)  # a full disk, in a library's own words
        if full is None:
            raise
        typer.echo(f"{command}: {full}", err=True)
        raise typer.Exit(code=1) from None


def _start_extraction_workers(settings: Settings) -> None:
    """Start the run's extraction workers now, once the flow is imported, while the command
    waits for its API: they warm up (~1 s of CPU each, `bounded.pool.start_early`) in that
    wait. Started before the import, they slowed the API's boot, the start-up's longest path
    (an empty ingest 0.65 s, the benchmark's 1.0 s faster started after). A run that extracts
    on a Dask cluster has none here."""
    from bounded.pool import start_early

    extract = settings.extract()
    if extract.dask_address is None:
        start_early(extract.workers)


def _run_flow(api: TemporaryApi, flow: Flow[..., R], **parameters: Any) -> R:
    """Run `flow` with `parameters` once the API answers (the flow imported, `collector`
    settled). Prefect serializes a run's parameters for the API before its first task, and
    imports FastAPI's encoders to do it the first time: 0.2 s, 0.8 s on a busy machine, while
    nothing else runs. Done first, it is done while the API still boots."""
    flow.serialize_parameters(parameters)
    api.wait()
    collector.settle()  # the flow is imported
    return flow(**parameters)


def _check_source(source: str) -> None:
    from sources import parse_source

    try:
        parse_source(source)
    except (FileNotFoundError, ValueError) as error:
        raise typer.BadParameter(str(error), param_hint="--source") from error


@app.command()
def ingest(
    source: Source,
    data_dir: DataDir = None,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Documents parsed at once, each in a bounded child process "
            "[default: $BUDGET_WORKERS, else the number of cores]."
        ),
    ] = None,
    dask_address: Annotated[
        str | None,
        typer.Option(
            help="Extract on this Dask scheduler (tcp://HOST:8786) [$BUDGET_DASK_ADDRESS]."
        ),
    ] = None,
    max_pages: Annotated[
        int | None,
        typer.Option(
            help="Quarantine, unread, any PDF with more pages [default: $BUDGET_MAX_PAGES, "
            f"else {Limits.max_pages}]."
        ),
    ] = None,
    retry_quarantined: Annotated[
        bool,
        typer.Option(
            "--retry-quarantined",
            help="Also re-process every quarantined document (from raw/), e.g. after a "
            "template or limit was fixed; those that now pass are loaded.",
        ),
    ] = False,
) -> None:
    """Ingest new budget-disclosure PDFs: keep, extract, check, load; print what happened."""
    settings = _settings(
        data_dir=data_dir, workers=workers, dask_address=dask_address, max_pages=max_pages
    )
    _check_source(source)
    with _running("ingest", settings) as api:
        from flows.ingest import ingest as ingest_flow  # imported while the API starts

        _start_extraction_workers(settings)
        summary = _run_flow(
            api, ingest_flow, source=source, retry_quarantined=retry_quarantined, settings=settings
        )
    typer.echo(summary.to_text())
    typer.echo(f"query it: .venv/bin/duckdb -readonly {settings.warehouse().database}")
    # 0: every input has its outcome (quarantined and rejected files are expected outcomes);
    # 3: some links were unavailable (tried again next run); 1: the run failed on an input.
    raise typer.Exit(code=summary.exit_code)


@app.command()
def reconcile(
    data_dir: DataDir = None,
    year: Annotated[
        list[int] | None, typer.Option(help="Check only this budget year (repeatable).")
    ] = None,
    fail_on: Annotated[
        str,
        typer.Option(help="Exit with 1 when a finding is this severe: error, warning or never."),
    ] = "never",
) -> None:
    """Check every accounting identity of the current disclosures; keep and report findings."""
    if fail_on not in ("error", "warning", "never"):
        raise typer.BadParameter("choose error, warning or never", param_hint="--fail-on")
    settings = _settings(data_dir=data_dir)
    warehouse = settings.warehouse()
    if not warehouse.database.exists():
        typer.echo(
            f"{warehouse.data_dir}: no warehouse.duckdb here (run an ingest first)", err=True
        )
        raise typer.Exit(code=2)
    with _running("reconcile", settings) as api:
        from flows.reconcile import reconcile as reconcile_flow
        from reconcile.report import report_path

        run = _run_flow(api, reconcile_flow, years=year or None, settings=settings)
    typer.echo(f"reconcile {run.run_id}: {run.headline}")
    typer.echo(f"report: {report_path(warehouse, run.run_id)}")
    counts = run.counts()
    failing = {"error": ("error",), "warning": ("error", "warning"), "never": ()}[fail_on]
    raise typer.Exit(code=1 if any(counts[s] for s in failing) else 0)


@app.command()
def nightly(source: Source, data_dir: DataDir = None) -> None:
    """Run tonight's job now: ingest the source, then reconcile the warehouse."""
    settings = _settings(data_dir=data_dir)
    warehouse = settings.warehouse()
    _check_source(source)
    with _running("nightly", settings) as api:
        from flows.nightly import nightly as nightly_flow
        from reconcile.report import report_path

        _start_extraction_workers(settings)
        result = _run_flow(api, nightly_flow, source=source, settings=settings)
    typer.echo(result.to_text())
    if result.reconcile_run_id is not None:
        typer.echo(f"report: {report_path(warehouse, result.reconcile_run_id)}")
    typer.echo(f"query it: .venv/bin/duckdb -readonly {warehouse.database}")
    raise typer.Exit(code=result.ingest.exit_code)


@app.command()
def upgrade(
    data_dir: DataDir = None,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Documents parsed at once, each in a bounded child process "
            "[default: $BUDGET_WORKERS, else the number of cores]."
        ),
    ] = None,
) -> None:
    """Bring a warehouse written by older code up to this code's schema version: re-read every
    PDF kept in raw/, in the order they were ingested, into a new warehouse, and swap it in.
    `budget ingest` does it by itself; other commands refuse an older warehouse until then."""
    settings = _settings(data_dir=data_dir, workers=workers)
    warehouse = settings.warehouse()
    if not warehouse.database.exists():
        typer.echo(f"{warehouse.data_dir}: no warehouse.duckdb here, nothing to upgrade", err=True)
        raise typer.Exit(code=2)
    with _running("upgrade", settings) as api:
        from flows.upgrade import upgrade as upgrade_flow  # imported while the API starts

        result = _run_flow(api, upgrade_flow, settings=settings)
    typer.echo(result.to_text())


@app.command()
def summary(
    paths: Annotated[list[Path], typer.Argument(help="PDF files or folders of PDFs.")],
    workers: Annotated[int, typer.Option(help="Processes per document.")] = 1,
) -> None:
    """Extract each PDF and print a per-table summary; bad files are reported, not fatal."""
    from disclosure.overview import print_summaries

    raise typer.Exit(code=print_summaries(paths, workers=workers))


@app.command()
def cells(
    pdf: Annotated[Path, typer.Argument(help="One disclosure PDF.")],
    table: Annotated[str, typer.Option("--table", "-t", help="Table code, e.g. 07.")],
) -> None:
    """Print the extracted cells of one table: row, column, path, kind, subject, text, amount."""
    from disclosure.errors import ExtractionError
    from disclosure.overview import print_cells

    try:
        found = print_cells(pdf, table)
    except ExtractionError as error:  # not a PDF, damaged, encrypted, no tables: one line
        typer.echo(f"cells: {error} [{error.reason}]", err=True)
        raise typer.Exit(code=2) from None
    if not found:
        raise typer.BadParameter(f"{pdf.name} has no table {table}", param_hint="--table")


@app.command()
def report(
    data_dir: DataDir = None,
    run_id: Annotated[
        str | None, typer.Option("--run", help="A run id [default: the latest run].")
    ] = None,
) -> None:
    """Write the HTML report of a reconciliation run (the latest by default); print its path
    and the run's counts."""
    warehouse = _settings(data_dir=data_dir).warehouse()
    from reconcile.report import findings_csv_path, write_report
    from reconcile.runs import read_run

    run = read_run(warehouse, run_id)
    if run is None:
        what = f"no reconciliation run {run_id}" if run_id else "no reconciliation run yet"
        typer.echo(f"{warehouse.data_dir}: {what} (run budget reconcile)", err=True)
        raise typer.Exit(code=2)
    typer.echo(f"reconcile {run.run_id}: {run.headline}")
    typer.echo(f"report: {write_report(warehouse, run)}")
    typer.echo(f"findings: {findings_csv_path(warehouse, run.run_id)}")


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", help="The folder to write into (created).")],
    data_dir: DataDir = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="csv (one UTF-8 file with BOM per view), xlsx (one workbook, a sheet per "
            "view) or datapackage (the CSVs and a Frictionless datapackage.json).",
        ),
    ] = "csv",
    year: Annotated[int | None, typer.Option(help="Only this budget year.")] = None,
    unit: Annotated[str | None, typer.Option(help="Only this unit code, e.g. 010.")] = None,
) -> None:
    """Export the analyst's views (amounts exact) as CSV, XLSX or a Frictionless data package."""
    if fmt not in ("csv", "xlsx", "datapackage"):
        raise typer.BadParameter("choose csv, xlsx or datapackage", param_hint="--format")
    if out.exists() and not out.is_dir():
        raise typer.BadParameter(f"{out} is a file, not a folder", param_hint="--out")
    warehouse = _settings(data_dir=data_dir).warehouse()
    from warehouse.export import ExportError
    from warehouse.export import export as export_views

    try:
        result = export_views(warehouse, out, fmt, year=year, unit_code=unit)
    except ExportError as error:
        typer.echo(f"export: {error}", err=True)
        raise typer.Exit(code=2) from None
    for relation in result.relations:
        where = relation.path.name if relation.path else f"sheet {relation.sheet}"
        typer.echo(f"{relation.rows:>9,} rows  {relation.label} ({relation.name})  → {where}")
    if result.skipped:
        typer.echo(f"not in this warehouse: {', '.join(result.skipped)}")
    typer.echo("wrote: " + ", ".join(str(f) for f in result.files))


@app.command()
def serve(
    data_dir: DataDir = None,
    port: Annotated[
        int | None, typer.Option(help="Port [default: $BUDGET_SERVE_PORT, else 8765; 0: any free].")
    ] = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; not a loopback one only with --allow-remote.")
    ] = "127.0.0.1",
    allow_remote: Annotated[
        bool,
        typer.Option(
            "--allow-remote",
            help="Listen on a non-loopback --host: anyone who reaches it reads the data.",
        ),
    ] = False,
) -> None:
    """Serve the site over the data directory: units, disclosures and their tables as printed,
    search, CSV/XLSX downloads, the PDFs, the reconciliation reports and Data Docs, read-only on
    127.0.0.1; set BUDGET_PUBLIC_URL to the URL it prints so that Prefect artifacts link it."""
    settings = _settings(data_dir=data_dir, serve_port=port or None)
    warehouse = settings.warehouse()
    if not warehouse.data_dir.is_dir():
        raise typer.BadParameter(f"{warehouse.data_dir} does not exist", param_hint="--data-dir")
    from budget.serve import BindRefused, bind
    from budget.serve import serve as serve_site

    try:
        bound = bind(host, 0 if port == 0 else settings.serve_port, allow_remote=allow_remote)
    except BindRefused as refused:
        raise typer.BadParameter(str(refused), param_hint="--host") from None
    except OSError as error:
        typer.echo(f"serve: {host}:{settings.serve_port}: {error.strerror or error}", err=True)
        raise typer.Exit(code=2) from None
    if allow_remote and not bound.url.startswith(("http://127.", "http://[::1]")):
        typer.echo(
            f"warning: serving on {bound.url}, beyond this machine: anyone who reaches it reads "
            "the data (there is no login)",
            err=True,
        )
    if not warehouse.database.exists():
        typer.echo(
            f"serve: {warehouse.data_dir} holds no warehouse yet (run budget ingest first); "
            "the site is empty until then",
            err=True,
        )
    typer.echo(f"serving {warehouse.data_dir} at {bound.url}")
    typer.echo(f"links in Prefect artifacts: BUDGET_PUBLIC_URL={bound.url}")
    try:
        serve_site(warehouse, bound)
    except KeyboardInterrupt:
        pass
    finally:
        bound.sock.close()


@app.command()
def deploy(
    source: Annotated[
        str | None,
        typer.Option(help="What the nightly run ingests [default: $BUDGET_SOURCE, else ./inbox]."),
    ] = None,
    data_dir: DataDir = None,
    work_pool: Annotated[
        str | None, typer.Option(help="Process work pool [default: budget-process].")
    ] = None,
    webhook_url: Annotated[
        str | None,
        typer.Option(help="Alerts POST here [default: $BUDGET_ALERT_WEBHOOK_URL; none]."),
    ] = None,
    prepare_only: Annotated[
        bool,
        typer.Option("--prepare-only", help="Only prepare the server (work pool, limit, alerts)."),
    ] = False,
) -> None:
    """Prepare the Prefect server at PREFECT_API_URL (work pool, the warehouse-writes limit,
    alerts) and deploy prefect.yaml: nightly at 02:30 Asia/Shanghai, ingest, reconcile."""
    settings = _settings(
        data_dir=data_dir, source=source, work_pool=work_pool, alert_webhook_url=webhook_url
    )
    from budget.deployments import DeployError, deploy_all

    try:
        for line in deploy_all(settings, prepare_only=prepare_only):
            typer.echo(line)
    except DeployError as error:
        typer.echo(f"deploy: {error}", err=True)
        raise typer.Exit(code=2) from None


@app.command()
def samples(
    folder: Annotated[Path, typer.Argument(help="Where to write the PDFs.")] = Path("samples"),
    execution_pair: Annotated[
        int | None,
        typer.Option(
            "--execution-pair",
            metavar="SEED",
            help="Instead: one generated department's 预算 and 决算 of the same year.",
        ),
    ] = None,
) -> None:
    """Re-render the bundled sample disclosures (byte for byte what samples/ holds), or a
    generated 预算/决算 pair to try budget_execution on."""
    from samplegen.samples import render_execution_pair, render_samples

    rendered = (
        render_samples(folder) if execution_pair is None
        else render_execution_pair(folder, execution_pair)
    )  # fmt: skip
    for path, pages in rendered:
        typer.echo(f"{path}  ({pages} pages)")


# The commands that run a flow, each in `_running`: they report to a Prefect API.
FLOW_COMMANDS = frozenset({"ingest", "reconcile", "nightly", "upgrade"})


def main() -> None:
    """The `budget` console script (and `python -m budget`, which `python -m flows.ingest`
    becomes: `runtime.command`)."""
    import os
    import sys

    from runtime.command import PROG_NAME_VARIABLE
    from runtime.quick_exit import quick_exit
    from warehouse.errors import WarehouseError
    from warehouse.space import no_space

    prog_name = os.environ.pop(PROG_NAME_VARIABLE, None) or "budget"
    arguments = sys.argv[1:]
    with quick_exit():
        if arguments and arguments[0] in FLOW_COMMANDS and "--help" not in arguments:
            # Prefect's temporary API boots for ~8 s, the start-up's longest path: it starts
            # before the command reads its options and settings (`prefect_api.start_early`;
            # inside `quick_exit`, so that its exit handlers run).
            from runtime.prefect_api import start_early

            start_early()
        try:
            app(prog_name=prog_name)
        except Exception as error:
            # Not a bug: a warehouse of another version, busy, or a full disk. One line.
            plain = error if isinstance(error, WarehouseError) else no_space(error)
            if plain is None:
                raise
            print(f"{prog_name}: {plain}", file=sys.stderr)
            raise SystemExit(1) from None
