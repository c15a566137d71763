"""The MT answer cache: deterministic, committed, written only when it grows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from babelpress.errors import InputError
from babelpress.translate.answer_cache import AnswerCache, cache_path


def test_round_trip_sorted_and_deterministic(tmp_path: Path) -> None:
    memory = AnswerCache(tmp_path, "google", "de", "ru")
    memory.put("Zweiter Satz.", "Второе предложение.")
    memory.put("Erster {1}Satz{2}.", "Первое {1}предложение{2}.")
    assert memory.save() is True
    path = cache_path(tmp_path, "google", "de", "ru")
    assert path == tmp_path / "mt-cache" / "google" / "de-ru.json"
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert list(data["entries"]) == ["Erster {1}Satz{2}.", "Zweiter Satz."]
    assert data["provider"] == "google" and data["target"] == "ru"
    assert "Второе" in text  # readable, not \\u-escaped
    again = AnswerCache(tmp_path, "google", "de", "ru")
    assert again.get("Zweiter Satz.") == "Второе предложение." and len(again) == 2
    again.put("Zweiter Satz.", "Второе предложение.")
    assert again.save() is False  # nothing new: nothing written
    assert path.read_text(encoding="utf-8") == text


def test_insertion_order_does_not_matter(tmp_path: Path) -> None:
    one = AnswerCache(tmp_path / "a", "libre", "de", "en")
    two = AnswerCache(tmp_path / "b", "libre", "de", "en")
    for key in ("b", "a", "c"):
        one.put(key, key.upper())
    for key in ("c", "b", "a"):
        two.put(key, key.upper())
    assert one.dumps() == two.dumps()


def test_corrupt_memory_names_file_and_line(tmp_path: Path) -> None:
    path = cache_path(tmp_path, "google", "de", "en")
    path.parent.mkdir(parents=True)
    path.write_text('{\n "entries": {\n  "a": "b",\n }\n}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"de-en.json:4: the MT answer cache is not valid"):
        AnswerCache(tmp_path, "google", "de", "en")
    path.write_text('{"entries": ["a"]}', encoding="utf-8")
    with pytest.raises(InputError, match="no 'entries' mapping"):
        AnswerCache(tmp_path, "google", "de", "en")


def test_checkpoints_append_to_a_journal_and_save_folds_it(tmp_path: Path) -> None:
    """After each batch only the new answers are written; the file once at the end."""
    memory = AnswerCache(tmp_path, "libre", "de", "en")
    path = cache_path(tmp_path, "libre", "de", "en")
    journal = path.with_name(".de-en.json.journal")
    memory.put("Eins.", "One.")
    assert memory.checkpoint() is True
    assert memory.checkpoint() is False  # nothing new since
    memory.put("Zwei.", "Two.")
    memory.checkpoint()
    assert not path.exists()
    assert journal.read_text("utf-8") == '["Eins.", "One."]\n["Zwei.", "Two."]\n'
    assert memory.save() is True
    assert not journal.exists()
    assert json.loads(path.read_text("utf-8"))["entries"] == {"Eins.": "One.", "Zwei.": "Two."}


def test_a_killed_runs_journal_is_read_and_folded_in(tmp_path: Path) -> None:
    first = AnswerCache(tmp_path, "libre", "de", "ru")
    first.put("Alt.", "Старый.")
    first.save()
    first.put("Neu.", "Новый.")
    first.checkpoint()
    first.put("Weg.", "Прочь.")
    first.checkpoint()
    journal = cache_path(tmp_path, "libre", "de", "ru").with_name(".de-ru.json.journal")
    data = journal.read_bytes()
    journal.write_bytes(data[: len(data) - 5])  # killed while writing the last line
    again = AnswerCache(tmp_path, "libre", "de", "ru")
    assert again.get("Alt.") == "Старый." and again.get("Neu.") == "Новый."
    assert again.get("Weg.") is None
    assert again.save() is True  # nothing new asked, but the journal is folded in
    assert not journal.exists()
    third = AnswerCache(tmp_path, "libre", "de", "ru")
    assert len(third) == 2 and third.save() is False
