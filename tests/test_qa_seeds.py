"""No false alarms on careful translations of the seeds' trickiest sentences.

Each pair is what a human editor would publish: locale number formats, target-language
quotation marks, dates, names as the glossary spells them.  The checks must report
nothing; and each planted mistake must be caught.
"""

from __future__ import annotations

import polib
import pytest

from babelpress.glossary import parse_glossary
from babelpress.qa import check_entry

#: rows of the project's glossary (locale/glossary.csv) for the names below, frozen
#: here so that the project's glossary can grow without changing this test
GLOSSARY = parse_glossary(
    """de,en,ru,note
Qassym-Schomart Tokajew / Kassym-Jomart Tokajew,Kassym-Jomart Tokayev,Касым-Жомарт Токаев,
Tokajew / Toqaev / Tokaev / Tokayev,Tokayev,Токаев,
Putin,Putin,Путин,
Dmitri Peskow / Dmitrij Peskow,Dmitry Peskov,Дмитрий Песков,
Wrublewskij / Wrublewskyj,Vrublevskyi,Врублевский,
Alexander Kobrinsky / Alexander Kobrinski,Alexander Kobrinsky,Александр Кобринский,
Timur Umarow / Temur Umarov,Temur Umarov,Темур Умаров,
Südossetien,South Ossetia,Южная Осетия,
Abchasien,Abkhazia,Абхазия,
Halyk Bank / Bank Halyk / Halyk,Halyk Bank,Халык Банк,
Innenministerium,Interior Ministry,МВД,
Londoner Börse,London Stock Exchange,Лондонская фондовая биржа,
"""
    "Volksrepubliken Donezk und Luhansk,Donetsk and Luhansk People's Republics,"
    "Донецкая и Луганская народные республики,\n"
)

PAIRS = [
    (
        "Das Land hat die «Sieges-Parade» zum 9. Mai abgesagt, und es weigert sich, die "
        "sogenannten Volksrepubliken Donezk und Luhansk in der Ostukraine anzuerkennen.",
        "The country has cancelled the “Victory Parade” on 9 May, and it refuses to recognise "
        "the so-called Donetsk and Luhansk People's Republics in eastern Ukraine.",
        "Страна отменила «Парад Победы» 9 мая и отказывается признавать так называемые "
        "Донецкую и Луганскую народные республики на востоке Украины.",
    ),
    (
        "Der Zentralasienexperte Timur Umarow sagte über einen drohenden Einmarsch Russlands in "
        "einem russischen Podcast, bis zum 24. Februar hätte er das für unmöglich gehalten.",
        "Speaking on a Russian podcast about a possible Russian invasion, the Central Asia "
        "expert Temur Umarov said that until 24 February he would have thought it impossible.",
        "Эксперт по Центральной Азии Темур Умаров сказал в российском подкасте о возможном "
        "вторжении России, что до 24 февраля счёл бы это невозможным.",
    ),
    (
        "„Wir erkennen weder Taiwan noch Kosovo noch Südossetien und Abchasien an.",
        "“We recognise neither Taiwan nor Kosovo nor South Ossetia and Abkhazia.",
        "«Мы не признаём ни Тайвань, ни Косово, ни Южную Осетию и Абхазию.",
    ),
    (
        "Kasachstan, das seit Beginn der Teilmobilisierung in Russland laut Innenministerium "
        "mehr als 140.000 Russen über seine Grenzen gelassen hat, möchte nicht in den Krieg "
        "in der Ukraine hineingezogen zu werden.",
        "Kazakhstan, which according to its Interior Ministry has let more than 140,000 "
        "Russians across its borders since the partial mobilisation began in Russia, does "
        "not want to be drawn into the war in Ukraine.",
        "Казахстан, который, по данным МВД, с начала частичной мобилизации в России впустил "
        "более 140 000 россиян, не хочет быть втянутым в войну на Украине.",
    ),
    (
        "Rund 2 500 Soldaten sicherten im Rahmen dieses Mandats die kritische Infrastruktur.",
        "Some 2,500 soldiers secured critical infrastructure under this mandate.",
        "Около 2 500 военнослужащих охраняли в рамках этого мандата критическую инфраструктуру.",
    ),
    (
        "Die Bank Halyk, das größte Finanzinstitut des Landes, verlor etwa 40 Prozent ihres "
        "Wertes an der Londoner Börse.",
        "Halyk Bank, the country's largest financial institution, lost about 40 per cent of "
        "its value on the London Stock Exchange.",
        "Халык Банк, крупнейший финансовый институт страны, потерял около 40 процентов своей "
        "стоимости на Лондонской фондовой бирже.",
    ),
    (
        "Professor Alexander Kobrinsky in der Nesawisimaja Gaseta vom 10. Juli 2022",
        "Professor Alexander Kobrinsky in Nezavisimaya Gazeta, 10 July 2022",
        "Профессор Александр Кобринский в «Независимой газете» от 10 июля 2022 года",
    ),
    (
        "Putin-Sprecher Dmitri Peskow bezeichnete Kasachstans Angebote an Firmen, die aus "
        'Russland abwandern, als "völlig normal".',
        "Putin's spokesman Dmitry Peskov called Kazakhstan's offers to companies leaving "
        "Russia “completely normal”.",
        "Пресс-секретарь Путина Дмитрий Песков назвал предложения Казахстана компаниям, "
        "уходящим из России, «совершенно нормальными».",
    ),
    (
        "Droht Kasachstan ein Einmarsch Russlands?",
        "Is Kazakhstan facing a Russian invasion?",
        "Грозит ли Казахстану вторжение России?",
    ),
    (
        "200 Menschen starben, als in Kasachstan zu Beginn des Jahres Massenproteste weltweit "
        "Schlagzeilen machten.",
        "200 people died when mass protests in Kazakhstan made headlines around the world at "
        "the beginning of the year.",
        "200 человек погибли, когда массовые протесты в Казахстане в начале года попали в "
        "заголовки мировых СМИ.",
    ),
    (
        "Wrublewskij hatte Ende August Aufsehen erregt, als er im Interview mit einem "
        "kasachstanischen Blogger von Bemühungen sprach, bei den Kriegshandlungen in der "
        "Ukraine „so viele \\[Russen\\] wie möglich zu töten“.",
        "Vrublevskyi had caused a stir at the end of August when, in an interview with a "
        "Kazakh blogger, he spoke of efforts in the fighting in Ukraine “to kill as many "
        "\\[Russians\\] as possible”.",
        "Врублевский в конце августа вызвал резонанс, когда в интервью казахстанскому "
        "блогеру говорил о стремлении в ходе боевых действий на Украине «убить как можно "
        "больше \\[русских\\]».",
    ),
    (
        "Russland hat, ausgehend von seinen Zielen, die Militäraktion in der Ukraine "
        "gestartet, ohne seine Partner, Verbündeten und Nachbarn um Rat zu fragen.",
        "Russia, proceeding from its own goals, launched the military operation in Ukraine "
        "without consulting its partners, allies and neighbours.",
        "Россия, исходя из своих целей, начала военную операцию на Украине, не посоветовавшись "
        "с партнёрами, союзниками и соседями.",
    ),
    (
        "Obwohl sie spürbare Auswirkungen auf sie hat (…) Wir können von ihnen erwarten, dass "
        "sie sich nicht auf Seiten unserer Gegner stellen.",
        "Even though it has a noticeable impact on them (…) We can expect them not to side "
        "with our opponents.",
        "Хотя она ощутимо на них влияет <…> Мы можем ожидать от них, что они не встанут на "
        "сторону наших противников.",
    ),
    (
        "So musste zwei von Verladeterminals des Caspian Pipeline Consortium, über das "
        "Kasachstan 80 Prozent seines Öls exportiert, offiziell wegen technischer Probleme "
        "den Betrieb einstellen.",
        "Two loading terminals of the Caspian Pipeline Consortium, through which Kazakhstan "
        "exports 80 per cent of its oil, officially had to stop operating because of "
        "technical problems.",
        "Так, два погрузочных терминала Каспийского трубопроводного консорциума, через "
        "который Казахстан экспортирует 80 процентов своей нефти, официально были вынуждены "
        "остановить работу из-за технических проблем.",
    ),
    (
        "Last Updated on 24. April 2022 by Lupo",
        "Last updated on 24 April 2022 by Lupo",
        "Обновлено 24 апреля 2022 года, автор: Lupo",
    ),
    (
        "Kasachstans Präsident Qassym-Schomart Tokajew geht auf vorsichtige Distanz zu Putin.",
        "Kazakhstan's President Kassym-Jomart Tokayev is cautiously distancing himself from Putin.",
        "Президент Казахстана Касым-Жомарт Токаев осторожно дистанцируется от Путина.",
    ),
    (
        "Die Truppen, die überwiegend aus Russland kamen, verließen Kasachstan binnen zwei Wochen.",
        "The troops, most of whom came from Russia, left Kazakhstan within two weeks.",
        "Войска, прибывшие в основном из России, покинули Казахстан в течение двух недель.",
    ),
]


