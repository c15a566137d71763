"""A fourth language by configuration alone: French added to mkdocs.yml, pseudo-translated.

No code knows French: extract makes its catalogues (the site's own words too), translate
drafts them, and a strict build publishes /fr/ with the site's words in French -- here the
pseudo-translation of the German, never English.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from babelpress.cli import run as cli
from test_site import BIN, articles, copy_project, links, run

pytestmark = pytest.mark.slow

FRENCH = """\
        - locale: fr
          name: Français
          build: true
          site_name: babelpress – Actualités
          theme:
            language: fr
"""


def add_french(root: Path) -> None:
    """French in the babelpress and the i18n languages of mkdocs.yml: configuration only."""
    yml = root / "mkdocs.yml"
    text = yml.read_text(encoding="utf-8")
    assert "      languages: [en, ru]\n" in text and text.count("            language: ru\n") == 1
    text = text.replace("      languages: [en, ru]\n", "      languages: [en, ru, fr]\n")
    text = text.replace("            language: ru\n", "            language: ru\n" + FRENCH)
    yml.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def french(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("fourth") / "project")
    add_french(root)
    run([str(BIN / "babelpress"), "extract"], root)
    run([str(BIN / "babelpress"), "translate", "--provider", "pseudo"], root)
    run([str(BIN / "mkdocs"), "build", "--strict"], root, timeout=300)
    return root


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_the_site_words_have_a_french_catalogue_counted_by_status(
    french: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (french / "locale/fr/LC_MESSAGES/_site.po").is_file()
    assert cli(["-C", str(french), "status", "--lang", "fr", "--format", "json"]) == 0
    rows = {row["catalogue"]: row for row in json.loads(capsys.readouterr().out)}
    site = rows["locale/fr/LC_MESSAGES/_site.po"]
    assert site["fuzzy"] == site["total"] > 20  # machine drafts, every one
    assert cli(["-C", str(french), "check", "--lang", "fr"]) == 0  # no errors


def test_french_pages_speak_french_or_pseudo_never_english(french: Path) -> None:
    site = french / "site" / "fr"
    slug = next(s for s in articles(french) if "schrittweise" in s)
    html = (site / slug / "index.html").read_text(encoding="utf-8")
    assert links(html).html_lang == "fr"
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    notice = text_of(article.split("bp-notice", 1)[1].split("</div>", 1)[0])
    assert notice.startswith('"> ⟦FR⟧ Übérsétzúñg ñóçh ñíçht vóllstäñdíg géprüft')
    assert re.search(r"⟦FR⟧ \d+ Téxtstélléñ síñd másçhíñéll übérsétzt", notice)
    byline = text_of(article.split('class="bp-byline"', 1)[1].split("</dl>", 1)[0])
    assert "⟦FR⟧ Áútór" in byline and "⟦FR⟧ Émmá Çóllét" in byline
    # every passage is a machine draft: the byline says so for the whole page
    assert "⟦FR⟧ másçhíñéll, úñgéprüft" in byline
    assert "24 avril 2022" in (site / next(
        s for s in articles(french) if "geht-auf-distanz" in s) / "index.html").read_text("utf-8")
    for english in ("Translation", "passage", "Author", "machine", "Made with", "Permanent link"):
        assert english not in text_of(article), english
    assert 'title="⟦FR⟧ Líñk zú díésém Ábsçhñítt"' in html
    assert re.search(r"⟦FR⟧ Érstéllt mít\s*<a", html)


def test_the_french_404_page(french: Path) -> None:
    html = (french / "site" / "fr" / "404.html").read_text(encoding="utf-8")
    assert links(html).html_lang == "fr"
    assert "<h1>⟦FR⟧ Séíté ñíçht géfúñdéñ</h1>" in html
    assert "Page not found" not in html
