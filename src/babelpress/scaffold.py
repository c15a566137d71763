"""A new babelpress project: the files ``babelpress init`` writes.

Contract:

* :func:`project_files` is pure: the project-relative path and text of every file
  of a new project -- ``mkdocs.yml`` (mkdocs-material, the babelpress plugin,
  search with stemming, mkdocs-static-i18n with the source language at ``/`` and
  each target language under ``/<lang>/``), ``seeds/README.md`` and
  ``seeds/meta.yml`` (what goes where, every metadata field), ``locale/glossary.csv``
  (the header row only) and a ``.gitignore`` for what the build regenerates.  The
  source language's home page, ``docs/<source>/index.md``, is ``babelpress
  normalise``'s to write (it lists the articles), so ``init`` runs it afterwards.
* :func:`check_languages` accepts only codes both babel and mkdocs-static-i18n
  know, written as babel writes them (``en``, ``pt_BR``), distinct, the source not among
  the targets; anything else is a :class:`ConfigError` naming the value.
* :func:`write_project` refuses to overwrite: if any of the files (or the files
  the first ``normalise`` writes) exists, it writes nothing and raises
  :class:`ConfigError` naming them all; only an existing ``.gitignore`` is kept
  as it is instead.

Every value put into ``mkdocs.yml`` is written as a double-quoted YAML scalar, so a
site name with ``:``, ``#`` or quotes stays one string.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.core import Locale
from mkdocs.config.base import ValidationError

from babelpress.config import CONFIG_FILE, language_code
from babelpress.errors import ConfigError
from babelpress.fsutil import atomic_write
from babelpress.glossary import header_row

#: the language codes mkdocs-static-i18n accepts (its RE_LOCALE)
_I18N_LOCALE = re.compile(r"[a-z]{2}(?:-[A-Za-z]{4})?(?:-[A-Z]{2})?|[a-z]{2}_[A-Z]{2}")
#: written by the first ``babelpress normalise`` that ``init`` runs
NORMALISED = ("seeds/.normalised.json",)
#: files a new project is better with but that may exist already: kept if they do
OPTIONAL = (".gitignore",)


@dataclass(frozen=True)
class NewProject:
    """What a new project is made of: its name and languages."""

    site_name: str
    source_language: str
    languages: tuple[str, ...]

    @property
    def home_page(self) -> str:
        return f"docs/{self.source_language}/index.md"


def check_languages(source: str, targets: Sequence[str]) -> None:
    """Raise :class:`ConfigError` unless every code is usable (see the module docstring)."""
    problems = [_code_problem(code) for code in (source, *targets)]
    if not targets:
        problems.append("at least one target language is needed")
    if source in targets:
        problems.append(f"the source language {source!r} cannot also be a target language")
    repeated = sorted({code for code in targets if list(targets).count(code) > 1})
    if repeated:
        problems.append(f"language(s) given twice: {', '.join(repeated)}")
    found = [problem for problem in problems if problem]
    if found:
        raise ConfigError("; ".join(found))


def _code_problem(code: str) -> str:
    """The settings' rule for a language code, and mkdocs-static-i18n's, so both accept it."""
    try:
        language_code(code)
    except ValidationError as exc:
        return str(exc)
    if not _I18N_LOCALE.fullmatch(code):
        return f"{code!r} is a language mkdocs-static-i18n cannot name (such as 'en' or 'pt_BR')"
    return ""


def project_files(project: NewProject) -> dict[str, str]:
    """Project-relative path -> text of every file of *project* (see the module docstring)."""
    return {
        CONFIG_FILE: mkdocs_yml(project),
        "seeds/README.md": _SEEDS_README.format(source=project.source_language),
        "seeds/meta.yml": _META_YML,
        "locale/glossary.csv": header_row(project.languages),
        ".gitignore": _gitignore(project),
    }


def write_project(root: Path, project: NewProject) -> tuple[list[str], list[str]]:
    """Write *project* into *root*: the paths written, and the optional ones kept as they were.

    See the module docstring; an existing ``.gitignore`` (a new repository often has
    one) is kept rather than refused.
    """
    files = project_files(project)
    kept = [path for path in OPTIONAL if _exists(root / path)]
    taken = [
        path
        for path in (*files, project.home_page, *NORMALISED)
        if path not in kept and _exists(root / path)
    ]
    if taken:
        raise ConfigError(
            f"{', '.join(taken)} already exist(s) in {root}; babelpress init writes no file "
            "over an existing one (nothing was written)"
        )
    written = [path for path in files if path not in kept]
    for path in written:
        atomic_write(root / path, files[path])
    (root / "docs" / project.source_language).mkdir(parents=True, exist_ok=True)
    return written, kept


def _exists(path: Path) -> bool:
    return path.exists() or path.is_symlink()


def mkdocs_yml(project: NewProject) -> str:
    """The ``mkdocs.yml`` of a new project."""
    source = project.source_language
    languages = [_i18n_language(source, default=True)]
    languages += [_i18n_language(code, default=False) for code in project.languages]
    names = ", ".join(language_name(code) for code in project.languages)
    return _MKDOCS_YML.format(
        site_name=_quoted(project.site_name),
        source=_quoted(source),
        source_name=language_name(source),
        target_names=names,
        targets=", ".join(_quoted(code) for code in project.languages),
        theme_language=_quoted(material_language(source)),
        docs_source=f"docs/{source}/",
        i18n_languages="".join(languages),
    )


def _i18n_language(code: str, *, default: bool) -> str:
    lines = [
        f"        - locale: {_quoted(code)}",
        f"          name: {_quoted(language_name(code))}",
        *(["          default: true"] if default else []),
        "          build: true",
        "          theme:",
        f"            language: {_quoted(material_language(code))}",
    ]
    return "\n".join(lines) + "\n"


def language_name(code: str) -> str:
    """The language's name in itself, capitalised (``Deutsch``, ``English``, ``Русский``)."""
    locale = Locale.parse(code.replace("-", "_"))
    name = locale.get_display_name(locale) or code
    return name[:1].upper() + name[1:]


