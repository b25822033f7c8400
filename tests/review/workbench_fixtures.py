"""Fixtures of the workbench tests: screened example packets in a fresh store, the app over it, and signed-in
HTTP clients (Django's test client, CSRF checks enforced like a browser's)."""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from pipeline.batch.items import BatchItem, batch_record, item_key

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
PDF_PACKET = EXAMPLES / "insular-glioma-grading-fax.pdf"  # pends for florida-blue, with evidence boxes
TEXT_PACKET = EXAMPLES / "spine-discogenic.txt"  # pends for every payer; plain text (no page images)
PASSWORDS = {"rita": "reviewer-pass-0001", "rob": "reviewer-pass-0002", "phil": "physician-pass-01",
             "ada": "admin-pass-000001"}
ROLES = {"rita": "reviewer", "rob": "reviewer", "phil": "physician", "ada": "admin"}
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(scope="session")
def screened(screener) -> dict[str, dict[str, Any]]:  # type: ignore[no-untyped-def]
    """Batch records of the two example packets, screened once per test session."""
    out = {}
    for path in (PDF_PACKET, TEXT_PACKET):
        record = screener.screen_one(path)
        item = BatchItem(path=str(path))
        out[path.name] = batch_record(record, item=item, key=item_key(item, record.document.sha256,
                                                                       {"all": "1"}))
    return out


def record_for(base: dict[str, Any], path: Path, *, key: str | None = None, request_id: str | None = None,
               received_at: str | None = None, priority: str | None = None, text: str | None = None
               ) -> dict[str, Any]:
    """A copy of a screened record for another file (the file is written when `text` is given)."""
    record = copy.deepcopy(base)
    if text is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        record["document"]["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
        record["document"]["n_chars"] = len(text)
        record["document"]["pages"][-1]["end"] = len(text)
    record["document"]["path"] = str(path)
    digest = key or hashlib.sha256(json.dumps([str(path), request_id]).encode()).hexdigest()
    record["batch"] = {"key": digest, "intake": digest[:64], "request_id": request_id,
                       "received_at": received_at, "payers": None, "priority": priority}
    return record


class Browserless:
    """A Django test client that signs in and posts forms with their CSRF token, as a browser would."""

    def __init__(self, client: Any, *, secure: bool = False) -> None:
        self.client = client
        self.secure = secure  # requests arrive over TLS (https)

    def get(self, path: str, **kw: Any) -> Any:
        return self.client.get(path, secure=self.secure, **kw)

    def token(self, page: str = "/login") -> str:
        html = self.client.get(page, follow=True, secure=self.secure).content.decode()
        found = CSRF.search(html)
        assert found, f"no CSRF token on {page}"
        return found.group(1)

    def post(self, path: str, data: dict[str, Any] | None = None, *, page: str | None = None,
             with_token: bool = True, **kw: Any) -> Any:
        data = dict(data or {})
        if with_token:
            data["csrfmiddlewaretoken"] = self.token(page or ("/login" if path == "/login" else "/"))
        return self.client.post(path, data, secure=self.secure, **kw)

    def login(self, username: str, password: str | None = None) -> Any:
        return self.post("/login", {"username": username, "password": password or PASSWORDS[username]})


@dataclass
class Bench:
    """The app over a store, with helpers."""

    url: str
    tmp: Path
    engine: Any
    records: dict[str, dict[str, Any]] = field(default_factory=dict)

    def client(self, username: str | None = None, *, secure: bool = False, **defaults: Any) -> Browserless:
        from django.test import Client

        c = Browserless(Client(enforce_csrf_checks=True, SERVER_NAME="localhost", **defaults), secure=secure)
        if username:
            response = c.login(username)
            assert response.status_code == 302, response.content[:500]
        return c

    def add(self, records: list[dict[str, Any]]) -> None:
        from pipeline.store import ResultStore

        with ResultStore(self.url) as store:
            store.upsert_many(records)
        for r in records:
            self.records[r["batch"]["key"]] = r

    def case_url(self, record: dict[str, Any], payer: str) -> str:
        return f"/cases/{record['batch']['key']}/{payer}/"


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashing() -> Iterator[None]:
    """Argon2 with minimal cost in tests (the production parameters cost ~0.1 s per hash by design)."""
    from argon2 import PasswordHasher

    from pipeline.review import accounts

    before = accounts._hasher
    accounts.use_hasher(PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    yield
    accounts.use_hasher(before)


@pytest.fixture(scope="session")
def packet_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Prepared packet files (text, page images) are keyed by content hash: one cache serves every test."""
    return tmp_path_factory.mktemp("review-cache")


@pytest.fixture
def make_bench(tmp_path: Path, packet_cache: Path) -> Iterator[Callable[..., Bench]]:
    from pipeline.review.accounts import add_user
    from pipeline.review.app import create_app, current

    def make(records: list[dict[str, Any]] | None = None, *, users: bool = True) -> Bench:
        url = f"sqlite:///{tmp_path / 'store.db'}"
        create_app(url, cache_dir=packet_cache)
        bench = Bench(url=url, tmp=tmp_path, engine=current().engine)
        if users:
            for name, role in ROLES.items():
                add_user(bench.engine, username=name, password=PASSWORDS[name], role=role,
                         display_name=name.title())
        if records:
            bench.add(records)
        return bench

    yield make


@pytest.fixture
def bench(make_bench, screened) -> Bench:  # type: ignore[no-untyped-def]
    """The two example packets (PDF and text) in a fresh store, with four users."""
    records = [record_for(screened[PDF_PACKET.name], PDF_PACKET), record_for(screened[TEXT_PACKET.name], TEXT_PACKET)]
    return make_bench(records)
