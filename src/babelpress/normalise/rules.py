"""The data-driven rules of normalising, loaded from YAML.

Contract:

* :func:`load_rules` reads the packaged defaults (``babelpress/data/normalise_rules.yml``)
  and, if present, a project file (``seeds/rules.yml``) with the same keys.  Lists in the
  project file are appended to the defaults; mappings are merged key by key; single
  values replace the default.
* Every pattern is compiled once, case-insensitive (a pattern can switch that off locally
  with ``(?-i:...)``).  A bad pattern or a wrong type raises
  :class:`~babelpress.errors.ConfigError` naming the file and the key.
* :class:`Rules` is immutable and holds no text of any particular article: an unseen
  article gets the same treatment as the seeds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from babelpress.config import parse_yaml_mapping
from babelpress.errors import ConfigError, excerpt
from babelpress.fsutil import read_text
from babelpress.normalise.evidence import EvidenceRules, Weights
from babelpress.normalise.text import plain_spaces

DEFAULT_RULES = "normalise_rules.yml"
PROJECT_RULES = "rules.yml"


@dataclass(frozen=True)
class Rules:
    """Compiled rules; see the packaged ``normalise_rules.yml`` for their meaning."""

    boilerplate: tuple[tuple[str, re.Pattern[str]], ...]
    trailer: tuple[re.Pattern[str], ...]
    #: lines after a trailer marker that show comments or an offer, not the article
    trailer_context: tuple[re.Pattern[str], ...]
    #: a poll's buttons: a "poll" label followed by one of them opens a poll
    vote: tuple[re.Pattern[str], ...]
    #: lines the evidence never removes
    keep: tuple[re.Pattern[str], ...]
    metadata: tuple[re.Pattern[str], ...]
    #: metadata read only above the first or below the last paragraph of prose
    metadata_edge: tuple[re.Pattern[str], ...]
    byline_name: re.Pattern[str]
    #: a letter's closing formula ("Mit freundlichen Grüßen"): its signature follows
    letter_close: re.Pattern[str]
    metadata_label: re.Pattern[str]
    #: a dateline opening the first paragraph ("Wendrichsfeld, 3. April 2025 – …")
    dateline: re.Pattern[str]
    months: dict[str, int]
    caption_label: re.Pattern[str]
    credit: tuple[re.Pattern[str], ...]
    attribution: tuple[re.Pattern[str], ...]
    kicker: re.Pattern[str]
    heading_max_words: int
    heading_max_chars: int
    wrap_width: int
    #: short lines that are content, never a heading (a signature, a match's goals)
    not_heading: tuple[re.Pattern[str], ...]
    pull_quote_threshold: float
    pull_quote_max_sentences: int
    pull_quote_max_chars: int
    pull_quote_distance: int
    #: words whose change makes a near-repeat a different statement (plus months, digits)
    fact_words: frozenset[str]
    evidence: EvidenceRules
    box_heading: tuple[re.Pattern[str], ...]
    bullet: re.Pattern[str]
    #: a line ending in a colon that announces a list ("folgende Warnzeichen:")
    announce: re.Pattern[str]
    #: a sentence telling the reader what to do ("Essen Sie …", "Ruf an …")
    imperative: re.Pattern[str]
    #: a numbered line ("1. …", "2) …"): its number in the group ``number``
    numbered: re.Pattern[str]
    schedule: re.Pattern[str]
    fact: re.Pattern[str]
    #: a line of an address card: street and town, telephone, e-mail, web address
    address_card: re.Pattern[str]
    ad_label: re.Pattern[str]
    #: the line a mail program puts over a forwarded message; what stands above it is
    #: the forwarder's, the header lines right below it (``mail_header``) the mail's
    forward_marker: re.Pattern[str]
    mail_header: re.Pattern[str]
    #: the site's offer's label, the button closing such a box, a dialog's buttons
    promo_label: re.Pattern[str]
    box_button: re.Pattern[str]
    dialog_button: re.Pattern[str]
    author_box: re.Pattern[str]
    #: a call to action ending an offer's line ("… – jetzt kostenlos herunterladen.")
    box_call: re.Pattern[str]
    #: a contact block's label and its phone or e-mail line; a media player's button
    contact_label: re.Pattern[str]
    contact: re.Pattern[str]
    player_button: re.Pattern[str]
    #: a line that is one figure: a number, a price, a change in per cent
    figure: re.Pattern[str]
    interview_markers: tuple[re.Pattern[str], ...]
    speaker: re.Pattern[str]
    address: re.Pattern[str]

    @cached_property
    def _any_boilerplate(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """(patterns anchored at the line's start, the others), each as one pattern:
        the anchored ones are tried at the start only, not at every position."""
        anchored = [p for _, p in self.boilerplate if _anchored(p.pattern)]
        floating = [p for _, p in self.boilerplate if not _anchored(p.pattern)]
        return _any_of(anchored), _any_of(floating)

    @cached_property
    def any_metadata(self) -> re.Pattern[str]:
        """Matches every line that some metadata pattern matches (a quick first test)."""
        return _any_of((*self.metadata, *self.metadata_edge, self.metadata_label))

    @cached_property
    def any_trailer(self) -> re.Pattern[str]:
        return _any_of(self.trailer)

    def boilerplate_kind(self, line: str) -> str | None:
        """The boilerplate kind *line* belongs to, or None."""
        line = plain_spaces(line)
        anchored, floating = self._any_boilerplate
        if not anchored.match(line) and not floating.search(line):
            return None
        for kind, pattern in self.boilerplate:
            if pattern.search(line):
                return kind
        return None


def _anchored(source: str) -> bool:
    """*source* starts with ``^`` and has no ``|`` outside brackets and groups (so
    every match starts at the start of the line)."""
    if not source.startswith("^"):
        return False
    depth, i = 0, 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":  # a class: "]" right after "[" or "[^" is a literal
            i += 1
            i += source[i : i + 1] == "^"
            i += source[i : i + 1] == "]"
            while i < len(source) and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
            i += 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return False
        i += 1
    return True


def _any_of(patterns: Iterable[re.Pattern[str]]) -> re.Pattern[str]:
    """One pattern that matches where any of *patterns* does (named groups renamed).

    Patterns that cannot stand in one (a project's ``(?s)`` inside, a backreference to a
    named group) make it a pattern that matches every line: the quick first test then
    lets each line through to the patterns themselves.
    """
    patterns = list(patterns)
    sources = [re.sub(r"\(\?P<\w+>", "(?:", p.pattern) for p in patterns]
    try:
        return re.compile("|".join(f"(?:{s})" for s in sources) or "$^", re.IGNORECASE)
    except (re.error, OverflowError, RecursionError):
        return re.compile("")


def load_rules(project_file: str | Path | None = None, *, root: Path | None = None) -> Rules:
    """Defaults plus *project_file* (if given and present, confined to *root*), compiled."""

    default_text = (resources.files("babelpress") / "data" / DEFAULT_RULES).read_text("utf-8")
    data = _parse(default_text, DEFAULT_RULES)
    origin = DEFAULT_RULES
    if project_file is not None and Path(project_file).is_file():
        origin = str(project_file)
        try:
            extra = _parse(read_text(project_file, root=root), origin)
        except UnicodeDecodeError as exc:
            raise ConfigError(f"not UTF-8: {exc.reason}", path=origin, offset=exc.start) from exc
        data = merge(data, extra)
        return compile_rules(data, origin, read_text(project_file, root=root))
    return compile_rules(data, origin)


def _parse(text: str, origin: str) -> dict[str, Any]:
    return parse_yaml_mapping(text, origin=origin)


def merge(base: Any, extra: Any) -> Any:
    """Lists are concatenated, mappings merged recursively, other values replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        merged = dict(base)
        for key, value in extra.items():
            merged[key] = merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(extra, list):
        return base + [item for item in extra if item not in base]
    return extra


def compile_rules(
    data: dict[str, Any], origin: str = DEFAULT_RULES, text: str | None = None
) -> Rules:
    """Build :class:`Rules` from a parsed (merged) rules mapping (*text*: the project's
    rules file, to name the line of a bad pattern)."""
    try:
        return _compiled(_Getter(data, origin, text), data)
    except (
        TypeError,
        ValueError,
        AttributeError,
        OverflowError,
    ) as exc:  # a value of the wrong kind
        problem = excerpt(str(exc), 80)
        raise ConfigError(f"a rules value of the wrong kind: {problem}", path=origin) from exc


def _compiled(get: _Getter, data: dict[str, Any]) -> Rules:
    boilerplate = tuple(
        (str(kind), pattern)
        for kind, patterns in get.mapping("boilerplate").items()
        for pattern in get.patterns(f"boilerplate.{kind}", patterns)
    )
    structure = get.mapping("structure")
    pull = get.mapping("pull_quote")
    captions = get.mapping("captions")
    months = {str(k).lower(): int(v) for k, v in get.mapping("months").items()}
    parts = {str(k): str(v) for k, v in get.mapping("metadata_parts").items()}
    lists = get.mapping("lists")
    interview = get.mapping("interview")
    return Rules(
        boilerplate=boilerplate,
        trailer=get.patterns("trailer", data.get("trailer", [])),
        trailer_context=get.patterns("trailer_context", data.get("trailer_context", [])),
        vote=get.patterns("vote", data.get("vote", [])),
        keep=get.patterns("keep", data.get("keep") or []),
        metadata=get.patterns("metadata", _filled(data.get("metadata", []), parts)),
        metadata_edge=get.patterns("metadata_edge", _filled(data.get("metadata_edge", []), parts)),
        byline_name=get.pattern("byline_name", data.get("byline_name", "$^"), group="author"),
        letter_close=get.pattern("letter_close", data.get("letter_close", "$^")),
        metadata_label=get.pattern(
            "metadata_label", _filled([data.get("metadata_label", "$^")], parts)[0]
        ),
        dateline=get.pattern(
            "dateline", _filled([data.get("dateline", "$^")], parts)[0], group="date"
        ),
        months=months,
        caption_label=get.pattern("captions.caption_label", captions.get("caption_label", "$^")),
        credit=get.patterns("captions.credit", captions.get("credit", [])),
        attribution=get.patterns("attribution", data.get("attribution", [])),
        kicker=get.pattern("kicker", data.get("kicker", "$^"), group="kicker"),
        heading_max_words=get.number("structure.heading_max_words", structure, 14),
        heading_max_chars=get.number("structure.heading_max_chars", structure, 120),
        wrap_width=get.number("structure.wrap_width", structure, 100),
        not_heading=get.patterns("structure.not_heading", structure.get("not_heading") or []),
        pull_quote_threshold=float(get.number("pull_quote.threshold", pull, 0.75)),
        pull_quote_max_sentences=get.number("pull_quote.max_sentences", pull, 2),
        pull_quote_max_chars=get.number("pull_quote.max_chars", pull, 400),
        pull_quote_distance=get.number("pull_quote.distance", pull, 8),
        fact_words=frozenset(str(w).casefold() for w in pull.get("fact_words") or []) | set(months),
        evidence=_evidence(get),
        box_heading=get.patterns("lists.box_heading", lists.get("box_heading", [])),
        bullet=get.pattern("lists.bullet", lists.get("bullet", "$^")),
        numbered=get.pattern("lists.numbered", lists.get("numbered", "$^"), group="number"),
        announce=get.pattern("lists.announce", lists.get("announce", "$^")),
        imperative=get.pattern("lists.imperative", lists.get("imperative", "$^")),
        schedule=get.pattern("lists.schedule", lists.get("schedule", "$^")),
        fact=get.pattern("lists.fact", lists.get("fact", "$^")),
        address_card=get.pattern("lists.address_card", lists.get("address_card", "$^")),
        ad_label=get.pattern("ad_label", data.get("ad_label", "$^")),
        forward_marker=get.pattern("forward_marker", data.get("forward_marker", "$^")),
        mail_header=get.pattern("mail_header", data.get("mail_header", "$^")),
        promo_label=get.pattern("promo_label", data.get("promo_label", "$^")),
        box_button=get.pattern("box_button", data.get("box_button", "$^")),
        dialog_button=get.pattern("dialog_button", data.get("dialog_button", "$^")),
        author_box=get.pattern("author_box", data.get("author_box", "$^")),
        box_call=get.pattern("box_call", data.get("box_call", "$^")),
        contact_label=get.pattern("contact_label", data.get("contact_label", "$^")),
        contact=get.pattern("contact", data.get("contact", "$^")),
        player_button=get.pattern("player_button", data.get("player_button", "$^")),
        figure=get.pattern("figure", data.get("figure", "$^")),
        interview_markers=get.patterns("interview.markers", interview.get("markers", [])),
        speaker=get.pattern("interview.speaker", interview.get("speaker", "$^")),
        address=get.pattern("interview.address", interview.get("address", "$^")),
    )


def _filled(sources: Any, parts: dict[str, str]) -> Any:
    """Patterns with ``{DATE}``-style pieces of ``metadata_parts`` put in."""
    if not isinstance(sources, list):
        return sources
    out = []
    for source in sources:
        # a piece may hold another ({DATE} in {EDITION}): as often as there are pieces
        for _ in parts:
            if not isinstance(source, str) or "{" not in source:
                break
            for name, piece in parts.items():
                source = source.replace("{" + name + "}", f"(?:{piece})")
                if len(source) > MAX_FILLED:
                    # a piece holding itself twice ({A}: '{A}{A}') doubles at each turn
                    raise ValueError(
                        f"metadata_parts put into a pattern make it over {MAX_FILLED} "
                        "characters; does a piece hold itself?"
                    )
        out.append(source)
    return out


#: a pattern with its metadata_parts put in is at most this long (the built-in ones are
#: under 3,000 characters)
MAX_FILLED = 100_000


def _evidence(get: _Getter) -> EvidenceRules:
    section = get.mapping("evidence")
    key = "evidence"
    raw_weights = section.get("weights") or {}
    if not isinstance(raw_weights, dict):
        raise ConfigError("rules key 'evidence.weights' must be a mapping", path=get.origin)
    weights = Weights(
        **{
            name: float(get.number(f"{key}.weights.{name}", raw_weights, getattr(Weights(), name)))
            for name in Weights.__dataclass_fields__
        }
    )
    site_words: dict[str, float] = {}
    for weight, names in (section.get("site_words") or {}).items():
        site_words.update({str(n).casefold(): float(weight) for n in get.words(key, names)})
    return EvidenceRules(
        weights=weights,
        site_words=site_words,
        platforms=get.words(f"{key}.platforms", section.get("platforms")),
        site_verbs=get.words(f"{key}.site_verbs", section.get("site_verbs")),
        site_nouns=get.words(f"{key}.site_nouns", section.get("site_nouns")),
        section_names=get.words(f"{key}.section_names", section.get("section_names")),
        function_words=get.words(f"{key}.function_words", section.get("function_words")),
        counters=get.patterns(f"{key}.counters", section.get("counters", [])),
        codes=get.patterns(f"{key}.codes", section.get("codes", [])),
        reader_address=get.pattern(f"{key}.reader_address", section.get("reader_address", "$^")),
        call_to_action=get.pattern(f"{key}.call_to_action", section.get("call_to_action", "$^")),
        remove_at=float(get.number(f"{key}.remove_at", section, 1.0)),
        doubt_at=float(get.number(f"{key}.doubt_at", section, 0.5)),
        sentence_remove_at=float(get.number(f"{key}.sentence_remove_at", section, 1.5)),
        sentence_doubt_at=float(get.number(f"{key}.sentence_doubt_at", section, 0.8)),
        prose_min_words=int(get.number(f"{key}.prose_min_words", section, 6)),
    )


class _Getter:
    """Typed access to the rules mapping with errors naming the file and key."""

    def __init__(self, data: dict[str, Any], origin: str, text: str | None = None) -> None:
        self.data = data
        self.origin = origin
        self.text = text

    def mapping(self, key: str) -> dict[str, Any]:
        value = self.data.get(key) or {}
        if not isinstance(value, dict):
            raise ConfigError(f"rules key {key!r} must be a mapping", path=self.origin)
        return value

    def pattern(self, key: str, source: Any, group: str | None = None) -> re.Pattern[str]:
        """*source* compiled; with *group*, it must have a group of that name."""
        if not isinstance(source, str):
            raise ConfigError(f"rules key {key!r}: pattern must be a string", path=self.origin)
        try:
            compiled = re.compile(source, re.IGNORECASE)
        except (re.error, OverflowError, RecursionError) as exc:
            raise ConfigError(
                f"rules key {key!r}: bad pattern {excerpt(source, 60)!r}: {exc}",
                path=self.origin,
                line=self.line_of(source),
            ) from exc
        if group is not None and group not in compiled.groupindex and source != "$^":
            raise ConfigError(
                f"rules key {key!r}: the pattern needs a group named {group!r}",
                path=self.origin,
                line=self.line_of(source),
            )
        return compiled

    def line_of(self, source: str) -> int | None:
        """The line of the rules file holding *source* (None: not found, or the defaults)."""
        text = self.text or ""
        for number, line in enumerate(text.splitlines(), 1):
            if source in line or repr(source)[1:-1] in line:
                return number
        return None

    def patterns(self, key: str, sources: Any) -> tuple[re.Pattern[str], ...]:
        if isinstance(sources, str):
            sources = [sources]
        if not isinstance(sources, list):
            raise ConfigError(f"rules key {key!r} must be a list of patterns", path=self.origin)
        return tuple(self.pattern(key, source) for source in sources)

    def words(self, key: str, values: Any) -> frozenset[str]:
        if values is None:
            return frozenset()
        if not isinstance(values, list):
            raise ConfigError(f"rules key {key!r} must be a list of words", path=self.origin)
        return frozenset(str(value).casefold() for value in values)

    def number(self, key: str, mapping: dict[str, Any], default: float) -> Any:
        value = mapping.get(key.rsplit(".", 1)[-1], default)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"rules key {key!r} must be a number", path=self.origin)
        return value
