"""A state or cache file nested deeper than Python's json reads (it recurses per level).

Each file is input a clone brings (the normalise manifest and the MT cache are kept in
git) or a killed run leaves: a cache that cannot be read is rebuilt, a kept file that
cannot be read is an error naming it, and no command ends in a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from babelpress import config
from babelpress.errors import ConfigError, InputError
from babelpress.extract.memory_index import _read
from babelpress.normalise.files import Manifest
from babelpress.render.cache import RenderCache
from babelpress.translate.answer_cache import _load

DEEP = "[" * 200_000 + "]" * 200_000


def test_a_kept_manifest_or_answer_cache_too_deep_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "manifest.json").write_text(DEEP)
    with pytest.raises(ConfigError, match="unreadable manifest"):
        Manifest(tmp_path / "manifest.json", tmp_path)
    (tmp_path / "de-en.json").write_text(DEEP)
    with pytest.raises(InputError, match="nests too deep"):
        _load(tmp_path / "de-en.json", tmp_path)


def test_a_cache_too_deep_is_rebuilt(tmp_path: Path) -> None:
    (tmp_path / "docs" / "de").mkdir(parents=True)
    settings = config.load(tmp_path)
    settings.locale_path.mkdir(parents=True)
    for name in (".babelpress-render.json", "memory.json"):
        (settings.locale_path / name).write_text(DEEP)
    assert _read(settings.locale_path / "memory.json", tmp_path) == {}
    cache = RenderCache(settings, "build")
    assert cache.entries == {}
