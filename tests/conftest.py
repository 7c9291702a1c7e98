"""Shared fixtures.  ``pytest --update-golden`` rewrites golden files from the current output."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "000_cc32bebfc7b73164.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from the current output")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture(scope="session")
def resources():
    from pipeline.resources import Resources

    return Resources()


@pytest.fixture(scope="session")
def seed_doc(resources):
    from pipeline.annotate import annotate_file

    return annotate_file(SEED, resources)
