"""The Great Expectations gate: the one module that talks to GX.

    gate = Gate(GateSettings(docs_dir=data_dir / "docs"))   # one GX context per run
    gate.screen({label: pages, ...}, {label: active, ...})  # before extraction, all at once
    result = gate.validate(disclosure, label)
    result.passed, result.critical, result.warnings, result.reason, result.message
    gate.build_docs()                 # Data Docs for this run's validations → docs/index.html

Suites are data, one per concern, in `expectations/suites/{documents,tables,cells}.json` (GX's
own ExpectationSuite JSON). Each expectation says in its `severity` whether a failure is
`critical` (the document is quarantined, not loaded) or a `warning` (it loads, and the warning
is recorded), and in its `meta` a stable `reason` code and an `explanation` in plain words.
Template-dependent values are suite parameters (`{"$PARAMETER": "tables_without_total_row"}`) or
frame columns (`template_header`, `header_variant`), both derived from the template YAML at run
time.

Validation runs on pandas frames whose amounts are `Decimal` objects (expectations.frames).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import time
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import great_expectations as gx
import pandas as pd
from great_expectations.core.run_identifier import RunIdentifier
from great_expectations.data_context.types.base import (
    DataContextConfig,
    InMemoryStoreBackendDefaults,
    ProgressBarsConfig,
)

from bounded.limits import Limits
from disclosure.model import Disclosure
from disclosure.template import NO_TEMPLATE, Template, load_template
from expectations.datadocs import make_offline
from expectations.datadocs.escaping import gx_name
from expectations.datadocs.site import (
    publish_site,
    results_fingerprint,
    site_current,
    staged_site,
)
from expectations.frames import (
    frames_of,
    screen_frame,
    template_parameters,
)
from expectations.results import Check, GateResult
from warehouse.space import writing

SUITES = ("documents", "tables", "cells")  # the order findings are reported in
SCREEN = "screen"  # the documents expectations that run before extraction
DOCS_SITE = "budget_disclosures"
RESULTS = "gx"  # beside docs/: the validation results Data Docs are built from


@dataclass(frozen=True)
class GateSettings:
    """How the gate judges documents; resolved once at the edge (CLI / flow parameters)."""

    # The template to judge a document by when its titles matched none (None: no template, so
    # the document fails `unknown_template`); a name only to force one.
    template: str | None = None
    max_pages: int = Limits.max_pages  # a longer file is refused before extraction
    # Where Data Docs are built (None builds none). The results they are built from are kept
    # beside it, in `<its folder>/gx/`, and built in its folder's `.staging/`.
    docs_dir: Path | None = None
    examples: int = 5  # unexpected values kept per failed expectation

    def __post_init__(self) -> None:
        if self.max_pages < 1:
            raise ValueError(f"max_pages must be >= 1, not {self.max_pages}")
        if self.examples < 1:
            raise ValueError(f"examples must be >= 1, not {self.examples}")
        if self.docs_dir is not None:
            object.__setattr__(self, "docs_dir", Path(self.docs_dir).expanduser().resolve())

    @property
    def results_dir(self) -> Path | None:
        """The validation results of the last run that validated: what Data Docs are built
        from (GX's own JSON), kept so that a later run can rebuild a missing site."""
        return self.docs_dir.with_name(RESULTS) if self.docs_dir else None

    @property
    def staging_dir(self) -> Path | None:
        return self.docs_dir.with_name(".staging") if self.docs_dir else None


def _template(name: str | None) -> Template:
    """The template a document is judged by: its own, or none (NO_TEMPLATE) when it has none."""
    return load_template(name) if name else NO_TEMPLATE


def suite_data(name: str) -> dict[str, Any]:
    text = resources.files("expectations").joinpath("suites", f"{name}.json").read_text("utf-8")
    return json.loads(text)


def _before_extraction(expectation: Mapping[str, Any]) -> bool:
    return bool(expectation.get("meta", {}).get("before_extraction"))


def screen_suite_data() -> dict[str, Any]:
    """The documents expectations marked `before_extraction`: what the page count can tell."""
    data = suite_data("documents")
    expectations = [e for e in data["expectations"] if _before_extraction(e)]
    # One row per file of the batch, named by its label.
    meta = {**data.get("meta", {}), "identify_by": ["label"]}
    return {**data, "name": SCREEN, "meta": meta, "expectations": expectations}


def gate_suites() -> list[dict[str, Any]]:
    """The suites a gate runs: the screen, then documents (less the screen's), tables, cells.

    Each expectation runs once per document: the page count in the screen — before
    extraction when PDFium can count the pages, after it otherwise.
    """
    suites = [screen_suite_data()]
    for name in SUITES:
        data = suite_data(name)
        data["expectations"] = [e for e in data["expectations"] if not _before_extraction(e)]
        suites.append(data)
    return suites


class Gate:
    """One ephemeral GX context for a whole run: suites, frames' assets, Data Docs site."""

    def __init__(self, settings: GateSettings | None = None) -> None:
        self.settings = settings or GateSettings()
        staging = self.settings.staging_dir
        self._site = staged_site(staging) if staging else None  # where the site is built
        self._context = _ephemeral_context(self.settings.results_dir, self._site)
        datasource = self._context.data_sources.add_pandas("disclosure")
        self._suite_meta: dict[str, dict[str, Any]] = {}
        self._definitions: dict[str, Any] = {}
        for data in gate_suites():
            name = data["name"]
            suite = self._context.suites.add(gx.ExpectationSuite(**data))
            asset = datasource.add_dataframe_asset(name)
            batch = asset.add_batch_definition_whole_dataframe(name)
            self._definitions[name] = self._context.validation_definitions.add(
                gx.ValidationDefinition(name=name, data=batch, suite=suite)
            )
            self._suite_meta[name] = data.get("meta", {})
        self._screened: dict[str, GateResult] = {}
        self._validations = 0  # GX validations this run (Data Docs has nothing new without)

    def screen(
        self,
        page_counts: Mapping[str, int | None],
        active_content: Mapping[str, Sequence[str]] | None = None,
    ) -> dict[str, GateResult]:
        """Check what can be known before extraction — the page count, the active content a
        file declares — for a whole batch of files (by label) in one GX validation. The facts
        come from peeking at each file (`disclosure.pdf.peek`, in a bounded child process):
        the gate opens no file.

        A file whose pages could not be counted (None) gets no result: extraction will say
        why. A result is kept and joins its document's `validate` result (same label).
        """
        counted = {label: n for label, n in page_counts.items() if n is not None}
        return self._screen_counted(counted, active_content)

    def _screen_counted(
        self, counted: Mapping[str, int], active: Mapping[str, Sequence[str]] | None = None
    ) -> dict[str, GateResult]:
        if not counted:
            return {}
        started = time.perf_counter()
        run_id = RunIdentifier(run_name=SCREEN, run_time=dt.datetime.now(dt.UTC))
        # Rows are named as GX may show them (their labels hold file names).
        frame = screen_frame(
            {gx_name(label): n for label, n in counted.items()},
            {gx_name(label): v for label, v in (active or {}).items()},
        )
        results = self._validate(SCREEN, frame, self.parameters(None), run_id)
        seconds = (time.perf_counter() - started) / len(counted)
        screened = {}
        for label in counted:
            checks = tuple(
                _check(SCREEN, r, self.settings.examples, gx_name(label), rows=1) for r in results
            )
            screened[label] = GateResult(label, checks, seconds, run_id.run_time)
        self._screened.update(screened)
        return screened

    def validate(self, disclosure: Disclosure, label: str) -> GateResult:
        """Run every suite on one extracted disclosure (after its screen, if it had one).

        `label` names the document in Data Docs; give each document its own (stem + sha).
        """
        started = time.perf_counter()
        template = _template(disclosure.template or self.settings.template)
        frames = frames_of(disclosure, template)
        parameters = self.parameters(template)
        run_id = RunIdentifier(run_name=gx_name(label), run_time=dt.datetime.now(dt.UTC))
        if label not in self._screened:  # PDFium could not count its pages; pdfplumber could
            self._screen_counted({label: disclosure.page_count})
        screened = self._screened.pop(label)
        checks: list[Check] = list(screened.checks)
        for name in SUITES:
            results = self._validate(name, frames[name], parameters, run_id)
            rows = len(frames[name])
            checks += [_check(name, r, self.settings.examples, rows=rows) for r in results]
        seconds = time.perf_counter() - started + screened.seconds
        return GateResult(
            label,
            tuple(checks),
            seconds,
            run_id.run_time,
            year=disclosure.year,
            unit_code=disclosure.unit_code,
        )

    def validate_many(self, items: Sequence[tuple[Disclosure, str]]) -> list[GateResult]:
        """`validate` for a batch of (disclosure, label): one GX validation per suite for the
        whole batch. GX's cost is per expectation, not per row (~90 ms a document alone), so a
        batch costs little more than one document; each document still gets its own result,
        from the unexpected rows that carry its label."""
        if len(items) <= 1:
            return [self.validate(d, label) for d, label in items]
        started = time.perf_counter()
        unscreened = {label: d.page_count for d, label in items if label not in self._screened}
        self._screen_counted(unscreened)
        checks: dict[str, list[Check]] = {label: [] for _, label in items}
        by_template: dict[str, list[tuple[Disclosure, str]]] = {}
        for disclosure, label in items:
            name = disclosure.template or self.settings.template or ""
            by_template.setdefault(name, []).append((disclosure, label))
        run_time = dt.datetime.now(dt.UTC)
        for name, group in by_template.items():
            template = _template(name)
            framed = [(frames_of(d, template), gx_name(label)) for d, label in group]
            run_id = RunIdentifier(
                run_name=f"{gx_name(group[0][1])} (+{len(group) - 1})", run_time=run_time
            )
            for suite in SUITES:
                frame = pd.concat(
                    [frames[suite].assign(label=shown) for frames, shown in framed],
                    ignore_index=True,
                )
                results = self._validate(
                    suite, frame, self.parameters(template), run_id, labelled=True
                )
                rows = frame.groupby("label").size()
                for _, label in group:
                    shown = gx_name(label)
                    checks[label] += [
                        _check(suite, r, self.settings.examples, shown, int(rows.get(shown, 0)))
                        for r in results
                    ]
        seconds = (time.perf_counter() - started) / len(items)
        outcomes = []
        for disclosure, label in items:
            screened = self._screened.pop(label)
            outcomes.append(
                GateResult(
                    label,
                    (*screened.checks, *checks[label]),
                    seconds + screened.seconds,
                    run_time,
                    year=disclosure.year,
                    unit_code=disclosure.unit_code,
                )
            )
        return outcomes

    def build_docs(self) -> Path | None:
        """Build Data Docs; the site's index.html, or None when there is none.

        Built from the validation results of the last run that validated anything (this run's,
        when it did), kept in `gx/`: whenever the site does not show them whole — after a run
        that validated, and on any run that finds the site missing or incomplete
        (`expectations.datadocs.site`). Built aside and moved into
        `docs/` whole; a full disk raises `NoSpace` naming the site, and the previous site
        stays. GX's pages load their CSS and JavaScript from public CDNs; the site gets those
        from XStatic packages instead, its links rewritten (`expectations.datadocs`), so that
        it renders offline.
        """
        docs, results = self.settings.docs_dir, self.settings.results_dir
        if docs is None or results is None or self._site is None:
            return None
        index = docs / "index.html"
        shown = results_fingerprint(results)
        if not shown:  # nothing validated yet: nothing to show
            return index if index.is_file() else None
        if site_current(docs, shown):
            return index
        try:
            with writing(docs):
                self._context.build_data_docs(site_names=[DOCS_SITE])
                make_offline(self._site)
                return publish_site(self._site, docs, shown)
        finally:
            shutil.rmtree(self._site, ignore_errors=True)  # what a failed build left

    def _fresh_results(self) -> None:
        """Before this run's first validation: the kept results (the last run's) go, so that
        Data Docs show this run's validations."""
        results, staging = self.settings.results_dir, self.settings.staging_dir
        if results is None or staging is None or not results.exists():
            return
        aside = staging / f"{os.getpid()}-{uuid.uuid4().hex}-gx"
        staging.mkdir(parents=True, exist_ok=True)
        os.rename(results, aside)
        shutil.rmtree(aside, ignore_errors=True)

    def parameters(self, template: Template | None) -> dict[str, object]:
        """Values of the suites' `$PARAMETER`s: settings, today, and the template's codes."""
        parameters: dict[str, object] = {
            "max_pages": self.settings.max_pages,
            "max_year": dt.date.today().year + 1,
        }
        if template is not None:
            parameters.update(template_parameters(template))
        return parameters

    def _validate(
        self,
        name: str,
        frame: pd.DataFrame,
        parameters: Mapping[str, object],
        run_id: RunIdentifier,
        labelled: bool = False,
    ) -> list[Any]:
        """Validate one frame: a cheap pass first, the unexpected values only on failure.

        Most documents pass, and collecting unexpected values with the columns that name their
        rows costs GX about 30% more. A suite whose rows need no naming (one row: the
        document) gets its values in the first pass (BASIC); the others get a detailed second
        pass on failure, with the same run id, so that it replaces the first result in the
        run's store (and so in Data Docs).
        """
        definition = self._definitions[name]
        if not self._validations:
            self._fresh_results()
        run = {
            "batch_parameters": {"dataframe": frame},
            "expectation_parameters": dict(parameters),
            "run_id": run_id,
        }
        self._validations += 1
        identify_by = list(self._suite_meta[name].get("identify_by", []))
        if labelled:  # rows of several documents: each unexpected row must name its document
            identify_by.append("label")
        cheap = {"result_format": "BOOLEAN_ONLY" if identify_by else "BASIC"}
        results = self._run(definition, cheap, run)
        if not results.success and identify_by:
            detailed = {
                # The screen's rows are documents: each needs its own answer, so all of them.
                "result_format": "COMPLETE" if name == SCREEN or labelled else "SUMMARY",
                "partial_unexpected_count": self.settings.examples,
                "unexpected_index_column_names": identify_by,
            }
            results = self._run(definition, detailed, run)
        return list(results.results)

    def _run(self, definition: Any, result_format: dict[str, Any], run: dict[str, Any]) -> Any:
        """One GX validation; its result is kept in `gx/`, so a full disk names that folder."""
        results = self.settings.results_dir
        with writing(results) if results else contextlib.nullcontext():
            return definition.run(result_format=result_format, **run)


def _ephemeral_context(results_dir: Path | None, site: Path | None) -> Any:
    """A GX context whose validation results go to `results_dir` (GX's own JSON files, so that
    Data Docs can be built again later) and whose Data Docs site is built in `site`; both in
    memory and none without them."""
    stores = InMemoryStoreBackendDefaults(init_temp_docs_sites=False)
    sites = {}
    if results_dir is not None and site is not None:
        stores.stores[stores.validation_results_store_name]["store_backend"] = {
            "class_name": "TupleFilesystemStoreBackend",
            "base_directory": str(results_dir),
        }
        sites[DOCS_SITE] = {
            "class_name": "SiteBuilder",
            "store_backend": {
                "class_name": "TupleFilesystemStoreBackend",
                "base_directory": str(site),
            },
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            "site_section_builders": {
                # Values found in a PDF are escaped before GX places them on a page.
                "validations": {
                    "renderer": {
                        "module_name": "expectations.datadocs.escaping",
                        "class_name": "EscapedValidationResultsPageRenderer",
                    },
                    # Every run (GX would leave out a run named "…profiling…": a file name).
                    "run_name_filter": {"matches_regex": "^"},
                },
                "profiling": "None",
            },
        }
    config = DataContextConfig(
        store_backend_defaults=stores,
        data_docs_sites=sites,
        analytics_enabled=False,
        # GX draws a tqdm bar on stderr for every validation otherwise.
        progress_bars=ProgressBarsConfig(globally=False),
    )
    return gx.get_context(project_config=config, mode="ephemeral")


def _check(
    suite: str, result: Any, examples: int, label: str | None = None, rows: int | None = None
) -> Check:
    """One expectation's outcome; with `label`, for that document's rows of a batch. `rows`:
    how many rows of the document the suite checked (its element_count, whether the document
    was validated alone or in a batch)."""
    config = result.expectation_config
    meta = config.meta or {}
    kwargs = config.kwargs
    column = kwargs.get("column") or (
        f"{kwargs['column_A']}={kwargs['column_B']}" if "column_A" in kwargs else None
    )
    severity = getattr(config.severity, "value", config.severity) or "critical"
    details = result.result or {}
    success = bool(result.success)
    explanation = meta.get("explanation", config.type)
    error = result.exception_info or {}
    if error.get("raised_exception"):
        explanation = f"{explanation} — the check could not run: {error.get('exception_message')}"
    elif label is not None:
        unexpected = [
            r for r in details.get("unexpected_index_list") or [] if r.get("label") == label
        ]
        success = success or not unexpected
        details = {
            "unexpected_count": len(unexpected),
            "partial_unexpected_index_list": unexpected,
        }
    return Check(
        suite=suite,
        expectation=config.type,
        column=column,
        severity=str(severity),
        reason=meta.get("reason", config.type),
        explanation=explanation,
        success=success,
        element_count=rows if rows is not None else int(details.get("element_count") or 0),
        unexpected_count=int(details.get("unexpected_count") or 0),
        examples=() if success else _examples(meta.get("example"), details, examples),
    )


class _Fields(dict):  # format_map: a field the row lacks prints as '?'
    def __missing__(self, key: str) -> str:
        return "?"


def _examples(template: str | None, details: Mapping[str, Any], limit: int) -> tuple[str, ...]:
    """A few unexpected values in words, via the expectation's `example` format string."""
    rows: Sequence[Mapping[str, Any]] = details.get("partial_unexpected_index_list") or []
    if not all(isinstance(row, Mapping) for row in rows) or not rows:
        # Without identifying columns GX lists row numbers only: use the values themselves.
        rows = [{"value": v} for v in details.get("partial_unexpected_list") or []]
    found: list[str] = []
    for row in rows:
        fields = _Fields({k: _plain(v) for k, v in row.items()})
        fields.setdefault("value", next((_plain(v) for v in row.values()), None))
        if template is None:
            if fields["value"] is None:
                continue
            text = str(fields["value"])
        else:
            text = template.format_map(fields)
        if text not in found:
            found.append(text)
        if len(found) == limit:
            break
    return tuple(found)


def _plain(value: Any) -> Any:
    """numpy scalars (what pandas hands GX) as plain Python values, for printing."""
    return value.item() if hasattr(value, "item") else value