def material_language(code: str) -> str:
    """The closest language mkdocs-material has its interface words in (else English).

    mkdocs-material fails to build a language it has no words for, while the pages
    themselves can be in any language.
    """
    available = _material_languages()
    base = re.split(r"[-_]", code, maxsplit=1)[0]
    for candidate in (code, code.replace("_", "-"), base):
        if candidate in available:
            return candidate
    return "en"


def _material_languages() -> frozenset[str]:
    try:
        import material
    except ImportError:  # pragma: no cover - material is a dependency
        return frozenset({"en"})
    folder = Path(material.__file__).parent / "templates" / "partials" / "languages"
    return frozenset(path.stem for path in folder.glob("*.html"))


def _quoted(value: str) -> str:
    """*value* as a double-quoted YAML scalar (JSON's string syntax is YAML's)."""
    return json.dumps(value, ensure_ascii=False)


def _gitignore(project: NewProject) -> str:
    rendered = "".join(f"/docs/{code}/\n" for code in project.languages)
    return _GITIGNORE.format(rendered=rendered)


_MKDOCS_YML = """\
# Pages written in {source_name} ({docs_source}), published in {target_names}.
#
#   babelpress normalise   seeds/*.txt -> {docs_source}*.md (and the home page)
#   babelpress extract     {docs_source} -> catalogues in locale/ (edit them in Poedit, Weblate)
#   babelpress translate   machine drafts into the catalogues, marked fuzzy for review
#   mkdocs build --strict  renders the other languages from the catalogues, builds site/
#
# The babelpress plugin brings its templates (metadata line, notices, one search index
# and one 404 page per language, sitemap), stylesheet and the attr_list extension;
# a theme.custom_dir of your own overrides any of its templates.
site_name: {site_name}
# where the site is published, for the sitemap and canonical links:
# site_url: https://example.org/
docs_dir: docs

theme:
  name: material
  language: {theme_language}
  features:
    - navigation.footer
    - navigation.top
    - search.highlight

markdown_extensions:
  - toc:
      permalink: true
      # Unicode anchors, so headings in any script get readable ids
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower

plugins:
  # before i18n: it renders the translated pages that i18n then publishes
  - babelpress:
      source_language: {source}
      languages: [{targets}]
  # each language gets its own index and stemmer (babelpress splits the index)
  - search:
      pipeline: [trimmer, stopWordFilter, stemmer]
  - i18n:
      docs_structure: folder
      fallback_to_default: true
      reconfigure_material: true
      reconfigure_search: false
      languages:
{i18n_languages}"""

_SEEDS_README = """\
# seeds

Put each raw article here as a UTF-8 text file, `seeds/<name>.txt`: the page pasted as
text, paragraphs separated by blank lines. `babelpress normalise` turns every one into
`docs/{source}/<slug>.md` and lists them on the home page, `docs/{source}/index.md`.

`meta.yml` gives what the text does not say (title, author, source, date ...), keyed by
the file name; `rules.yml` (optional) adds patterns for lines to drop or recognise.
"""

_META_YML = """\
# Editorial metadata for the raw articles in this folder, keyed by seed file name.
#
# Every field given here overrides what `babelpress normalise` inferred from the text:
#   title        headline (required where the raw text has none)
#   slug         file name of the page (default: made from the title)
#   source       outlet that published the article
#   author       author's name
#   contributors list of names
#   translator   name of the translator, if the article was translated
#   date         publication date, ISO 8601 (2024-05-09)
#   description  the lead shown on the home page (default: the first paragraph)
# Further keys are copied into the page's front matter as they are.
#
# Example:
#
#   my-article.txt:
#     title: The headline
#     date: 2024-05-09
"""

_GITIGNORE = """\
# built site and the pages rendered from the catalogues at every build
/site/
{rendered}# caches of babelpress (safe to delete)
/locale/.babelpress*
/locale/mt-cache/**/.*.journal
*.mo
"""
