"""The provider adapter, driving the real deep-translator and deepl clients over loopback HTTP."""

from __future__ import annotations

import pytest

from babelpress.errors import ConfigError, ProviderError
from babelpress.translate.providers import make_provider, pseudo_translate
from babelpress.translate.retry import RetryPolicy, scrub
from libre_server import LibreServer, closed_port

KEY = "sk-live-7f3a9c1e-SECRET/+="


class Sleeps(list):
    """A RetryPolicy sleep that records instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def server():
    with LibreServer(lifetime=30) as srv:
        yield srv


def libre(server: LibreServer, sleeps: Sleeps, **options):
    policy = RetryPolicy(attempts=options.pop("attempts", 4), sleep=sleeps, random=lambda: 0.5)
    return make_provider(
        "libre",
        url=server.url,
        environ={"LIBRE_API_KEY": KEY},
        retry=policy,
        timeout=options.pop("timeout", 5.0),
    )


def test_libre_translates_each_text_through_deep_translator(server) -> None:
    provider = libre(server, Sleeps())
    assert list(provider.translate(["Hallo {1}Welt{2}", "Zwei"], "en")) == [
        "EN: Hallo {1}Welt{2}",
        "EN: Zwei",
    ]
    assert server.requests == 2  # deep-translator sends one request per text
    assert server.keys_seen == [KEY, KEY]
    assert server.paths == ["/translate", "/translate"]  # the key travelled in the body


def test_libre_url_without_trailing_slash_and_no_key(server) -> None:
    provider = make_provider("libre", url=server.url.rstrip("/"), environ={})
    assert list(provider.translate(["Eins"], "ru")) == ["RU: Eins"]
    assert server.keys_seen == ["babelpress"]  # the placeholder deep-translator insists on


def test_429_then_success_backs_off_exponentially(server) -> None:
    sleeps = Sleeps()
    server.fail_statuses = [429, 429, 503]
    assert list(libre(server, sleeps).translate(["Drei"], "en")) == ["EN: Drei"]
    assert server.requests == 4
    assert sleeps == [0.75, 1.5, 3.0]  # base 1 s doubling, jitter fixed at the midpoint


def test_retry_after_is_honoured(server) -> None:
    sleeps = Sleeps()
    server.fail_statuses = [429]
    server.retry_after = "7"
    assert list(libre(server, sleeps).translate(["Vier"], "en")) == ["EN: Vier"]
    assert sleeps == [7.0]


def test_500_until_giving_up(server) -> None:
    sleeps = Sleeps()
    server.fail_always = 500
    with pytest.raises(ProviderError) as caught:
        list(libre(server, sleeps).translate(["Fünf"], "en"))
    message = str(caught.value)
    assert message.startswith("libre is failing: HTTP 500")
    assert "gave up after 4 attempts" in message
    assert server.requests == 4 and len(sleeps) == 3
    assert KEY not in message and "***" in message  # the server echoed the key


def test_texts_answered_before_a_failure_are_kept(server) -> None:
    server.fail_statuses = []
    provider = libre(server, Sleeps(), attempts=1)
    answers = provider.translate(["Eins", "Zwei"], "en")
    assert next(answers) == "EN: Eins"
    server.fail_always = 502
    with pytest.raises(ProviderError):
        next(answers)


def test_bad_key_is_not_retried_and_never_shown(server) -> None:
    sleeps = Sleeps()
    server.require_key = "the-right-one"
    with pytest.raises(ProviderError) as caught:
        list(libre(server, sleeps).translate(["Sechs"], "en"))
    message = str(caught.value)
    assert message.startswith("libre refused the API key: HTTP 403")
    assert "check LIBRE_API_KEY" in message
    assert KEY not in message and KEY not in repr(caught.value.args)
    assert caught.value.__cause__ is None and caught.value.__context__ is None
    assert server.requests == 1 and sleeps == []


def test_timeout_is_retried_then_reported(server) -> None:
    sleeps = Sleeps()
    server.delay = 1.0
    with pytest.raises(ProviderError) as caught:
        list(libre(server, sleeps, timeout=0.2, attempts=2).translate(["Sieben"], "en"))
    assert str(caught.value) == (
        "could not reach libre: no answer within 0.2 s (gave up after 2 attempts)"
    )
    assert len(sleeps) == 1


def test_timeout_then_answer(server) -> None:
    sleeps = Sleeps()
    server.delays = [1.0]
    provider = libre(server, sleeps, timeout=0.2, attempts=3)
    assert list(provider.translate(["Acht"], "en")) == ["EN: Acht"]
    assert server.requests == 2 and len(sleeps) == 1


def test_malformed_json_is_not_a_translation(server) -> None:
    server.malformed = True
    with pytest.raises(ProviderError) as caught:
        list(libre(server, Sleeps()).translate(["Neun"], "en"))
    assert str(caught.value) == "libre sent an answer that is not a translation: invalid JSON"
    assert server.requests == 1


def test_empty_answer_is_refused_for_its_text_only(server) -> None:
    """One text's empty answer is refused; the run goes on with the next text."""
    from babelpress.translate.answers import refusal

    server.translate = lambda text, source, target: "" if text == "Zehn" else f"EN: {text}"
    answers = list(libre(server, Sleeps()).translate(["Zehn", "Elf"], "en"))
    assert answers[1] == "EN: Elf"
    assert refusal(answers[0], (), "Zehn") == "the provider's answer held no text"


