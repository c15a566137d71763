"""Front matter of rendered pages: byte for byte what ``yaml.safe_dump`` writes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from babelpress.render import frontmatter


def reference(data: Any) -> str:
    return yaml.safe_dump(
        data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10_000
    )


PAGE = {
    "title": "Droht ein Einmarsch? – „Keosajan“: 1.400 Soldaten",
    "description": "Was \"regimefreundlich\" heißt: 'Zitat' # kein Kommentar",
    "author": ["Anna Müller", "Борис Петров"],
    "date": dt.date(2024, 5, 9),
    "source": "https://example.org/artikel?id=7&x=1",
    "tags": [],
    "lang": "en",
    "babelpress": {"source": "docs/de/a.md", "reviewed": 64, "drafts": True, "published": True},
}


@pytest.mark.parametrize(
    "data",
    [
        PAGE,
        {"title": "yes", "n": None, "f": 1.5, "i": -3, "t": True, "e": ""},
        {"title": "Zeile eins\nZeile zwei\n", "x": " führendes Leerzeichen", "y": "- Liste"},
        {"title": "x" * 12_000 + " " + "y" * 50},
        {"when": dt.datetime(2024, 5, 9, 12, 30), "nested": [{"a": [1, {"b": "c"}]}]},
        # what the two emitters write differently: the pure-Python one is used
        {"title": "Emoji 😀 im Titel"},
        {"title": "NEL\x85 LS\u2028 PS\u2029"},
        {"": "empty key", "k" * 200: "long key", 1: "number key"},
        {"Schlüssel": "non-ASCII key", "title": "ok"},
        # one list twice: the representer writes an anchor and an alias
        {"a": (shared := ["x", "y"]), "b": shared},
        {"when": dt.datetime(2024, 5, 9, 8, 0, 1, 5, tzinfo=dt.timezone(dt.timedelta(hours=2)))},
        {"f": 1.0, "g": float("inf"), "h": -0.0, "i": 10**30, "j": False},
    ],
)
def test_dump_is_safe_dump(data: Any) -> None:
    assert frontmatter.dump(data) == reference(data)


def test_libyaml_used_only_where_it_is_identical() -> None:
    assert frontmatter._libyaml_safe(PAGE)
    assert not frontmatter._libyaml_safe({"title": "😀"})
    assert not frontmatter._libyaml_safe({"": 1})
    assert not frontmatter._libyaml_safe({"title": {1, 2}})


_KEYS = st.from_regex(r"[a-z_][a-z0-9_-]{0,20}", fullmatch=True) | st.text(max_size=8)
_TRICKY = " \n\t\r:#-'\"\\{}[]&*!|>%@`,?~.0123456789eéß„“—Ж\xa0\ufeff\x85"
_SCALARS = (
    st.text()
    | st.text(alphabet=_TRICKY, max_size=40)
    | st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.dates()
    | st.datetimes(timezones=st.none() | st.timezones())
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_KEYS, inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_KEYS, _VALUES, min_size=1, max_size=6))
def test_dump_is_safe_dump_for_any_front_matter(data: dict[Any, Any]) -> None:
    assert frontmatter.dump(data) == reference(data)


def _as_read(data: dict[Any, Any]) -> Any:
    """What a page whose front matter is ``dump(data)`` gives the one reading it as text."""
    from babelpress.markdown.reader import front_matter

    text = f"---\n{frontmatter.dump(data)}---\nKörper\n"
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # a text file's universal newlines
    return front_matter(text, path="docs/en/a.md")[0]


@settings(max_examples=400, deadline=None)
@given(
    st.dictionaries(
        _KEYS, _VALUES | st.datetimes(timezones=st.none() | st.timezones()), min_size=1, max_size=6
    )
)
def test_what_reads_back_is_what_is_read(data: dict[Any, Any]) -> None:
    if frontmatter.reads_back(data):
        assert _as_read(data) == data


def test_what_may_not_read_back_is_said() -> None:
    assert frontmatter.reads_back(PAGE)
    assert not frontmatter.reads_back({"title": "Zeile\rzwei"})
    assert not frontmatter.reads_back({"f": float("nan")})
    assert not frontmatter.reads_back({1: "number key"})
    assert not frontmatter.reads_back({"when": dt.datetime(2024, 5, 9, tzinfo=dt.timezone.utc)})
    assert not frontmatter.reads_back({"title": {1, 2}})
