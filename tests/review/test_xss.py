"""Injection table: every payload of xss_payloads.txt, placed in packet text, file names, override and decision
reasons, evidence notes, display names and the sign-in form, renders as inert text on every page that shows it."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from workbench_fixtures import PASSWORDS, ROLES, TEXT_PACKET, Bench, record_for

HERE = Path(__file__).resolve().parent
PAYLOADS = [line for line in (HERE / "xss_payloads.txt").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("# ")]
PAYER = "florida-blue"

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "link", "script", "body", "header", "nav", "main", "section", "aside", "div",
    "span", "a", "p", "h1", "h2", "h3", "dl", "dt", "dd", "strong", "small", "kbd", "code", "q", "blockquote", "ul",
    "ol", "li", "form", "input", "button", "label", "select", "option", "textarea", "fieldset", "legend", "details",
    "summary", "figure", "figcaption", "svg", "image", "rect", "pre", "mark", "table", "thead", "tbody", "tr", "th",
    "td",
}
ALLOWED_ATTRS = {
    "lang", "charset", "name", "content", "rel", "href", "src", "defer", "class", "id", "method", "action", "type",
    "value", "role", "aria-label", "aria-current", "tabindex", "hidden", "for", "checked", "selected", "required",
    "autofocus", "autocomplete", "rows", "maxlength", "colspan", "viewbox", "x", "y", "width", "height",
    "data-crit", "data-ev", "data-s", "data-piece", "data-origin",
}
URL_ATTRS = {"href", "src", "action"}
SCHEME = re.compile(r"^[\s\x00-\x1f]*[a-z][a-z0-9+.\-]*:", re.IGNORECASE)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.script_text: list[str] = []
        self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._script = tag == "script"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        self._script = False

    def handle_data(self, data: str) -> None:
        (self.script_text if self._script else self.text).append(data)

    def handle_comment(self, data: str) -> None:
        raise AssertionError(f"a comment reached the page: {data[:60]!r}")

    def handle_pi(self, data: str) -> None:
        raise AssertionError(f"a processing instruction reached the page: {data[:60]!r}")

    def unknown_decl(self, data: str) -> None:
        raise AssertionError(f"a declaration reached the page: {data[:60]!r}")


def assert_inert(html: str) -> _Page:
    """Only the workbench's own markup: known tags and attributes, no event handlers, no URL with a scheme, one
    external script and no inline script."""
    page = _Page()
    page.feed(html)
    page.close()
    for tag, attrs in page.tags:
        assert tag in ALLOWED_TAGS, f"unexpected element <{tag}>"
        for name, value in attrs:
            assert name in ALLOWED_ATTRS, f"unexpected attribute {name!r} on <{tag}>"
            if name in URL_ATTRS:
                assert value is not None and not SCHEME.match(value), f"{tag} {name}={value!r}"
                assert value.startswith(("/", "#")), f"{tag} {name}={value!r}"
        if tag == "meta":
            assert dict(attrs).get("name") in (None, "viewport", "referrer") and "http-equiv" not in dict(attrs)
    scripts = [dict(a) for t, a in page.tags if t == "script"]
    assert scripts == [{"src": "/static/review/workbench.js", "defer": None}]
    assert not "".join(page.script_text).strip()
    return page


def shown(page: _Page) -> str:
    return "".join(page.text)


@pytest.fixture(scope="module")
def xss_bench(tmp_path_factory: pytest.TempPathFactory, screened) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """One case per payload with the payload in its packet text (and reasons, notes and the display name of the
    reviewer who wrote them), and one per payload with the payload in its file name."""
    from pipeline.ingest import load_document
    from pipeline.review import decisions
    from pipeline.review.accounts import add_user
    from pipeline.review.app import create_app, current
    from pipeline.review.audit import Actor
    from pipeline.review.prepare import PacketFiles, _atomic_write, text_cache_entry
    from pipeline.review.queue import sync
    from pipeline.store import ResultStore

    tmp = tmp_path_factory.mktemp("xss")
    url = f"sqlite:///{tmp / 'store.db'}"
    create_app(url, cache_dir=tmp / "cache")
    engine = current().engine
    bench = Bench(url=url, tmp=tmp, engine=engine)
    for name, role in ROLES.items():
        add_user(engine, username=name, password=PASSWORDS[name], role=role)
    base = screened[TEXT_PACKET.name]
    base_text = TEXT_PACKET.read_text(encoding="utf-8")
    text_cases, name_cases, records = [], [], []
    for i, payload in enumerate(PAYLOADS):
        path = tmp / "text" / f"packet-{i}.txt"
        record = record_for(base, path, key=f"{i:04d}".ljust(64, "a"), text=f"{base_text}\n{payload}\n")
        text_cases.append(record)
        named = record_for(base, tmp / "names" / f"{i}-{payload}.txt", key=f"{i:04d}".ljust(64, "b"))
        name_cases.append(named)
        records += [record, named]
    with ResultStore(url) as store:
        store.upsert_many(records)
    sync(engine, force=True)
    spans = []
    crits = next(d for d in base["determinations"] if d["payer"] == PAYER)["criteria"]
    for i, (payload, record) in enumerate(zip(PAYLOADS, text_cases, strict=True)):
        doc = load_document(record["document"]["path"])
        files = PacketFiles(path=record["document"]["path"], sha256=doc.info.sha256, cache_dir=tmp / "cache")
        _atomic_write(files.text_file, text_cache_entry(doc))
        user = add_user(engine, username=f"u{i}", password=f"xss-user-password-{i}", role="physician",
                        display_name=payload)
        actor = Actor(username=user.username, role=user.role)
        key = record["batch"]["key"]
        first = crits[0]
        new_status = "unknown" if first["status"] != "unknown" else "met"
        start = doc.text.index(payload.strip()[:20]) if payload.strip()[:20] in doc.text else len(base_text) + 1
        end = len(doc.text.rstrip("\n"))
        spans.append(doc.text[start:end])
        common = {"case_key": key, "payer": PAYER, "user": user, "actor": actor}
        decisions.review_criterion(engine, seen=1, criterion_id=first["id"], action="override",
                                   machine_status=first["status"], status=new_status, reason=payload, **common)
        decisions.add_evidence(engine, seen=2, criterion_id=crits[1]["id"], document_sha256=doc.info.sha256,
                               text=doc.text, start=start, end=end, assertion="present", note=payload, **common)
        decisions.decide(engine, seen=3, decision="adverse", reason=f"Criterion not met: {payload}",
                         criterion_id=first["id"], criteria_ids={c["id"] for c in crits}, **common)
    return {"bench": bench, "text_cases": text_cases, "name_cases": name_cases, "spans": spans}


def test_the_table_has_at_least_100_payloads() -> None:
    assert len(PAYLOADS) >= 100 and len(set(PAYLOADS)) == len(PAYLOADS)


@pytest.mark.parametrize("i", range(len(PAYLOADS)))
def test_packet_text_reasons_and_display_name_are_inert(xss_bench: dict[str, Any], i: int) -> None:
    bench: Bench = xss_bench["bench"]
    record = xss_bench["text_cases"][i]
    client = bench.client()
    assert client.login(f"u{i}", f"xss-user-password-{i}").status_code == 302
    response = client.get(bench.case_url(record, PAYER))
    assert response.status_code == 200
    page = assert_inert(response.content.decode())
    text = shown(page)
    payload = PAYLOADS[i]
    assert xss_bench["spans"][i] in text  # the packet text, as text
    assert payload.strip() in text  # the display name (header, "by ...") and the override reason
    assert f"Criterion not met: {payload}".strip() in text  # the decision reason
    history = client.get(f"/cases/{record['batch']['key']}/history")
    hpage = assert_inert(history.content.decode())
    assert payload.replace('"', "") in shown(hpage).replace('\\"', "").replace('"', "")  # reasons and notes in JSON


@pytest.mark.parametrize("i", range(len(PAYLOADS)))
def test_file_names_are_inert(xss_bench: dict[str, Any], i: int) -> None:
    bench: Bench = xss_bench["bench"]
    record = xss_bench["name_cases"][i]
    client = bench.client("rita")
    name = Path(record["document"]["path"]).name
    for path in (bench.case_url(record, PAYER), f"/cases/{record['batch']['key']}/history"):
        response = client.get(path)
        assert response.status_code == 200
        assert name in shown(assert_inert(response.content.decode()))


def test_queue_pages_with_every_file_name_are_inert(xss_bench: dict[str, Any]) -> None:
    client = xss_bench["bench"].client("rita")
    seen = ""
    for page_number in range(1, 10):
        response = client.get(f"/queue?status=all&payer={PAYER}&page={page_number}")
        seen += shown(assert_inert(response.content.decode()))
    for record in xss_bench["name_cases"]:
        assert Path(record["document"]["path"]).name in seen


@pytest.mark.parametrize("i", range(len(PAYLOADS)))
def test_sign_in_form_echo_is_inert(xss_bench: dict[str, Any], i: int) -> None:
    client = xss_bench["bench"].client(REMOTE_ADDR=f"192.0.2.{i % 250}")  # a documentation address, never contacted
    response = client.post("/login", {"username": PAYLOADS[i], "password": "whatever it is"})
    assert response.status_code == 401
    page = assert_inert(response.content.decode())
    values = [dict(a).get("value") for t, a in page.tags if t == "input" and dict(a).get("name") == "username"]
    assert values == [PAYLOADS[i][:200]]