@pytest.mark.parametrize("name", ["libre", "google", "mymemory"])
def test_closed_port_is_unreachable_at_once(name: str) -> None:
    sleeps = Sleeps()
    url = f"http://127.0.0.1:{closed_port()}/"
    provider = make_provider(
        name, url=url, environ={"LIBRE_API_KEY": KEY}, retry=RetryPolicy(sleep=sleeps)
    )
    with pytest.raises(ProviderError) as caught:
        list(provider.translate(["Elf"], "en"))
    message = str(caught.value)
    assert message.startswith(f"could not reach {name}: connection refused (127.0.0.1:")
    assert KEY not in message and sleeps == []


def test_deepl_through_the_official_client(server) -> None:
    sleeps = Sleeps()
    provider = make_provider(
        "deepl",
        url=server.url,
        environ={"DEEPL_API_KEY": KEY},
        retry=RetryPolicy(sleep=sleeps, random=lambda: 0.5),
    )
    server.fail_statuses = [429]
    assert list(provider.translate(["Hallo", "Welt"], "en")) == ["EN-GB: Hallo", "EN-GB: Welt"]
    assert server.requests == 2 and len(sleeps) == 1  # one batch request, retried once
    assert server.keys_seen[-1] == KEY
    server.require_key = "other"
    with pytest.raises(ProviderError) as caught:
        list(provider.translate(["Drei"], "ru"))
    assert str(caught.value).startswith("deepl refused the API key")
    assert KEY not in str(caught.value)


def test_keyed_providers_need_their_key() -> None:
    for name, variable in (("deepl", "DEEPL_API_KEY"), ("microsoft", "MICROSOFT_API_KEY")):
        provider = make_provider(name, environ={})
        with pytest.raises(ProviderError, match=f"{name} needs an API key: set {variable}"):
            provider.ready()
    make_provider("libre", environ={}).ready()  # self-hosted servers may need none
    make_provider("google", environ={}).ready()


def test_unknown_provider_is_a_configuration_error() -> None:
    with pytest.raises(ConfigError, match="unknown provider 'babel'; choose one of google"):
        make_provider("babel")


def test_pseudo_is_offline_and_visibly_not_a_translation() -> None:
    provider = make_provider("pseudo", environ={})
    text = "Der {1}Präsident{2} sagte am 9. Mai: {3}"
    [out] = provider.translate([text], "ru")
    assert out == "⟦RU⟧ Dér {1}Präsídéñt{2} ságté ám 9. Máí: {3}"
    assert out == pseudo_translate(text, "ru")
    assert not provider.cacheable


def test_scrub_removes_every_form_of_a_secret() -> None:
    encoded = "sk-live-7f3a9c1e-SECRET%2F%2B%3D"
    text = f"key={KEY} url=https://x/?api_key={encoded} q={encoded}"
    cleaned = scrub(text, [KEY])
    assert "SECRET" not in cleaned and cleaned.count("***") == 3
