"""One test (or a small parametrised group) per normalising rule, on small texts."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
import yaml

from babelpress.errors import ConfigError
from babelpress.normalise import Article, load_rules, normalise_text
from babelpress.normalise.verify import body_of, rendering_problems

P1 = "Der erste Absatz erzählt, was geschah. Er hat zwei Sätze."
P2 = "Der zweite Absatz führt das weiter aus, mit einem anderen Gedanken."
P3 = "Ein dritter Absatz schließt den Text ab und zieht ein Fazit."


def norm(text: str, **meta: object) -> Article:
    return normalise_text(text, seed="x.txt", meta=meta)


def body(article: Article) -> str:
    assert rendering_problems(article) == []
    return body_of(article.to_markdown())


def kinds(article: Article) -> list[str]:
    return [b.kind for b in article.blocks]


# ---------------------------------------------------------------- title


def test_title_is_first_short_line() -> None:
    article = norm(f"Eine Überschrift für alle\n\n{P1}\n\n{P2}")
    assert article.title == "Eine Überschrift für alle"
    assert article.slug == "eine-ueberschrift-fuer-alle"
    assert body(article) == f"{P1}\n\n{P2}\n"
    assert article.warnings == []


def test_repeated_title_is_dropped() -> None:
    article = norm(f"Titel des Artikels\n\nTitel des Artikels\n\n{P1}")
    assert article.title == "Titel des Artikels"
    assert body(article) == f"{P1}\n"


def test_breadcrumb_is_not_a_title() -> None:
    article = norm(f"Startseite \u00a0 \u00a0 Der echte Titel\n\nDer echte Titel\n\n{P1}")
    assert article.title == "Der echte Titel"
    assert [r.reason for r in article.removed] == ["breadcrumb"]


def test_title_from_meta_and_warning_when_guessed() -> None:
    assert norm(P1, title="Vom Redakteur").title == "Vom Redakteur"
    assert norm(P1, title="Vom Redakteur").warnings == []
    guessed = norm(f"{P1}\n\n{P2}")
    assert guessed.title == "Der erste Absatz erzählt, was geschah"
    assert "guessed" in guessed.warnings[0]


def test_meta_overrides_inferred_fields() -> None:
    article = norm(
        f"Titel im Text\n\n{P1}\n\nEmma Collet Redakteurin für Novastan",
        title="Besserer Titel",
        slug="eigener-slug",
        source="Anderes Blatt",
        date="2022-07-10",
    )
    front = yaml.safe_load(article.to_markdown().split("---\n")[1])
    assert front["title"] == "Besserer Titel"
    assert front["slug"] == "eigener-slug"
    assert front["source"] == "Anderes Blatt"
    assert front["author"] == "Emma Collet"
    assert front["date"] == dt.date(2022, 7, 10)


def test_front_matter_order_and_unknown_fields_left_out() -> None:
    article = norm(
        f"Titel\n\n{P1}\n\nAus dem Englischen von Max Muster\n\nLast Updated on 3. Mai 2021 by X"
    )
    front = article.to_markdown().split("---\n")[1]
    keys = [line.split(":")[0] for line in front.splitlines() if not line.startswith("- ")]
    assert keys == ["title", "slug", "lang", "translator", "date", "description", "seed"]
    assert "null" not in front


# ---------------------------------------------------------------- structure


def test_heading_between_paragraphs() -> None:
    article = norm(
        f"Titel\n\n{P1}\n\nEin Zwischentitel ohne Punkt\n\n{P2}\n\nUnd eine Frage?\n\n{P3}"
    )
    assert body(article) == (
        f"{P1}\n\n## Ein Zwischentitel ohne Punkt\n\n{P2}\n\n## Und eine Frage?\n\n{P3}\n"
    )


def test_short_sentence_and_last_line_are_not_headings() -> None:
    article = norm(f"Titel\n\n{P1}\n\nDas war es.\n\n{P2}\n\nEnde")
    assert kinds(article) == ["paragraph"] * 4


def test_single_newlines_separate_paragraphs() -> None:
    article = norm(f"Titel\n{P1}\nZwischentitel\n{P2}\n{P3}")
    assert kinds(article) == ["paragraph", "heading", "paragraph", "paragraph"]
    assert article.title == "Titel"


def test_hard_wrapped_prose_is_joined() -> None:
    text = (
        "Titel\n\nDies ist ein Absatz, der von einem\n"
        "alten Programm umbrochen wurde, mitten\nim Satz.\n"
    )
    article = norm(text)
    assert [b.text for b in article.blocks] == [
        "Dies ist ein Absatz, der von einem alten Programm umbrochen wurde, mitten im Satz."
    ]


def test_quote_with_attribution() -> None:
    quote = "Einerseits ist es offensichtlich. Aber sind dafür alle Mittel gut?"
    who = "Professor Alexander Kobrinsky in der Nesawisimaja Gaseta vom 10. Juli 2022"
    article = norm(f"Titel\n{P1}\n{quote}\n{who}\n{P2}")
    assert body(article) == f"{P1}\n\n> {quote}\n>\n> — {who}\n\n{P2}\n"


def test_caption_with_photo_credit() -> None:
    line = "Kasachstans Präsident geht auf Distanz. Foto: Пресс-служба Президента РФ / CC-BY-4.0"
    article = norm(f"Titel\n\n{line}\n{P1}")
    assert body(article) == (
        "Kasachstans Präsident geht auf Distanz.\n{: .caption }\n\n"
        "Foto: Пресс-служба Президента РФ / CC-BY-4.0\n{: .credit }\n\n"
        f"{P1}\n"
    )
    assert article.meta["description"] == P1


@pytest.mark.parametrize(
    "above",
    [
        "Der Abschnitt war gesperrt gewesen. Fahrgäste mussten auf Ersatzbusse umsteigen.",
        "Brandes: Ein Grund sind trockene Böden.",
    ],
)
def test_caption_below_its_credit_when_above_stands_the_article(above: str) -> None:
    text = f"Titel\n\n{P1}\n{above}\nFoto: Karl Schöndorfer / picture alliance\n"
    text += f"Ausgetrocknetes Flussbett in Norditalien\n\n{P2}"
    blocks = norm(text).blocks
    assert [(b.kind, b.text) for b in blocks if b.kind == "caption"] == [
        ("caption", "Ausgetrocknetes Flussbett in Norditalien")
    ]
    assert ("paragraph", above) in [(b.kind, b.text) for b in blocks]


def test_caption_above_its_credit_stays_when_the_line_below_is_prose() -> None:
    text = f"Titel\n\n{P1}\nPolizisten sichern den Tatort.\nFoto: dpa\n{P2}\n\n{P3}"
    captions = [b.text for b in norm(text).blocks if b.kind == "caption"]
    assert captions == ["Polizisten sichern den Tatort."]


def test_a_quotation_with_its_speaker_below_is_a_block_quote() -> None:
    quote = "„Das ist ein Ergebnis, das uns Mut macht.“"
    article = norm(f"Titel\n\n{P1}\n{quote}\nDietmar Woidke, Ministerpräsident\n{P2}")
    quotes = [(b.text, b.attribution) for b in article.blocks if b.kind == "quote"]
    assert quotes == [(quote, "Dietmar Woidke, Ministerpräsident")]


def test_a_name_and_role_under_an_unquoted_paragraph_is_no_attribution() -> None:
    article = norm(f"Titel\n\n{P1}\n{P2}\nDietmar Woidke, Ministerpräsident\n\n{P3}")
    assert not [b for b in article.blocks if b.kind == "quote"]


def test_several_sentences_above_a_credit_are_no_caption() -> None:
    above = "Die Grünen scheiterten an der Hürde. Die Wahlbeteiligung lag bei 72,9 Prozent."
    text = f"Titel\n\n{P1}\n{above}\nGrafik: Ergebnisse der Landtagswahl\nZur Grafik\n\n{P2}"
    blocks = norm(text).blocks
    assert ("paragraph", above) in [(b.kind, b.text) for b in blocks]
    assert "Zur Grafik" not in [b.text for b in blocks]


def test_legende_label_dropped_and_pipe_credit_kept() -> None:
    line = "Legende: Soldaten bei der Befehlsausgabe. Keystone | AP | Pressedienst"
    article = norm(f"Titel\n\n{P1}\n\n{line}\n\n{P2}")
    assert body(article) == (
        f"{P1}\n\nSoldaten bei der Befehlsausgabe.\n{{: .caption }}\n\n"
        f"Keystone | AP | Pressedienst\n{{: .credit }}\n\n{P2}\n"
    )


def test_alt_text_line_before_caption_is_dropped() -> None:
    article = norm(f"Titel\n\n{P1}\n\nToqaev Putin\nToqaev und Putin bei einem Gespräch\n\n{P2}")
    assert kinds(article) == ["paragraph", "caption", "paragraph"]
    assert article.blocks[1].text == "Toqaev und Putin bei einem Gespräch"
    assert [(r.reason, r.text) for r in article.removed] == [("image alt text", "Toqaev Putin")]


def test_kicker_is_its_own_block() -> None:
    article = norm(f"Titel\n\nENTSCHLÜSSELUNG. {P1}\n\n{P2}")
    assert body(article) == f"**Entschlüsselung**\n{{: .kicker }}\n\n{P1}\n\n{P2}\n"
    assert article.meta["description"] == P1
    several = norm(f"Titel\n\nDIE ANALYSE: {P1}")
    assert several.blocks[0].text == "DIE ANALYSE"


def test_short_kicker_question_is_not_a_heading() -> None:
    article = norm(f"Titel\n{P1}\nFRAGE. Was nun?\n{P2}")
    assert kinds(article) == ["paragraph", "kicker", "paragraph", "paragraph"]


# ---------------------------------------------------------------- removal


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Lest auch auf Novastan: China profitiert in Zentralasien", "read also"),
        ("Lesen Sie auch: Ein anderer Artikel", "read also"),
        (
            "Wir sind unabhängig und wollen es bleiben, dafür brauchen wir euch! "
            "Durch jede noch so kleine Spende helft ihr uns.",
            "donation",
        ),
        (
            "Ganz Zentralasien in deiner Mailbox Abonniert unseren wöchentlichen Newsletter",
            "newsletter",
        ),
        ("Entdeckt die neueste Ausgabe", "promotion"),
        (
            "Noch mehr findet ihr auf unseren Social Media Kanälen, schaut mal vorbei bei Twitter.",
            "social media",
        ),
        ("Your comment will be revised by the site if needed.", "comments"),
        ("Deine E-Mail-Adresse wird nicht veröffentlicht.", "comments"),
        (
            "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. "
            "Alle akzeptieren Einstellungen",
            "consent",
        ),
        ("Diese Website nutzt Cookies. Zustimmen Ablehnen", "consent"),
        ("Regional > Oberhausen", "breadcrumb"),
        ("Hannover › Stadtteile › Linden", "breadcrumb"),
        ("Jetzt mit HAZ+ weiterlesen und alle Artikel lesen", "promotion"),
        ("Themen: Wohnen, Linden, Bauausschuss", "tags"),
        ("© 2025 Westdeutsche Lokalzeitung GmbH", "copyright"),
        ("Copyright 2023 KNA", "copyright"),
        ("Aktualisiert vor 3 Stunden", "timestamp"),
        ("Vor 12 Minuten", "timestamp"),
        ("Fehler gefunden? Jetzt melden.", "feedback"),
        ("We use cookies to improve your experience. Accept all Reject", "consent"),
        ("Aus der ZEIT Nr. 50/2024", "edition"),
        ("Artikelzusammenfassung", "summary tool"),
        ("Dies ist ein experimentelles Tool. Die Resultate können falsch sein.", "summary tool"),
        ("Gefällt mir nicht", "feedback"),
        ("Sie haben 23 % des Artikels gelesen.", "promotion"),
        ("vor 35 Min.", "timestamp"),
        ("Aktualisiert vor 2 Std.", "timestamp"),
        ("Kommentare sind für diesen Artikel deaktiviert.", "comments"),
        ("Die Kommentarfunktion ist derzeit geschlossen", "comments"),
        ("Mehr Kritiken", "read also"),
        ("Alle Artikel von Lea Marquardt", "read also"),
        ("Schlagwörter", "tags"),
        ("red, tirol.ORF.at/Agenturen", "agency code"),
        ("Sie befinden sich hier: Startseite > Rathaus", "breadcrumb"),
        ("Weitere Pressemitteilungen", "read also"),
        ("Alle 12 Bilder ansehen", "link button"),
        ("Preise inkl. MwSt., Stand: 22.09.2023. *Affiliate-Link", "affiliate"),
        ("PLZ oder Ort eingeben", "form"),
        ("Posten Sie Ihre Meinung – bitte beachten Sie unsere Forenregeln.", "comments"),
        ("Zum Thema", "read also"),
        ("Alle Pressemitteilungen", "read also"),
        ("Das Spiel im Liveticker zum Nachlesen ›", "link button"),
        (
            "Das Pressefoto darf mit Angabe der Quelle im Zusammenhang mit dieser "
            "Pressemitteilung kostenfrei verwendet werden.",
            "copyright",
        ),
        ("Schlagwörter zu diesem Artikel", "tags"),
        ("Teile dies:", "social media"),
        ("Gefällt mir Wird geladen …", "feedback"),
        ("Kommentar absenden", "comments"),
        ("← Faschingsumzug: Das ändert sich in diesem Jahr", "link button"),
        ("Die neuesten Meldungen", "read also"),
        ("Daten als CSV herunterladen", "link button"),
        ("Live-Ticker beendet", "link button"),
        ("Zum Liveblog vom Wahlabend", "link button"),
        ("Stolz präsentiert von WordPress | Theme: Blatt von Werk", "site credits"),
        (
            "Hinweis: Kursangaben ohne Gewähr. Dieser Artikel stellt keine Anlageberatung dar.",
            "disclaimer",
        ),
        ("Leserkommentare sind für Nachrufe geschlossen.", "comments"),
        (
            "Wir und unsere 142 Partner speichern Informationen auf Ihrem Gerät und greifen "
            "darauf zu, etwa um Anzeigen zu personalisieren.",
            "consent",
        ),
        ("Analyse · 12 Min. Lesezeit", "reading time"),
        ("Nächster Artikel: Kita Sonnenhügel: Eltern wehren sich", "link button"),
        ("Zur Seitenansicht", "link button"),
        ("© Hellertaler Zeitung GmbH & Co. KG. Alle Rechte vorbehalten.", "copyright"),
        ("Vervielfältigung und Weitergabe nur mit Genehmigung des Verlags.", "copyright"),
        ("Karte immer laden", "link button"),
        (
            "Original-Content von: Nordhafen Logistik GmbH, übermittelt durch pressefenster",
            "agency code",
        ),
        ("Weitere Storys: Nordhafen Logistik GmbH", "read also"),
        (
            "Gastbeiträge geben die Meinung der Autorinnen und Autoren wieder, nicht "
            "notwendigerweise die der Redaktion.",
            "disclaimer",
        ),
        ("Leserbrief schreiben", "comments"),
        ("E-Mail an die Autorin", "comments"),
        (
            "Diesen Artikel zitieren: Anselm, F.: Später Schulbeginn. Forschungsblick 2025.",
            "permalink",
        ),
        ("Zuletzt aktualisiert: 19:05 Uhr", "timestamp"),
        ("Mehr zu diesem Thema: Großbrand in Freimann – alle Entwicklungen", "read also"),
        ("Neueste zuerst", "comments"),
        ("Seite drucken | Seite teilen | Zurück zur Übersicht", "social media"),
        (
            "Beim Abspielen werden Daten an den Streaming-Dienstleister des Landtags übertragen.",
            "consent",
        ),
    ],
)
def test_boilerplate_line_removed(line: str, reason: str) -> None:
    article = norm(f"Titel\n\n{P1}\n\n{line}\n\n{P2}")
    assert [b.text for b in article.blocks] == [P1, P2]
    assert [r.reason for r in article.removed] == [reason]


@pytest.mark.parametrize("marker", ["Kommentare", "Leave a Reply", "Schreibe einen Kommentar"])
def test_comment_section_ends_the_article(marker: str) -> None:
    article = norm(f"Titel\n\n{P1}\n\n{marker}\n\nToller Artikel, danke!\n\nAntworten")
    assert [b.text for b in article.blocks] == [P1]
    assert {r.reason for r in article.removed} == {"comments"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Wer auf einer Website alle Cookies akzeptieren muss, gibt viele Daten preis.",
        "Die Verbraucherschützer sagen: Wir verwenden keine Zahlen, die niemand prüfen kann.",
        "Der Umsatz stieg von 2023 auf 2024 um ein Drittel.",
        "Themen wie Wohnen und Verkehr bestimmen den Wahlkampf.",
    ],
)
def test_article_sentences_near_those_rules_stay(sentence: str) -> None:
    article = norm(f"Titel\n\n{P1}\n\n{sentence}\n\n{P2}")
    assert [b.text for b in article.blocks] == [P1, sentence, P2]


def test_photo_credit_without_a_year_is_no_copyright_line() -> None:
    article = norm(f"Titel\n\n{P1}\n\n© dpa\n\n{P2}")
    assert "copyright" not in [r.reason for r in article.removed]


def test_a_menu_between_separators_is_not_the_title() -> None:
    menu = "Region Hannover · Stadt · Umland · Polizei"
    article = norm(f"{menu}\n\nNeue Wohnungen am Park\n\n{P1}\n\n{P2}")
    assert article.title == "Neue Wohnungen am Park"
    assert [r.reason for r in article.removed] == ["navigation"]


@pytest.mark.parametrize(
    "line",
    [
        "Artikel anhören • 4 Min",
        "Audio herunterladen (3,2 MB | MP3)",
        "Download (PDF, 1,2 MB)",
        "Artikel anhören (6 Min.)",
        "Wertung: ★★★★☆",
        "Nächstes Bild",
    ],
)
def test_a_player_or_download_line_is_furniture(line: str) -> None:
    article = norm(f"Titel\n\n{P1}\n\n{line}\n\n{P2}")
    assert [b.text for b in article.blocks] == [P1, P2]


def test_a_sentence_naming_a_file_size_stays() -> None:
    sentence = "Den vollständigen Bericht gibt es als PDF zum Herunterladen (1,2 MB)."
    article = norm(f"Titel\n\n{P1}\n\n{sentence}\n\n{P2}")
    assert [b.text for b in article.blocks] == [P1, sentence, P2]


@pytest.mark.parametrize(
    "menu", ["Inland Ausland Wirtschaft Chronik Kultur Sport", "Lokales Polizei Sport Kultur"]
)
def test_a_row_of_section_names_is_not_the_title(menu: str) -> None:
    article = norm(f"{menu}\n\nU2 fährt ab Montag wieder durchgehend\n\n{P1}\n\n{P2}")
    assert article.title == "U2 fährt ab Montag wieder durchgehend"
    assert [r.reason for r in article.removed] == ["navigation"]


@pytest.mark.parametrize(
    "title", ["Sport und Kultur bleiben gefördert", "Wirtschaft wächst, Politik streitet"]
)
def test_a_headline_of_section_words_with_more_is_still_the_title(title: str) -> None:
    assert norm(f"{title}\n\n{P1}\n\n{P2}").title == title


def test_a_blocked_embed_and_a_forum_prompt_go() -> None:
    consent = (
        "Dieser Artikel enthält einen Inhalt von Twitter. Um ihn anzuzeigen, müssen Sie "
        "der Datennutzung zustimmen."
    )
    text = (
        f"Titel\n\n{P1}\n\nExterner Inhalt\n{consent}\nInhalt anzeigen\n\n{P2}\n\n"
        "Zum Weiterlesen\nU5: Erste Testfahrten im Frühjahr\n\nPosten Sie Ihre Meinung"
    )
    article = norm(text)
    assert [b.text for b in article.blocks] == [P1, P2]
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Externer Inhalt"] == "embed"
    assert reasons["U5: Erste Testfahrten im Frühjahr"] == "teaser"
    assert reasons["Posten Sie Ihre Meinung"] == "comments"


def test_a_comment_header_right_under_the_marker_ends_the_article() -> None:
    comment = "Schon wieder eine Erhöhung, das ist doch unglaublich."
    header = "Peter K. vor 2 Stunden"
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\nKommentare (14)\n\n{header}\n\n{comment}")
    assert [b.text for b in article.blocks] == [P1, P2]
    assert {r.reason for r in article.removed} == {"comments"}


def test_one_sign_further_down_does_not_end_the_article() -> None:
    text = f"Titel\n\n{P1}\n\nKommentare\n\n{P2}\n\nvor 2 Stunden\n\n{P3}"
    article = norm(text)
    assert P2 in [b.text for b in article.blocks] and P3 in [b.text for b in article.blocks]


def test_after_the_comments_are_cut_a_newsletter_box_is_after_the_article() -> None:
    box = "Die wichtigsten Nachrichten aus der Stadt jeden Morgen in Ihr Postfach."
    text = (
        f"Titel\n\n{P1}\n\n{P2}\n\nNewsletter abonnieren\n\n{box}\n\nE-Mail-Adresse Jetzt anmelden"
        "\n\nKommentare (2)\n\nPeter K. vor 2 Stunden\n\nDas sehe ich ganz anders als der Autor."
    )
    article = norm(text)
    assert [b.text for b in article.blocks] == [P1, P2]


def test_repeated_lead_removed() -> None:
    article = norm(f"Titel\n\n{P1}\n\nBild Text\nBild und Text zusammen\n\n{P1}\n\n{P2}")
    assert [b.text for b in article.blocks if b.kind == "paragraph"] == [P1, P2]
    assert "repeated paragraph" in [r.reason for r in article.removed]


def test_pull_quotes_removed_exact_and_paraphrased() -> None:
    body_par = (
        "Der Ruf gen Moskau war ein zweischneidiges Schwert für Kasachstan. Lange hatte man "
        "versucht, durch eine sogenannte multivektorale Außenpolitik eine übermäßige "
        "Abhängigkeit zu vermeiden. Man baute gute Beziehungen auf."
    )
    paraphrase = (
        "Lange hat Kasachstan versucht, durch eine sogenannte multivektorale Außenpolitik "
        "eine übermäßige Abhängigkeit zu vermeiden."
    )
    exact = "Man baute gute Beziehungen auf."
    article = norm(f"Titel\n\n{body_par}\n\n{paraphrase}\n\n{P2}\n\n{exact}\n\n{P3}")
    assert [b.text for b in article.blocks] == [body_par, P2, P3]
    assert [r.reason for r in article.removed] == ["pull quote", "pull quote"]


@pytest.mark.parametrize(
    "near_repeat",
    [
        "Der Preis für Brot stieg im Februar um sieben Prozent.",
        "Der Preis für Brot stieg im Januar um 7 Prozent.",
        "Der Preis für Brot stieg im Januar nicht um fünf Prozent.",
    ],
)
def test_near_repeat_with_other_facts_kept(near_repeat: str) -> None:
    first = (
        "Der Preis für Brot stieg im Januar um fünf Prozent. Die Regierung reagierte darauf "
        "mit neuen Subventionen für Bäckereien."
    )
    article = norm(f"Titel\n\n{first}\n\n{near_repeat}\n\n{P2}")
    assert [b.text for b in article.blocks] == [first, near_repeat, P2]


def test_pull_quote_is_looked_for_nearby_only() -> None:
    source = f"{P3} Man baute gute Beziehungen zu allen Nachbarn auf."
    filler = [f"Absatz Nummer {n} erzählt etwas ganz Eigenes und Neues." for n in range(10)]
    near = norm("\n\n".join(["Titel", source, "Man baute gute Beziehungen zu allen Nachbarn auf."]))
    assert [r.reason for r in near.removed] == ["pull quote"]
    far = norm(
        "\n\n".join(["Titel", source, *filler, "Man baute gute Beziehungen zu allen Nachbarn auf."])
    )
    assert far.removed == []


def test_dissimilar_short_paragraph_kept() -> None:
    article = norm(f"Titel\n\n{P1}\n\nEin ganz anderer kurzer Gedanke.\n\n{P2}")
    assert len(article.blocks) == 3


# ---------------------------------------------------------------- metadata


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Von unseren Korrespondenten Lena Kraus und Ahmad Yousef", "Lena Kraus und Ahmad Yousef"),
        ("Von unserer Reporterin Anna Schmidt", "Anna Schmidt"),
        ("Ein Interview von Tobias Hartmann", "Tobias Hartmann"),
    ],
)
def test_byline_with_a_role(line: str, author: str) -> None:
    article = norm(f"Titel\n\n{line}\n\n{P1}\n\n{P2}")
    assert article.meta["author"] == author
    assert [b.text for b in article.blocks] == [P1, P2]


def test_a_box_in_a_paste_without_blank_lines_ends_where_paragraphs_begin() -> None:
    items = ["Betroffen sind rund 20 Abschnitte.", "Das Gewerbe befürchtet längere Lieferzeiten."]
    text = "\n".join(["Titel", P1, "Das Wichtigste in Kürze", *items, P1 + " " + P3, P2])
    blocks = norm(text).blocks
    lists = [b for b in blocks if b.kind == "list"]
    assert [list(b.items) for b in lists] == [items]
    assert [b.text for b in blocks if b.kind == "paragraph"][-2:] == [P1 + " " + P3, P2]


def test_an_opinion_pieces_label_above_its_headline_is_a_kicker() -> None:
    article = norm(f"Kommentar\nDie Schuldenbremse ist kein Naturgesetz\n\n{P1}\n\n{P2}")
    assert article.title == "Die Schuldenbremse ist kein Naturgesetz"
    first = article.blocks[0]
    assert (first.kind, first.text) == ("kicker", "Kommentar")


def test_date_with_reading_time_and_letters_prompt() -> None:
    text = (
        f"Titel\n\n29. November 2024 · 4 min Lesezeit\n\n{P1}\n\n{P2}\n\n"
        "Ihre Meinung zählt\nSchreiben Sie uns an leserbriefe@example.de"
    )
    article = norm(text)
    assert article.meta["date"] == dt.date(2024, 11, 29)
    assert [b.text for b in article.blocks] == [P1, P2]


def test_teasers_under_weitere_meldungen_go() -> None:
    teasers = "Weitere Meldungen\nDax schließt im Plus\nÖlpreis gibt nach"
    text = f"Titel\n\n{P1}\n\n{P2}\n\n{teasers}"
    article = norm(text)
    assert [b.text for b in article.blocks] == [P1, P2]
    assert [r.reason for r in article.removed] == ["read also", "teaser", "teaser"]


def test_a_result_line_right_above_the_headline_is_its_topline() -> None:
    text = (
        "FC Augsburg – VfL Bochum 2:1 (1:0)\nAugsburg dreht spätes Spiel und klettert nach oben\n"
        f"Von Markus Weber | 30.11.2024, 17:25 Uhr\n{P1}\n{P2}"
    )
    article = norm(text)
    assert article.title == "Augsburg dreht spätes Spiel und klettert nach oben"
    first = article.blocks[0]
    assert (first.kind, first.text) == ("kicker", "FC Augsburg – VfL Bochum 2:1 (1:0)")
    assert article.meta["author"] == "Markus Weber"
    assert article.meta["date"] == dt.date(2024, 11, 30)


def test_a_long_line_below_the_headline_does_not_take_its_place() -> None:
    standfirst = (
        "Nach jahrelangem Streit hat der Bauausschuss das Projekt am Montagabend mit großer "
        "Mehrheit genehmigt und damit den Weg für den Bau frei gemacht"
    )
    article = norm(f"Neue Wohnungen am Park\n{standfirst}\n\n{P1}\n\n{P2}")
    assert article.title == "Neue Wohnungen am Park"


def test_a_betting_advertisement_goes() -> None:
    ad = "Jetzt wetten und Bonus sichern! 18+ | Glücksspiel kann süchtig machen"
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\nAnzeige\n{ad}")
    assert [b.text for b in article.blocks] == [P1, P2]


def test_contents_entries_go_when_their_headings_follow() -> None:
    text = (
        f"Titel\n\n{P1}\n\nInhaltsverzeichnis\nRichtig lüften\nThermostat einstellen\n\n"
        f"Richtig lüften\n\n{P2}\n\nThermostat einstellen\n\n{P3}"
    )
    article = norm(text)
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("paragraph", P1),
        ("heading", "Richtig lüften"),
        ("paragraph", P2),
        ("heading", "Thermostat einstellen"),
        ("paragraph", P3),
    ]
    assert [r.reason for r in article.removed] == ["contents", "contents entry", "contents entry"]


def test_lines_under_a_contents_label_that_do_not_recur_stay() -> None:
    article = norm(f"Titel\n\n{P1}\n\nInhalt\nEin Gedanke ohne Wiederkehr\n\n{P2}")
    assert "Ein Gedanke ohne Wiederkehr" in [b.text for b in article.blocks]


@pytest.mark.parametrize(
    "line",
    [
        "Hinweis: Dieser Artikel enthält Affiliate-Links. Wenn Sie darüber kaufen, erhalten wir "
        "eine Provision.",
        "Energiespar-Thermostat bei Amazon ansehen*",
        "War dieser Artikel hilfreich?",
        "Ja Nein",
    ],
)
def test_affiliate_and_rating_lines_go(line: str) -> None:
    article = norm(f"Titel\n\n{P1}\n\n{line}\n\n{P2}")
    assert [b.text for b in article.blocks] == [P1, P2]


def test_a_dateline_alone_and_a_distributors_line() -> None:
    distributor = (
        "Original-Content von: Polizeipräsidium Mittelhessen - Pressestelle Gießen, "
        "übermittelt durch news aktuell"
    )
    article = norm(f"Titel\n\nGießen (ots)\n{P1}\n\n{P2}\n\n{distributor}")
    assert article.meta["contributors"] == ["ots"]
    assert [b.text for b in article.blocks] == [P1, P2]


def test_a_poll_goes_with_its_question_and_answers() -> None:
    poll = "\n".join(
        ["Umfrage", "Wie finden Sie das Verbot?", "Richtig so", "Übertrieben", "Abstimmen"]
    )
    poll += "\nErgebnis anzeigen"
    article = norm(f"Titel\n\n{P1}\n\n{poll}\n\n{P2}")
    assert [b.text for b in article.blocks] == [P1, P2]
    assert {r.reason for r in article.removed} == {"poll", "poll button"}


def test_umfrage_over_a_paragraph_about_a_survey_stays() -> None:
    survey = "Laut einer Umfrage des Instituts befürworten zwei Drittel das Verbot."
    article = norm(f"Titel\n\n{P1}\n\nUmfrage\n{survey}\n\n{P2}")
    assert [b.text for b in article.blocks] == [P1, "Umfrage", survey, P2]


def test_byline_contributors_translator() -> None:
    article = norm(
        f"Titel\n\n{P1}\n\nEmma Collet Redakteurin für Novastan\n\n"
        "Mit Ergänzungen von Florian Coppenrath und Anna Muster\n\n"
        "Aus dem Französischen von Robin Roth"
    )
    assert article.meta["author"] == "Emma Collet"
    assert article.meta["source"] == "Novastan"
    assert article.meta["contributors"] == ["Florian Coppenrath", "Anna Muster"]
    assert article.meta["translator"] == "Robin Roth"
    assert [b.text for b in article.blocks] == [P1]


@pytest.mark.parametrize(
    "line",
    [
        "Last Updated on 24. April 2022 by Lupo",
        "Zuletzt aktualisiert am 24.04.2022",
        "Veröffentlicht: 2022-04-24",
        "Last Updated on April 24, 2022 by Lupo",
        "24.04.2022, 18.03 Uhr • aus DER SPIEGEL 17/2022",
        "Stand: 24.04.2022 | in der Printausgabe",
    ],
)
def test_date_line(line: str) -> None:
    article = norm(f"Titel\n\n{P1}\n\n{line}")
    assert article.meta["date"] == dt.date(2022, 4, 24)
    assert "date: 2022-04-24\n" in article.to_markdown()
    assert [b.text for b in article.blocks] == [P1]


def test_unreadable_date_line_stays_text() -> None:
    article = norm(f"Titel\n\n{P1}\n\nLast Updated on irgendwann im Frühjahr")
    assert "date" not in article.meta
    assert len(article.blocks) == 2


# ---------------------------------------------------------------- text fixes, escaping


def test_missing_space_after_closing_quote() -> None:
    article = norm("Titel\n\n„Wir erkennen das nicht an.“Mit diesen Worten begann er.")
    assert article.blocks[0].text == "„Wir erkennen das nicht an.“ Mit diesen Worten begann er."


def test_whitespace_and_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Präsident  Tokajew\tsagte es.  ")
    article = norm(f"Titel\n\n{decomposed}")
    assert article.blocks[0].text == "Präsident Tokajew sagte es."


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("24. April war ein Sonntag.", "24\\. April war ein Sonntag."),
        ("Sie wollten so viele [Russen] töten.", "Sie wollten so viele \\[Russen\\] töten."),
        ("# ist ein Zeichen.", "\\# ist ein Zeichen."),
        ("Politiker*innen und Bürger*innen.", "Politiker\\*innen und Bürger\\*innen."),
        ("Das _war_ snake_case.", "Das \\_war\\_ snake_case."),
        ("Ein <b>Tag</b> und a < b.", "Ein &lt;b>Tag&lt;/b> und a < b."),
        ("Links | rechts.", "Links | rechts."),
        ("Der `Code` bleibt.", "Der \\`Code\\` bleibt."),
        ("- kein Listenpunkt.", "\\- kein Listenpunkt."),
        ("> kein Zitat.", "\\> kein Zitat."),
    ],
)
def test_escaping(text: str, markdown: str) -> None:
    article = norm(f"Titel\n\n{text}")
    assert body(article) == markdown + "\n"


def test_heading_escaping() -> None:
    article = norm(f"Titel\n\n{P1}\n\nWarum C#\n\n{P2}")
    assert "## Warum C\\#\n" in body(article)


# ---------------------------------------------------------------- rules as data


def test_project_rules_extend_defaults(tmp_path: Path) -> None:
    extra = tmp_path / "rules.yml"
    extra.write_text(
        "boilerplate:\n  promotion:\n    - '^jetzt im kiosk\\b'\npull_quote:\n  threshold: 0.99\n",
        encoding="utf-8",
    )
    rules = load_rules(extra)
    assert rules.pull_quote_threshold == 0.99
    article = normalise_text(
        f"Titel\n\n{P1}\n\nJetzt im Kiosk: Heft 5\n\nLest auch: X", seed="x", rules=rules
    )
    assert [r.reason for r in article.removed] == ["promotion", "read also"]


@pytest.mark.parametrize(
    ("pattern", "line"),
    [
        ("^jetzt im kiosk|bezahlte partnerschaft", "Hinweis: bezahlte Partnerschaft mit X"),
        ("^jetzt im kiosk|bezahlte partnerschaft", "Anzeige – bezahlte Partnerschaft"),
        ("^[]|]+ anzeige", "|| Anzeige"),
        ("sponsored by", "Dieser Beitrag: sponsored by Firma"),
    ],
)
def test_a_rule_matches_where_it_says_not_only_at_the_start(
    tmp_path: Path, pattern: str, line: str
) -> None:
    """Rules starting with "^" are tried at the start of a line only, the others anywhere:
    an alternative without the anchor still matches in the middle of a line."""
    extra = tmp_path / "rules.yml"
    extra.write_text(f"boilerplate:\n  paid:\n    - '{pattern}'\n", encoding="utf-8")
    article = normalise_text(f"Titel\n\n{P1}\n\n{line}\n\n{P2}", seed="x", rules=load_rules(extra))
    assert [r.reason for r in article.removed] == ["paid"]


@pytest.mark.parametrize(
    "content",
    [
        "boilerplate:\n  x:\n    - '(unclosed'\n",
        "kicker: [1, 2]\n",
        "pull_quote: {threshold: hoch}\n",
        "- a\n",
    ],
)
def test_bad_project_rules(tmp_path: Path, content: str) -> None:
    extra = tmp_path / "rules.yml"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_rules(extra)
    assert "rules.yml" in str(info.value)


# ---------------------------------------------------------------- boxes and bylines


@pytest.mark.parametrize(
    ("box", "reason"),
    [
        (
            "Anzeige\nDie neue Kreditkarte mit Cashback auf alle Reisen\nJetzt beantragen",
            "advertisement",
        ),
        (
            "Der Kultur-Newsletter\nJeden Freitag die wichtigsten Premieren der Woche.\n"
            "Jetzt abonnieren",
            "promotion",
        ),
        (
            "Push-Mitteilungen aktivieren?\nWir informieren Sie sofort über das Wichtigste.\n"
            "Erlauben\nNicht jetzt\n",
            "dialog",
        ),
        (
            "Über die Autorin\nKatrin Albers\nKatrin Albers ist Redakteurin im Ressort "
            "Unternehmen und schreibt über Familienbetriebe.\n",
            "author box",
        ),
    ],
)
def test_a_box_of_the_site_goes_whole(box: str, reason: str) -> None:
    """Its button or its label close the box, even when more text follows in its
    block of lines; a dialog and an author's box end their block."""
    article = norm(f"Titel\n\n{P1}\n\n{box}\n{P2}\n\n{P3}")
    assert [b.text for b in article.blocks] == [P1, P2, P3]
    assert reason in {r.reason for r in article.removed}


