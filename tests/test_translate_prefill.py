"""translate_catalogues against the loopback LibreTranslate server, with the real client."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

import pytest

from babelpress import config
from babelpress.errors import ProviderError
from babelpress.translate.prefill import translate_catalogues
from babelpress.translate.providers import Provider, make_provider
from babelpress.translate.retry import RetryPolicy
from libre_server import LibreServer, closed_port
from translate_project import (
    DISTINCT,
    FUZZY,
    HUMAN,
    OBSOLETE,
    entries,
    make_project,
    msgfmt_check,
    po_files,
    snapshot,
)

DAY = datetime.date(2026, 11, 23)
COMMENT = "Machine translation (libre, 2026-11-23), not reviewed"


@pytest.fixture
def server():
    with LibreServer(lifetime=60) as srv:
        yield srv


def libre(server: LibreServer, sleeps: list[float] | None = None, **options):
    return make_provider(
        "libre",
        url=server.url,
        environ={},
        timeout=options.pop("timeout", 5.0),
        retry=RetryPolicy(
            attempts=options.pop("attempts", 3),
            sleep=(sleeps if sleeps is not None else []).append,
            random=lambda: 0.5,
        ),
    )


def run(root: Path, provider, **options):
    settings = config.load(root)
    return translate_catalogues(settings, provider=provider, today=DAY, progress=False, **options)


def assert_valid(root: Path) -> None:
    for path in po_files(root):
        msgfmt_check(path)


def test_happy_path(tmp_path: Path, server: LibreServer) -> None:
    root = make_project(tmp_path / "p")
    report = run(root, libre(server))
    assert_valid(root)
    en = entries(root / "locale/en/LC_MESSAGES/a.po")
    heading = en["Kasachstan und die OVKS"]
    assert heading.msgstr == "EN: Kasachstan und die CSTO"  # glossary post-edit
    assert heading.fuzzy and heading.tcomment == COMMENT
    markup = en["Präsident **Toqaev** traf [Putin][1] in Sotschi."]
    assert markup.msgstr == "EN: Präsident **Tokayev** traf [Putin][1] in Sochi."
    assert markup.flags == ["fuzzy", "md-text"]
    long_item = next(e for k, e in en.items() if k.startswith("Ein langer"))
    assert long_item.msgstr.endswith("Zeilen geht.\n") and long_item.msgstr.startswith("EN: ")
    human = en["Ein Satz, den ein Mensch übersetzt hat."]
    assert human.msgstr == HUMAN["en"] and not human.fuzzy and not human.tcomment
    old = en["Ein alter Satz."]
    assert old.msgstr == FUZZY["en"] and old.fuzzy and not old.tcomment
    ru_b = entries(root / "locale/ru/LC_MESSAGES/b.po")
    assert ru_b["Kasachstan und die OVKS"].msgstr == "RU: Kasachstan und die ОДКБ"
    assert ru_b["Mehr bei `Vlast.kz` und <2>."].msgstr == "RU: Mehr bei `Vlast.kz` und <2>."
    obsolete = [e for e in _po(root / "locale/en/LC_MESSAGES/a.po") if e.obsolete]
    assert [(e.msgid, e.msgstr) for e in obsolete if e.msgstr] == [
        ("Ein alter obsoleter Satz.", OBSOLETE["en"])
    ]
    assert not any("obsoleter" in text for text in server.texts)
    # the shared heading went out once per language; markup went out as tokens
    assert server.requests == 2 * DISTINCT
    assert "Präsident {1}Toqaev{2} traf {3}Putin{4} in Sotschi." in server.texts
    assert [(r.language, r.segments_sent, r.drafts, r.from_cache) for r in report.languages] == [
        ("en", DISTINCT, DISTINCT + 1, 0),
        ("ru", DISTINCT, DISTINCT + 1, 0),
    ]
    assert report.languages[0].chars_sent == sum(len(t) for t in server.texts[:DISTINCT])


def test_rerun_sends_nothing_and_writes_nothing(tmp_path: Path, server: LibreServer) -> None:
    root = make_project(tmp_path / "p")
    run(root, libre(server))
    before, requests = snapshot(root), server.requests
    report = run(root, libre(server))
    assert server.requests == requests and report.files_written == 0
    assert snapshot(root) == before


def test_memory_answers_fresh_catalogues_without_requests(tmp_path: Path, server) -> None:
    first = make_project(tmp_path / "one")
    run(first, libre(server))
    memory = first / "locale/mt-cache/libre/de-en.json"
    assert memory.exists() and len(json.loads(memory.read_text())["entries"]) == DISTINCT
    second = make_project(tmp_path / "two")
    shutil.copytree(first / "locale/mt-cache", second / "locale/mt-cache")
    requests = server.requests
    report = run(second, libre(server))
    assert server.requests == requests
    assert [r.from_cache for r in report.languages] == [DISTINCT, DISTINCT]
    for lang in ("en", "ru"):
        for page in ("a", "b"):
            path = f"locale/{lang}/LC_MESSAGES/{page}.po"
            assert (second / path).read_bytes() == (first / path).read_bytes()


def test_batches_stay_within_the_character_limit(tmp_path: Path, server: LibreServer) -> None:
    root = make_project(tmp_path / "p", batch_chars=120, extra=12)
    deepl = make_provider(
        "deepl", url=server.url, environ={"DEEPL_API_KEY": "k-123456"}, retry=RetryPolicy()
    )
    run(root, deepl, languages=["en"])
    assert len(server.batches) > 3
    assert all(sum(len(t) for t in batch) <= 120 for batch in server.batches)
    assert len(server.texts) == len(set(server.texts)) == DISTINCT + 12
    assert_valid(root)


def test_429_then_success(tmp_path: Path, server: LibreServer) -> None:
    root = make_project(tmp_path / "p")
    server.fail_statuses = [429, 429]
    sleeps: list[float] = []
    report = run(root, libre(server, sleeps))
    assert sleeps == [0.75, 1.5]
    assert sum(r.segments_sent for r in report.languages) == 2 * DISTINCT
    assert_valid(root)


def test_500_until_giving_up_saves_what_was_done(tmp_path: Path, server: LibreServer) -> None:
    root = make_project(tmp_path / "p", batch_chars=100)
    server.fail_always, server.fail_from = 500, 3
    with pytest.raises(ProviderError) as caught:
        run(root, libre(server))
    message = str(caught.value)
    assert message.startswith("libre is failing: HTTP 500: scripted failure")
    assert message.endswith(
        f"(gave up after 3 attempts); 3 of {2 * DISTINCT} segments translated, saved"
    )
    assert_valid(root)
    drafts = [e for p in po_files(root) for e in entries(p).values() if e.tcomment == COMMENT]
    assert len({e.msgid for e in drafts}) == 3
    memory = json.loads((root / "locale/mt-cache/libre/de-en.json").read_text())
    assert len(memory["entries"]) == 3
    server.fail_always = None  # the next run goes on where this one stopped
    requests = server.requests
    run(root, libre(server))
    assert server.requests - requests == 2 * DISTINCT - 3


@pytest.mark.parametrize(
    ("script", "message"),
    [
        (
            {"delay": 1.0},
            "could not reach libre: no answer within 0.2 s (gave up after 2 attempts)",
        ),
        ({"malformed": True}, "libre sent an answer that is not a translation: invalid JSON"),
    ],
)
def test_failure_before_any_answer_changes_nothing(
    tmp_path: Path, server: LibreServer, script: dict, message: str
) -> None:
    root = make_project(tmp_path / "p")
    before = snapshot(root)
    for name, value in script.items():
        setattr(server, name, value)
    with pytest.raises(ProviderError) as caught:
        run(root, libre(server, timeout=0.2, attempts=2))
    assert str(caught.value) == f"{message}; nothing was changed"
    assert snapshot(root) == before


def test_unreachable_provider_changes_nothing(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    before = snapshot(root)
    for name in ("google", "libre"):
        url = f"http://127.0.0.1:{closed_port()}/"
        provider = make_provider(name, url=url, environ={}, retry=RetryPolicy(sleep=print))
        with pytest.raises(ProviderError) as caught:
            run(root, provider)
        message = str(caught.value)
        assert message.startswith(f"could not reach {name}: connection refused (127.0.0.1:")
        assert message.endswith("); nothing was changed")
    assert snapshot(root) == before


def test_mangled_placeholders_are_kept_and_flagged(tmp_path: Path, server: LibreServer) -> None:
    root = make_project(tmp_path / "p")
    server.mangle = lambda text: text.replace("{4}", "")
    report = run(root, libre(server), languages=["en"])
    entry = entries(root / "locale/en/LC_MESSAGES/a.po")[
        "Präsident **Toqaev** traf [Putin][1] in Sotschi."
    ]
    assert entry.msgstr == "EN: Präsident **Tokayev** traf [Putin in Sochi."
    assert entry.fuzzy
    assert entry.tcomment == f"{COMMENT}\nbabelpress-placeholders: missing '][1]'"
    assert report.languages[0].flagged == 1
    assert_valid(root)


def test_dry_run_sends_and_writes_nothing(tmp_path: Path, server: LibreServer) -> None:
    root = make_project(tmp_path / "p")
    before = snapshot(root)
    report = run(root, libre(server), dry_run=True)
    assert server.requests == 0 and snapshot(root) == before
    assert report.dry_run and len(report.languages[0].planned) == DISTINCT
    assert "Präsident {1}Toqaev{2} traf {3}Putin{4} in Sotschi." in report.languages[1].planned


def test_limit_caps_segments_sent(tmp_path: Path, server: LibreServer) -> None:
    root = make_project(tmp_path / "p")
    report = run(root, libre(server), limit=3)
    assert server.requests == 3
    assert [(r.segments_sent, r.deferred) for r in report.languages] == [
        (3, DISTINCT - 3),
        (0, DISTINCT),
    ]
    assert_valid(root)
    run(root, libre(server))
    assert server.requests == 2 * DISTINCT


def test_pseudo_provider_offline(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    run(root, "pseudo", languages=["ru"])
    entry = entries(root / "locale/ru/LC_MESSAGES/a.po")[
        "Präsident **Toqaev** traf [Putin][1] in Sotschi."
    ]
    assert entry.msgstr == "⟦RU⟧ Präsídéñt **Tóqáév** tráf [Pútíñ][1] íñ Sótsçhí."
    assert "Machine translation (pseudo, 2026-11-23), not reviewed" in entry.tcomment
    assert not (root / "locale/mt-cache").exists()
    assert_valid(root)


def test_progress_bar_does_not_disturb_the_run(tmp_path: Path, server: LibreServer) -> None:
    root = make_project(tmp_path / "p")
    settings = config.load(root)
    report = translate_catalogues(settings, provider=libre(server), today=DAY, progress=True)
    assert report.segments_sent == 2 * DISTINCT


def _po(path: Path):
    import polib

    return polib.pofile(str(path))


def test_texts_too_long_for_the_provider_are_skipped(tmp_path: Path, server) -> None:
    root = make_project(tmp_path / "p")
    provider = libre(server)
    provider.max_chars = 30
    report = run(root, provider, languages=["en"])
    sent = report.languages[0]
    assert not any(len(text) > 30 for text in sent.planned)
    assert sent.too_long == 3 and sent.segments_sent == DISTINCT - 3
    assert all(len(text) <= 30 for text in server.texts)
    assert_valid(root)


class Interrupted(Provider):
    """Answers two texts of a batch, then the user presses Ctrl-C."""

    name = "pseudo"
    cacheable = False

    def translate(self, texts, target):
        yield from (f"[{target}] {text}" for text in texts[:2])
        raise KeyboardInterrupt


def test_ctrl_c_keeps_the_answers_of_the_batch_in_flight(tmp_path: Path) -> None:
    root = make_project(tmp_path / "p")
    with pytest.raises(KeyboardInterrupt):
        run(root, Interrupted(), languages=["en"])
    assert_valid(root)
    saved = {e.msgid for p in po_files(root) for e in entries(p).values() if e.tcomment}
    assert len(saved) == 2


class EditorMeanwhile(Provider):
    """Before answering its first batch, an editor saves a translation in b.po."""

    name = "pseudo"
    cacheable = False

    def __init__(self, catalogue: Path, msgid: str, msgstr: str) -> None:
        super().__init__()
        self.edit = (catalogue, msgid, msgstr)

    def translate(self, texts, target):
        if self.edit is not None:
            path, msgid, msgstr = self.edit
            po = _po(path)
            po.find(msgid).msgstr = msgstr
            po.save(str(path))
            self.edit = None
        return [f"[{target}] {text}" for text in texts]


def test_an_edit_saved_during_the_run_is_kept(tmp_path: Path) -> None:
    # catalogues are read again just before their drafts go in: an editor who saves
    # while the provider is busy does not lose the translation to a machine draft
    root = make_project(tmp_path / "p")
    b = root / "locale/en/LC_MESSAGES/b.po"
    heading = "Kasachstan und die OVKS"
    assert entries(b)[heading].msgstr == ""
    run(root, EditorMeanwhile(b, heading, "Kazakhstan and the CSTO"), languages=["en"])
    assert_valid(root)
    kept = entries(b)[heading]
    assert kept.msgstr == "Kazakhstan and the CSTO" and not kept.fuzzy and not kept.tcomment
    # the same heading in a.po, untouched by the editor, got its draft
    assert entries(root / "locale/en/LC_MESSAGES/a.po")[heading].msgstr.startswith("[en] ")
    assert all(e.msgstr for e in entries(b).values())
