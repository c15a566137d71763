"""One adapter over the machine-translation libraries.

:func:`make_provider` returns a :class:`Provider` for ``google`` (free, no key),
``deepl`` (``DEEPL_API_KEY``), ``microsoft`` (``MICROSOFT_API_KEY``, optional
``MICROSOFT_REGION``), ``libre`` (``LIBRE_API_KEY``, ``url`` for a self-hosted
server), ``mymemory`` and the offline ``pseudo``.  Keys come from the environment
only.  ``Provider.translate(texts, target)`` yields one translation per text, in
order; a failure raises :class:`~babelpress.translate.retry.ProviderFailure` (a
:class:`~babelpress.errors.ProviderError`) after the retries, and the texts yielded
before it stay valid.

deep-translator (1.11.4, unmaintained) is wrapped, not trusted:

* no request has a timeout (``google.py:67``, ``libre.py:89``, ``mymemory.py:68``,
  ``microsoft.py:67,92``), so the adapter hands the engine module a stand-in for
  ``requests`` that adds one and records the status and ``Retry-After`` of the answer;
* errors lose the HTTP status (``ServerException`` maps some codes to words,
  ``RequestError`` none), and ``RequestError``, ``MicrosoftAPIerror``,
  ``TooManyRequests``, ``ServerException``, ``AuthorizationException`` and
  ``BaiduAPIerror`` do not derive from its ``BaseError`` (``exceptions.py:91-195``):
  every exception is caught here and classified by the recorded status;
* ``AuthorizationException`` puts the API key into its message
  (``exceptions.py:179-182``; raised on HTTP 403 by ``libre.py:97``, ``deepl.py:87``),
  and LibreTranslator puts the key into the URL query of a POST (``libre.py:85-90``),
  where ``requests`` error texts and server logs show it: the stand-in moves those
  parameters into the form body, and messages are built here, then scrubbed;
* ``libre.py:92`` (and ``deepl.py:83``) catch the built-in ``ConnectionError``, not
  ``requests``' one, so a refused connection escapes raw; ``microsoft.py:99-104``
  logs it and then calls ``.json()`` on ``None``; the Microsoft constructor fetches
  the language list from a fixed URL without any error handling
  (``microsoft.py:55,63-70``), whatever base URL is set afterwards;
* key defaults are read from the environment at import time (``libre.py:35``,
  ``microsoft.py:27``, ``deepl.py:33``), so the key is always passed explicitly;
* LibreTranslator always wants a key (``libre.py:51-52``) and joins ``custom_url +
  "translate"`` (``libre.py:89-90``): the URL gets a trailing ``/`` and a placeholder
  key stands in where the server needs none;
* ``translate_batch`` is a plain loop that loses everything on the first error
  (``base.py:171-183``), so texts are sent one by one here, each retried on its own;
* Google may return ``None`` (``google.py:85-101``); MyMemory forgets to raise
  (``mymemory.py:78-79``) and reports quota errors as a 200 "translation"
  (``MYMEMORY WARNING: ...``);
* its DeepL client authenticates with ``auth_key`` in a GET query (``deepl.py:73-81``),
  which DeepL no longer accepts (its issues #299/#304), so ``deepl`` uses the
  official ``deepl`` package, which also translates a list in one request.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from typing import Any, TypeVar

from babelpress.errors import ConfigError
from babelpress.translate.answers import Unusable
from babelpress.translate.retry import (
    Failure,
    ProviderFailure,
    RetryPolicy,
    call_with_retry,
    scrub,
)

T = TypeVar("T")

PROVIDERS = ("google", "deepl", "microsoft", "libre", "mymemory", "pseudo")
KEY_VARIABLES = {
    "deepl": "DEEPL_API_KEY",
    "microsoft": "MICROSOFT_API_KEY",
    "libre": "LIBRE_API_KEY",
}
#: sent to a LibreTranslate server that needs no key (deep-translator insists on one)
LIBRE_NO_KEY = "babelpress"
DEFAULT_TIMEOUT = 30.0


class Provider:
    """A translation service; subclasses implement :meth:`translate`."""

    name = "provider"
    #: longest text accepted in one request
    max_chars = 5000
    #: most texts in one request; None: texts are sent one per request anyway
    batch_items: int | None = None
    #: whether answers are kept in the MT answer cache
    cacheable = True

    def __init__(
        self,
        *,
        retry: RetryPolicy | None = None,
        key: str | None = None,
        secrets: Sequence[str] = (),
    ) -> None:
        self.retry = retry or RetryPolicy()
        self.key = key
        #: the keys of the other providers that are configured: secrets as much as its own
        self.other_keys = tuple(secrets)

    @property
    def secrets(self) -> tuple[str, ...]:
        """Every configured API key: scrubbed from messages, refused in answers."""
        return tuple(dict.fromkeys([*([self.key] if self.key else []), *self.other_keys]))

    def ready(self) -> None:
        """Raise ProviderFailure if the provider cannot work at all (e.g. no key)."""
        variable = KEY_VARIABLES.get(self.name)
        if variable and not self.key and self.name != "libre":
            raise ProviderFailure(f"{self.name} needs an API key: set {variable}", "auth")

    def translate(self, texts: Sequence[str], target: str) -> Iterator[str]:
        raise NotImplementedError

    def _retrying(self, call: Callable[[], T]) -> T:
        return call_with_retry(call, provider=self.name, policy=self.retry, secrets=self.secrets)


class PseudoProvider(Provider):
    """Offline: marks the German text as not translated, ``⟦EN⟧ Dér Prä...``."""

    name = "pseudo"
    max_chars = 100_000
    cacheable = False

    def translate(self, texts: Sequence[str], target: str) -> Iterator[str]:
        for text in texts:
            yield pseudo_translate(text, target)


_ACCENTS = str.maketrans("aeiouyAEIOUYnNcC", "áéíóúýÁÉÍÓÚÝñÑçÇ")


def pseudo_translate(text: str, target: str) -> str:
    """Visibly not a translation: a language mark and accented letters; tokens kept."""
    return f"⟦{target.upper()}⟧ {text.translate(_ACCENTS)}"


class DeepTranslatorProvider(Provider):
    """google, microsoft, libre, mymemory through deep-translator, one text per request."""

    #: name -> (module, class, longest text)
    ENGINES: Mapping[str, tuple[str, str, int]] = {
        "google": ("deep_translator.google", "GoogleTranslator", 4999),
        "microsoft": ("deep_translator.microsoft", "MicrosoftTranslator", 10000),
        "libre": ("deep_translator.libre", "LibreTranslator", 10000),
        "mymemory": ("deep_translator.mymemory", "MyMemoryTranslator", 499),
    }

    def __init__(
        self,
        name: str,
        *,
        source: str,
        url: str | None = None,
        key: str | None = None,
        region: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        secrets: Sequence[str] = (),
    ) -> None:
        super().__init__(retry=retry, key=key, secrets=secrets)
        self.name = name
        self.module_name, self.class_name, self.max_chars = self.ENGINES[name]
        self.source = source
        self.url = url
        self.region = region
        self.timeout = timeout
        self._clients: dict[str, Any] = {}

    def translate(self, texts: Sequence[str], target: str) -> Iterator[str]:
        client = self._retrying(lambda: self._client(target))
        for text in texts:
            yield self._retrying(partial(self._one, client, text))

    def _client(self, target: str) -> Any:
        if target not in self._clients:
            self._clients[target] = self._guarded(lambda: self._build(target))
        return self._clients[target]

    def _build(self, target: str) -> Any:
        engine = getattr(importlib.import_module(self.module_name), self.class_name)
        options: dict[str, Any] = {"source": self._code(self.source), "target": self._code(target)}
        if self.name == "libre":
            options["api_key"] = self.key or LIBRE_NO_KEY
            options["use_free_api"] = False
            if self.url:
                options["custom_url"] = self.url.rstrip("/") + "/"
        elif self.name == "microsoft":
            options["api_key"] = self.key
            options["region"] = self.region
        client = engine(**options)
        if self.url and self.name != "libre":
            client._base_url = self.url
        return client

    def _code(self, language: str) -> str:
        """MyMemory wants a region (``de-DE``, ``en-GB``); the others a plain code."""
        if self.name != "mymemory":
            return language
        from deep_translator.constants import MY_MEMORY_LANGUAGES_TO_CODES as codes

        preferred = {"en": "en-GB"}.get(language, f"{language}-{language.upper()}")
        known = set(codes.values())
        if preferred in known:
            return preferred
        return next((c for c in sorted(known) if c.split("-")[0] == language), language)

    def _one(self, client: Any, text: str) -> str:
        result = self._guarded(lambda: client.translate(text))
        if not isinstance(result, str) or (text.strip() and not result.strip()):
            # this text's answer only: the run goes on with the others
            return Unusable("the provider's answer held no text")
        if result.startswith(("MYMEMORY WARNING", "QUERY LENGTH LIMIT")):
            raise Failure("rejected", scrub(result, self.secrets).split(".")[0][:120])
        return result

    def _guarded(self, call: Callable[[], T]) -> T:
        """Run *call* with timeouts on every request; turn any exception into a Failure."""
        from babelpress.translate import failures

        module = importlib.import_module(self.module_name)
        # LibreTranslate reads form bodies: keep the key out of the URL
        transport = failures.Transport(
            self.timeout, form_body=self.name == "libre", secrets=self.secrets
        )
        saved = module.requests
        module.requests = transport  # type: ignore[attr-defined]
        try:
            return call()
        except Failure:
            raise
        except Exception as exc:
            key_variable = KEY_VARIABLES.get(self.name)
            raise failures.classify(exc, transport, key_variable, self.secrets) from None
        finally:
            module.requests = saved  # type: ignore[attr-defined]


class DeeplProvider(Provider):
    """DeepL through the official ``deepl`` package: one request per batch."""

    name = "deepl"
    max_chars = 30_000
    batch_items = 50

    def __init__(
        self,
        *,
        source: str,
        url: str | None,
        key: str | None,
        retry: RetryPolicy | None = None,
        secrets: Sequence[str] = (),
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        super().__init__(retry=retry, key=key, secrets=secrets)
        self.source = source
        self.url = url
        self.timeout = timeout
        self._translator: Any = None

    def translate(self, texts: Sequence[str], target: str) -> Iterator[str]:
        yield from self._retrying(lambda: self._send(list(texts), target))

    def _send(self, texts: list[str], target: str) -> list[str]:
        import deepl

        from babelpress.translate import failures

        try:
            if self._translator is None:
                # one retry policy (ours) rather than two nested ones
                deepl.http_client.max_network_retries = 0
                self._translator = deepl.Translator(self.key or "", server_url=self.url)
                # its requests bounded as ours are: a hostile server's redirect, endless
                # answer or one byte a second go nowhere
                self._translator._client._session = failures.BoundedSession(self.timeout)
            results = self._translator.translate_text(
                texts,
                source_lang=self.source.upper(),
                target_lang=deepl_target(target),
                preserve_formatting=True,
            )
            answer = [r.text for r in (results if isinstance(results, list) else [results])]
        except Exception as exc:
            raise failures.classify_deepl(exc, self.secrets, self.timeout) from None
        if not all(isinstance(text, str) for text in answer):
            raise Failure("malformed", "a translation that is no text")
        if len(answer) != len(texts):
            raise Failure("malformed", f"{len(answer)} translations for {len(texts)} texts")
        return answer


def deepl_target(language: str) -> str:
    """DeepL wants a variant for English and Portuguese (``EN`` is refused)."""
    return {"en": "EN-GB", "pt": "PT-PT"}.get(language.lower(), language.upper())


def make_provider(
    name: str,
    *,
    source: str = "de",
    url: str | None = None,
    environ: Mapping[str, str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    retry: RetryPolicy | None = None,
) -> Provider:
    """The provider called *name*, with its key from *environ* (default: os.environ)."""
    environ = os.environ if environ is None else environ
    if name not in PROVIDERS:
        raise ConfigError(f"unknown provider {name!r}; choose one of {', '.join(PROVIDERS)}")
    key = environ.get(KEY_VARIABLES.get(name, ""), "") or None
    configured = [environ[v] for v in KEY_VARIABLES.values() if environ.get(v)]
    if name == "pseudo":
        return PseudoProvider(retry=retry, secrets=configured)
    if name == "deepl":
        return DeeplProvider(
            source=source, url=url, key=key, retry=retry, secrets=configured, timeout=timeout
        )
    return DeepTranslatorProvider(
        name,
        source=source,
        url=url,
        key=key,
        region=environ.get("MICROSOFT_REGION") or None,
        timeout=timeout,
        retry=retry,
        secrets=configured,
    )
