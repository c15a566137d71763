"""Accessibility of the built site in headless Chromium, checked by axe-core.

The site of :mod:`test_site` (articles reviewed, with machine drafts, partly and
not translated) is served from 127.0.0.1 as in :mod:`test_browser_site`.  On the
front page, every article, the archive and a year of it, the about page and the
404 page, in every language and at a desktop and a phone's width, axe-core
(bundled in the ``axe-playwright-python`` package, injected into the page) must
find no violation of impact *serious* or *critical*; lesser findings are printed.
A screenshot of every page goes to ``test-artifacts/``.

The header is checked where axe cannot look: the language switcher names the
current language (visibly and to screen readers) and marks it, and on a phone
the site's name is never cut off.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from importlib import resources

import pytest

from test_browser_site import browser, chromium_path, hosting, shot
from test_site import LANGUAGES, Site, build_site

pytestmark = [pytest.mark.slow, pytest.mark.browser]
#: fixtures of test_browser_site used here (imported so pytest finds them)
__all__ = ["browser", "chromium_path"]

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 375, "height": 740}}
#: impacts that fail the test; "moderate" and "minor" findings are printed
BLOCKING = ("serious", "critical")
NAMES = {"de": "Deutsch", "en": "English", "ru": "Русский"}
LABELS = {"de": "Sprache", "en": "Language", "ru": "Язык"}
TIMEOUT_MS = 15_000


@pytest.fixture(scope="module")
def axe_script() -> str:
    try:
        bundled = resources.files("axe_playwright_python") / "axe.min.js"
        return bundled.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        if os.environ.get("CI"):
            pytest.fail("axe-playwright-python is not installed (CI must install the dev extra)")
        pytest.skip("axe-playwright-python (axe-core) is not installed")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Site, str]]:
    site = build_site(tmp_path_factory.mktemp("browser-a11y") / "project")
    with hosting(site.dir) as base:
        yield site, base


def tab(browser: object, viewport: str) -> object:
    context = browser.new_context(viewport=VIEWPORTS[viewport])  # type: ignore[attr-defined]
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


def site_pages(site: Site, language: str) -> dict[str, str]:
    """Name -> path (from the site root) of the pages to check in *language*."""
    prefix = "" if language == "de" else f"{language}/"
    years = sorted(p.parent.name for p in (site.dir / "archive").glob("[0-9]*/index.html"))
    assert years, "the archive has no year"
    found = {
        "front": f"/{prefix}",
        "archive": f"/{prefix}archive/",
        f"archive-{years[-1]}": f"/{prefix}archive/{years[-1]}/",
        "about": f"/{prefix}about/",
        "404": f"/{prefix}404.html",
    }
    found.update({slug: f"/{prefix}{slug}/" for slug in site.states})
    return found


def axe_violations(page: object, script: str) -> list[dict]:
    page.add_script_tag(content=script)  # type: ignore[attr-defined]
    result = page.evaluate(  # type: ignore[attr-defined]
        "() => axe.run(document, {resultTypes: ['violations']})"
    )
    return list(result["violations"])


def describe(violation: dict) -> str:
    nodes = violation["nodes"]
    first = nodes[0] if nodes else {}
    summary = " ".join(str(first.get("failureSummary", "")).split())
    return (
        f"{violation['impact']} {violation['id']} ({len(nodes)}x, e.g. {first.get('target')}): "
        f"{summary[:300]}"
    )


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_serious_violation(
    served: tuple[Site, str], browser: object, axe_script: str, language: str, viewport: str
) -> None:
    site, base = served
    page = tab(browser, viewport)
    blocking: list[str] = []
    try:
        for name, path in site_pages(site, language).items():
            page.goto(f"{base}{path}")  # type: ignore[attr-defined]
            page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
            assert page.locator("html").get_attribute("lang") == language, path  # type: ignore[attr-defined]
            shot(page, f"a11y-{language}-{viewport}-{name}")
            for violation in axe_violations(page, axe_script):
                line = f"{path}: {describe(violation)}"
                if violation["impact"] in BLOCKING:
                    blocking.append(line)
                else:
                    print(line)
    finally:
        page.context.close()  # type: ignore[attr-defined]
    assert blocking == []


def test_axe_reports_what_it_should(
    served: tuple[Site, str], browser: object, axe_script: str
) -> None:
    """The check itself works: a text as light as the old photo credit is reported."""
    site, base = served
    page = tab(browser, "desktop")
    try:
        page.goto(f"{base}/{site.slug('reviewed')}/")  # type: ignore[attr-defined]
        page.evaluate(  # type: ignore[attr-defined]
            "() => { const p = document.querySelector('article p');"
            " p.style.color = '#adadad'; }"
        )
        found = axe_violations(page, axe_script)
    finally:
        page.context.close()  # type: ignore[attr-defined]
    assert any(v["id"] == "color-contrast" and v["impact"] in BLOCKING for v in found)


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_names_and_marks_the_current_language(
    served: tuple[Site, str], browser: object, language: str
) -> None:
    site, base = served
    page = tab(browser, "desktop")
    prefix = "" if language == "de" else f"{language}/"
    try:
        page.goto(f"{base}/{prefix}{site.slug('reviewed')}/")  # type: ignore[attr-defined]
        switcher = page.locator(".md-header__option .md-select")  # type: ignore[attr-defined]
        # to a screen reader "Language: English"; on screen the name, beside the icon
        button = switcher.get_by_role("button", name=f"{LABELS[language]}: {NAMES[language]}")
        assert button.count() == 1
        shown = button.locator(".bp-languages__current")
        assert shown.is_visible() and shown.inner_text().strip() == NAMES[language]
        switcher.hover()
        choices = switcher.locator("a.md-select__link")
        for code, name in NAMES.items():
            choice = choices.filter(has_text=name)
            assert choice.get_attribute("lang") == code
            assert choice.get_attribute("hreflang") == code
            assert choice.get_attribute("aria-current") == ("true" if code == language else None)
        assert choices.count() == len(NAMES)
        page.wait_for_timeout(500)  # type: ignore[attr-defined]  # the menu fades in
        shot(page, f"a11y-{language}-switcher")
    finally:
        page.context.close()  # type: ignore[attr-defined]


#: the site's name in the header: how much of it the header cuts off (width, height)
CUT_OFF = """() => {
  const name = document.querySelector('.md-header__topic:first-child .md-ellipsis');
  const box = name.getBoundingClientRect();
  return {
    text: name.textContent.trim(),
    visible: box.width > 0 && getComputedStyle(name).visibility !== 'hidden',
    cut: [name.scrollWidth - name.clientWidth, name.scrollHeight - name.clientHeight],
  };
}"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_header_shows_the_whole_site_name(
    served: tuple[Site, str], browser: object, language: str
) -> None:
    _, base = served
    prefix = "" if language == "de" else f"{language}/"
    page = tab(browser, "mobile")
    try:
        page.goto(f"{base}/{prefix}")  # type: ignore[attr-defined]
        for width in (320, 360, 375, 414, 600):
            page.set_viewport_size({"width": width, "height": 740})  # type: ignore[attr-defined]
            found = page.evaluate(CUT_OFF)  # type: ignore[attr-defined]
            assert found["visible"] and found["text"].startswith("babelpress"), found
            assert found["cut"] == [0, 0], (width, found)
            if width == 320:
                shot(page, f"a11y-{language}-320-header")
    finally:
        page.context.close()  # type: ignore[attr-defined]

