"""Optional full-sentence translation into English (``translation_en``).

A backend is chosen by a spec string (``annotate --translate SPEC``):

- ``none`` (default): no translation; ``translation_en`` stays null.
- ``openai:URL[#MODEL]``: an OpenAI-compatible chat endpoint the user runs or has (vLLM, llama.cpp
  server, Ollama, a hosted API): ``POST URL/chat/completions``, one sentence per request, the key
  from ``$ZHGLOSS_TRANSLATE_API_KEY`` if set.  ``#MODEL`` is sent as ``model`` (servers hosting
  several models need it).
- ``argos:PATH``: an Argos Translate (CTranslate2) model package the user has, used through the
  optional ``argostranslate`` package.  Nothing is ever downloaded.

Every backend implements :class:`Translator`; :func:`load_translator` wraps it in a per-run cache so
a sentence repeated across articles is translated once.  Only units with Chinese text whose kind is in
:data:`TRANSLATED_KINDS` are translated (bylines, publications and affiliations are names, not prose).
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from . import rx
from .errors import MissingDependency, ZhglossError

#: Unit kinds that get a translation.
TRANSLATED_KINDS = frozenset({"title", "heading", "lead", "body", "caption", "note"})

SYSTEM_PROMPT = (
    "Translate the Traditional Chinese political text into English. "
    "Keep names as commonly written in English. Reply with the translation only."
)

#: Environment variable holding the API key of an ``openai:`` endpoint (sent as a Bearer token).
API_KEY_ENV = "ZHGLOSS_TRANSLATE_API_KEY"

SPEC_FORMS = "none, openai:URL[#MODEL] (e.g. openai:http://127.0.0.1:8000/v1#qwen2.5-7b) or argos:PATH"

_HAN = rx.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_THINK = rx.compile(r"^\s*<think>.*?</think>\s*", re.S)


class Translator:
    """Translates Chinese sentences into English, one result per input, in order."""

    name = "translator"

    def translate_batch(self, texts: list[str]) -> list[str]:
        raise NotImplementedError

    def check(self) -> None:
        """Fail early (one :class:`ZhglossError`) if the backend cannot work; default: nothing to check."""

    def close(self) -> None:
        pass


class CachingTranslator(Translator):
    """Wraps a backend: each distinct text is sent once per run."""

    def __init__(self, inner: Translator):
        self.inner = inner
        self.name = inner.name
        self.cache: dict[str, str] = {}

    def translate_batch(self, texts: list[str]) -> list[str]:
        todo = list(dict.fromkeys(t for t in texts if t not in self.cache))
        if todo:
            done = self.inner.translate_batch(todo)
            if len(done) != len(todo):
                raise ZhglossError(f"translation backend {self.name} returned {len(done)} results for {len(todo)} texts")
            self.cache.update(zip(todo, done))
        return [self.cache[t] for t in texts]

    def check(self) -> None:
        self.inner.check()

    def close(self) -> None:
        self.inner.close()


# --------------------------------------------------------------------------------------------- openai


class OpenAITranslator(Translator):
    """An OpenAI-compatible ``/chat/completions`` endpoint, one sentence per request."""

    def __init__(self, url: str, model: str | None = None, api_key: str | None = None,
                 timeout: float = 60.0, retries: int = 3, backoff: float = 1.0):
        self.url = url.rstrip("/")
        self.model = model
        self.api_key = api_key
        self.timeout = timeout
        self.retries = max(1, retries)
        self.backoff = backoff
        self.name = f"openai:{self.url}" + (f"#{model}" if model else "")
        self._client = None

    @property
    def client(self):
        if self._client is None:
            import httpx

            headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
            self._client = httpx.Client(timeout=self.timeout, headers=headers)
        return self._client

    def _error(self, what: str, where: str | None = None) -> ZhglossError:
        return ZhglossError(
            f"translation server {self.url}: {what}",
            "check that the server is running and the URL ends where /chat/completions is added "
            "(e.g. http://127.0.0.1:8000/v1), or drop --translate",
            where=where,
        )

    def check(self) -> None:
        """One quick request to ``URL/models``: an unreachable server or a refused key is reported
        before any article.  Servers that do not list models (404 and the like) pass."""
        import httpx

        try:
            r = self.client.get(f"{self.url}/models", timeout=min(self.timeout, 10.0))
        except httpx.HTTPError as exc:
            raise self._error(f"cannot connect ({type(exc).__name__}: {exc})", "--translate") from None
        if r.status_code in (401, 403):
            raise ZhglossError(
                f"translation server {self.url}: HTTP {r.status_code} (key refused)",
                f"set ${API_KEY_ENV} to a valid API key",
                where="--translate",
            )

    def translate_batch(self, texts: list[str]) -> list[str]:
        return [self._translate_one(t) for t in texts]

    def _translate_one(self, text: str) -> str:
        import httpx

        body: dict = {
            "messages": [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": text}],
            "temperature": 0,
        }
        if self.model:
            body["model"] = self.model
        problem = ""
        for attempt in range(self.retries):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                r = self.client.post(f"{self.url}/chat/completions", json=body)
            except httpx.HTTPError as exc:
                problem = f"cannot connect ({type(exc).__name__}: {exc})"
                continue
            if r.status_code == 429 or r.status_code >= 500:
                problem = f"HTTP {r.status_code}"
                continue  # busy or failing: try again
            if r.status_code >= 400:
                detail = r.text.strip().replace("\n", " ")[:200]
                raise self._error(f"HTTP {r.status_code}" + (f": {detail}" if detail else ""))
            try:
                content = r.json()["choices"][0]["message"]["content"]
            except (ValueError, KeyError, IndexError, TypeError):
                raise self._error("the reply is not an OpenAI chat completion (no choices[0].message.content)") from None
            return _THINK.sub("", content or "").strip()
        raise self._error(f"{problem} after {self.retries} attempt(s)")

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


# ---------------------------------------------------------------------------------------------- argos


class ArgosTranslator(Translator):
    """An Argos Translate model package (``.argosmodel``) from a local path, Chinese → English."""

    SOURCE_CODES = ("zt", "zh")  # Traditional Chinese first, then (Simplified) Chinese

    def __init__(self, path: Path):
        try:
            import argostranslate.package
            import argostranslate.translate
        except ImportError:
            raise MissingDependency("argostranslate", "--translate argos:…") from None
        if not path.exists():
            raise ZhglossError("no such Argos Translate model package",
                               "pass the path of a zh→en .argosmodel file you have", where=str(path))
        self.name = f"argos:{path}"
        try:
            argostranslate.package.install_from_path(path)
        except Exception as exc:  # a corrupt or foreign file: argostranslate raises various errors
            raise ZhglossError(f"not an Argos Translate model package ({type(exc).__name__}: {exc})",
                               "pass the path of a zh→en .argosmodel file", where=str(path)) from None
        languages = {lang.code: lang for lang in argostranslate.translate.get_installed_languages()}
        self._translation = None
        if "en" in languages:
            for code in self.SOURCE_CODES:
                if code in languages:
                    self._translation = languages[code].get_translation(languages["en"])
                    if self._translation is not None:
                        break
        if self._translation is None:
            raise ZhglossError("no Chinese → English model after installing this package",
                               "pass a zh→en (or zt→en) Argos Translate package", where=str(path))

    def translate_batch(self, texts: list[str]) -> list[str]:
        return [self._translation.translate(t).strip() for t in texts]


# ----------------------------------------------------------------------------------------------- spec


def parse_spec(spec: str) -> tuple[str, str, str | None]:
    """``(kind, target, model)`` from a spec string; raises :class:`ZhglossError` for an unknown one."""
    spec = (spec or "none").strip()
    if spec.lower() == "none":
        return "none", "", None
    kind, sep, rest = spec.partition(":")
    kind = kind.lower()
    if sep and kind == "openai":
        url, _, model = rest.partition("#")
        if re.match(r"https?://[^/\s]+", url):
            return "openai", url, model or None
        raise ZhglossError(f"bad translation endpoint {rest!r}", "give an http(s) URL, e.g. openai:http://127.0.0.1:8000/v1#MODEL",
                           where="--translate")
    if sep and kind == "argos" and rest:
        return "argos", rest, None
    raise ZhglossError(f"unknown translation backend {spec!r}", f"use one of: {SPEC_FORMS}", where="--translate")


def load_translator(spec: str) -> Translator | None:
    """The (cached) translator for ``spec``, or None for ``none``."""
    kind, target, model = parse_spec(spec)
    if kind == "none":
        return None
    if kind == "openai":
        inner: Translator = OpenAITranslator(target, model, api_key=os.environ.get(API_KEY_ENV) or None)
    else:
        inner = ArgosTranslator(Path(target).expanduser())
    return CachingTranslator(inner)


def has_chinese(text: str) -> bool:
    return _HAN.search(text) is not None


def translate_stage(doc, res) -> None:
    """``translation_en`` of every prose unit with Chinese text; nothing when no backend is configured."""
    translator = res.translator
    if translator is None:
        return
    units = [u for u in doc.units if u.kind in TRANSLATED_KINDS and has_chinese(u.text)]
    if not units:
        return
    for unit, english in zip(units, translator.translate_batch([u.text for u in units])):
        unit.translation_en = english