@pytest.mark.parametrize(
    "box",
    [
        # no button closes it: the sentence under the label may be the article's
        "Der Kultur-Newsletter\nJeden Freitag erscheinen die wichtigsten Premieren der Woche.",
        # a question of the article followed by a short answer, not buttons
        "Wie geht es weiter mit der App?\nDas Ministerium prüft die Daten.\nNein.",
        "Wie geht es weiter mit der App?\nDas Ministerium prüft.\nJa\nNein\nSo lautet die Antwort.",
        # more than a biography under the label
        "Über die Autorin\nLea Marquardt schreibt über Klima.\nSie lebt in Kiel.\n"
        "Ihr neues Buch erscheint im Mai.",
    ],
)
def test_what_only_looks_like_a_box_keeps_its_sentences(box: str) -> None:
    article = norm(f"Titel\n\n{P1}\n\n{box}\n\n{P2}")
    texts = " ".join(b.text for b in article.blocks)
    for line in box.splitlines()[1:]:
        if line.endswith("."):
            assert line in texts


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Eine Kritik von Katharina Wendel", "Katharina Wendel"),
        ("Eine Analyse von Tom Brecht", "Tom Brecht"),
        ("Zusammengestellt von Jana Wehrheim", "Jana Wehrheim"),
        ("Das Interview führte Jonas Reiter.", "Jonas Reiter"),
        ("Text und Fotos: Henrike Baumgart", "Henrike Baumgart"),
        ("Interview: Paul Ebner", "Paul Ebner"),
    ],
)
def test_bylines_of_many_forms(line: str, author: str) -> None:
    article = norm(f"Eine Überschrift für den Text\n{line}\n\n{P1}\n\n{P2}")
    assert article.meta.get("author") == author
    assert [b.text for b in article.blocks] == [P1, P2]


