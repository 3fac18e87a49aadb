"""YAML as this project reads it: the templates, the measure words, the subject reference.

libyaml's parser (PyYAML's `CSafeLoader`, ~8x faster) where PyYAML was built with it, else the
pure-Python one; both build the same plain data. Every process that reads a template pays this:
the flow's, each extraction worker's, `budget` commands'.
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(text: str) -> Any:
    """The plain data (dicts, lists, strings, numbers) a YAML text holds, safely loaded."""
    return yaml.load(text, Loader=_LOADER)
