"""YAML data files, parsed with libyaml when PyYAML was built with it.

PyYAML's pure-Python parser takes about a quarter of a second for the package's rule files, a
noticeable share of a cold start; libyaml's (``CSafeLoader``) reads the same data, with the same
safe types, about ten times faster.  Errors are PyYAML's either way (:class:`yaml.YAMLError`).
"""

from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """``yaml.safe_load(text)``, with libyaml's parser when it is available."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
