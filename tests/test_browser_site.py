"""The built site in headless Chromium: switch languages, search in Russian, 404s.

The site is built as in :mod:`test_site` and served from 127.0.0.1 by Python's
http.server (answering a missing path with the site's root ``404.html``, as
static hosts do).  Screenshots go to ``test-artifacts/``.  Without Chromium the
tests are skipped -- except under CI (``CI`` set), where they fail.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import threading
from collections.abc import Iterator
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from test_site import RUSSIAN_QUERY, Site, build_site

pytestmark = [pytest.mark.slow, pytest.mark.browser]

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TIMEOUT_MS = 15_000


class StaticHost(SimpleHTTPRequestHandler):
    """Serve files; a missing one gets the site's /404.html, like a static web host."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.exists():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def hosting(folder: Path) -> Iterator[str]:
    """*folder* served on 127.0.0.1 as a static host serves a site (404 page included)."""
    handler = functools.partial(StaticHost, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def chromium_path() -> str:
    path = shutil.which(CHROMIUM) or (CHROMIUM if Path(CHROMIUM).exists() else None)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"Chromium not found at {CHROMIUM} (CI must install it)")
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    return path


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Site, str]]:
    site = build_site(tmp_path_factory.mktemp("browser") / "project")
    with hosting(site.dir) as base:
        yield site, base


@pytest.fixture(scope="module")
def browser(chromium_path: str) -> Iterator[object]:
    try:
        import playwright.sync_api as playwright_api
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("Playwright is not installed (CI must install the dev extra)")
        pytest.skip("Playwright is not installed")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    try:
        yield tab
    finally:
        context.close()


def shot(tab: object, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)  # type: ignore[attr-defined]


def switch_language(tab: object, language: str) -> None:
    """Open material's language menu in the header and pick *language*."""
    tab.hover(".md-header__option .md-select")  # type: ignore[attr-defined]
    link = tab.locator(f'.md-select__link[hreflang="{language}"]')  # type: ignore[attr-defined]
    link.click()
    tab.wait_for_load_state("load")  # type: ignore[attr-defined]


def test_switch_languages_on_an_article(served: tuple[Site, str], page: object) -> None:
    site, base = served
    slug = site.slug("reviewed")
    page.goto(f"{base}/{slug}/")  # type: ignore[attr-defined]
    assert page.locator("html").get_attribute("lang") == "de"  # type: ignore[attr-defined]
    shot(page, "site-de-article")

    switch_language(page, "en")
    page.wait_for_url(f"{base}/en/{slug}/")  # type: ignore[attr-defined]
    assert page.locator("html").get_attribute("lang") == "en"  # type: ignore[attr-defined]
    assert "EN: " in page.locator("article").inner_text()  # type: ignore[attr-defined]
    shot(page, "site-en-article")

    switch_language(page, "ru")
    page.wait_for_url(f"{base}/ru/{slug}/")  # type: ignore[attr-defined]
    assert page.locator("html").get_attribute("lang") == "ru"  # type: ignore[attr-defined]
    assert "Дипломатия" in page.locator("article").inner_text()  # type: ignore[attr-defined]
    shot(page, "site-ru-article")

    switch_language(page, "de")
    page.wait_for_url(f"{base}/{slug}/")  # type: ignore[attr-defined]


def test_pages_make_no_failing_request(served: tuple[Site, str], page: object) -> None:
    # the theme fetches a sitemap.xml next to every <link rel="alternate"> in the head;
    # with per-page alternates none of those exist, so a page view made 404 requests
    site, base = served
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)  # type: ignore[attr-defined]
    page.on("requestfailed", lambda r: failed.append(f"failed {r.url}"))  # type: ignore[attr-defined]
    slug = site.slug("reviewed")
    for path in ("/", "/en/", "/ru/", f"/{slug}/", f"/en/{slug}/", f"/ru/{slug}/"):
        page.goto(f"{base}{path}")  # type: ignore[attr-defined]
        page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    assert failed == []


