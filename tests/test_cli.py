"""The command line: help, version, configuration errors as one line and exit code 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babelpress import __version__
from babelpress.cli import run


def test_python_m_and_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "babelpress", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"babelpress {__version__}"


def test_config_error_is_one_line_exit_2(tmp_path: Path, capsys) -> None:
    (tmp_path / "mkdocs.yml").write_text("plugins:\n  - babelpress:\n      nope: 1\n")
    code = run(["-C", str(tmp_path), "normalise"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "unknown babelpress option(s): nope" in err
    assert "Traceback" not in err

