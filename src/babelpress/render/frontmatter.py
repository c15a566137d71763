"""Front matter written as YAML, fast where that changes no byte.

:func:`dump` returns exactly what ``yaml.safe_dump(data, allow_unicode=True,
sort_keys=False, default_flow_style=False, width=10_000)`` returns: the block
style a rendered page's front matter has always had.  PyYAML's pure-Python
emitter costs about a millisecond per page; its libyaml binding (``CSafeDumper``)
is several times faster and emits the same text for ordinary front matter.  It
does not for everything, so it is used only when :func:`_libyaml_safe` holds:

- every mapping key is a short identifier-like string (``title``, ``og_image``):
  libyaml decides between ``key:`` and the ``? key`` form by the key's length in
  bytes, PyYAML in characters, and they write an empty key differently;
- no string holds a character outside the Basic Multilingual Plane (libyaml
  escapes emoji as ``\\U0001F600``, PyYAML writes them as they are) or one of the
  Unicode line breaks NEL, LS and PS (written quoted differently);
- values are only strings, numbers, booleans, ``None``, dates, lists and mappings
  (a date-time's offset from UTC in whole minutes, as YAML's timestamps have them).

Anything else goes through the pure-Python emitter, so the output never depends
on which emitter ran (nor on whether libyaml is installed).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import yaml

_OPTIONS: dict[str, Any] = {
    "allow_unicode": True,
    "sort_keys": False,
    "default_flow_style": False,
    "width": 10_000,
}
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,63}")
#: characters the two emitters write differently
_UNSAFE = re.compile("[\x85\u2028\u2029\ud800-\udfff\U00010000-\U0010ffff]")
_SCALARS = (str, int, float, bool, type(None), dt.date)
_FAST_DUMPER: Any = getattr(yaml, "CSafeDumper", None)


def dump(data: Any) -> str:
    """*data* as block-style YAML, byte for byte what ``yaml.safe_dump`` writes."""
    if _FAST_DUMPER is not None and _libyaml_safe(data):
        try:
            node = _node(data, set())
        except _Unplain:
            return yaml.dump(data, Dumper=_FAST_DUMPER, **_OPTIONS)
        # the nodes SafeRepresenter makes, made directly: it costs more than libyaml's emitting
        return yaml.serialize(node, Dumper=_FAST_DUMPER, allow_unicode=True, width=10_000)
    return yaml.dump(data, Dumper=yaml.SafeDumper, **_OPTIONS)


class _Unplain(Exception):
    """A value :func:`_node` leaves to PyYAML's representer (a float, a shared list)."""


_TAG = "tag:yaml.org,2002:"


def _node(value: Any, containers: set[int]) -> yaml.Node:
    """The node ``SafeRepresenter`` (block style, keys unsorted) makes of *value*."""
    kind = type(value)
    if kind is str:
        return yaml.ScalarNode(_TAG + "str", value)
    if kind is bool:
        return yaml.ScalarNode(_TAG + "bool", "true" if value else "false")
    if kind is int:
        return yaml.ScalarNode(_TAG + "int", str(value))
    if value is None:
        return yaml.ScalarNode(_TAG + "null", "null")
    if kind is dt.date:
        return yaml.ScalarNode(_TAG + "timestamp", value.isoformat())
    if kind is dt.datetime:
        return yaml.ScalarNode(_TAG + "timestamp", value.isoformat(" "))
    if kind is list or kind is dict:
        if id(value) in containers:  # the representer writes an anchor and an alias
            raise _Unplain
        containers.add(id(value))
        if kind is list:
            items = [_node(item, containers) for item in value]
            return yaml.SequenceNode(_TAG + "seq", items, flow_style=False)
        pairs = [(_node(k, containers), _node(v, containers)) for k, v in value.items()]
        return yaml.MappingNode(_TAG + "map", pairs, flow_style=False)
    raise _Unplain


def reads_back(value: Any) -> bool:
    """True when loading :func:`dump` of *value* as a page's front matter gives *value* again.

    Plain strings (no carriage return, which reading a page as text turns into a line
    end), finite numbers, booleans, ``None``, dates and naive date-times, in lists and
    mappings with string keys; anything else is read back from the text to be sure.
    """
    if isinstance(value, str):
        return "\r" not in value and _UNSAFE.search(value) is None
    if isinstance(value, dict):
        return all(
            isinstance(key, str) and reads_back(key) and reads_back(item)
            for key, item in value.items()
        )
    if isinstance(value, list):
        return all(reads_back(item) for item in value)
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dt.datetime):
        return value.tzinfo is None
    return isinstance(value, _SCALARS)


def _libyaml_safe(value: Any) -> bool:
    """True when libyaml writes *value* exactly as PyYAML does (see the module docstring)."""
    if isinstance(value, str):
        return _UNSAFE.search(value) is None
    if isinstance(value, dict):
        return all(
            isinstance(key, str) and _KEY.fullmatch(key) is not None and _libyaml_safe(item)
            for key, item in value.items()
        )
    if isinstance(value, list):
        return all(_libyaml_safe(item) for item in value)
    if isinstance(value, dt.datetime):
        # an offset with seconds is no implicit timestamp: the emitters quote it differently
        offset = value.utcoffset()
        return offset is None or offset % dt.timedelta(minutes=1) == dt.timedelta(0)
    return isinstance(value, _SCALARS)