def problems(msgid: str, msgstr: str, language: str) -> list[str]:
    entry = polib.POEntry(msgid=msgid, msgstr=msgstr)
    return [str(p) for p in check_entry(entry, language, GLOSSARY)]


@pytest.mark.parametrize(("german", "english", "russian"), PAIRS, ids=range(len(PAIRS)))
def test_careful_translations_raise_nothing(german: str, english: str, russian: str) -> None:
    assert problems(german, english, "en") == []
    assert problems(german, russian, "ru") == []


@pytest.mark.parametrize(
    ("index", "language", "good_part", "bad_part", "check"),
    [
        (3, "en", "140,000", "14,000", "numbers"),
        (3, "ru", "140 000", "140.000", "numbers"),
        (4, "en", "2,500", "2.500", "numbers"),
        (0, "ru", "9 мая", "8 мая", "numbers"),
        (1, "en", "24 February", "24 March 2022", "numbers"),
        (0, "en", "“Victory Parade”", "„Victory Parade“", "quotes"),
        (7, "ru", "«совершенно нормальными»", "«совершенно нормальными", "quotes"),
        (15, "en", "Tokayev", "Tokaev", "glossary"),
        (8, "en", "?", ".", "end-question"),
        (5, "en", "institution,", "institution,  ", "double-space"),
        (12, "en", "(…)", "(…", "brackets"),
        (12, "ru", "<…>", "(…)", "ru-omission"),
        (2, "en", "Abkhazia.", "Abkhazia.<script>alert(document.cookie)</script>", "safe-html"),
    ],
)
def test_planted_mistakes_are_caught(
    index: int, language: str, good_part: str, bad_part: str, check: str
) -> None:
    german = PAIRS[index][0]
    good = PAIRS[index][1 if language == "en" else 2]
    assert good_part in good
    found = problems(german, good.replace(good_part, bad_part), language)
    assert any(p.startswith(check + ":") for p in found), found
