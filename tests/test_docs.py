"""Every command has help text with an example, and the README documents it."""

from __future__ import annotations

import pytest

from pipeline.cli import app

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = [c.name or c.callback.__name__ for c in app.registered_commands]


def test_the_commands_are_there():
    assert {"annotate", "gloss", "review", "export", "import", "train", "compare", "evaluate"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_has_help_and_is_documented(name, capsys):
    from pipeline.cli import main

    assert main([name, "--help"]) == 0
    out = capsys.readouterr().out
    assert "Example: zhgloss" in out, f"zhgloss {name} --help has no example"
    assert f"zhgloss {name}" in README, f"README does not document zhgloss {name}"
