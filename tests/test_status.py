"""Progress counts: equal to GNU ``msgfmt --statistics`` on varied catalogues; words; totals."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from babelpress import project
from babelpress.config import Settings
from babelpress.errors import CatalogError
from babelpress.qa.status import CatalogueStatus, catalogue_status, collect, count_words, totals

HEADER = (
    'msgid ""\n'
    'msgstr ""\n'
    '"Project-Id-Version: test\\n"\n'
    '"Language: ru\\n"\n'
    '"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n'
    '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && '
    '(n%100<10 || n%100>=20) ? 1 : 2);\\n"\n'
)

VARIED = (
    HEADER
    + """
#. paragraph
#: docs/de/x.md:3
msgid "Rund 2 500 Soldaten sicherten die Infrastruktur."
msgstr "Около 2 500 солдат охраняли инфраструктуру."

#, fuzzy
msgid "Die Truppen verließen Kasachstan binnen zwei Wochen."
msgstr "Войска покинули Казахстан в течение двух недель."

#, fuzzy
#| msgid "Alter Satz."
msgid "Ein fuzzy Eintrag ohne Übersetzung."
msgstr ""

msgid ""
"Ein langer Satz, "
"über zwei Zeilen."
msgstr ""

msgctxt "heading"
msgid "Vorsichtige Diplomatie"
msgstr "Осторожная дипломатия"

msgid "ein Tag"
msgid_plural "viele Tage"
msgstr[0] "один день"
msgstr[1] ""
msgstr[2] ""

msgid "eine Woche"
msgid_plural "viele Wochen"
msgstr[0] ""
msgstr[1] "недели"
msgstr[2] "недель"

#, fuzzy
msgid "ein Monat"
msgid_plural "viele Monate"
msgstr[0] "месяц"
msgstr[1] "месяца"
msgstr[2] "месяцев"

#~ msgid "Ein alter Satz."
#~ msgstr "Старое предложение."

