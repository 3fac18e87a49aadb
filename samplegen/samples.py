"""The bundled sample disclosures: `budget samples samples/` re-renders them.

The samples are the real 湖南省信访局 2024 disclosure (transcribed from its text, arithmetic
errors kept) and two generated departments; rendering is deterministic, so re-running this
reproduces the committed PDFs byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from samplegen.departments import (
    agriculture_2024,
    water_resources_2023,
    water_resources_2024,
)
from samplegen.hunan_xinfang_2024 import spec as xinfang_2024
from samplegen.render import render_disclosure
from samplegen.spec import DisclosureSpec

SAMPLES: tuple[Callable[[], DisclosureSpec], ...] = (
    xinfang_2024,
    agriculture_2024,
    water_resources_2023,
    water_resources_2024,
)


def render_samples(folder: Path) -> list[tuple[Path, int]]:
    """Render every sample into `folder`; return (path, page count) for each."""
    folder.mkdir(parents=True, exist_ok=True)
    rendered = []
    for make in SAMPLES:
        spec = make()
        path = folder / spec.file_name
        rendered.append((path, render_disclosure(spec, path).page_count))
    return rendered


def render_execution_pair(folder: Path, seed: int) -> list[tuple[Path, int]]:
    """Render one department's 预算 and 决算 of the same year (`execution_pair(seed)`) into
    `folder`; return (path, page count) for each."""
    from samplegen.final_disclosure import execution_pair

    folder.mkdir(parents=True, exist_ok=True)
    pair = execution_pair(seed)
    rendered = []
    for spec in (pair.budget, pair.final):
        path = folder / spec.file_name
        rendered.append((path, render_disclosure(spec, path).page_count))
    return rendered
