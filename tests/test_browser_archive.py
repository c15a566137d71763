"""The archive in headless Chromium: page through it in two languages, switch language on it.

The site is the 30-article news site of :mod:`test_site_news` (4 articles per
archive page), served from 127.0.0.1 like :mod:`test_browser_site`'s.
Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from test_browser_site import browser, chromium_path, hosting, page, shot, switch_language
from test_site import Site
from test_site_news import PER_PAGE, PREFIX, build_news_site, expected_order

pytestmark = [pytest.mark.slow, pytest.mark.browser]
#: fixtures of test_browser_site used here (imported so pytest finds them)
__all__ = ["browser", "chromium_path", "page"]

TEASER_LINKS = "() => [...document.querySelectorAll('.bp-teaser__title a')].map((a) => a.href)"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Site, str]]:
    site = build_news_site(tmp_path_factory.mktemp("browser-news") / "project")
    with hosting(site.dir) as base:
        yield site, base


@pytest.mark.parametrize("language", ["de", "ru"])
def test_page_through_the_archive(served: tuple[Site, str], page: object, language: str) -> None:
    site, base = served
    home = f"{base}/{PREFIX[language]}"
    page.goto(home)  # type: ignore[attr-defined]
    shot(page, f"archive-{language}-front")
    # from the front page to the archive, then to its newest year
    page.locator(".bp-listing__more a").click()  # type: ignore[attr-defined]
    page.wait_for_url(f"{home}archive/")  # type: ignore[attr-defined]
    assert page.locator("html").get_attribute("lang") == language  # type: ignore[attr-defined]
    shot(page, f"archive-{language}-years")
    page.locator(".bp-years a").first.click()  # type: ignore[attr-defined]
    page.wait_for_url(f"{home}archive/2023/")  # type: ignore[attr-defined]
    seen: list[str] = []
    visited = [page.url]  # type: ignore[attr-defined]
    while True:
        found = page.evaluate(TEASER_LINKS)  # type: ignore[attr-defined]
        assert 0 < len(found) <= PER_PAGE, page.url  # type: ignore[attr-defined]
        seen += found
        older = page.locator("a.bp-pager__older")  # type: ignore[attr-defined]
        if older.count() == 0:
            break
        if len(visited) == 3:
            shot(page, f"archive-{language}-page-3")
        older.click()
        page.wait_for_load_state("load")  # type: ignore[attr-defined]
        assert page.url not in visited, "the older links go round in a circle"  # type: ignore[attr-defined]
        visited.append(page.url)  # type: ignore[attr-defined]
    assert visited[-1].startswith(f"{home}archive/undated/")
    assert seen == [f"{home}{slug}/" for slug in expected_order(site.root, language)]
    # and one step back the other way
    page.locator("a.bp-pager__newer").click()  # type: ignore[attr-defined]
    page.wait_for_url(visited[-2])  # type: ignore[attr-defined]


def test_switch_language_on_an_archive_page(served: tuple[Site, str], page: object) -> None:
    _, base = served
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)  # type: ignore[attr-defined]
    page.goto(f"{base}/archive/2022/2/")  # type: ignore[attr-defined]
    assert page.locator("html").get_attribute("lang") == "de"  # type: ignore[attr-defined]
    assert "Ältere Artikel" in page.locator(".bp-pager").inner_text()  # type: ignore[attr-defined]
    shot(page, "archive-de-2022-2")

    switch_language(page, "en")
    page.wait_for_url(f"{base}/en/archive/2022/2/")  # type: ignore[attr-defined]
    assert page.locator("html").get_attribute("lang") == "en"  # type: ignore[attr-defined]
    assert "Older articles" in page.locator(".bp-pager").inner_text()  # type: ignore[attr-defined]
    titles = page.locator(".bp-teaser__title").all_inner_texts()  # type: ignore[attr-defined]
    assert any(title.startswith("EN: Meldung") for title in titles), titles
    hrefs = page.evaluate(TEASER_LINKS)  # type: ignore[attr-defined]
    assert hrefs and all(href.startswith(f"{base}/en/") for href in hrefs), hrefs
    shot(page, "archive-en-2022-2")

    switch_language(page, "ru")
    page.wait_for_url(f"{base}/ru/archive/2022/2/")  # type: ignore[attr-defined]
    assert page.locator("html").get_attribute("lang") == "ru"  # type: ignore[attr-defined]
    assert "Архив за 2022 год" in page.locator("h1").inner_text()  # type: ignore[attr-defined]
    shot(page, "archive-ru-2022-2")

    switch_language(page, "de")
    page.wait_for_url(f"{base}/archive/2022/2/")  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    assert failed == []