def test_a_byline_label_on_its_own_line_takes_the_name_below() -> None:
    article = norm(
        f"Eine Überschrift für den Text\nEine Kritik von\nKatharina Wendel\n\n{P1}\n\n{P2}"
    )
    assert article.meta.get("author") == "Katharina Wendel"


def test_interview_without_a_colon_is_no_byline() -> None:
    """ "Interview Paul Ebner" may name the one interviewed: only "Interview:" labels."""
    article = norm(f"Eine Überschrift für den Text\nInterview Paul Ebner\n\n{P1}\n\n{P2}")
    assert article.meta.get("author") is None


def test_a_programme_with_date_and_time_is_metadata() -> None:
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\nSRF 4 News, 17.10.2023, 06:00 Uhr; sda/frap")
    assert article.meta.get("date") == dt.date(2023, 10, 17)
    assert [b.text for b in article.blocks] == [P1, P2]


def test_place_labelled_items_of_a_roundup_are_headings() -> None:
    text = (
        f"Polizeibericht aus dem Kreis vom Wochenende\n\n{P1}\n\n"
        f"Eschenried: Einbrecher steigen in Kita ein\n\n{P2}\n\n"
        f"Lindach: Reh prallt gegen Kleinwagen\n\n{P3}"
    )
    assert kinds(norm(text)) == ["paragraph", "heading", "paragraph", "heading", "paragraph"]


def test_a_named_speaker_in_an_interview_is_no_heading() -> None:
    text = (
        f"Ein Gespräch über die Stadt\n\nInterview: Paul Ebner\n\n{P1}\n\n"
        "SPIEGEL: Herr Maier, warum bauen Sie nicht?\n\nMaier: Weil es kein Geld gibt\n\n"
        f"{P2}"
    )
    assert "heading" not in kinds(norm(text))


def test_a_share_button_of_one_platform_alone_on_its_line_goes() -> None:
    text = f"Eine Überschrift für den Text\nTeilen\nFacebook\nX\nE-Mail\n\n{P1}\n\n{P2}"
    article = norm(text)
    assert [b.text for b in article.blocks] == [P1, P2]


def test_offers_after_one_closed_by_its_button_go_with_it() -> None:
    offers = (
        "Anzeige\nBlazer aus Wollmischung\nFendrich & Co.\n129,95 €\nJetzt kaufen\n"
        "Loafer aus Glattleder\nVentura\n89,99 € statt 119,00 €\nJetzt kaufen\n"
    )
    article = norm(f"Titel\n\n{P1}\n\n{offers}{P2}\n\n{P3}")
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_a_label_beside_a_teaser_date_is_no_byline() -> None:
    text = f"Titel\n\n{P1}\n\n{P2}\n\nWeitere Meldungen\n02.06.2025\nFreibad öffnet am Samstag"
    assert norm(text).meta.get("author") is None


def test_a_bulleted_line_with_tabs_keeps_its_item_whole() -> None:
    items = "\t•\tCamel und Cognac für einen warmen Look\n\t•\tGrau für das Büro"
    text = f"Titel\n\n{P1}\n\n{items}\n\n{P2}"
    markdown = norm(text).to_markdown()
    assert "- Grau für das Büro\n" in markdown
    assert "·" not in markdown


@pytest.mark.parametrize(
    ("block", "reason"),
    [
        (
            "Pressekontakt\nAnnika Brüggemann\nPresse- und Öffentlichkeitsarbeit\n"
            "Telefon: +49 5141 3390-100\nE-Mail: presse@lia-kerstedt.de",
            "contact",
        ),
        (
            "Audio\nWittenfleth: Klinik gibt Geburtshilfe auf\nNER 1 - Regionalnachrichten\n"
            "2 Min\nAudio starten",
            "player",
        ),
    ],
)
def test_a_block_of_short_lines_goes_whole(block: str, reason: str) -> None:
    article = norm(f"Titel\n\n{P1}\n\n{block}\n\n{P2}")
    assert [b.text for b in article.blocks] == [P1, P2]
    assert {r.reason for r in article.removed} == {reason}


def test_a_service_box_without_a_contact_label_stays() -> None:
    """A phone number in the article's own box is the article's: only a labelled block goes."""
    box = "Beratung für Betroffene\nTelefonseelsorge\nTelefon: 0800 111 0 111"
    article = norm(f"Titel\n\n{P1}\n\n{box}\n\n{P2}")
    assert "Telefon: 0800 111 0 111" in " ".join(b.text for b in article.blocks)


def test_a_block_with_a_sentence_is_no_contact_block() -> None:
    box = "Kontakt\nDie Beratungsstelle ist montags geöffnet.\nTelefon: 0511 12345"
    article = norm(f"Titel\n\n{P1}\n\n{box}\n\n{P2}")
    assert "Die Beratungsstelle ist montags geöffnet." in " ".join(b.text for b in article.blocks)


def test_an_offer_ending_in_its_call_goes_with_its_label() -> None:
    box = "Die NER-App\nNachrichten aus der Region und Audios – jetzt kostenlos herunterladen."
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\n{box}\n\n{P3}")
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_tags_under_their_label_go() -> None:
    text = f"Titel\n\n{P1}\n\n{P2}\n\nSchlagwörter zu diesem Artikel\nWittenfleth\nKrankenhäuser"
    assert [b.text for b in norm(text).blocks] == [P1, P2]


def test_a_label_a_bar_and_the_date_are_metadata() -> None:
    head = "Pressemitteilung 17/2025 | 12.05.2025\nBlühstreifen verdoppeln die Zahl der Bienen"
    text = f"{head}\n\n{P1}\n\n{P2}"
    article = norm(text)
    assert article.meta.get("date") == dt.date(2025, 5, 12)
    assert article.title == "Blühstreifen verdoppeln die Zahl der Bienen"


def test_a_drop_cap_is_put_back_on_its_word() -> None:
    first = "D\nie Nachricht kam an einem Dienstag, ganz ohne Aufhebens."
    article = norm(f"Titel\n\n{first}\n\n{P2}")
    assert article.blocks[0].text == "Die Nachricht kam an einem Dienstag, ganz ohne Aufhebens."


def test_a_capital_letter_alone_before_a_capitalised_line_stays_apart() -> None:
    article = norm(f"Titel\n\n{P1}\n\nA\nAuf der Liste stehen drei Namen.\n\n{P2}")
    assert "AAuf" not in article.to_markdown()


def test_a_widget_of_figures_goes_whole() -> None:
    widget = "Kurse\nDAX\n18.432,17\n+0,84 %\nMDAX\n26.105,40\n−0,12 %\nTecDAX\n3.498,66\n+1,21 %"
    article = norm(f"Titel\n\n{P1}\n\n{widget}\n\n{P2}")
    assert [b.text for b in article.blocks] == [P1, P2]
    assert {r.reason for r in article.removed} == {"figures"}


def test_a_list_of_figures_with_words_stays() -> None:
    box = "Zahlen und Fakten\nUmsatz: 4,2 Mrd. Euro\nMitarbeiter: 12.000\nStandorte: 14"
    article = norm(f"Titel\n\n{P1}\n\n{box}\n\n{P2}")
    rows = [item for b in article.blocks for item in b.items]
    assert rows == ["Umsatz: 4,2 Mrd. Euro", "Mitarbeiter: 12.000", "Standorte: 14"]


def test_an_offer_without_a_label_goes_with_its_button() -> None:
    offer = (
        "Kompass am Sonntag\nDie Sonntagsausgabe jede Woche ab Samstag in der App.\n"
        "Jetzt Kompass testen"
    )
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\n{offer}\n\n{P3}")
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_a_blog_byline_and_its_comment_section() -> None:
    text = (
        "Bürgerbus startet im April – Verein sucht Fahrer\n"
        "Veröffentlicht am 6. Februar 2025 von Lothar Wengert\n\n"
        f"{P1}\n\n{P2}\n\n"
        "2 Gedanken zu „Bürgerbus startet im April – Verein sucht Fahrer“\nHelmut R.\n"
        "6. Februar 2025 um 19:42 Uhr\nSuper Sache! Ich melde mich als Fahrer.\nAntworten\n"
        "Sabine Köhler\n7. Februar 2025 um 08:15 Uhr\nIst der Bus barrierefrei?\nAntworten"
    )
    article = norm(text)
    assert article.meta.get("author") == "Lothar Wengert"
    assert article.meta.get("date") == dt.date(2025, 2, 6)
    assert [b.text for b in article.blocks] == [P1, P2]


def test_the_authors_role_under_the_byline_is_metadata() -> None:
    byline = "Von Henrike Maalouf\nRedakteurin im Ressort Geld & Verbraucher"
    text = f"Eine Überschrift für den Text\n{byline}\n\n{P1}\n\n{P2}"
    article = norm(text)
    assert article.meta.get("author") == "Henrike Maalouf"
    assert [b.text for b in article.blocks] == [P1, P2]


def test_a_word_broken_by_the_print_column_is_whole_again() -> None:
    wrapped = (
        "HELLERTAL. Die Sanierung der Stadtbücherei am\n"
        "Lindenplatz zieht sich hin. Das hat die Stadt-\n"
        "verwaltung am Montag im Bau-\n"
        "und Finanzausschuss gesagt, nach einem Brandschutz-\n"
        "Gutachten über das fast 120-\n"
        "jährige Gebäude mit seiner E-\n"
        "Book-Ausleihe im Erdgeschoss."
    )
    text = " ".join(b.text for b in norm(f"Titel\n\n{wrapped}\n\n{P2}").blocks)
    assert "Stadtverwaltung am Montag im Bau- und Finanzausschuss" in text
    assert "Brandschutz-Gutachten über das fast 120-jährige Gebäude" in text
    assert "E-Book-Ausleihe" in text


def test_phrases_under_a_line_ending_in_a_colon_are_its_list() -> None:
    streets = (
        "Gesperrt sind nach Angaben des Landkreises folgende Abschnitte:\n"
        "K 114 zwischen Wettenbach und Oberrod (Vollsperrung)\n"
        "Talstraße ab der Einmündung Mühlweg (nur Anlieger frei)"
    )
    article = norm(f"Titel\n\n{P1}\n\n{streets}\n\n{P2}")
    assert kinds(article) == ["paragraph", "paragraph", "list", "paragraph"]


def test_sentences_under_a_colon_are_a_list_only_as_advice_or_when_announced() -> None:
    advice = "Die Polizei rät:\nLegen Sie sofort auf.\nWählen Sie selbst die 110."
    signs = "Achten Sie auf folgende Warnzeichen:\nDas Kind atmet schnell.\nEs trinkt wenig."
    story = "Ein Beispiel:\nFrau Kessler wohnt allein.\nSie bekommt 212 Euro im Monat."
    quote = "Der Bürgermeister sagte:\nWir bauen die Halle neu.\nDas kostet viel Geld."
    for text, listed in ((advice, True), (signs, True), (story, False), (quote, False)):
        article = norm(f"Titel\n\n{P1}\n\n{text}\n\n{P2}")
        assert ("list" in kinds(article)) is listed, text
    # a block that goes on past the short sentences is running text
    longer = f"{advice}\n{P3}"
    assert "list" not in kinds(norm(f"Titel\n\n{P1}\n\n{longer}\n\n{P2}"))


def test_lines_of_labelled_facts_are_a_list() -> None:
    numbers = "Feuerwehr: 122\nPolizei: 133\nRettung: 144\nEuro-Notruf: 112"
    article = norm(f"Titel\n\n{P1}\n\n{numbers}\n\n{P2}")
    assert kinds(article) == ["paragraph", "list", "paragraph"]


def test_a_footer_menu_between_bars_is_no_photo_credit() -> None:
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\nImpressum | Datenschutz | AGB | Kontakt")
    assert [b.text for b in article.blocks] == [P1, P2]


def test_a_topline_over_a_short_headline_is_the_kicker() -> None:
    head = (
        "Unwetter in der Weststeiermark\nMuren und Hochwasser: Zivilschutzalarm in drei Gemeinden"
    )
    article = norm(f"{head}\n\n{P1}\n\n{P2}")
    assert article.title == "Muren und Hochwasser: Zivilschutzalarm in drei Gemeinden"
    assert article.blocks[0].kind == "kicker"


def test_a_reader_views_head_is_title_source_and_reading_time() -> None:
    head = "Freibad bleibt auch diesen Sommer geschlossen\nlokalzeitung.de\nLesezeit: 4–5 Minuten"
    article = norm(f"{head}\n\n{P1}\n\n{P2}")
    assert article.title == "Freibad bleibt auch diesen Sommer geschlossen"
    assert [b.text for b in article.blocks] == [P1, P2]


def test_the_authors_name_and_role_under_the_article_go_when_the_byline_named_her() -> None:
    tail = "Jana Kettelhake\nRedakteurin Lokales Haldenbrück\nE-Mail an die Autorin"
    article = norm(f"Eine Überschrift für den Text\nVon Jana Kettelhake\n\n{P1}\n\n{P2}\n\n{tail}")
    assert article.meta.get("author") == "Jana Kettelhake"
    assert [b.text for b in article.blocks] == [P1, P2]


def test_a_newsletter_box_closed_by_a_bare_button_goes() -> None:
    box = (
        "Der Forschungsblick-Newsletter\nJeden Freitag die wichtigsten Studien.\n"
        "E-Mail-Adresse\nAbonnieren"
    )
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\n{box}\n\n{P3}")
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_the_date_and_the_source_behind_a_bar() -> None:
    text = f"Landtag beschließt Hitzeschutz\n22.05.2025 | Pressestelle des Landtags\n\n{P1}\n\n{P2}"
    article = norm(text)
    assert article.meta.get("date") == dt.date(2025, 5, 22)
    assert article.meta.get("source") == "Pressestelle des Landtags"


def test_a_map_embed_with_its_notice_goes_whole() -> None:
    embed = (
        "Karte\nHier wird eine Karte von Stadtplan Plus geladen. Dabei werden Daten an "
        "den Anbieter übertragen.\nKarte laden Immer laden"
    )
    article = norm(f"Titel\n\n{P1}\n\n{embed}\n\n{P2}")
    assert [b.text for b in article.blocks] == [P1, P2]


