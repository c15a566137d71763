"""Normalising pasted news pages: one test per rule of the evidence, the trailer, the
headline, the news metadata, lists and interviews, on small made-up pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from babelpress.normalise import Article, load_rules, normalise_text
from babelpress.normalise.evidence import BODY, TAIL, assess, verdict
from babelpress.normalise.explain import explain, shown, summary
from babelpress.normalise.normaliser import default_rules
from babelpress.normalise.verify import body_of, rendering_problems

P1 = "Der erste Absatz erzählt, was in der Stadt geschah. Er hat zwei Sätze."
P2 = "Der zweite Absatz führt das weiter aus, mit einem anderen Gedanken."
P3 = "Ein dritter Absatz schließt den Text ab und zieht ein Fazit daraus."


def norm(text: str) -> Article:
    article = normalise_text(text, seed="x.txt")
    assert rendering_problems(article) == []
    return article


def texts(article: Article) -> list[str]:
    return [b.text for b in article.blocks]


def judge(text: str, zone: str = BODY) -> str:
    rules = default_rules().evidence
    return verdict(assess(text, zone, False, rules), rules)


# ---------------------------------------------------------------- evidence


@pytest.mark.parametrize(
    "line",
    ["Teilen: Facebook Twitter WhatsApp E-Mail", "Video abspielen", "Bild 3 von 12", "04:12 min"],
)
def test_furniture_shapes_are_removed_anywhere(line: str) -> None:
    assert judge(line) == "remove"


@pytest.mark.parametrize(
    "line",
    [
        "Kritik aus der Opposition",
        "Wie geht es weiter?",
        "Neue App für Senioren",
        "Das reicht nicht.",
    ],
)
def test_headings_and_short_sentences_are_kept_inside(line: str) -> None:
    assert judge(line) == "keep"


def test_a_sentence_is_never_removed_for_where_it_stands() -> None:
    assert judge("Das war es.", TAIL) == "keep"
    assert judge("Ende", TAIL) == "doubt"  # position alone: kept, and said so


def test_a_sentence_speaking_to_the_reader_about_the_site_goes() -> None:
    line = "Mit unserem Newsletter bleiben Sie auf dem Laufenden. Jetzt anmelden!"
    assert judge(line, TAIL) == "remove"
    assert judge("Die Behörde rät, Cookies in den Einstellungen zu löschen.") == "keep"


def test_uncertain_line_is_kept_and_reported() -> None:
    article = norm(f"Titel des Artikels\n\n{P1}\n\n{P2}\n\nEnde")
    assert texts(article)[-1] == "Ende"
    assert [(d.line, d.decision) for d in article.doubts] == [(7, "kept")]
    assert "kept but uncertain: line 7 'Ende'" in summary(article)


def test_headline_shaped_line_is_not_removed_on_evidence() -> None:
    page = f"Facebook und Instagram sperren tausende Konten\n\n{P1}\n\n{P2}"
    assert norm(page).title == "Facebook und Instagram sperren tausende Konten"


def test_keep_rule_wins_over_the_evidence(tmp_path: Path) -> None:
    extra = tmp_path / "rules.yml"
    extra.write_text("keep:\n  - '^video abspielen$'\n", encoding="utf-8")
    page = f"Titel des Artikels\n\n{P1}\n\nVideo abspielen\n\n{P2}"
    assert "Video abspielen" not in texts(norm(page))
    article = normalise_text(page, seed="x.txt", rules=load_rules(extra))
    assert "Video abspielen" in texts(article)


def test_a_row_of_buttons_goes_together() -> None:
    buttons = "Lesezeit: 2 Min.\nMerken\nIn Pocket speichern\nDrucken"
    page = f"Titel des Artikels\n\n{P1}\n\n{buttons}\n\n{P2}"
    assert texts(norm(page)) == [P1, P2]


def test_teasers_under_a_label_go_with_it() -> None:
    page = f"Titel des Artikels\n\n{P1}\n\nMehr zum Thema\nAndere Stadt plant neue Brücke\n\n{P2}"
    article = norm(page)
    assert texts(article) == [P1, P2]
    assert [r.reason for r in article.removed] == ["read also", "teaser"]


# ---------------------------------------------------------------- trailer


def test_comments_link_under_the_byline_does_not_end_the_article() -> None:
    page = f"Titel des Artikels\n\n{P1}\n\nVon Anna Muster\nKommentare\n\n{P2}\n\n{P3}"
    article = norm(page)
    assert texts(article) == [P1, P2, P3]
    assert article.meta["author"] == "Anna Muster"


def test_marker_with_prose_after_it_is_reported_not_cut() -> None:
    page = f"Titel des Artikels\n\n{P1}\n\nKommentare\n\n{P2}\n\n{P3}"
    article = norm(page)
    assert texts(article) == [P1, P2, P3]
    assert [d.decision for d in article.doubts] == ["not treated as the end of the article"]


def test_comment_section_with_its_signs_is_cut() -> None:
    comments = (
        "Kommentare (2)\nKommentar schreiben\nMax B.\nvor 2 Stunden\n"
        "Das sehe ich ganz anders, die Regierung hat hier völlig versagt und schweigt.\n"
        "Antworten\nMelden"
    )
    article = norm(f"Titel des Artikels\n\n{P1}\n\n{P2}\n\n{comments}")
    assert texts(article) == [P1, P2]
    assert {r.reason for r in article.removed} == {"comments"}


def test_paywall_offer_ends_the_article() -> None:
    offer = (
        "Jetzt weiterlesen mit Plus\nAlle Artikel und Hintergründe für nur einen Euro im ersten "
        "Monat lesen.\nJetzt testen\nSie haben bereits ein Abo?\nHier anmelden"
    )
    article = norm(f"Titel des Artikels\n\n{P1}\n\n{P2}\n\n{offer}")
    assert texts(article) == [P1, P2]


# ---------------------------------------------------------------- headline


def test_skip_link_and_menu_are_not_the_title() -> None:
    menu = "Zum Inhalt springen\nCookie-Einstellungen\nPolitik\nWirtschaft"
    page = f"{menu}\n\nDer echte Titel der Seite\n\n{P1}\n\n{P2}"
    article = norm(page)
    assert article.title == "Der echte Titel der Seite"
    assert texts(article) == [P1, P2]


def test_topline_above_the_headline_is_a_kicker() -> None:
    article = norm(f"Ausland\n\nAsylreform:\nMinister einigen sich auf neue Regeln\n{P1}\n\n{P2}")
    assert article.title == "Minister einigen sich auf neue Regeln"
    assert [(b.kind, b.text) for b in article.blocks[:2]] == [
        ("kicker", "Asylreform"),
        ("paragraph", P1),
    ]
    assert [r.text for r in article.removed] == ["Ausland"]
    again = normalise_text(article.to_text(), seed="x.txt")
    assert again.to_markdown() == article.to_markdown()


# ---------------------------------------------------------------- metadata


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Stand: 12.03.2023, 14:05 Uhr", dt.date(2023, 3, 12)),
        ("5. Juni 2024, 16:45 Uhr", dt.date(2024, 6, 5)),
        ("07.02.2024, 05.30 Uhr", dt.date(2024, 2, 7)),
        ("24. Jänner 2024", dt.date(2024, 1, 24)),
        ("Datum 17.10.2023", dt.date(2023, 10, 17)),
        ("12.07.2024 - 09:41 Uhr", dt.date(2024, 7, 12)),
        ("Veröffentlicht am 2024-03-01", dt.date(2024, 3, 1)),
    ],
)
def test_date_forms(line: str, date: dt.date) -> None:
    article = norm(f"Titel des Artikels\n{line}\n\n{P1}\n\n{P2}")
    assert article.meta["date"] == date
    assert texts(article) == [P1, P2]


def test_publication_date_wins_over_update() -> None:
    page = f"Titel des Artikels\nAktualisiert am 06.06.2024\nVeröffentlicht am 05.06.2024\n\n{P1}"
    assert norm(page).meta["date"] == dt.date(2024, 6, 5)


@pytest.mark.parametrize(
    ("lines", "author"),
    [
        ("Von Anna Berger, ARD-Studio Brüssel", "Anna Berger"),
        ("Ein Bericht von Tim Koch, Berlin", "Tim Koch"),
        ("Ein Interview von Lea Sommer", "Lea Sommer"),
        ("Autorin/Autor Marta Nowak (mit dpa, AFP)", "Marta Nowak"),
        ("Autorin/Autor\nMarta Nowak", "Marta Nowak"),
        ("Petra Hofer, Wien\n24. Jänner 2024, 16:45", "Petra Hofer"),
        ("12.07.2024 - 09:41 Uhr\nTim Schröder", "Tim Schröder"),
    ],
)
def test_byline_forms(lines: str, author: str) -> None:
    article = norm(f"Titel des Artikels\n\n{P1}\n\n{lines}\n\n{P2}")
    assert article.meta["author"] == author
    assert texts(article) == [P1, P2]


def test_agency_credits_and_codes() -> None:
    credits = "(mit Material der dpa)\nQuelle: AFP\nmra/DP/zb\n(kaj)"
    page = f"Titel des Artikels\n\n{P1}\n\n{P2}\n\n{credits}"
    article = norm(page)
    assert article.meta["contributors"] == ["dpa"]
    assert article.meta["source"] == "AFP"
    assert texts(article) == [P1, P2]


def test_name_alone_in_the_text_is_not_a_byline() -> None:
    article = norm(f"Titel des Artikels\n\n{P1}\n\nAnna Berger\n\n{P2}")
    assert "author" not in article.meta


# ---------------------------------------------------------------- lists, interviews


def test_das_wichtigste_box_stays_a_list() -> None:
    box = "Das Wichtigste in Kürze\nDie Stadt baut eine Brücke.\nDer Bau kostet zehn Millionen."
    article = norm(f"Titel des Artikels\n\n{box}\n\n{P1}\n\n{P2}")
    assert [b.kind for b in article.blocks] == ["heading", "list", "paragraph", "paragraph"]
    assert "## Das Wichtigste in Kürze\n\n- Die Stadt baut eine Brücke.\n- Der Bau" in body_of(
        article.to_markdown()
    )
    assert article.meta["description"] == P1


def test_bulleted_lines_are_a_list_bullets_dropped() -> None:
    article = norm(f"Titel des Artikels\n\n{P1}\n\n• Erstens das.\n• Zweitens jenes.\n\n{P2}")
    assert article.blocks[1].items == ("Erstens das.", "Zweitens jenes.")


def test_interview_questions_are_paragraphs() -> None:
    page = (
        f"Ein Interview von Lea Sommer\n\nTitel des Interviews\n\n{P1}\n\n"
        "Warum?\n\nWeil es so ist und nicht anders sein kann, sagt sie.\n\n"
        "SPIEGEL: Und die Zinsen?\n\nSind gestiegen, ja. Aber nicht stark genug.\n\nNein."
    )
    article = norm(page)
    assert "heading" not in [b.kind for b in article.blocks]
    assert "SPIEGEL: Und die Zinsen?" in texts(article)
    assert "Nein." in texts(article)


def test_question_heading_outside_an_interview_stays_a_heading() -> None:
    article = norm(f"Titel des Artikels\n\n{P1}\n\nDroht ein neuer Streit?\n\n{P2}")
    assert [b.kind for b in article.blocks] == ["paragraph", "heading", "paragraph"]


# ---------------------------------------------------------------- text, explain


def test_soft_hyphens_and_zero_width_spaces_removed() -> None:
    article = norm("Titel des Artikels\n\nDie Förs\u00adterin pflanzt\u200b Bäume in der Stadt.")
    assert texts(article) == ["Die Försterin pflanzt Bäume in der Stadt."]


def test_controls_of_text_direction_are_removed() -> None:
    """A right-to-left override would show the title reversed, or hide a word of it."""
    article = norm("Titel \u202eeht\u202c des Artikels\n\nDie \u2066Försterin\u2069 pflanzt Bäume.")
    assert article.title == "Titel eht des Artikels"
    assert texts(article) == ["Die Försterin pflanzt Bäume."]


def test_explain_lists_every_removed_moved_and_uncertain_line() -> None:
    head = "Zum Inhalt springen\n\nTitel des Artikels\nVon Anna Muster"
    page = f"{head}\n\n{P1}\n\nVideo abspielen\n\n{P2}\n\nEnde"
    lines = explain(norm(page))
    assert lines[0] == "line 1: removed: skip link (rule): Zum Inhalt springen"
    assert lines[1] == "line 4: moved: metadata (author: Anna Muster): Von Anna Muster"
    assert lines[2].startswith("line 8: removed: furniture (score ")
    assert lines[3].startswith("line 12: uncertain, kept (score ")
    assert len(lines) == 4


def test_shown_text_is_safe_for_a_terminal() -> None:
    assert shown("a\u202eb\x1bc") == "a\\u202eb\\u001bc"
    assert shown("x" * 100, 10) == "x" * 9 + "…"
