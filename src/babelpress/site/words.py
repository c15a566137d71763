"""Reader-facing words of the site, in each language the site is published in.

The review notices written into rendered pages, the labels of the article's
metadata line, the text of the 404 page, the title of the headings' permalinks,
the footer's "Made with", the navigation's sections, the front page, the
archive, the news feed, the language switcher's label and the labels of photo
captions and credits come from :data:`TEXTS`, one mapping per language.
A word that depends on a number (``1 article``, ``2 articles``; Russian has
three forms) has one key per plural category of CLDR, as babel names them
(``archive.count.one``, ``.few``, ``.many``, ``.other``); :func:`count` picks
the language's form, falling back to ``.other``.
A language without its own entry gets the English words, so a new target
language works at once and can be given its own words later.
Numbers and dates are formatted with babel's locale data for the language
(``64 %`` in German and Russian, ``64%`` in English; ``9. Mai 2024``), except
where :data:`DATE_FORMATS` gives an edition its own date pattern.

Every page of a site asks for the same few words, percentages and dates, so the
answers are computed once per language (and value) and kept: :data:`TEXTS` and
:data:`DATE_FORMATS` are read when first needed, not meant to change afterwards.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from babel.core import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "draft.title": "Maschinelle Übersetzung, noch nicht geprüft: {share} geprüft",
        "draft.body": "Teile dieser Seite wurden maschinell übersetzt und noch nicht "
        "von der Redaktion geprüft.",
        "partial.title": "Übersetzung unvollständig: {share} geprüft",
        "partial.body": "Noch nicht übersetzte Stellen erscheinen im deutschen Original.",
        "unavailable.title": "Noch nicht auf Deutsch verfügbar",
        "unavailable.body": "Die Übersetzung dieses Artikels ist noch nicht weit genug; "
        "es folgt das deutsche Original.",
        "preview": "Vorschau: maschinelle Entwürfe sind gelb markiert, unübersetzte Stellen grau.",
        "preview.min": "Veröffentlicht wird die Seite ab {min} geprüftem Text.",
        "meta.author": "Autor",
        "meta.source": "Quelle",
        "meta.date": "Datum",
        "meta.contributors": "Mitarbeit",
        "meta.translator": "Übersetzung",
        "meta.source_translator": "Deutsche Übersetzung",
        "meta.machine": "maschinell, ungeprüft",
        "404.title": "Seite nicht gefunden",
        "404.body": "Diese Seite gibt es nicht (mehr).",
        "404.home": "Zur Startseite",
        "permalink": "Link zu diesem Abschnitt",
        "footer.generator": "Erstellt mit",
        "nav.front": "Startseite",
        "nav.archive": "Archiv",
        "front.title": "Neueste Artikel",
        "front.more": "Alle Artikel im Archiv",
        "front.empty": "Noch keine Artikel.",
        "archive.title": "Archiv",
        "archive.year": "Archiv {year}",
        "archive.undated": "Ohne Datum",
        "archive.undated.title": "Archiv: Artikel ohne Datum",
        "archive.page": "Seite {page} von {pages}",
        "archive.newer": "Neuere Artikel",
        "archive.older": "Ältere Artikel",
        "archive.pages": "Seiten",
        "archive.years": "Jahrgänge",
        "archive.count.one": "{count} Artikel",
        "archive.count.other": "{count} Artikel",
        "listing.by": "von {names}",
        "feed.title": "Newsfeed",
        "feed.description": "Die neuesten Artikel von {site}",
        "switcher.label": "Sprache",
        "photo.caption": "Bildunterschrift",
        "photo.credit": "Bildnachweis",
    },
    "en": {
        "draft.title": "Machine translation, not yet reviewed: {share} reviewed",
        "draft.body": "Parts of this page were translated by machine and have not yet been "
        "checked by an editor.",
        "partial.title": "Translation in progress: {share} reviewed",
        "partial.body": "Passages not yet translated are shown in the German original.",
        "unavailable.title": "Not yet available in English",
        "unavailable.body": "This article has not been translated far enough yet; "
        "the German original follows.",
        "preview": "Preview: machine drafts are highlighted in yellow, untranslated passages "
        "in grey.",
        "preview.min": "The page is published once {min} of its text is reviewed.",
        "meta.author": "Author",
        "meta.source": "Source",
        "meta.date": "Date",
        "meta.contributors": "Contributors",
        "meta.translator": "Translation",
        "meta.source_translator": "German translation",
        "meta.machine": "machine, not yet reviewed",
        "404.title": "Page not found",
        "404.body": "This page does not exist (any more).",
        "404.home": "Go to the home page",
        "permalink": "Permanent link",
        "footer.generator": "Made with",
        "nav.front": "Front page",
        "nav.archive": "Archive",
        "front.title": "Latest articles",
        "front.more": "All articles in the archive",
        "front.empty": "No articles yet.",
        "archive.title": "Archive",
        "archive.year": "Archive {year}",
        "archive.undated": "Undated",
        "archive.undated.title": "Archive: undated articles",
        "archive.page": "Page {page} of {pages}",
        "archive.newer": "Newer articles",
        "archive.older": "Older articles",
        "archive.pages": "Pages",
        "archive.years": "Years",
        "archive.count.one": "{count} article",
        "archive.count.other": "{count} articles",
        "listing.by": "by {names}",
        "feed.title": "News feed",
        "feed.description": "The latest articles from {site}",
        "switcher.label": "Language",
        "photo.caption": "Photo caption",
        "photo.credit": "Photo credit",
    },
    "ru": {
        "draft.title": "Машинный перевод, ещё не проверен: проверено {share}",
        "draft.body": "Часть этой страницы переведена автоматически и ещё не проверена "
        "редакцией.",
        "partial.title": "Перевод не завершён: проверено {share}",
        "partial.body": "Ещё не переведённые места показаны в немецком оригинале.",
        "unavailable.title": "Пока недоступно на русском языке",
        "unavailable.body": "Перевод этой статьи ещё не готов; ниже приводится немецкий "
        "оригинал.",
        "preview": "Предпросмотр: машинные черновики выделены жёлтым, непереведённые места "
        "серым.",
        "preview.min": "Страница публикуется, когда проверено не менее {min} текста.",
        "meta.author": "Автор",
        "meta.source": "Источник",
        "meta.date": "Дата",
        "meta.contributors": "При участии",
        "meta.translator": "Перевод",
        "meta.source_translator": "Перевод на немецкий",
        "meta.machine": "машинный, не проверен",
        "404.title": "Страница не найдена",
        "404.body": "Такой страницы нет (или больше нет).",
        "404.home": "На главную",
        "permalink": "Постоянная ссылка",
        "footer.generator": "Сделано с помощью",
        "nav.front": "Главная",
        "nav.archive": "Архив",
        "front.title": "Последние статьи",
        "front.more": "Все статьи в архиве",
        "front.empty": "Статей пока нет.",
        "archive.title": "Архив",
        "archive.year": "Архив за {year} год",
        "archive.undated": "Без даты",
        "archive.undated.title": "Архив: статьи без даты",
        "archive.page": "Страница {page} из {pages}",
        "archive.newer": "Более новые статьи",
        "archive.older": "Более старые статьи",
        "archive.pages": "Страницы",
        "archive.years": "Годы",
        "archive.count.one": "{count} статья",
        "archive.count.few": "{count} статьи",
        "archive.count.many": "{count} статей",
        "archive.count.other": "{count} статьи",
        "listing.by": "автор: {names}",
        "feed.title": "Лента новостей",
        "feed.description": "Последние статьи сайта {site}",
        "switcher.label": "Язык",
        "photo.caption": "Подпись к фото",
        "photo.credit": "Источник фото",
    },
}

FALLBACK_LANGUAGE = "en"

#: date patterns where babel's "long" format is not the edition's: the English
#: edition is written in British English (neighbour, organisation, per cent), and
#: its catalogues write dates as "24 April 2022", not "April 24, 2022"; Russian
#: articles write the year out ("24 апреля 2022 года"), not babel's "2022 г."
DATE_FORMATS: dict[str, str] = {"en": "d MMMM y", "ru": "d MMMM y 'года'"}


@functools.lru_cache(maxsize=64)
def texts(language: str) -> Mapping[str, str]:
    """All words for *language* (English for a language without its own), read-only."""
    base = TEXTS[FALLBACK_LANGUAGE]
    return MappingProxyType({**base, **TEXTS.get(_base_language(language), {})})


def text(language: str, key: str, **values: Any) -> str:
    """One string for *language*, with ``{placeholders}`` filled from *values*."""
    return texts(language)[key].format(**values)


def count(language: str, key: str, number: int) -> str:
    """The words *key* for *number* things in *language*'s plural form (``3 статьи``)."""
    words = texts(language)
    form = _locale(language).plural_form(number)
    template = words.get(f"{key}.{form}") or words[f"{key}.other"]
    return template.format(count=format_decimal(number, locale=_locale(language)))


def percent(share: float, language: str) -> str:
    """*share* (0-100) rounded down to a whole percent, written the way *language* does."""
    return _percent(int(max(0.0, min(100.0, share))), language)


@functools.lru_cache(maxsize=1024)
def _percent(whole: int, language: str) -> str:
    return format_percent(whole / 100, locale=_locale(language))


def date(value: Any, language: str) -> str:
    """A front-matter date (``date`` or ISO string) written out in *language*."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            return value
    if not isinstance(value, dt.date):
        return str(value)
    return _date(value, language)


@functools.lru_cache(maxsize=4096)
def _date(value: dt.date, language: str) -> str:
    pattern = DATE_FORMATS.get(_base_language(language), "long")
    return format_date(value, pattern, locale=_locale(language))


def language_name(language: str) -> str:
    """The language's name in itself, capitalised (``Deutsch``, ``English``, ``Русский``)."""
    name = _locale(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


def _base_language(language: str) -> str:
    return language.replace("-", "_").split("_", 1)[0].lower()


@functools.lru_cache(maxsize=64)
def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale.parse(FALLBACK_LANGUAGE)