def test_comments_with_their_counts_end_the_article() -> None:
    comments = (
        "47 Postings\nNeueste zuerst\nRotbacher_1967\n28.01.2025, 17:20\n"
        "Und der Ausschuss? Der hat alles unterschrieben.\nAntworten 12 3\n"
        "Mühlviertlerin\n28.01.2025, 17:05\nJeder kleine Ladendieb wird härter angefasst.\n"
        "Antworten 8 14"
    )
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\n{comments}")
    assert [b.text for b in article.blocks] == [P1, P2]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("boilerplate:\n  read_also:\n    - '(?s)foo'\n", None),
        ("metadata:\n  - '^(?P<xx>abc)(?P=xx)$'\n", None),
        ("keep:\n  - 'a{99999999999}'\n", "bad pattern"),
        ("months:\n  foo: bar\n", "wrong kind"),
        ("months:\n  foo: .inf\n", "wrong kind"),
        # a piece holding itself twice doubles at each turn: memory ran out
        (
            "metadata_parts:\n  A: '{A}{A}'\n"
            + "".join(f"  P{n}: x\n" for n in range(40))
            + "metadata:\n  - '^von {A}$'\n",
            "metadata_parts put into a pattern make it over",
        ),
        ("pull_quote:\n  fact_words: 5\n", "wrong kind"),
        ("kicker: '^(?-i:[A-ZÄÖÜ]{3,})[.:] '\n", "needs a group named 'kicker'"),
        ("byline_name: '^(?-i:[A-Z]\\w+ [A-Z]\\w+)$'\n", "needs a group named 'author'"),
    ],
)
def test_a_project_rule_of_any_kind_loads_or_is_one_error(
    tmp_path: Path, extra: str, message: str | None
) -> None:
    """Patterns that cannot stand together, numbers too large, values of the wrong kind."""
    rules = tmp_path / "rules.yml"
    rules.write_text(extra, encoding="utf-8")
    if message is None:
        article = normalise_text(f"Titel\n\n{P1}\n\n{P2}", seed="x", rules=load_rules(rules))
        assert [b.text for b in article.blocks] == [P1, P2]
    else:
        with pytest.raises(ConfigError, match=message):
            load_rules(rules)


def test_a_chain_of_corrections_that_multiplies_the_text_is_an_error() -> None:
    from babelpress.normalise.corrections import Correction, apply_corrections

    chain = [Correction("x.txt", "Satz", "Q", entry=3)] + [
        Correction("x.txt", "Q", "QQ", entry=4 + n) for n in range(20)
    ]
    with pytest.raises(ConfigError, match="more than 2 times as long") as caught:
        apply_corrections("Ein Satz. " * 50, chain)
    assert caught.value.line is not None


# ------------------------------------------------- kinds of the later rounds


def test_a_title_in_swiss_quotation_marks_is_no_link_back() -> None:
    article = norm(f"Home › Schweiz\n\n«Unsere Jungen finden keine Wohnung mehr»\n{P1}\n\n{P2}")
    assert article.title == "«Unsere Jungen finden keine Wohnung mehr»"


def test_a_signature_under_a_letter_is_no_heading_and_stays_so() -> None:
    text = f"Leserbriefe\n\n{P1}\nSabine und Jürgen Lettau, Hollfeld\n\n{P2}\n\n{P3}"
    article = norm(text)
    assert ("paragraph", "Sabine und Jürgen Lettau, Hollfeld") in [
        (b.kind, b.text) for b in article.blocks
    ]
    again = norm(article.to_text())
    assert [(b.kind, b.text) for b in again.blocks] == [(b.kind, b.text) for b in article.blocks]


def test_ticker_marks_come_off_a_heading() -> None:
    article = norm(f"Titel\n\n{P1}\n\n+++ Update 14:32 Uhr +++\n{P2}\n\n{P3}")
    assert ("heading", "Update 14:32 Uhr") in [(b.kind, b.text) for b in article.blocks]


def test_a_form_goes_whole_but_a_sentence_with_a_footnote_star_stays() -> None:
    form = "\n".join(
        ["Schreiben Sie uns", "Wohnort *", "E-Mail-Adresse *", "Ihr Leserbrief *",
         "Leserbrief absenden", "* Pflichtfeld"]
    )  # fmt: skip
    starred = "Die Kosten liegen nach Angaben der Stadt bei rund 20 Millionen Euro *"
    article = norm(f"Titel\n\n{P1}\n\n{form}\n\n{P2}\n\n{starred}\n\n{P3}")
    texts = [b.text for b in article.blocks]
    assert texts == [P1, P2, starred, P3]
    assert {r.reason for r in article.removed} == {"form"}


def test_a_chronology_is_a_list_even_of_several_sentences() -> None:
    timeline = "\n".join(
        ["1998: Der Bund nimmt die Strecke in den Plan auf.",
         "2011: Baubeginn am Nordportal. Die Kosten steigen.",
         "März 2019: Wassereinbruch im Tunnel."]
    )  # fmt: skip
    article = norm(f"Titel\n\n{P1}\n\nChronologie\n{timeline}\n\n{P2}")
    lists = [b for b in article.blocks if b.kind == "list"]
    assert len(lists) == 1 and len(lists[0].items) == 3


def test_numbered_lines_counting_up_are_a_numbered_list_and_stay_so() -> None:
    steps = "1.\tÄndern Sie Ihr Passwort.\n2.\tSchalten Sie die Zwei-Faktor-Anmeldung ein.\n3) Seien Sie misstrauisch. Kriminelle nutzen die Daten."  # noqa: E501
    article = norm(f"Titel\n\n{P1}\n\nDas müssen Sie jetzt tun\n{steps}\n\n{P2}")
    lists = [b for b in article.blocks if b.kind == "list"]
    assert len(lists) == 1 and lists[0].start == 1
    assert lists[0].items[2] == "Seien Sie misstrauisch. Kriminelle nutzen die Daten."
    assert "1. Ändern Sie Ihr Passwort.\n2. Schalten" in article.to_markdown()
    again = norm(article.to_text())
    assert [b for b in again.blocks if b.kind == "list"] == lists


def test_numbers_that_do_not_count_up_are_no_list() -> None:
    lines = "1. FC Köln gewinnt das Spiel gegen Bochum.\n3. Liga: Aue verliert zu Hause."
    article = norm(f"Titel\n\n{P1}\n\n{lines}\n\n{P2}")
    assert not [b for b in article.blocks if b.kind == "list"]
    assert "1. FC Köln gewinnt das Spiel gegen Bochum." in [b.text for b in article.blocks]


def test_a_name_over_its_role_and_the_date_is_the_byline() -> None:
    byline = "Henrike Wollstadt\nStellvertretende Chefredakteurin\n23.03.2025, 06:00 Uhr"
    article = norm(f"Leitartikel\nBröckelnde Brücken\n{P1}\n{byline}\n\n{P2}\n\n{P3}")
    assert article.meta["author"] == "Henrike Wollstadt"
    assert [b.text for b in article.blocks][-2:] == [P2, P3]


def test_a_date_line_with_the_time_of_its_update_is_metadata() -> None:
    dateline = "Deniz Aksoy\n02.12.2025, 11:20 Uhr · Aktualisiert: 15:05 Uhr · Lesezeit: 5 Min."
    article = norm(f"Titel\n{P1}\n{dateline}\n\n{P2}\n\n{P3}")
    assert article.meta["date"].isoformat() == "2025-12-02"
    assert article.meta["author"] == "Deniz Aksoy"


def test_a_call_for_letters_with_its_address_and_button_goes_whole() -> None:
    box = (
        "Zur Debatte: Schreiben Sie uns Ihre Meinung\n"
        "Wie sehen Sie das? Schreiben Sie an leserbriefe@zeitung.de – ausgewählte "
        "Zuschriften veröffentlichen wir.\nLeserbrief schreiben"
    )
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\n{box}\n\n{P3}")
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_rows_of_affiliate_offers_go_with_their_notice() -> None:
    box = (
        "Passwortmanager: Die Empfehlungen der Redaktion*\n"
        "Schlüsselbund Pro – ab 2,99 € pro Monat\tZum Anbieter*\n"
        "KeyNest – Basisversion kostenlos\tZum Anbieter*\n"
        "* Affiliate-Link: Kaufen Sie über einen dieser Links ein, erhalten wir eine "
        "kleine Provision."
    )
    ticket = (
        "Tickets für die nächsten Konzerte\nFr 14.11.2025\tKesselhaus\tAna Lindqvist Trio\t"
        "Tickets\nSa 22.11.2025\tAlte Spinnerei\tDie Fernwehkapelle\tTickets"
    )
    article = norm(f"Titel\n\n{P1}\n\n{box}\n\n{P2}\n\n{ticket}\n\n{P3}")
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_a_print_page_copied_without_blank_lines_is_unwrapped_into_its_paragraphs() -> None:
    page = "\n".join(
        [
            "Amtsblatt der Gemeinde Weilheim · Nr. 47 · 20. November 2025",
            "Aus dem Gemeinderat",
            "Zur öffentlichen Sitzung konnte die Bürgermeisterin 13 der",
            "16 Mitglieder des Gemeinderats begrüßen. Die Sitzung dauerte",
            "knapp drei Stunden.",
            "TOP 1: Sanierung der Grundschulturnhalle",
            "Die Turnhalle der Grundschule stammt aus dem Jahr 1974 und",
            "ist dringend sanierungsbedürftig. Vorgesehen sind im Einzel-",
            "nen:",
            "• Erneuerung des Hallenbodens und der Prallwände",
            "• energetische Sanierung von Dach und Fassade",
            "Die Arbeiten sollen in den Sommerferien des kommenden Jahres",
            "3",
            "Amtsblatt der Gemeinde Weilheim · Nr. 47 · 20. November 2025",
            "2026 beginnen. Die neue Satzung gilt ab dem kommenden Monat,",
            "1. Januar 2026. Der Gemeinderat stimmte mit 12:2 Stimmen zu.",
        ]
    )
    article = norm(page)
    blocks = [(b.kind, b.text) for b in article.blocks]
    assert article.meta["date"].isoformat() == "2025-11-20"
    assert ("heading", "TOP 1: Sanierung der Grundschulturnhalle") in blocks
    assert (
        "paragraph",
        "Zur öffentlichen Sitzung konnte die Bürgermeisterin 13 der 16 Mitglieder des "
        "Gemeinderats begrüßen. Die Sitzung dauerte knapp drei Stunden.",
    ) in blocks
    assert (
        "paragraph",
        "Die Turnhalle der Grundschule stammt aus dem Jahr 1974 und ist dringend "
        "sanierungsbedürftig. Vorgesehen sind im Einzelnen:",
    ) in blocks
    assert [b.items for b in article.blocks if b.kind == "list"] == [
        ("Erneuerung des Hallenbodens und der Prallwände",
         "energetische Sanierung von Dach und Fassade")
    ]  # fmt: skip
    # the sentence the page break cut is one again; "1. Januar" goes on a sentence
    assert blocks[-1] == (
        "paragraph",
        "Die Arbeiten sollen in den Sommerferien des kommenden Jahres 2026 beginnen. Die "
        "neue Satzung gilt ab dem kommenden Monat, 1. Januar 2026. Der Gemeinderat stimmte "
        "mit 12:2 Stimmen zu.",
    )


def test_lines_of_a_web_page_without_blank_lines_are_not_joined() -> None:
    teasers = "\n".join(
        ["Mehr aus der Region", "Reutlingen",
         "Stadtrat beschließt neues Parkraumkonzept für die Innenstadt", "vor 2 Stunden",
         "Metzingen", "Neue Buslinie soll die Innenstadt deutlich entlasten", "vor 5 Stunden",
         "Pfullingen", "Freibad öffnet im kommenden Sommer wieder ganz regulär", "vor 7 Stunden"]
    )  # fmt: skip
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\n{teasers}")
    assert all("vor 2 Stunden" not in b.text for b in article.blocks)
    assert not any("Parkraumkonzept für die Innenstadt vor" in r.text for r in article.removed)


def test_the_article_under_a_paywall_box_for_a_signed_in_reader_is_kept() -> None:
    box = (
        "Weiterlesen mit Premium\nDieser Artikel ist exklusiv für Abonnentinnen und Abonnenten.\n"
        "Jetzt Premium testen\nBereits Abonnent? Hier anmelden"
    )
    more = [f"Weiter im Text folgt der {n}. Absatz des Berichts mit seinen Zahlen." for n in (1, 2)]
    article = norm(f"Titel\n\n{P1}\n\n{box}\n\n{P2}\n\n{more[0]}\n\n{more[1]}\n\n{P3}")
    assert [b.text for b in article.blocks] == [P1, P2, *more, P3]


def test_comments_under_their_heading_still_end_the_article() -> None:
    comments = "\n".join(
        ["Kommentare (3)", "Peter K. vor 2 Stunden", "Das sehe ich ganz genauso wie der Autor.",
         "Antworten", "Jens_H vor 3 Stunden", "Endlich schreibt es mal jemand so deutlich.",
         "Antworten"]
    )  # fmt: skip
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\n{comments}")
    assert [b.text for b in article.blocks] == [P1, P2]


def test_a_share_widget_in_the_article_goes_whole_and_gives_no_author() -> None:
    widget = (
        "Hallwanger Verpackung AG\nAktie: 23,40 EUR +1,2 %\nWiener Börse · 13.11.2025, 09:02\n"
        "Hoch: 23,55\tTief: 22,98\tVolumen: 41.250\nZum Kursverlauf ›"
    )
    byline = "Katharina Zöchling\n13. November 2025, 09:14"
    article = norm(f"Titel\n{P1}\n{byline}\n\n{P2}\n\n{widget}\n\n{P3}")
    assert article.meta["author"] == "Katharina Zöchling"
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_a_label_in_capitals_before_a_figure_is_no_kicker() -> None:
    article = norm(f"Titel\n\n{P1}\n\nOriginalpublikation:\nDOI: 10.48217/ads.2025.0117\n\n{P2}")
    assert "DOI: 10.48217/ads.2025.0117" in [b.text for b in article.blocks]
    assert not [b for b in article.blocks if b.kind == "kicker"]


def test_a_press_office_contact_and_its_pictures_for_download_go_whole() -> None:
    contact = (
        "Kontakt für die Medien\nDr. Katrin Oberländer\nStabsstelle Kommunikation\n"
        "Telefon: +49 7431 88-2140\nE-Mail: presse@uni-beispiel.de"
    )
    pictures = (
        "Bildmaterial\nDas Team an der Tafel im Institut.\nFoto: Universität / Jonas Reiter\n"
        "Download (JPG, 4,8 MB)\nDie Bilder dürfen honorarfrei verwendet werden."
    )
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\n{contact}\n\n{pictures}\n\n{P3}")
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_a_section_introduction_above_a_dated_headline_is_not_the_title() -> None:
    head = (
        "Leichte Sprache\nNachrichten in Leichter Sprache\n"
        "Hier finden Sie jede Woche wichtige Nachrichten aus Deutschland und der Welt."
    )
    story = (
        "Mehr Wohngeld ab dem Januar\nAb Januar gibt es mehr Wohngeld.\n"
        "Stand: 21.11.2025, 11:30 Uhr"
    )
    article = norm(f"{head}\n\n{story}\n\n{P1}\n\n{P2}")
    assert article.title == "Mehr Wohngeld ab dem Januar"
    assert article.meta["date"].isoformat() == "2025-11-21"
    # a sentence above the headline is kept (and reported as uncertain), never dropped
    assert "Hier finden Sie jede Woche wichtige Nachrichten aus Deutschland und der Welt." in [
        b.text for b in article.blocks
    ]


def test_a_reader_view_gives_the_name_over_the_reading_time_and_drops_the_bio_line() -> None:
    page = (
        "www.zeitung-beispiel.de\nDer letzte Fährmann von Stolpenhagen\nJana Pohlmann\n"
        f"8–10 Minuten\n\n{P1}\n\n{P2}\n\n{P3}\n\n"
        "Jana Pohlmann ist Reporterin im Ressort Reportage.\n\n© Zeitung 2025"
    )
    article = norm(page)
    assert article.meta["author"] == "Jana Pohlmann"
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_a_players_time_played_and_length_is_no_heading() -> None:
    article = norm(f"Titel\n\n{P1}\n\nVorlesen\n▶\t00:00 / 02:48\n\n{P2}\n\n{P3}")
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_a_forwarded_mail_keeps_only_the_mail_and_takes_its_date() -> None:
    page = "\n".join(
        ["Fwd: Fernwärme wird teurer", "Posteingang", "Anke Lorenz <anke@beispiel.de>",
         "07:41 (vor 1 Stunde)", "", "Hallo Jens,", "",
         "schau mal, das betrifft euch in der Siedlung doch auch.", "", "Liebe Grüße", "Anke",
         "", "---------- Weitergeleitete Nachricht ---------",
         "Von: Morgenpost Briefing <newsletter@morgenpost-beispiel.de>",
         "Datum: Mo., 17. Nov. 2025 um 06:02", "Betreff: Fernwärme wird teurer",
         "An: <anke@beispiel.de>", "", "Fernwärme in Wendelsburg wird ab Januar teurer",
         "Von Miriam Stöckl", "", P1, "", P2]
    )  # fmt: skip
    article = norm(page)
    assert article.title == "Fernwärme in Wendelsburg wird ab Januar teurer"
    assert article.meta["date"].isoformat() == "2025-11-17"
    assert article.meta["author"] == "Miriam Stöckl"
    assert [b.text for b in article.blocks] == [P1, P2]
    assert {r.reason for r in article.removed if r.line < 13} == {"forwarded mail"}


def test_without_the_mail_programs_line_nothing_is_taken_for_a_forwarders_note() -> None:
    article = norm(f"Titel\n\n{P1}\n\nVon: Anke Lorenz\nBetreff: Fernwärme\n\n{P2}")
    assert all(r.reason != "forwarded mail" for r in article.removed)
    assert [b.text for b in article.blocks][:1] == [P1]


