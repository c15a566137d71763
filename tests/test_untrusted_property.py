"""Property: whatever a user puts into the inputs, the site carries no markup of theirs.

Hypothesis draws hostile strings -- script, event handlers, ``javascript:`` and
``data:`` URLs, style, attribute lists, reference definitions behind ``\\r`` or
U+2028, HTML comments, entities, paths -- mixed with text, and puts them into
every input a user controls:

* the lines of a seed (title, byline, "Mit Ergänzungen von", "Übersetzung:",
  the lead and the body) and the values of ``seeds/meta.yml`` (a hostile ``slug``
  must be refused, and nothing written);
* the msgstrs of the English catalogue, reviewed and fuzzy;
* the answers of a LibreTranslate-compatible server for the Russian drafts
  (through deep-translator's real client);
* the cells of ``locale/glossary.csv``.

Then ``normalise``, ``extract``, ``translate``, ``check`` and a real ``mkdocs build``
run, every HTML file is parsed (:mod:`html_audit`), and the test asserts that no
element or attribute came from the content (no ``on…`` attribute, ``javascript:``
URL, ``style`` attribute or ``<script>`` of theirs) and that no file outside the
project was created or changed.  Each example builds a whole site, so there are
few of them (about a minute in all).
"""

from __future__ import annotations

import csv
import io
import itertools

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from html_audit import audit_site, files_snapshot
from libre_server import LibreServer
from untrusted_project import babelpress, catalogues, fill_catalogue, make_project, mkdocs_build

MARKER = "xssbp"
M = MARKER
PAYLOADS = [
    f"<script>alert('{M}')</script>",
    f"<img src=x onerror=alert('{M}')>",
    f"<svg onload=alert('{M}')>",
    f"\"><script>alert('{M}')</script>",
    f"'><img src=x onerror=alert('{M}')>",
    f"<a href=\"javascript:alert('{M}')\">{M}</a>",
    f"<a href=\"jav&#x61;script:alert('{M}')\">{M}</a>",
    f"[{M}](javascript:alert('{M}'))",
    f"[{M}](java\tscript:alert('{M}'))",
    f"![{M}](https://{M}.example/pixel.gif)",
    f"<https://{M}.example>",
    f"{{: onclick=alert('{M}') }}",
    f"{{ #{M} .md-banner onmouseover=alert('{M}') }}",
    f"*{M}*{{ style=\"background:url({M})\" }}",
    f"<iframe src=javascript:alert('{M}')></iframe>",
    f"<style>body{{background:url({M})}}</style>",
    f"<div style=\"position:fixed;background:url({M})\">{M}</div>",
    f"\r\r[{M}]: javascript:alert('{M}')\r\r[{M}]",
    f"\u2028# {M}\u2028!!! danger \"{M}\"",
    f"\x0b[{M}]: https://{M}.example/\x0c[{M}]",
    f"<!-- {M} --><b onmouseover=alert('{M}')>{M}</b>",
    f"<base href=//{M}.example/>",
    f"<meta http-equiv=refresh content=\"0;url=javascript:alert('{M}')\">",
    f"<object data=\"data:text/html;base64,{M}\"></object>",
    f"<math><mtext><script>alert('{M}')</script></mtext></math>",
    f"\\<script>alert('{M}')</script>",
    f"&lt;script&gt;alert('{M}')&lt;/script&gt;",
    f"../../../{M}",
    f"<form action=javascript:alert('{M}')><button>{M}</button></form>",
]
_FILLER = st.text(
    alphabet=st.sampled_from(list("abc XYZ äöü.,:;!?-*_`[](){}<>\"'&#=/\\|~\n\r\t\u2028")),
    max_size=12,
)
#: a hostile string: some text, a payload, some text
hostile = st.builds(lambda a, p, b: a + p + b, _FILLER, st.sampled_from(PAYLOADS), _FILLER)


def _line(text: str) -> str:
    """*text* on one seed line (a seed's line breaks are its structure)."""
    return " ".join(text.replace("\r", " ").replace("\u2028", " ").split())


def _seed(h: list[str]) -> str:
    return "\n\n".join(
        [
            f"Kasachstan {_line(h[0])} geht auf Distanz",
            f"Max Mustermann, Redakteur für {_line(h[1])}",
            f"Astana sucht neue Partner {_line(h[2])}. Die Regierung bleibt vorsichtig.",
            f"Mit Ergänzungen von {_line(h[3])}",
            f"Übersetzung: {_line(h[4])}",
            "Ein Balanceakt",
            f"Der Politologe sagt {_line(h[5])}, das Land bleibe vorsichtig. Astana zögert.",
        ]
    ) + "\n"


def _glossary(h: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["de", "en", "ru", "note"])
    writer.writerow(["Astana", h[0], h[1], h[2]])
    writer.writerow([h[3], h[4], h[5], "hostile variant"])
    return out.getvalue()


@pytest.mark.slow
@settings(
    max_examples=12,
    deadline=None,
    # an example builds a site: shrinking one would take many minutes
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    seed=st.lists(hostile, min_size=6, max_size=6),
    meta=st.lists(hostile, min_size=6, max_size=6),
    msgstrs=st.lists(hostile, min_size=3, max_size=3),
    answers=st.lists(hostile, min_size=3, max_size=3),
    glossary=st.lists(hostile, min_size=6, max_size=6),
    bad_slug=hostile,
)
def test_no_markup_of_the_inputs_reaches_the_site_and_nothing_outside_changes(
    tmp_path_factory: pytest.TempPathFactory,
    seed: list[str],
    meta: list[str],
    msgstrs: list[str],
    answers: list[str],
    glossary: list[str],
    bad_slug: str,
) -> None:
    base = tmp_path_factory.mktemp("hostile")
    (base / "outside").mkdir()
    (base / "outside" / "canary.txt").write_text("untouched\n", encoding="utf-8")
    fields = {"title": meta[0], "description": meta[1], "author": meta[2],
              "contributors": [meta[3], meta[0]], "translator": meta[4],
              "source": meta[5]}  # fmt: skip
    root = make_project(
        base / "project",
        {"a.txt": _seed(seed), "b.txt": _seed(list(reversed(seed)))},
        {"b.txt": {**fields, "slug": bad_slug}},
        _glossary(glossary),
    )
    before = files_snapshot([base], skip=root)

    refused = babelpress(root, "normalise")
    assert refused.returncode == 2 and "'slug'" in refused.stderr, refused.stderr
    make_project(root, {}, {"b.txt": fields})
    for step in (("normalise",), ("extract",)):
        result = babelpress(root, *step)
        assert result.returncode == 0, (step, result.stdout, result.stderr)

    cycle = itertools.cycle(msgstrs)
    for number, path in enumerate(catalogues(root, "en")):
        fill_catalogue(path, lambda entry, n=number: (next(cycle), bool(n % 2)))
    with LibreServer() as server:
        replies = itertools.cycle(answers)
        server.translate = lambda text, source, target: f"{next(replies)} {text}"
        translated = babelpress(root, "translate", "--provider", "libre", "--url", server.url,
                                "--lang", "ru")  # fmt: skip
    assert "Traceback" not in translated.stderr, translated.stderr
    checked = babelpress(root, "check")
    assert checked.returncode in (0, 1) and "Traceback" not in checked.stderr, checked.stderr

    built = mkdocs_build(root)
    assert built.returncode == 0, built.stdout + built.stderr
    assert audit_site(root / "site", MARKER) == []
    assert files_snapshot([base], skip=root) == before