#, fuzzy
#~ msgid "Ein alter Entwurf."
#~ msgstr "Старый черновик."
"""
)

_STATS = re.compile(
    r"(\d+) translated messages?(?:, (\d+) fuzzy translations?)?"
    r"(?:, (\d+) untranslated messages?)?\."
)


def msgfmt_statistics(path: Path) -> tuple[int, int, int]:
    """(translated, fuzzy, untranslated) as GNU msgfmt reports them."""
    env = {**os.environ, "LC_ALL": "C", "LANGUAGE": ""}
    done = subprocess.run(
        ["msgfmt", "--statistics", "-o", os.devnull, str(path)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    match = _STATS.search(done.stderr)
    assert match, done.stderr
    return tuple(int(n or 0) for n in match.groups())  # type: ignore[return-value]


def counts(status: CatalogueStatus) -> tuple[int, int, int]:
    return status.translated, status.fuzzy, status.untranslated


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


IDS = [
    "varied",
    "header-only",
    "empty-header",
    "fuzzy-header",
    "no-header",
    "empty-file",
    "fuzzy-empty-header",
    "context-empty-msgid",
    "header-last",
    "context-empty-untranslated",
]


@pytest.mark.parametrize(
    "text",
    [
        VARIED,
        HEADER,
        'msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr ""\n',
        '#, fuzzy\nmsgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "a"\nmsgstr ""\n',
        'msgid "ohne Kopf"\nmsgstr "without a header"\n',
        "",
        '#, fuzzy\nmsgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr "b"\n',
        'msgctxt "k"\nmsgid ""\nmsgstr "y"\n\nmsgid "a"\nmsgstr "b"\n',
        'msgid "a"\nmsgstr "b"\n\nmsgid ""\nmsgstr ""\n',
        HEADER + '\nmsgctxt "k"\nmsgid ""\nmsgstr ""\n',
    ],
    ids=IDS,
)
def test_message_counts_equal_msgfmt_statistics(tmp_path: Path, text: str) -> None:
    path = write(tmp_path / "ru" / "LC_MESSAGES" / "x.po", text)
    assert counts(catalogue_status(path)) == msgfmt_statistics(path)


def test_varied_counts_and_words(tmp_path: Path) -> None:
    path = write(tmp_path / "locale" / "ru" / "LC_MESSAGES" / "x.po", VARIED)
    status = catalogue_status(path, root=tmp_path)
    assert status.catalogue == "locale/ru/LC_MESSAGES/x.po"
    assert status.language == "ru"
    assert counts(status) == (3, 2, 3)
    # reviewed: 7 + 2 + (2 + 2) words; drafts: 7 + (2 + 2); untranslated: 5 + 6 + (2 + 2)
    words = (status.translated_words, status.fuzzy_words, status.untranslated_words)
    assert words == (13, 11, 15)
    assert status.reviewed_share == pytest.approx(100 * 13 / 39)


def test_count_words() -> None:
    assert count_words("Qassym-Schomart Tokajew kam am 9. Mai mit 1.400 Soldaten.") == 9
    assert count_words("Lest [hier][1] und <2> **mehr** `dazu`.") == 5
    assert count_words("") == 0


@st.composite
def catalogues(draw: st.DrawFn) -> str:
    """Random catalogues: every state msgfmt distinguishes, unique msgids."""
    lines = [HEADER] if draw(st.booleans()) else []
    states = st.sampled_from(["done", "fuzzy", "empty", "fuzzy-empty", "obsolete", "plural"])
    for number, state in enumerate(draw(st.lists(states, max_size=12))):
        msgid = f"Satz {number}."
        if state == "obsolete":
            lines.append(f'#~ msgid "{msgid}"\n#~ msgstr "x"\n')
        elif state == "plural":
            forms = draw(st.lists(st.sampled_from(["", "f"]), min_size=3, max_size=3))
            flag = "#, fuzzy\n" if draw(st.booleans()) else ""
            body = "".join(f'msgstr[{i}] "{f}"\n' for i, f in enumerate(forms))
            lines.append(f'{flag}msgid "{msgid}"\nmsgid_plural "{number} Sätze"\n{body}')
        else:
            flag = "#, fuzzy\n" if state.startswith("fuzzy") else ""
            msgstr = "" if state.endswith("empty") else f"Sentence {number}."
            lines.append(f'{flag}msgid "{msgid}"\nmsgstr "{msgstr}"\n')
    return "\n".join(lines)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=catalogues())
def test_random_catalogues_match_msgfmt(tmp_path: Path, text: str) -> None:
    path = write(tmp_path / "random.po", text)
    assert counts(catalogue_status(path)) == msgfmt_statistics(path)


def test_collect_and_totals(tmp_path: Path) -> None:
    settings_ = Settings.defaults(tmp_path)
    write(project.po_path(settings_, "ru", "b"), VARIED)
    write(project.po_path(settings_, "ru", "a"), 'msgid ""\nmsgstr ""\n\nmsgid "x y"\nmsgstr "z"\n')
    write(project.po_path(settings_, "en", "a"), 'msgid ""\nmsgstr ""\n\nmsgid "x y"\nmsgstr ""\n')
    write(project.pot_path(settings_, "a"), 'msgid ""\nmsgstr ""\n\nmsgid "x y"\nmsgstr ""\n')
    statuses = collect(settings_, ["ru", "en"])
    assert [(s.language, s.catalogue) for s in statuses] == [
        ("ru", "locale/ru/LC_MESSAGES/a.po"),
        ("ru", "locale/ru/LC_MESSAGES/b.po"),
        ("en", "locale/en/LC_MESSAGES/a.po"),
    ]
    summed = totals(statuses)
    assert list(summed) == ["ru", "en"]
    # a header with an empty msgstr is one untranslated message to msgfmt (no words)
    assert counts(summed["ru"]) == (4, 2, 4)
    assert summed["ru"].total_words == 41
    assert counts(summed["en"]) == (0, 0, 2) and summed["en"].reviewed_share == 0.0
    assert CatalogueStatus("total", "de").reviewed_share == 100.0


def test_malformed_catalogue_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.po", 'msgid "a"\nmsgstr "b"\nbogus line\n')
    with pytest.raises(CatalogError) as caught:
        catalogue_status(path)
    assert str(path) in str(caught.value) and caught.value.line is not None


def test_catalogue_written_by_polib_matches_msgfmt(tmp_path: Path) -> None:
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "en"}
    for number in range(30):
        entry = polib.POEntry(msgid=f"Satz Nummer {number}.", msgstr="")
        if number % 3:
            entry.msgstr = f"Sentence number {number}."
        if number % 5 == 0:
            entry.flags.append("fuzzy")
        catalogue.append(entry)
    path = tmp_path / "en" / "LC_MESSAGES" / "p.po"
    path.parent.mkdir(parents=True)
    catalogue.save(str(path))
    assert counts(catalogue_status(path)) == msgfmt_statistics(path) == (16, 4, 10)