def test_a_site_name_next_to_a_date_gives_no_author_over_the_byline() -> None:
    head = "Elbtaler Morgenpost\nMORGENPOST BRIEFING · Montag, 17. November 2025"
    story = "Fernwärme in Wendelsburg wird ab Januar teurer\nVon Miriam Stöckl"
    article = norm(f"{head}\n\n{story}\n\n{P1}\n\n{P2}")
    assert article.meta["author"] == "Miriam Stöckl"
    assert article.meta["date"].isoformat() == "2025-11-17"


def test_a_live_tickers_buttons_initials_and_a_posts_counts_go() -> None:
    furniture = ["Neue Einträge (2)", "📌 Angepinnt", "– jk", "12 Likes · 3 Reposts",
                 "Ältere Einträge laden", "Publiziert heute um 10:42 Uhr"]  # fmt: skip
    text = f"Titel\n\n{P1}\n\n" + "\n\n".join(f"{line}\n\n{P2}" for line in furniture[:1])
    text += "\n\n" + "\n\n".join(furniture[1:]) + f"\n\n{P3}"
    article = norm(text)
    assert not set(furniture) & {b.text for b in article.blocks}


def test_advice_pages_disclaimer_reviewer_and_form_consent_go() -> None:
    lines = [
        "✓ Medizinisch geprüft von Dr. med. Katrin Oberholz, Fachärztin",
        "Mit der Anmeldung akzeptieren Sie unsere Datenschutzhinweise.",
        "Wichtiger Hinweis: Dieser Artikel ersetzt keine ärztliche Beratung.",
        "18+ | Suchtgefahr | Teilnahme nur in Deutschland",
    ]
    article = norm(f"Titel\n\n{P1}\n\n" + "\n\n".join(lines) + f"\n\n{P2}\n\n{P3}")
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_a_product_box_closed_by_the_shops_button_goes_but_the_verdict_in_prose_stays() -> None:
    box = "Testsieger\nKopfwerk Aero Pro\ngut (1,8)\nab 79,95 €\nZum Angebot*"
    verdict = "Testsieger ist der Kopfwerk Aero Pro. Er dämpfte die Stöße gut."
    article = norm(f"Titel\n\n{P1}\n\n{box}\n\n{verdict}\n\n{P2}")
    assert [b.text for b in article.blocks] == [P1, verdict, P2]


def test_a_french_footer_menu_is_no_photo_credit() -> None:
    footer = "Mentions légales | Protection des données | Contact | Publicité"
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\n{footer}")
    assert [b.text for b in article.blocks] == [P1, P2]
    assert not [b for b in article.blocks if b.kind == "caption"]


def test_an_epaper_page_keeps_its_broken_headline_sentence_and_ligatures_whole() -> None:
    page = "\n".join(
        ["LOKALES · DONNERSTAG, 13. NOVEMBER 2025 · SEITE 17", "Stadt kauft", "altes Hallenbad",
         "Gemeinderat stimmt für den Erwerb des seit 2019 geschlossenen Bades an der "
         "Schillerstraße – Kulturzentrum und Wohnungen geplant",
         "VON KARIN ABELE",
         "Die Stadt will dort nach den ersten Überlegungen ein Kulturzentrum mit Räumen für",
         "Musikschule, Vereine und Veranstaltungen einrichten.",
         "Der Kauf soll aus der Rücklage \ufb01nanziert werden. Kredite sind nicht nötig.",
         "Fortsetzung auf Seite 18"]
    )  # fmt: skip
    article = norm(page)
    assert article.title == "Stadt kauft altes Hallenbad"
    assert article.meta["author"] == "Karin Abele"
    assert article.meta["date"].isoformat() == "2025-11-13"
    texts = [b.text for b in article.blocks]
    assert (
        "Die Stadt will dort nach den ersten Überlegungen ein Kulturzentrum mit Räumen für "
        "Musikschule, Vereine und Veranstaltungen einrichten." in texts
    )
    assert "Der Kauf soll aus der Rücklage finanziert werden. Kredite sind nicht nötig." in texts
    assert "Fortsetzung auf Seite 18" not in texts


def test_a_headline_over_two_lines_is_joined_but_a_list_of_phrases_is_not() -> None:
    phrases = (
        "Die Behörden raten:\nFenster und Türen geschlossen halten\n"
        "Klimaanlagen ausschalten\nsich nicht im Freien aufhalten\ndas Gebiet umfahren"
    )
    article = norm(f"Titel\n\n{P1}\n\n{phrases}\n\n{P2}")
    listed = [b.items for b in article.blocks if b.kind == "list"]
    assert listed and "sich nicht im Freien aufhalten" in listed[0]
    teasers = f"Titel\n\n{P1}\n\n{P2}\n\nMehr aus der Region\nStadtrat tagt\nvor 2 Stunden"
    assert all("Stadtrat tagt vor" not in r.text for r in norm(teasers).removed)


def test_a_tabbed_table_of_long_cells_is_kept_after_the_article() -> None:
    table = "\n".join(
        ["Strecke\tZeitraum\tUmleitung",
         "A 7, Hollbach–Riedern, Richtung Norden\t1.12.2025 bis voraussichtlich März 2026"
         "\tkeine, einspurige Verkehrsführung",
         "B 311, Ortsdurchfahrt Kleinried\t24.11.2025 bis 30.4.2026\tL 1080 über Hagenau",
         "Hollbach, Bahnhofstraße (K 7543)\tbis 23.12., halbseitig\tEinbahnregelung über "
         "Gartenstraße"]
    )  # fmt: skip
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\n{table}\n\nZur Startseite")
    text = " ".join(b.text for b in article.blocks)
    assert "keine, einspurige Verkehrsführung" in text and "Zeitraum" in text


def test_a_programme_after_the_article_is_kept_as_a_list() -> None:
    dates = "\n".join(
        ["Termine der Woche",
         "Fr., 14.\u00a0November, 19.30\u00a0Uhr: Jahreshauptversammlung im Gasthaus",
         "Sa., 15. November, 9 Uhr: Altpapiersammlung der Jugendfeuerwehr",
         "So., 16. November, 11.30 Uhr: Gedenkfeier am Ehrenmal",
         "Alle Termine im Veranstaltungskalender »"]
    )  # fmt: skip
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\n{dates}\n\nIhr Verein hat etwas zu berichten? "
                   "Schicken Sie Text und Foto an vereine@zeitung.de.")  # fmt: skip
    lists = [b.items for b in article.blocks if b.kind == "list"]
    assert lists and len(lists[0]) == 3
    assert "Ihr Verein" not in " ".join(b.text for b in article.blocks)


def test_a_charts_title_and_source_stay_its_axes_go() -> None:
    chart = "\n".join(
        ["Kassenkredite der Kommunen in Deutschland, 2015 bis 2024", "in Mrd. Euro", "60", "45",
         "30", "15", "0", "2015", "2018", "2021", "2024",
         "Quelle: Statistisches Bundesamt · Grafik: Lea Fontaine", "Grafik vergrößern"]
    )  # fmt: skip
    article = norm(f"Titel\n\n{P1}\n\n{chart}\n\n{P2}\n\n{P3}")
    text = "\n".join(b.text for b in article.blocks)
    assert "Kassenkredite der Kommunen in Deutschland, 2015 bis 2024" in text
    assert "Statistisches Bundesamt" in text
    assert "\n2018\n" not in f"\n{text}\n" and "Grafik vergrößern" not in text


def test_a_podcast_pages_player_marks_and_notes_go() -> None:
    page = "\n\n".join(
        [P1, "▶\t00:00 / 42:18\t1x\t−15 s\t+30 s\tHerunterladen", P2,
         "Shownotes\nStudie: Emissionen entwässerter Moore\nDossier: Moore und Klima",
         "Transkript automatisch erstellt und redaktionell geprüft.", "[00:04:12]", P3]
    )  # fmt: skip
    article = norm(f"Titel\n\n{page}")
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_reports_sent_in_give_their_senders_as_contributors() -> None:
    article = norm(f"Titel\n\n{P1}\n\n{P2}\nEingesandt von Renate Kübler, Schriftführerin\n\n{P3}")
    assert article.meta["contributors"] == ["Renate Kübler"]
    assert "Eingesandt" not in " ".join(b.text for b in article.blocks)


def test_a_letters_close_and_signature_stay_the_letters() -> None:
    close = "Mit freundlichen Grüßen\nIhre Schulleitung\nBirgit Hausmann, Rektorin"
    article = norm(f"Elternbrief im November\n\n{P1}\n\n{P2}\n\n{close}\n\nZur Startseite")
    texts = [b.text for b in article.blocks]
    assert "Mit freundlichen Grüßen" in texts and "Birgit Hausmann, Rektorin" in texts
    assert "author" not in article.meta


def test_a_name_with_titles_over_a_role_and_a_dated_line_is_the_byline() -> None:
    byline = (
        "Pfarrer Dr.\u00a0Thomas Weinrich\nDompfarrer an St. Marien in Lorenau\n"
        "30.11.2025 · 1. Adventssonntag · Lesejahr A"
    )
    article = norm(f"Sonntagspredigt\nPredigt zum 1. Advent\n{P1}\n{byline}\n\n{P2}\n\n{P3}")
    assert article.meta["author"] == "Thomas Weinrich"
    assert article.meta["date"].isoformat() == "2025-11-30"
    assert "Dompfarrer an St. Marien in Lorenau" not in [b.text for b in article.blocks]


def test_a_regulatory_notices_distributor_lines_go() -> None:
    head = (
        "EQS-Ad-hoc: Hallwerk AG / Schlagwort(e): Prognoseänderung\n"
        "Hallwerk AG senkt Umsatzprognose für 2025\n28.10.2025 / 18:42 CET/CEST\n"
        "Veröffentlichung einer Insiderinformation nach Artikel 17 der Verordnung (EU) "
        "Nr. 596/2014, übermittelt durch EQS News"
    )
    tail = (
        "Ende der Insiderinformation\n\nISIN:\tDE000HLW1000\nWKN:\tHLW100\n"
        "Notiert: Regulierter Markt in Frankfurt (Prime Standard)\n\n"
        "Ende der Mitteilung EQS News-Service"
    )
    article = norm(f"{head}\n\n{P1}\n\n{P2}\n\n{tail}")
    assert article.title == "Hallwerk AG senkt Umsatzprognose für 2025"
    assert article.meta["date"].isoformat() == "2025-10-28"
    assert [b.text for b in article.blocks] == [P1, P2]


def test_a_matchs_statistics_and_a_tickers_buttons_go() -> None:
    widget = "Ballbesitz 54\u00a0% – 46\u00a0%\nTorschüsse 14 – 9\nEcken 6 – 3"
    buttons = "Ticker neu laden\nAuto-Update: aus"
    article = norm(f"Titel\n\n{buttons}\n\n{P1}\n\n{P2}\n\n{widget}\n\n{P3}")
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_a_breaking_banner_and_the_first_version_below_the_update_go() -> None:
    page = (
        "EILMELDUNG\nGroßbrand in Recyclingbetrieb: Warnung vor Rauch\n18.11.2025\n\n"
        f"{P1}\n\n{P2}\n\nUrsprüngliche Meldung vom 14:05 Uhr:\n"
        "In einem Recyclingbetrieb ist ein Großbrand ausgebrochen. Verletzt wurde niemand.\n\n"
        f"{P3}"
    )
    article = norm(page)
    assert article.title == "Großbrand in Recyclingbetrieb: Warnung vor Rauch"
    assert not [b for b in article.blocks if b.kind == "kicker"]
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_a_phones_mail_signature_a_series_list_and_an_audio_row_go() -> None:
    lines = ["Artikel anhören · 4:12 Min.", "Zur Übersicht: Alle Berichte zum Prozess",
             "Gesendet von meinem iPhone"]  # fmt: skip
    article = norm(f"Titel\n\n{P1}\n\n" + "\n\n".join(lines[:1]) + f"\n\n{P2}\n\n"
                   + "\n\n".join(lines[1:]) + f"\n\n{P3}")  # fmt: skip
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_an_episodes_title_over_its_player_stays_the_players_label_goes() -> None:
    player = "\nPodcast abonnieren\nSpotify\nApple Podcasts\nJetzt anhören\n32:15 Min."
    episode = norm(f"Folge 214: Warum die Inflation nicht verschwindet{player}\n\n{P1}\n\n{P2}")
    assert episode.title == "Folge 214: Warum die Inflation nicht verschwindet"
    summary = norm(f"Titel\n\n{P1}\n\nDas Wichtigste in 30 Sekunden{player}\n\n{P2}")
    assert "Das Wichtigste in 30 Sekunden" not in [b.text for b in summary.blocks]


def test_a_sentence_opening_a_swiss_quote_and_trailing_off_is_no_back_link() -> None:
    article = norm(f"Titel\n\n«Wir hatten keine Wahl, und dann…\n\n{P1}\n\n{P2}")
    assert "«Wir hatten keine Wahl, und dann…" in [b.text for b in article.blocks]


def test_a_word_processors_press_release_keeps_its_headline_list_and_date() -> None:
    page = "\r\n".join(
        ["Stadtverwaltung Lindenhain · Pressestelle · Marktplatz 1", "", "PRESSEMITTEILUNG", "",
         "Nr. 214/2025\t\t\t\tLindenhain, 18. November 2025", "",
         "Neues Konzept für den Winterdienst: Radwege werden in Lindenhain künftig vorrangig "
         "geräumt", "Zwei schmale Räumfahrzeuge angeschafft – Sole soll den Salzverbrauch senken",
         "", P1, "", "Neu in dieser Wintersaison sind außerdem:",
         "o\tein Vorrangnetz von 38 Kilometern Radwegen", "o\tder Einsatz von Sole statt Salz", "",
         "Pressestelle / Öffentlichkeitsarbeit\t\t\tSeite 1 von 2", "", P2, "",
         "Zeichen (inkl. Leerzeichen): 2.987", "",
         "Hinweis an die Redaktionen: Ein Foto senden wir Ihnen auf Anfrage gerne zu.", "",
         "Ansprechpartnerin für die Presse:", "Sabine Kornmeier", "Telefon:\t07399 88-214",
         "E-Mail:\tsabine.kornmeier@lindenhain.de"]
    )  # fmt: skip
    article = norm(page)
    assert article.title.startswith("Neues Konzept für den Winterdienst")
    assert article.meta["date"].isoformat() == "2025-11-18"
    texts = [b.text for b in article.blocks]
    assert "Zwei schmale Räumfahrzeuge angeschafft – Sole soll den Salzverbrauch senken" in texts
    assert [b.items for b in article.blocks if b.kind == "list"] == [
        ("ein Vorrangnetz von 38 Kilometern Radwegen", "der Einsatz von Sole statt Salz")
    ]
    assert texts[-1] == P2


def test_an_information_boxs_web_address_stays_with_its_row() -> None:
    box = (
        "Reiseinfos\nAnreise: Mit der Bahn bis Innsbruck, dann mit dem Bus.\n"
        "Unterkunft: Zwei Hütten bieten Lager und Doppelzimmer.\n"
        "Auskunft: Tourismusverband Pfannertal, www.pfannertal.at"
    )
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\n{box}\n\n{P3}")
    assert "Auskunft: Tourismusverband Pfannertal, www.pfannertal.at" in [
        b.text for b in article.blocks
    ]


def test_a_letters_page_keeps_the_letters_signatures_and_drops_its_notes() -> None:
    page = (
        f"Kommentar\nDas Hallenbad ist kein Luxus\nVon Tobias Reindl\n\n{P1}\n\n"
        "Tobias Reindl erreichen Sie unter t.reindl@zeitung-beispiel.de\n\nLeserbriefe\n"
        "Die Redaktion behält sich Kürzungen vor.\n\nZu teuer\n"
        f"{P2}\nYvonne Achterberg, Haldenfels-Weiler\n\n"
        "Ihre Meinung: leserbriefe@zeitung-beispiel.de\n"
        "Leserbriefe geben nicht die Meinung der Redaktion wieder."
    )
    article = norm(page)
    texts = [b.text for b in article.blocks]
    assert article.meta["author"] == "Tobias Reindl"
    assert "Yvonne Achterberg, Haldenfels-Weiler" in texts
    assert not [t for t in texts if "@" in t or "Kürzungen" in t or "Meinung der" in t]


def test_a_numbered_table_of_contents_goes_its_headings_stay() -> None:
    questions = ["Was sind Polarlichter?", "Wie entstehen die Farben?", "Wo sieht man sie?"]
    contents = "Inhalt:\n" + "\n".join(f"{n}. {q}" for n, q in enumerate(questions, start=1))
    body = "\n\n".join(f"{q}\n{p}" for q, p in zip(questions, (P2, P3, P1), strict=True))
    title = "Polarlichter über Norddeutschland: Warum der Himmel so oft leuchtet"
    lead = "Am Sonntag leuchtete der Himmel über der Küste rot. Wir erklären, warum."
    article = norm(f"{title}\n{lead}\n\n{contents}\n\n{body}")
    headings = [b.text for b in article.blocks if b.kind == "heading"]
    assert headings == questions
    assert not [b for b in article.blocks if b.kind == "list"]


def test_a_councils_vote_line_is_no_heading() -> None:
    vote = "Abstimmung: 24 Ja, 11 Nein, 2 Enthaltungen"
    article = norm(f"Titel\n\n{P1}\n\n{vote}\n\n{P2}")
    assert ("paragraph", vote) in [(b.kind, b.text) for b in article.blocks]


def test_a_sites_claim_above_the_headline_goes_a_short_sentence_in_the_text_stays() -> None:
    article = norm(f"Kaufkompass\nUnabhängig testen. Besser kaufen.\n\nTitel der Seite\n{P1}\n\n"
                   f"Es regnet. Wir bleiben.\n\n{P2}")  # fmt: skip
    texts = [b.text for b in article.blocks]
    assert "Unabhängig testen. Besser kaufen." not in texts
    assert "Es regnet. Wir bleiben." in texts


