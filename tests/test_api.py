"""The steps as functions: ``import babelpress`` and call them, as a script would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import babelpress
from babelpress.extract import pipeline


def test_the_steps_are_the_package_functions_even_after_their_modules_are_imported() -> None:
    # importing a stage's module must not put the sub-package where the step function is
    from babelpress.render import all_pages  # noqa: F401
    from babelpress.translate import prefill  # noqa: F401

    for name in ("normalise", "extract", "translate", "render", "status", "check"):
        assert callable(getattr(babelpress, name)), name
    assert pipeline.extract is not babelpress.extract


def test_a_script_runs_the_chain_like_the_command_line(project: Path) -> None:
    assert babelpress.normalise(project).errors == []
    report = babelpress.extract(project)
    assert report.errors == [] and report.written == []  # the copy is up to date
    (project / "docs" / "de" / "dossier").mkdir()
    (project / "docs" / "de" / "dossier" / "teil-eins.md").write_text(
        "---\ntitle: Teil eins\n---\n\nEin neuer Satz. Noch einer.\n", encoding="utf-8"
    )
    report = babelpress.extract(project, languages=["en"])
    assert {p.relative_to(project).as_posix() for p in report.written} == {
        "locale/templates/dossier/teil-eins.pot",
        "locale/en/LC_MESSAGES/dossier/teil-eins.po",
    }
    drafted = babelpress.translate(project, provider="pseudo", languages=["en"])
    assert drafted.languages[0].drafts == 3  # title and two sentences
    statuses = {s.catalogue: s for s in babelpress.status(project, languages=["en"])}
    assert statuses["locale/en/LC_MESSAGES/dossier/teil-eins.po"].fuzzy == 3
    assert not [f for f in babelpress.check(project, languages=["en"]) if f.level == "error"]
    rendered = babelpress.render(project, languages=["en"])
    page = project / "docs" / "en" / "dossier" / "teil-eins.md"
    assert page in rendered.written


def test_import_babelpress_loads_no_step_until_it_is_called() -> None:
    code = (
        "import sys, babelpress; print(sorted(m for m in sys.modules if m.startswith(("
        "'deep_translator', 'babelpress.translate.', 'babelpress.extract.', "
        "'babelpress.render.', 'babelpress.qa'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
