"""The command line lists its commands."""

from tests.conftest import run_cli


def test_help_lists_commands():
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("build", "validate"):
        assert command in result.stdout