def test_a_videos_label_with_its_length_and_availability_go() -> None:
    video = (
        "Video: Polarlichter über der Nordsee im Zeitraffer (2:34 Min.)\n"
        "Video verfügbar bis 14.10.2026"
    )
    article = norm(f"Titel\n\n{P1}\n\n{video}\n\n{P2}\n\n{P3}")
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_a_drop_cap_before_a_one_letter_rest_and_roman_chapters() -> None:
    page = (
        f"Titel der langen Reportage über das Dorf\n{P1}\n\nI. Der Anfang\n\nA\n"
        f"m Morgen des 14. Juli kam kein Wasser mehr.\n\nIII. Das Danach\n\n{P2}"
    )
    article = norm(page)
    texts = [(b.kind, b.text) for b in article.blocks]
    assert ("paragraph", "Am Morgen des 14. Juli kam kein Wasser mehr.") in texts
    assert ("heading", "III. Das Danach") in texts and ("heading", "I. Der Anfang") in texts


def test_a_missing_persons_description_is_a_list_and_its_questions_stay_prose() -> None:
    description = (
        "Der Vermisste wird wie folgt beschrieben:\nAlter:\t78\u00a0Jahre\n"
        "Größe:\tetwa 1,70 Meter\nBrille:\tGoldrandbrille"
    )
    appeal = "Wer hat Herrn M. gesehen?\nWer kann Angaben zu seinem Aufenthaltsort machen?"
    article = norm(f"Titel\n\n{P1}\n\n{description}\n\n{appeal}\n\n{P2}")
    assert [b.items for b in article.blocks if b.kind == "list"] == [
        ("Alter: 78\u00a0Jahre", "Größe: etwa 1,70 Meter", "Brille: Goldrandbrille")
    ]
    assert ("paragraph", "Wer hat Herrn M. gesehen?") in [(b.kind, b.text) for b in article.blocks]


def test_a_longreads_ad_break_reading_progress_and_credits() -> None:
    page = (
        f"Titel der langen Reportage über das Dorf\nText: Lena Dorsch · Fotos: Malte Rieger\n\n{P1}"
        "\n\nFortsetzung nach der Anzeige\nAnzeige\nDie neue Hausratversicherung – schon ab "
        "3,90 € im Monat. Jetzt Beitrag berechnen\n\nNoch 12 Minuten Lesezeit\n\n"
        f"{P2}\n\n{P3}\n\nLena Dorsch ist Reporterin und lebt in Leipzig."
    )
    article = norm(page)
    assert article.meta["author"] == "Lena Dorsch"
    assert article.meta["contributors"] == ["Malte Rieger"]
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_a_mobile_pages_subscription_bar_video_and_poll_count_go() -> None:
    lines = ["Jetzt abonnieren – 1 Monat gratis", "▶ Highlights (1:58)\nTSV – HSG: Die Tore\n"
             "Video: Kurier-TV", "1.284 Leserinnen und Leser haben bereits abgestimmt.",
             "Zum Kommentieren bitte anmelden.",
             "Das Foto wurde aus Gründen des Persönlichkeitsschutzes entfernt."]  # fmt: skip
    article = norm(f"Titel\n\n{P1}\n\n" + "\n\n".join(lines) + f"\n\n{P2}\n\n{P3}")
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_items_ending_in_an_agency_credit_are_prose_not_navigation() -> None:
    items = "\n\n".join(
        f"{place}: {topic}\n{text} (dpa)"
        for place, topic, text in (
            ("Hamburg", "Frachter rammt Anleger", P1),
            ("Oberpfalz", "Lottomillionär meldet sich", P2),
            ("Italien", "Erdrutsch schneidet Dorf ab", P3),
        )
    )
    article = norm(f"Panorama kompakt\nStand: 17.11.2025, 18:20 Uhr\n\n{items}")
    text = " ".join(b.text for b in article.blocks)
    assert all(p in text for p in (P1, P2, P3))


def test_a_health_pages_byline_title_checks_and_notes() -> None:
    page = (
        "Studie zu Vitamin D: Weniger Erkältungen bei Älteren\nVon Dr.\u00a0Paula Kern, "
        f"Medizinjournalistin\nFachlich geprüft: 12.11.2025\n\n{P1}\n\n{P2}\n\n"
        "Medizinische Inhalte ersetzen keinen Arztbesuch. Bei Beschwerden wenden Sie sich "
        "bitte an Ihre Ärztin oder Ihren Arzt."
    )
    article = norm(page)
    assert article.meta["author"] == "Paula Kern"
    assert [b.text for b in article.blocks] == [P1, P2]


def test_a_tv_segments_credits_date_and_player_notes() -> None:
    page = (
        "Sendung: Abendschau Hollbach, 19.30 Uhr\nParken in der Altstadt wird doppelt so "
        f"teuer\nBeitrag vom 20.11.2025\nUntertitel verfügbar\n\n{P1}\n\n{P2}\n\n"
        "Autorin: Svenja Haller · Kamera: Timo Brandt · Schnitt: Lea Voss\n\n"
        "Montag bis Freitag, 19.30 Uhr, und jederzeit in der RTA-Mediathek"
    )
    article = norm(page)
    assert article.meta["author"] == "Svenja Haller"
    assert article.meta["date"].isoformat() == "2025-11-20"
    assert [b.text for b in article.blocks] == [P1, P2]


def test_a_box_of_readers_comments_with_user_names_goes() -> None:
    box = (
        "Das sagen unsere Leser\nkirschbaum62\nEndlich tut sich was in unserem Ort.\n"
        "Ostertaler_Jung\nErst die Straße, dann die Häuser.\nAlle 37 Kommentare anzeigen"
    )
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\n{P3}\n\n{box}\n\nTeilen: Facebook | WhatsApp")
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_an_obituarys_life_dates_stay_and_the_portals_notices_go() -> None:
    portal = (
        "Traueranzeigen\nGertrud Maierhöfer geb. Lang\n* 14.02.1938 † 09.11.2025\n"
        "Lindach-Oberdorf\nWilhelm Schäufele\n* 27.08.1952 † 08.11.2025\nKondolieren\n"
        "Gedenkkerze anzünden"
    )
    page = (
        "Nachruf\nHermann Tessendorf ist tot: Ein Leben für die Formteile\n\n"
        f"* 3. März 1941 † 12. November 2025\n\n{P1}\n\n{P2}\n\n{portal}"
    )
    article = norm(page)
    texts = [(b.kind, b.text) for b in article.blocks]
    assert ("paragraph", "* 3. März 1941 † 12. November 2025") in texts
    assert [t for k, t in texts][-2:] == [P1, P2]


def test_a_weather_warnings_badge_radar_and_push_offer_go() -> None:
    page = (
        "⚠ Warnstufe 3 von 4\nSturmtief „Quirin“: Unwetterwarnung für die Nordalb\n\n"
        f"{P1}\n\nLive-Radar: Niederschlag der letzten zwei Stunden\nRegenradar laden\n\n"
        f"{P2}\n\nWarnungen per Push erhalten\nWir benachrichtigen Sie, sobald für Ihren "
        f"Landkreis eine Warnung gilt.\nJetzt aktivieren\n\n{P3}"
    )
    article = norm(page)
    assert article.title == "Sturmtief „Quirin“: Unwetterwarnung für die Nordalb"
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_a_club_pages_sponsors_and_post_navigation_go() -> None:
    lines = "Sponsor: Autohaus Bremer\nSponsor: Bäckerei Rapp\nBeitrags-Navigation\nNach oben"
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\n{lines}")
    assert [b.text for b in article.blocks] == [P1, P2]


def test_an_editions_date_line_and_a_gallerys_link() -> None:
    page = (
        "Mitteilungsblatt der Gemeinde Oberried, KW 47/2025\n"
        "Ausgabe 47/2025 · erschienen am Donnerstag, 20. November 2025\n\n"
        f"Sperrung der Ortsdurchfahrt wegen Kanalarbeiten\n{P1}\n\n"
        f"Alle Bilder der Buchmesse ansehen\n\n{P2}"
    )
    article = norm(page)
    assert article.meta["date"].isoformat() == "2025-11-20"
    assert "Alle Bilder der Buchmesse ansehen" not in [b.text for b in article.blocks]


def test_an_advertisement_labelled_with_its_kind_goes_down_to_its_button() -> None:
    # a business congratulates the article's subject, in sentences that name it
    first = "Die Brauerei Kestler aus Hollfeld feiert 150-jähriges Bestehen. Es kamen 400 Gäste."
    ad = (
        "Anzeige – Sonderthema\nGlaserei Wendt gratuliert der Brauerei Kestler\n"
        "Seit 25 Jahren setzen wir für die Brauerei Kestler Fenster und Türen ein. Wir danken "
        "für das Vertrauen. Ob Isolierglas oder Schaufenster: Unser Meisterbetrieb steht für "
        "Qualität aus der Region. Wir wünschen alles Gute!\nLogo der Glaserei Wendt, Hollfeld\n"
        "Mehr erfahren"
    )
    article = norm(f"Titel\n\n{first}\n\n{P2}\n\n{ad}\n\n{P3}")
    assert [b.text for b in article.blocks] == [first, P2, P3]


def test_a_labelled_advertisements_long_lines_stay_without_a_button_ending_its_block() -> None:
    # no button closes the lines under the label: they may be the article's
    long = (
        "Der Gemeinderat hat am Dienstagabend nach langer Debatte beschlossen, die Halle "
        "im kommenden Frühjahr für rund zwei Millionen Euro zu sanieren."
    )
    page = f"Titel\n\n{P1}\n\nAnzeige – Sonderthema\n{long}\n\n{P2}"
    texts = [b.text for b in norm(page).blocks]
    assert long in texts and P2 in texts


def test_a_widget_of_odds_with_its_legal_line_goes_inside_the_article() -> None:
    widget = (
        "Quoten zum Spiel\nSieg Heimteam: 1,85\nUnentschieden: 3,40\n"
        "Jetzt wetten bei Anstoßbet*\n18+ | Suchtgefahr | *Werbung"
    )
    article = norm(f"Titel\n\n{P1}\n\n{widget}\n\n{P2}\n\n{P3}")
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_the_latest_stories_with_their_times_go_below_the_article() -> None:
    first = "Der SC Brunnfeld hat seinen Trainer entlassen. Der Verein bestätigte die Trennung."
    ticker = (
        "Lokal-Ticker\n12:48\tEintracht Hagen: Leihe von Osei perfekt\n"
        "11:30\tTSV Lindau verlängert mit Torwart Bauer\n"
        "10:15\tGerücht: Zweitligist jagt Brunnfeld-Talent\nAlle Meldungen im Ticker ›"
    )
    page = (
        f"Titel\n\n{first}\n\n{P2}\n\n{P3}\n\nTeilen\tFacebook\tX\tWhatsApp\n\n{ticker}\n\n"
        "Lokalblatt\nImpressum | Datenschutz | Cookie-Einstellungen\n© 2025 Lokalblatt GmbH"
    )
    assert [b.text for b in norm(page).blocks] == [first, P2, P3]


def test_a_programme_with_its_times_inside_the_article_stays() -> None:
    programme = "09:30 – Andacht am See\n11:00 – Bootskorso\n14:15 – Kinderregatta"
    blocks = norm(f"Titel\n\n{P1}\n\n{programme}\n\n{P2}").blocks
    texts = " ".join([b.text for b in blocks] + [item for b in blocks for item in b.items])
    assert all(item in texts for item in ("Andacht am See", "Bootskorso", "Kinderregatta"))


def test_a_closed_polls_question_answers_and_count_go() -> None:
    poll = (
        "Leserumfrage\nSollen die Parkgebühren in der Altstadt steigen?\n"
        "Ja, sonst wird es nie besser · 38 %\nNein, auf keinen Fall · 55 %\nWeiß nicht · 7 %\n"
        "2.017 Stimmen | Abstimmung geschlossen"
    )
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\n{poll}\n\n{P3}")
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_a_survey_heading_a_paragraph_stays() -> None:
    # no vote, no count: "Umfrage" heads the article's own report on a survey
    survey = "Umfrage\nDie Mehrheit der befragten Eltern wünscht längere Öffnungszeiten."
    texts = " ".join(b.text for b in norm(f"Titel\n\n{P1}\n\n{survey}\n\n{P2}").blocks)
    assert "Die Mehrheit der befragten Eltern" in texts


def test_an_embeds_consent_switch_and_a_read_aloud_players_note_go() -> None:
    page = (
        f"Titel\n\nArtikel anhören\n00:00 / 03:05\nDie Audiofassung dieses Artikels wurde "
        f"automatisch erzeugt.\n\n{P1}\n\nEingebetteter Inhalt\nIch willige ein, dass mir "
        "externe Inhalte von Instagram angezeigt werden. Dabei können Daten an Plattformen "
        f"Dritter übermittelt werden.\n\n{P2}\n\n{P3}"
    )
    assert [b.text for b in norm(page).blocks] == [P1, P2, P3]


def test_a_dossiers_list_of_articles_goes_below_the_article() -> None:
    dossier = (
        "Schwerpunkt: Wohnen\nNeue Sozialwohnungen am Bahnhof bezugsfertig\n"
        "Mietspiegel: Was Vermieter jetzt verlangen dürfen\nGenossenschaft plant 80 Wohnungen"
    )
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\n{P3}\n\n{dossier}\n\n© 2025 Stadtanzeiger")
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_a_dossiers_name_over_the_headline_leaves_the_headline() -> None:
    headline = "Expressbus soll Pendler schneller über die Grenze bringen"
    assert norm(f"Dossier: Grenzverkehr\n{headline}\n\n{P1}").title == headline


@pytest.mark.parametrize(
    "line",
    [
        "14. Mai 2025 | 16:42 Uhr · Von Verena Pichler · Lesezeit: 3 Min.",
        "Von Verena Pichler · 14.05.2025 | 16:42 · 3 Min. Lesezeit",
        "14.05.2025 · 16:42 Uhr | von Verena Pichler",
    ],
)
def test_a_byline_with_date_and_time_behind_bars_and_dots(line: str) -> None:
    article = norm(f"Seeufer wird für Autos gesperrt\n{line}\n\n{P1}\n\n{P2}")
    assert article.meta["author"] == "Verena Pichler"
    assert article.meta["date"].isoformat() == "2025-05-14"


def test_a_caption_with_its_rights_is_no_headline() -> None:
    page = (
        "Neue Seilbahn auf den Kehlberg nimmt den Betrieb auf\n\n"
        "Die erste Gondel am Montagmorgen über dem Tal. © Lea Hartl/Bergbote\n\n"
        f"{P1}\n\n{P2}"
    )
    article = norm(page)
    assert article.title == "Neue Seilbahn auf den Kehlberg nimmt den Betrieb auf"
    captions = [b.text for b in article.blocks if b.kind == "caption"]
    assert captions == ["Die erste Gondel am Montagmorgen über dem Tal."]


def test_an_aggregators_byline_age_and_origin_note() -> None:
    page = (
        "Talbote\nFolgen\nBeitrag von Jonas Weidner • 5 Std. • 4 Minuten Lesezeit\n\n"
        f"Brücke über die Lauter wird gesperrt\n\n{P1}\n\n{P2}\n"
        "Dieser Beitrag erschien ursprünglich am 12. März 2025 bei dem Talboten.\n\n"
        "Für Sie empfohlen\nTalbote · 2 Tag(e)\nStadtfest fällt in diesem Jahr aus\n"
        "Wetterportal · 3 Std.\nSturmböen am Wochenende erwartet"
    )
    article = norm(page)
    assert article.meta["author"] == "Jonas Weidner"
    assert article.meta["date"].isoformat() == "2025-03-12"
    assert article.meta["source"] == "Talboten"
    assert [b.text for b in article.blocks] == [P1, P2]


def test_an_advertisement_the_article_continues_under() -> None:
    ad = "Artikel wird unter der Anzeige fortgesetzt\nGesponsert · Kreditportal\nRate senken"
    article = norm(f"Titel\n\n{P1}\n\n{ad}\n \n{P2}\n\n{P3}")
    assert [b.text for b in article.blocks] == [P1, P2, P3]


@pytest.mark.parametrize("written", ["14 August 2025", "Donnerstag, 14 Aug. 2025"])
def test_a_date_without_a_dot_after_its_day(written: str) -> None:
    article = norm(f"Bohrloch versiegt: Stadt rationiert Wasser\n{written}\n\n{P1}\n\n{P2}")
    assert article.title == "Bohrloch versiegt: Stadt rationiert Wasser"
    assert article.meta["date"].isoformat() == "2025-08-14"


def test_a_print_editions_note_and_a_prompt_to_sign_in_go() -> None:
    tail = (
        "Veröffentlicht in der Printausgabe vom 3. Mai 2025, Seite 12\n\n"
        "Kommentare (0)\nBitte melden Sie sich an, um zu kommentieren."
    )
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\n{tail}")
    assert [b.text for b in article.blocks] == [P1, P2]


def test_a_search_fields_placeholder_and_a_membership_offer_go() -> None:
    offer = (
        "Zusammen sind wir mehr: Jetzt Mitglied werden!\n"
        "Der Jahresbeitrag beträgt 24 Euro.\nOnline beitreten"
    )
    page = f"Suchbegriff eingeben …\n\nTitel der Meldung hier\n\n{P1}\n\n{P2}\n\n{offer}"
    assert [b.text for b in norm(page).blocks] == [P1, P2]


def test_a_sidebar_of_dates_gives_neither_author_nor_source() -> None:
    sidebar = (
        "Kommende Veranstaltungen\n02.12.2025 · Sprechstunde im Bürgerbüro\n"
        "05.12.2025 · Besuch der Grundschule Auental\n09.12.2025 · Sitzungswoche in Berlin"
    )
    page = f"Titel der Meldung hier\nVeröffentlicht am 28.11.2025\n\n{P1}\n\n{P2}\n\n{sidebar}"
    article = norm(page)
    assert article.meta["date"].isoformat() == "2025-11-28"
    assert "author" not in article.meta and "source" not in article.meta
    assert [b.text for b in article.blocks] == [P1, P2]


