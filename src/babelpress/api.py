"""The steps as functions a script can call: the same ones the command line runs.

Each takes the project (its folder, or :class:`~babelpress.config.Settings` already
loaded) and returns the step's report; nothing is printed.  Settings come from the
project's ``mkdocs.yml`` exactly as for ``babelpress`` and ``mkdocs build``::

    import babelpress

    babelpress.normalise("path/to/project")
    babelpress.extract("path/to/project")
    babelpress.translate("path/to/project", provider="pseudo", languages=["en"])
    for finding in babelpress.check("path/to/project"):
        print(finding)

The stages are imported when a step is first called, so ``import babelpress`` stays
cheap (the MkDocs plugin is loaded through it).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from babelpress.config import Settings

if TYPE_CHECKING:
    from babelpress.extract.pipeline import Report as ExtractReport
    from babelpress.normalise.files import Report as NormaliseReport
    from babelpress.qa.model import Finding
    from babelpress.qa.status import CatalogueStatus
    from babelpress.render.all_pages import Report as RenderReport
    from babelpress.translate.prefill import Report as TranslateReport

Project = str | Path | Settings


def settings_of(project: Project) -> Settings:
    """*project* as settings: a folder holding ``mkdocs.yml``, or settings already loaded."""
    if isinstance(project, Settings):
        return project
    from babelpress import config

    return config.load(project)


def normalise(
    project: Project = ".", *, check: bool = False, force: bool = False
) -> NormaliseReport:
    """``seeds/*.txt`` to ``docs/<source>/<slug>.md`` (``babelpress normalise``)."""
    from babelpress.normalise.files import normalise_all

    return normalise_all(settings_of(project), check=check, force=force)


def extract(
    project: Project = ".", *, check: bool = False, languages: Sequence[str] | None = None
) -> ExtractReport:
    """German pages to templates and catalogues, merged like msgmerge (``babelpress extract``)."""
    from babelpress.extract.pipeline import extract as run

    return run(settings_of(project), check=check, languages=languages)


def translate(
    project: Project = ".",
    *,
    languages: Sequence[str] | None = None,
    provider: str | None = None,
    url: str | None = None,
    dry_run: bool = False,
    limit: int | None = None,
) -> TranslateReport:
    """Fuzzy machine drafts for every empty translation (``babelpress translate``)."""
    from babelpress.translate.prefill import translate_catalogues

    return translate_catalogues(
        settings_of(project),
        languages=languages,
        provider=provider,
        url=url,
        dry_run=dry_run,
        limit=limit,
        progress=False,
    )


def render(project: Project = ".", *, languages: Sequence[str] | None = None) -> RenderReport:
    """Translated pages in ``docs/<lang>/`` from the catalogues (``babelpress render``)."""
    from babelpress.render.all_pages import render_all

    return render_all(settings_of(project), languages=languages)


def status(
    project: Project = ".", *, languages: Sequence[str] | None = None
) -> list[CatalogueStatus]:
    """Counts per catalogue, as ``msgfmt --statistics`` gives them (``babelpress status``)."""
    from babelpress.qa.status import collect

    return collect(settings_of(project), languages)


def check(project: Project = ".", *, languages: Sequence[str] | None = None) -> list[Finding]:
    """Every quality finding in the catalogues (``babelpress check``)."""
    from babelpress.qa import check_catalogues

    return check_catalogues(settings_of(project), languages)