def test_russian_search_finds_the_article(served: tuple[Site, str], page: object) -> None:
    site, base = served
    slug = site.slug("reviewed")
    page.goto(f"{base}/ru/")  # type: ignore[attr-defined]
    page.locator("label.md-search__icon, .md-search__input").first.click()  # type: ignore[attr-defined]
    query = page.locator(".md-search__input")  # type: ignore[attr-defined]
    query.fill(RUSSIAN_QUERY)
    # material reads the query on keyup; Cyrillic typed by Playwright sends no key events
    query.press("End")
    results = page.locator(".md-search-result__item a")  # type: ignore[attr-defined]
    results.first.wait_for()
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert any(f"/ru/{slug}/" in (href or "") for href in hrefs), hrefs
    assert all("/en/" not in (href or "") for href in hrefs), hrefs
    shot(page, "site-ru-search")
    results.first.click()
    page.wait_for_url(f"{base}/ru/{slug}/**")  # type: ignore[attr-defined]
    assert page.locator("html").get_attribute("lang") == "ru"  # type: ignore[attr-defined]


def test_drafts_notice_in_the_browser(served: tuple[Site, str], page: object) -> None:
    site, base = served
    page.goto(f"{base}/en/{site.slug('drafts')}/")  # type: ignore[attr-defined]
    notice = page.locator(".admonition.bp-notice")  # type: ignore[attr-defined]
    assert notice.is_visible()
    text = notice.inner_text()
    assert "Translation not yet fully reviewed" in text
    assert re.search(r"\d+ passages are draft translations", text), text
    shot(page, "site-en-drafts")
    page.goto(f"{base}/en/{site.slug('partial')}/")  # type: ignore[attr-defined]
    assert page.locator('article span[lang="de"]').count() > 0  # type: ignore[attr-defined]
    shot(page, "site-en-partial")


def test_missing_page_gets_the_404_of_its_language(served: tuple[Site, str], page: object) -> None:
    _, base = served
    page.goto(f"{base}/no-such-page/")  # type: ignore[attr-defined]
    assert page.locator("html").get_attribute("lang") == "de"  # type: ignore[attr-defined]
    assert "Seite nicht gefunden" in page.locator("article").inner_text()  # type: ignore[attr-defined]
    page.goto(f"{base}/ru/no-such-page/")  # type: ignore[attr-defined]
    page.wait_for_url(f"{base}/ru/404.html")  # type: ignore[attr-defined]
    assert page.locator("html").get_attribute("lang") == "ru"  # type: ignore[attr-defined]
    assert "Страница не найдена" in page.locator("article").inner_text()  # type: ignore[attr-defined]
    shot(page, "site-ru-404")


#: headings whose permalink sign (¶) sits below their last line of text
LONELY_PERMALINKS = """() => [...document.querySelectorAll("article .headerlink")]
  .filter((link) => {
    const text = document.createRange();
    text.setStart(link.parentElement, 0);
    text.setEndBefore(link);
    const lines = [...text.getClientRects()].filter((rect) => rect.width > 0);
    return lines.length && link.getBoundingClientRect().top >= lines.at(-1).bottom - 1;
  })
  .map((link) => link.parentElement.textContent)"""


def test_no_heading_is_followed_by_a_line_holding_only_its_permalink(
    served: tuple[Site, str], page: object
) -> None:
    site, base = served
    for path in ["about/", *(f"{slug}/" for slug in site.states)]:
        page.goto(f"{base}/{path}")  # type: ignore[attr-defined]
        # at some of these widths a heading fills its last line exactly
        for width in range(320, 801, 6):
            page.set_viewport_size({"width": width, "height": 900})  # type: ignore[attr-defined]
            lonely = page.evaluate(LONELY_PERMALINKS)  # type: ignore[attr-defined]
            assert lonely == [], (path, width)