def test_a_short_inline_teaser_leaves_the_subheading_under_it() -> None:
    teaser = "Lesen Sie auch: Etwas anderes\nZwischentitel hier"
    article = norm(f"Titel der Meldung hier\n\n{P1}\n\n{teaser}\n\n{P2}")
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("paragraph", P1), ("heading", "Zwischentitel hier"), ("paragraph", P2),
    ]  # fmt: skip


def test_a_small_sites_appeal_for_support_goes() -> None:
    appeal = "🙏 Der Kiezbote ist unabhängig und leserfinanziert. Unterstütze uns mit einer Spende!"
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\n{appeal}\n\nTeilen: Mastodon | Link kopieren")
    assert [b.text for b in article.blocks] == [P1, P2]


def test_a_volunteer_club_in_the_article_stays() -> None:
    club = "Der Verein ist ehrenamtlich organisiert und finanziert sich aus Beiträgen."
    texts = [b.text for b in norm(f"Titel\n\n{P1}\n\n{club}\n\n{P2}").blocks]
    assert club in texts


def test_an_obituary_portals_sentence_goes() -> None:
    line = "Hier finden Sie alle aktuellen Traueranzeigen aus dem Rheintal."
    article = norm(f"Titel\n\n{P1}\n\n{P2}\n\n{line}\n\n© 2025 Rheintaler Zeitung")
    assert [b.text for b in article.blocks] == [P1, P2]


def test_a_gallerys_captions_between_its_counters_stay() -> None:
    gallery = (
        "Bild 1 von 2\nDer neue Spielplatz am Stadtpark kurz vor der Eröffnung.\n"
        "Bild 2 von 2\nKinder testen die Kletterwand.\n‹ ›"
    )
    texts = " ".join(b.text for b in norm(f"Titel\n\n{P1}\n\n{gallery}\n\n{P2}").blocks)
    assert "Der neue Spielplatz am Stadtpark kurz vor der Eröffnung." in texts
    assert "Kinder testen die Kletterwand." in texts


def test_a_headline_over_a_read_aloud_button_is_the_headline() -> None:
    page = (
        "Tageblatt\n\nVerkehr\nNeue Busse fahren ab Montag im Halbstundentakt\n"
        "Von Lea Hartmann\n▶ Artikel anhören (3:05)\n\n"
        f"{P1}\n\n{P2}"
    )
    article = norm(page)
    assert article.title == "Neue Busse fahren ab Montag im Halbstundentakt"
    assert article.meta["author"] == "Lea Hartmann"


def test_a_community_posts_profile_row_and_note_go() -> None:
    page = (
        "Ein Biber baut am Mühlbach\n\nBachfreund_77\n"
        "Leserreporter · Mitglied seit Mai 2021 · 12 Beiträge\n"
        "Dieser Beitrag wurde von einer Leserin verfasst und von der Redaktion nicht geprüft.\n\n"
        f"{P1}\n\n{P2}\n\nWie gefällt Ihnen dieser Artikel?"
    )
    article = norm(page)
    assert article.title == "Ein Biber baut am Mühlbach"
    assert [b.text for b in article.blocks][-2:] == [P1, P2]
    assert not any("Mitglied seit" in b.text or "verfasst" in b.text for b in article.blocks)


def test_dots_between_paragraphs_separate_them_as_blank_lines() -> None:
    page = f"Titel der Meldung hier\n•\n{P1}\n•\n{P2}\n •\n{P3}"
    assert [b.text for b in norm(page).blocks] == [P1, P2, P3]


def test_a_sponsorship_offer_closed_by_its_button_goes() -> None:
    offer = "Werden Sie Pate!\nMit einer Patenschaft helfen Sie dem Tierheim.\nJetzt Patin werden"
    assert [b.text for b in norm(f"Titel\n\n{P1}\n\n{P2}\n\n{offer}").blocks] == [P1, P2]


def test_an_archived_copys_bar_and_an_images_placeholder() -> None:
    page = (
        "The Wayback Machine - https://web.archive.org/web/20250614083112/https://example.org/a\n"
        "12 captures\nAbout this capture\n\nBild wird geladen …\nStadtbote\n\n"
        "Brücke über die Lauter wird gesperrt\n"
        "Text: Jonas Weidner · Fotos: Mara Kühn · 03.06.2025\n\n"
        "[Bild: Die Brücke über die Lauter im Abendlicht]\n"
        "Die Brücke wird ab Juni saniert. Foto: Mara Kühn\n\n"
        f"{P1}\n\n{P2}"
    )
    article = norm(page)
    assert article.title == "Brücke über die Lauter wird gesperrt"
    assert article.meta["author"] == "Jonas Weidner"
    assert article.meta["date"].isoformat() == "2025-06-03"
    texts = [b.text for b in article.blocks]
    assert texts[-2:] == [P1, P2] and not any("Wayback" in t or "[Bild" in t for t in texts)


def test_a_magazines_byline_with_date_text_and_photo_credits() -> None:
    page = (
        "Kundenmagazin der Stadtwerke | Ausgabe 2/2025\n\nNeue Leitungen\n"
        "Warum die Fernwärme im Westen teurer wird\n"
        "12. Mai 2025 · Text: Jonas Weidner · Fotos: Mara Kühn · 4 Min. Lesezeit\n\n"
        f"{P1}\n\n{P2}"
    )
    article = norm(page)
    assert article.title == "Warum die Fernwärme im Westen teurer wird"
    assert article.meta["author"] == "Jonas Weidner"
    assert article.meta["date"].isoformat() == "2025-05-12"


def test_a_reporters_label_is_a_byline() -> None:
    byline = "14.05.2025, 12:31 Uhr\nReporterin: Lena Brandt"
    article = norm(f"Glasfaserausbau stockt im Süden\n{byline}\n\n{P1}")
    assert article.meta["author"] == "Lena Brandt"


def test_a_player_row_a_correction_prompt_a_competition_and_a_tariff_widget_go() -> None:
    page = (
        f"Titel der Meldung hier\nBeitrag anhören ▶ 3:40\n\n{P1}\n\n"
        "🎁 Das große Sommerquiz: Jetzt anrufen und 500 Euro gewinnen!\n"
        "Hotline 0800 123 123 – täglich ab 7 Uhr\nJetzt mitmachen ›\n\n"
        f"{P2}\n\nJetzt wechseln und sparen\nStromrechner\nPostleitzahl · Verbrauch in kWh\n"
        f"Preis berechnen\n\n{P3}\n\nHaben Sie einen Fehler gefunden? Sagen Sie es uns."
    )
    assert [b.text for b in norm(page).blocks] == [P1, P2, P3]


def test_a_comparison_sliders_hint_goes_and_its_captions_stay() -> None:
    slider = (
        "Damals / Heute\n↔ Ziehen Sie am Regler, um beide Bilder zu vergleichen.\n"
        "Der Marktplatz im Jahr 1950. Foto: Stadtarchiv"
    )
    texts = " ".join(b.text for b in norm(f"Titel\n\n{P1}\n\n{slider}\n\n{P2}").blocks)
    assert "Der Marktplatz im Jahr 1950." in texts and "Regler" not in texts


# ---------------------------------------------------------------- boxes of data


DATA_BOX = (
    "Einsatzdaten\nEinsatznummer\n87/2025\nAlarmierung\n03:12 Uhr\nDauer\n6 Std. 28 Min.\n"
    "Einsatzort\nHainbergen, Gewerbegebiet Lohfeld\nFahrzeuge\nELW 1, HLF 20, DLK 23/12"
)


def test_a_box_of_labels_over_values_under_the_headline_is_a_list() -> None:
    """A definition list pasted as label and value lines: none of them is the headline,
    none is lost as navigation above it, and each row is one item."""
    page = (
        "Feuerwehr Hainbergen\nStartseite » Einsätze » 2025\n\n"
        "Großbrand in Holzbaufirma: Lagerhalle brennt nieder\n"
        f"Veröffentlicht am 15. August 2025 von Kai Lindner\n\n{DATA_BOX}\n\n{P1}\n\n{P2}"
    )
    article = norm(page)
    assert article.title == "Großbrand in Holzbaufirma: Lagerhalle brennt nieder"
    assert article.meta["date"] == dt.date(2025, 8, 15)
    rows = next(b.items for b in article.blocks if b.kind == "list")
    assert rows == (
        "Einsatznummer: 87/2025", "Alarmierung: 03:12 Uhr", "Dauer: 6 Std. 28 Min.",
        "Einsatzort: Hainbergen, Gewerbegebiet Lohfeld", "Fahrzeuge: ELW 1, HLF 20, DLK 23/12",
    )  # fmt: skip
    assert [b.text for b in article.blocks if b.kind == "paragraph"][-2:] == [P1, P2]


def test_labels_with_colons_over_values_make_a_box_too() -> None:
    box = "Steckbrief\nGeboren:\nin Lindau\nBeruf:\nSchreinerin\nHobby:\nSegeln"
    article = norm(f"Die neue Ortsvorsteherin stellt sich vor\n\n{P1}\n\n{box}\n\n{P2}")
    rows = next(b.items for b in article.blocks if b.kind == "list")
    assert rows == ("Geboren: in Lindau", "Beruf: Schreinerin", "Hobby: Segeln")


@pytest.mark.parametrize(
    "block",
    [
        # a menu: names of sections, one under the other
        "Startseite\nLokales\nPolitik\nSport\nKultur\nTermine\nService\nKontakt",
        # a listing: a kicker over each teaser's headline
        "Verkehr\nNeue Ampel an der Kreuzung Lindenweg geplant\nSchule\n"
        "Elternbeirat fordert mehr Lehrkräfte für die Grundschule\nHandel\n"
        "Bäckerei am Markt schließt nach vierzig Jahren",
        # a set list: titles of songs, no labels
        "Kometenstaub\nHollerbacher Regen\nZwei Zimmer, kein Balkon\nUmzugskartons\n"
        "Nachtbus\nLichterkette",
    ],
)
def test_lines_one_under_the_other_without_labels_are_no_box(block: str) -> None:
    article = norm(f"Titel der Meldung hier\n\n{P1}\n\n{block}\n\n{P2}")
    assert not any(": " in item for b in article.blocks for item in b.items)


def test_rows_of_a_box_on_one_line_each_are_never_the_headline() -> None:
    box = "Einsatzdaten\nAlarmierung: 03:12 Uhr\nStichwort: B3 – Brand Gewerbe\n"
    box += "Einsatzort: Hainbergen, Gewerbegebiet Lohfeld"
    page = f"Brand in Lagerhalle: Feuerwehr mit 60 Kräften im Einsatz\n\n{box}\n\n{P1}\n\n{P2}"
    article = norm(page)
    assert article.title == "Brand in Lagerhalle: Feuerwehr mit 60 Kräften im Einsatz"
    rows = next(b.items for b in article.blocks if b.kind == "list")
    assert rows[-1] == "Einsatzort: Hainbergen, Gewerbegebiet Lohfeld" and len(rows) == 3


def test_an_interviews_speakers_are_no_box() -> None:
    talk = "Bote: Wie geht es?\nMüller: Gut.\nBote: Und sonst?\nMüller: Auch gut."
    article = norm(f"Titel der Meldung hier\n\n{P1}\n\n{talk}\n\n{P2}")
    assert not any(b.kind == "list" for b in article.blocks)


# ---------------------------------------------------------------- bylines with dates


@pytest.mark.parametrize(
    ("line", "author", "date"),
    [
        ("Von Kai Lindner, 15.08.2025", "Kai Lindner", dt.date(2025, 8, 15)),
        ("Von Kai Lindner, Hainbergen, 15.08.2025", "Kai Lindner", dt.date(2025, 8, 15)),
        ("Von Kai Lindner 15.08.2025, 14:03 Uhr", "Kai Lindner", dt.date(2025, 8, 15)),
        ("Pressemitteilung vom 10.12.2025", None, dt.date(2025, 12, 10)),
        ("Meldung vom Mo., 3.11.2025", None, dt.date(2025, 11, 3)),
        ("Mo, 13.10.2025 – Text: Sabine Thielmann · Fotos: Uwe Brandl",
         "Sabine Thielmann", dt.date(2025, 10, 13)),
        ("Bad Homburg, 15.08.2025", None, dt.date(2025, 8, 15)),
    ],
)  # fmt: skip
def test_a_byline_or_date_line_gives_its_date(line: str, author: str | None, date: dt.date) -> None:
    article = norm(f"Brand in Lagerhalle: Feuerwehr mit 60 Kräften im Einsatz\n{line}\n\n{P1}")
    assert article.meta.get("author") == author
    assert article.meta["date"] == date
    assert line not in article.to_markdown()


@pytest.mark.parametrize(
    "line",
    ["Bildergalerie (8 Bilder)", "Weitere Bilder (6)", "Bildstrecke (5 Bilder)",
     "Alle Fotos (12)", "Zum Vergrößern anklicken"],
)  # fmt: skip
def test_a_gallerys_counter_and_hint_go(line: str) -> None:
    assert [b.text for b in norm(f"Titel der Meldung hier\n\n{P1}\n\n{line}\n\n{P2}").blocks] == [
        P1, P2,
    ]  # fmt: skip


@pytest.mark.parametrize(
    "sentence",
    [
        "Mehr zum Thema Sicherheit sagte der Bürgermeister auf der Pressekonferenz am Abend.",
        "Auch interessant ist, dass die Grünen zum ersten Mal zugestimmt haben.",
        "Weiterlesen konnte der Kämmerer seine Rede nicht, weil der Strom ausfiel.",
        "Diese Sendung habe die Grenzen des Humors überschritten, sagte sie vor Journalisten.",
        "Über dieses Thema berichtete auch die Konkurrenz ausführlich, was den Druck erhöhte.",
    ],
)
def test_a_sentence_opening_with_a_teasers_label_stays(sentence: str) -> None:
    """Teasers are labelled "Weiterlesen" or "Mehr zum Thema", programme notes "Diese
    Sendung"; a sentence of the article may open with the same words."""
    article = norm(f"Titel der Meldung hier\n\n{P1}\n\n{sentence}\n\n{P2}")
    assert [b.text for b in article.blocks] == [P1, sentence, P2]


@pytest.mark.parametrize(
    "label",
    ["Mehr zum Thema:", "Weiterlesen", "Mehr zum Thema Energiepolitik",
     "Auch interessant: Neue Ampel am Markt geplant",
     "Über dieses Thema berichtete Bayern 2 am 12.3.2025."],
)  # fmt: skip
def test_a_teasers_label_and_a_programme_note_still_go(label: str) -> None:
    assert [b.text for b in norm(f"Titel der Meldung hier\n\n{P1}\n\n{label}\n\n{P2}").blocks] == [
        P1, P2,
    ]  # fmt: skip


@pytest.mark.parametrize("line", ["..", "***", "– –"])
def test_a_first_line_without_a_word_gives_no_empty_title(line: str) -> None:
    """A title is guessed from the first paragraph with a word in it, with a warning."""
    article = norm(f"{line}\n\n{P1}\n\n{P2}")
    assert article.title == "Der erste Absatz erzählt, was geschah"
    assert article.meta["description"] == P1
    assert any("no title" in warning for warning in article.warnings)


def test_a_checklists_boxes_are_bullets() -> None:
    items = ["Zählerstände ablesen und fotografieren", "Alle Schlüssel zusammensuchen",
             "Wohnung besenrein hinterlassen"]  # fmt: skip
    page = f"Titel der Meldung hier\n\n{P1}\n\n" + "\n".join(f"☐ {i}" for i in items)
    article = norm(f"{page}\n\n{P2}")
    assert [b.items for b in article.blocks if b.kind == "list"] == [tuple(items)]


@pytest.mark.parametrize(
    "line",
    [
        "Kommentieren ist nur für registrierte Nutzer möglich.",
        "Noch keine Kommentare. Schreiben Sie den ersten Kommentar!",
        "Zum Kommentieren bitte anmelden oder registrieren.",
        "V.i.S.d.P.: Rüdiger Lamprecht, Kreisgeschäftsführer, Bahnhofstraße 14, 63912 Seltersheim",
        "Pressekontakt: Lea Schimanski, Telefon 06281 443719, presse@example.org",
    ],
)
def test_comment_prompts_and_a_press_releases_contact_lines_go(line: str) -> None:
    assert [b.text for b in norm(f"Titel der Meldung hier\n\n{P1}\n\n{P2}\n\n{line}").blocks] == [
        P1, P2,
    ]  # fmt: skip


def test_a_quoted_mails_header_stays_and_gives_no_date() -> None:
    """A warning shows the mail it warns of: its "Datum:" is the mail's, not the page's."""
    mail = "Von: Kundenservice <service@example.com>\nDatum: 02.10.2025, 06:14\nBetreff: Geld"
    page = f"Titel der Meldung hier\n\n{P1}\n\n{mail}\n\n{P2}\n\nStand: 07.10.2025"
    article = norm(page)
    assert article.meta["date"] == dt.date(2025, 10, 7)
    assert "Datum: 02.10.2025, 06:14" in [i for b in article.blocks for i in b.items]


def test_a_fact_checks_sources_under_their_label_stay() -> None:
    """Each source is its name and web address: alone, such lines read as a link box."""
    sources = (
        "Quellen:\nWasserhaushaltsgesetz (WHG), § 49: https://www.gesetze-im-internet.de/whg/__49.html\n"
        "Archivierte Fassung des Beitrags: https://archive.ph/Xk2bT"
    )
    article = norm(f"Titel der Meldung hier\n\n{P1}\n\n{sources}\n\n{P2}")
    assert [b.items for b in article.blocks if b.kind == "list"] == [
        ("Wasserhaushaltsgesetz (WHG), § 49: https://www.gesetze-im-internet.de/whg/__49.html",
         "Archivierte Fassung des Beitrags: https://archive.ph/Xk2bT"),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "sentence",
    [
        "Mehr aus dem Haushalt soll in die Schulen fließen.",
        "Weitere Tests sollen im Mai folgen.",
        "Weitere Videos zeigen, wie die Brücke einstürzte.",
        "Mehr Kommentare als sonst gingen beim Amt ein.",
        "„Dafür brauchen wir Ihre Hilfe“, sagte die Leiterin.",
        "Die Stadt unterstützt uns seit Jahren, sagt der Vorsitzende.",
        "Künftig werden Daten an die Steuerbehörden übermittelt, sagt das Ministerium.",
        "Online-Informationen ersetzen keine ärztliche Beratung, betonte die Ärztin.",
        "Wählen Sie die Briefwahl, müssen Sie den Antrag rechtzeitig stellen.",
        "Diese Sendung erreichte 2,3 Millionen Zuschauer.",
        "Erschienen ist das Buch am 1. März 2019.",
        "Aktualisiert wurde der Plan am 5. Mai 2024.",
    ],
)
def test_an_article_sentence_in_a_rules_words_stays(sentence: str) -> None:
    """Teaser labels, offers, appeals, notices and date lines begin with words a sentence
    of the article may begin with; among its paragraphs, a sentence of prose or one that
    reports what someone said is the article's."""
    article = norm(f"Titel der Meldung hier\n\n{P1}\n\n{sentence}\n\n{P2}")
    assert [b.text for b in article.blocks] == [P1, sentence, P2]
    assert "date" not in article.meta and "updated" not in article.meta


@pytest.mark.parametrize(
    "paragraph",
    [
        "Ein Sprecher sagte, man habe lange gezögert. Die künstlich erzeugte Stimme des "
        "Ansagedienstes soll im Frühjahr ersetzt werden.",
        "Die Tarife steigen im Januar. Das Ticket kostet im ersten Jahr 49 Euro, danach "
        "58 Euro pro Monat.",
    ],
)
def test_a_paragraph_whose_later_sentence_has_a_rules_words_stays(paragraph: str) -> None:
    """A rule naming words inside a sentence matches the paragraph that holds it: when
    the paragraph opens with the article's sentence and does not speak to the reader,
    the rule would take the article's sentences with it."""
    article = norm(f"Titel der Meldung hier\n\n{P1}\n\n{paragraph}\n\n{P2}")
    assert [b.text for b in article.blocks] == [P1, paragraph, P2]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Dieser Artikel enthält Affiliate-Links. Wenn Sie über diese Links einkaufen, "
        "erhalten wir eine Provision.",
        "Die Texte werden vorgelesen. Die künstlich erzeugte Stimme kann Fehler machen, "
        "melden Sie diese bitte.",
    ],
)
def test_the_sites_paragraph_speaking_to_the_reader_still_goes(paragraph: str) -> None:
    article = norm(f"Titel der Meldung hier\n\n{P1}\n\n{paragraph}\n\n{P2}")
    assert [b.text for b in article.blocks] == [P1, P2]


@pytest.mark.parametrize("question", ["Wie sehen Sie das?", "Gefällt Ihnen die neue Rolle?"])
def test_an_interview_question_with_its_answer_stays(question: str) -> None:
    """In an interview, "Wie sehen Sie das?" is asked and answered; elsewhere it is the
    site's call for opinions (and "War dieser Artikel hilfreich?" always is)."""
    talk = (
        f"Frau Berger, wie geht es dem Hafen?\n\n{P1}\n\n{question}\n\n{P2}\n\n"
        f"Und was kommt als Nächstes?\n\n{P3}"
    )
    article = norm(f"Titel der Meldung hier\n\nInterview mit Anna Berger\n\n{talk}")
    assert question in [b.text for b in article.blocks]


def test_lines_opening_with_dates_that_count_up_are_no_numbered_list() -> None:
    """Lines "1. Januar …" over "2. Januar …" count days: they stay as written (a property
    test found them made items 1 and 2 of a list, their day numbers gone from the text)."""
    lines = ["1. Januar Der Tag begann mit Schnee.", "2. Januar Dann kam der Regen."]
    article = norm(f"Titel der Meldung hier\n\n{P1}\n\n" + "\n".join(lines) + f"\n\n{P2}")
    assert [b.text for b in article.blocks][1:3] == lines


def test_a_sentence_set_in_lines_of_verse_stays_whole() -> None:
    """A prayer or poem quoted in short lines: a sentence going on after a comma in lower
    case is one sentence of the article, not a paragraph per line."""
    prayer = (
        "Maria, du Frau auf dem Weg,\ndu bist über das Gebirge gegangen,\n"
        "um deiner Verwandten beizustehen.\nGeh mit uns, wenn wir müde werden,\n"
        "und halte uns wach für die Not der anderen.\nAmen."
    )
    article = norm(f"Titel der Meldung hier\n\n{P1}\n\n{prayer}\n\n{P2}")
    assert [b.text for b in article.blocks] == [
        P1,
        "Maria, du Frau auf dem Weg, du bist über das Gebirge gegangen, um deiner "
        "Verwandten beizustehen.",
        "Geh mit uns, wenn wir müde werden, und halte uns wach für die Not der anderen.",
        "Amen.",
        P2,
    ]


@pytest.mark.parametrize(
    "moves",
    ["1.e4 e5 2.Sf3 Sc6 3.Lc4 Sd4 4.Sxe5 Dg5", "28...Txe3 29.fxe3 Dxe3+ 30.Kh1 Sf2+", "2:1 (1:0)"],
)
def test_a_line_of_signs_and_figures_is_no_heading(moves: str) -> None:
    """A chess game's moves or a score under a lead-in are text of the article: a
    heading has a word in it."""
    article = norm(f"Titel der Meldung hier\n\n{P1}\n\n{moves}\n\n{P2}")
    assert [(b.kind, b.text) for b in article.blocks][1] == ("paragraph", moves)


def test_the_headline_stands_above_the_byline() -> None:
    """A line of a headline's length between the byline and the article (a radio
    manuscript's direction) is not the headline; a question over its subline is."""
    page = (
        "Das Feature\nWer übernimmt den Hof?\nJunge Landwirtinnen zwischen Tradition und "
        "Aufbruch\nEin Feature von Annika Vosskamp\nSendung: Sonntag, 09.03.2025, 18:05 Uhr"
        f"\n\nAtmo: Melkstand, Pumpen, Kühe – langsam einblenden\n\n{P1}\n\n{P2}"
    )
    article = norm(page)
    assert article.title == "Wer übernimmt den Hof?"
    assert article.meta["author"] == "Annika Vosskamp"
    assert article.meta["date"] == dt.date(2025, 3, 9)


def test_a_series_name_the_breadcrumb_ends_with_is_the_kicker() -> None:
    """A column's name over its headline, the section the breadcrumb names: the topline."""
    page = (
        "Stadt › Kolumnen › Saal 108\n\nSaal 108 – die Gerichtskolumne\n"
        "Die Hecke, die Kettensäge und der kopflose Gartenzwerg\n"
        f"Eine Kolumne von Konstanze Ruhland\n\n{P1}\n\n{P2}"
    )
    article = norm(page)
    assert article.title == "Die Hecke, die Kettensäge und der kopflose Gartenzwerg"
    assert [b.text for b in article.blocks if b.kind == "kicker"] == [
        "Saal 108 – die Gerichtskolumne"
    ]


def test_a_datelines_date_is_the_articles_when_the_page_gives_none() -> None:
    """ "Wendrichsfeld, 3. April 2025 – …" opening the text dates it; the text keeps it."""
    first = f"Wendrichsfeld, 3. April 2025 – {P1}"
    article = norm(f"Titel der Meldung hier\n\n{first}\n\n{P2}")
    assert article.meta["date"] == dt.date(2025, 4, 3)
    assert [b.text for b in article.blocks] == [first, P2]
    dated = norm(f"Titel der Meldung hier\nStand: 05.04.2025\n\n{first}\n\n{P2}")
    assert dated.meta["date"] == dt.date(2025, 4, 5)


@pytest.mark.parametrize(
    "box",
    [
        # a press release's pictures, offered by name, type and size
        "Bilder zum Herunterladen\nKontrollstelle auf der Passhöhe (JPG, 2,4 MB)\n"
        "Unfallstelle oberhalb der Alp (JPG, 1,9 MB)",
        # a contact block with a postal address, no telephone
        "Kontakt\nKantonspolizei Hochtal\nMediendienst\nPolizeikommando, Zeughausgasse 4, "
        "7390 Hochtal",
        # a box under a label in capitals, closed by its link
        "AUSSTELLER\nKessbach Robotics GmbH\nHalle 3 · Stand C21\nZum Ausstellerprofil ›",
        # a widget's table of figures with its link to more
        "Börse regional\nWert\tKurs\tVeränd.\nFeldmann Antriebe\t42,18 €\t+1,3 %\n"
        "Norvia Logistik\t17,64 €\t–0,8 %\nKessing Bau\t63,40 €\t–2,1 %\nAlle Kurse ›",
        # a press photo's terms, a series' other parts
        "Die folgenden Bilder dürfen im Rahmen der Berichterstattung honorarfrei verwendet "
        "werden. Bitte geben Sie den Bildnachweis an.",
    ],
)
def test_the_sites_boxes_amid_the_text_go(box: str) -> None:
    article = norm(f"Titel der Meldung hier\n\n{P1}\n\n{box}\n\n{P2}\n\n{P3}")
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_a_pointer_to_a_series_other_parts_below_the_text_goes() -> None:
    notice = "Alle Folgen von „Saal 108“ finden Sie auf unserer Themenseite."
    article = norm(f"Titel der Meldung hier\n\n{P1}\n\n{P2}\n\n{notice}")
    assert [b.text for b in article.blocks] == [P1, P2]


def test_a_tables_rows_are_text_not_headings() -> None:
    """An election's results pasted with tabs stay, each row as it is; none is a heading."""
    table = (
        "Partei\tStimmen\tVeränderung\nCDU\t34,2 %\t+1,3\nSPD\t22,1 %\t-2,0\nGrüne\t15,3 %\t+0,4"
    )
    article = norm(f"Titel der Meldung hier\n\n{P1}\n\n{table}\n\n{P2}")
    rows = [b for b in article.blocks if "·" in b.text]
    assert [b.text for b in rows] == [
        "Partei · Stimmen · Veränderung", "CDU · 34,2 % · +1,3", "SPD · 22,1 % · -2,0",
        "Grüne · 15,3 % · +0,4",
    ]  # fmt: skip
    assert all(b.kind == "paragraph" for b in rows)


def test_a_sentence_in_lines_of_sense_stays_whole() -> None:
    """Plain language breaks a sentence into lines of sense, going on in lower case: one
    sentence; lines of phrases without a full stop stay a list."""
    lines = (
        "Im Landkreis gibt es bald ein neues Ticket.\nMit dem Ticket können Menschen\n"
        "mit wenig Geld\nbillig Bus und Bahn fahren.\nDas Ticket gibt es ab dem 1. Juli."
    )
    article = norm(f"Titel der Meldung hier\n\n{P1}\n\n{lines}\n\n{P2}")
    assert [b.text for b in article.blocks] == [
        P1,
        "Im Landkreis gibt es bald ein neues Ticket.",
        "Mit dem Ticket können Menschen mit wenig Geld billig Bus und Bahn fahren.",
        "Das Ticket gibt es ab dem 1. Juli.",
        P2,
    ]
    phrases = (
        "Die Behörden raten:\nFenster schließen\nsich nicht im Freien aufhalten\n"
        "das Gebiet umfahren"
    )
    listed = norm(f"Titel der Meldung hier\n\n{P1}\n\n{phrases}\n\n{P2}")
    assert ("Fenster schließen", "sich nicht im Freien aufhalten", "das Gebiet umfahren") in [
        b.items for b in listed.blocks
    ]


def test_a_club_content_systems_head_goes() -> None:
    """Its name ending in "e.V." is no sentence, "Geschrieben von …" is the byline, the
    hits are a counter, the login box's fields are a form."""
    page = (
        "Hegering Haselbruch e.V.\nSuche ...\nSie sind hier: Startseite » Aus dem Hegering\n\n"
        "Hegeschau 2025: Rehwild-Plan erfüllt\nGeschrieben von Reinhold Brasche\n"
        f"Veröffentlicht: 24. März 2025\nZugriffe: 318\n\n{P1}\n\n{P2}\n\n"
        "Anmeldung\nBenutzername\nPasswort\nAngemeldet bleiben\nAnmelden\nPasswort vergessen?"
    )
    article = norm(page)
    assert article.title == "Hegeschau 2025: Rehwild-Plan erfüllt"
    assert article.meta["author"] == "Reinhold Brasche"
    assert [b.text for b in article.blocks] == [P1, P2]


def test_a_donation_box_amid_the_post_goes() -> None:
    box = (
        "❤️ Deine Spende wirkt\nMit 25 € finanzierst du einen Monat Tee für einen Tisch.\n"
        "25 €\t50 €\t100 €\tAnderer Betrag\nJetzt spenden\n7.340 € von 10.000 € gesammelt (73 %)"
    )
    article = norm(f"Titel der Meldung hier\n\n{P1}\n\n{box}\n\n{P2}\n\n{P3}")
    assert [b.text for b in article.blocks] == [P1, P2, P3]


def test_the_next_pages_head_pasted_after_the_first_goes() -> None:
    """An article on two web pages pasted one after the other: the second page's head
    (the site's name and claim, the breadcrumb, the headline, byline and date) goes, the
    pager's "Weiter auf Seite 2: …" too."""
    head = (
        "Kreiskurier\nDie Zeitung für Wilmersfelde\n\nStartseite › Wilmersfelde › Kultur\n\n"
        "Eine Genossenschaft will das Apollo retten\nVon Miriam Kessenich\n18.09.2025 – 05:00 Uhr"
    )
    page = f"{head}\n\n{P1}\n\nWeiter auf Seite 2: Warum die Bank zögert\n\n{head}\n\n{P2}"
    article = norm(page)
    assert article.title == "Eine Genossenschaft will das Apollo retten"
    assert [b.text for b in article.blocks] == [P1, P2]


def test_a_topline_with_the_sites_words_is_the_kicker() -> None:
    """ "Datenleck bei Messenger-App" right above the headline is its topline, though the
    evidence reads its words as the site's."""
    page = (
        "bytewacht\n\nDatenleck bei Messenger-App\nPlauda lud Adressbücher ungefragt zu "
        f"Analysedienst hoch\nSvenja Trautwein\n18.03.2025, 09:15 Uhr\n\n{P1}\n\n{P2}"
    )
    article = norm(page)
    assert article.title == "Plauda lud Adressbücher ungefragt zu Analysedienst hoch"
    assert [b.text for b in article.blocks if b.kind == "kicker"] == ["Datenleck bei Messenger-App"]


def test_the_first_report_under_updates_on_top_stays() -> None:
    """Updates on top, newest first, over "Ursprüngliche Meldung von 07:30 Uhr:" and the
    report the article goes on from: the first report is the article's body.  Below the
    article's end, the first version is an archive of the same story, and goes."""
    report = "In der Nacht ist eine Leitung geplatzt. Ein Anwohner rief die Feuerwehr."
    first = f"Ursprüngliche Meldung von 07:30 Uhr:\n{report}"
    article = norm(f"Titel der Meldung hier\n\nUpdate 16:40 Uhr:\n{P1}\n\n{first}\n\n{P2}")
    assert report in [b.text for b in article.blocks]
    archived = norm(f"Titel der Meldung hier\n\n{P1}\n\n{P2}\n\n{first}")
    assert [b.text for b in archived.blocks] == [P1, P2]


def test_a_list_of_other_releases_gives_no_metadata() -> None:
    """Dated rows under "Weitere Pressemitteilungen" are other pages: no date or source
    of the article, and they go with their label."""
    rows = (
        "Weitere Pressemitteilungen\n12.11.2025\tLaternenumzug: Sperrungen in der Altstadt\n"
        "11.11.2025\tNeue Öffnungszeiten im Bürgerbüro\n10.11.2025\tBücherei sucht Vorlesepaten"
    )
    article = norm(f"Titel der Meldung hier\n\n{P1}\n\n{P2}\n\n{rows}")
    assert "source" not in article.meta and "date" not in article.meta
    assert [b.text for b in article.blocks] == [P1, P2]


def test_an_advertisements_continue_label_takes_no_headline() -> None:
    """ "Weiterlesen nach der Anzeige" marks an advertisement, not a list of teasers: the
    next item's headline stays."""
    page = (
        f"Titel der Meldung hier\n\n{P1}\n\nWeiterlesen nach der Anzeige\n\n"
        f"+++ Schreinerin aus Brettach ist Landessiegerin +++\n\n{P2}"
    )
    texts = [b.text for b in norm(page).blocks]
    assert any("Schreinerin aus Brettach ist Landessiegerin" in text for text in texts)


def test_an_associations_name_over_its_page_is_no_sentence() -> None:
    page = (
        "LVN Saalauen\nLandesverband für Vogel- und Naturschutz Saalauen e.V.\n\n"
        "Wintervogelzählung 2025\nSpatz bleibt Spitze, aber in den Gärten wird es stiller\n"
        f"Von Henrike Moldenhauer | 31.01.2025\n\n{P1}\n\n{P2}"
    )
    article = norm(page)
    assert article.title == "Spatz bleibt Spitze, aber in den Gärten wird es stiller"
    assert [b.text for b in article.blocks if b.kind != "kicker"] == [P1, P2]


def test_a_shares_widget_with_a_short_name_goes() -> None:
    widget = "Vellmann Antr.\n38,42 €\n−6,12 %\nXetra · 11:15 Uhr\nZur Aktie ›"
    article = norm(f"Titel der Meldung hier\n\n{P1}\n\n{widget}\n\n{P2}\n\n{P3}")
    assert [b.text for b in article.blocks] == [P1, P2, P3]
