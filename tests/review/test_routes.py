"""HTTP-level tests of every route: sign-in required, role checks, CSRF, security headers, and the review flow
(confirm, override, add evidence, decide, optimistic-lock conflicts, audit trail)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from sqlalchemy import select, text, update
from workbench_fixtures import PDF_PACKET, TEXT_PACKET, Bench

from pipeline.review.app import current
from pipeline.review.audit import verify
from pipeline.store.models import audit_events, review_items

PDF_PAYER = "florida-blue"


def _pdf(bench: Bench) -> dict[str, Any]:
    return next(r for r in bench.records.values() if r["document"]["path"].endswith(PDF_PACKET.name))


def _txt(bench: Bench) -> dict[str, Any]:
    return next(r for r in bench.records.values() if r["document"]["path"].endswith(TEXT_PACKET.name))


def _routes(bench: Bench) -> list[tuple[str, str, frozenset[str]]]:
    """(method, path, roles allowed) for every route but /login and /static (public)."""
    key = _pdf(bench)["batch"]["key"]
    case = f"/cases/{key}/{PDF_PAYER}"
    review = frozenset({"reviewer", "physician"})
    everyone = frozenset({"reviewer", "physician", "admin"})
    admin = frozenset({"admin"})
    return [
        ("GET", "/", everyone),
        ("POST", "/logout", everyone),
        ("GET", "/queue", review),
        ("GET", f"{case}/", review),
        ("GET", f"/cases/{key}/pages/1.png", review),
        ("POST", f"{case}/criteria", review),
        ("POST", f"{case}/evidence", review),
        ("POST", f"{case}/decision", review),
        ("GET", f"{case}/next", review),
        ("GET", f"/cases/{key}/history", everyone),
        ("GET", f"/cases/{key}/history.csv", everyone),
        ("GET", f"/cases/{key}/history.json", everyone),
        ("GET", "/audit", admin),
        ("GET", "/audit/export.csv", admin),
        ("GET", "/audit/export.json", admin),
        ("GET", "/audit/verify", admin),
        ("GET", "/users", admin),
        ("GET", "/annotations/export.jsonl", admin),
    ]


ROUTE_COUNT = 18


def test_the_route_table_covers_every_url_pattern(bench: Bench) -> None:
    from django.urls import resolve

    from pipeline.review.urls import urlpatterns

    public = {"static", "login"}
    covered = {resolve(path.split("?")[0]).url_name for _m, path, _r in _routes(bench)}
    assert len(_routes(bench)) == ROUTE_COUNT
    assert covered == {p.name for p in urlpatterns} - public


def test_every_route_requires_sign_in(bench: Bench) -> None:
    anonymous = bench.client()
    for method, path, _roles in _routes(bench):
        if method == "GET":
            response = anonymous.get(path)
            assert response.status_code == 302 and response["Location"] == "/login", path
        else:
            response = anonymous.post(path, {"version": "1"}, page="/login")
            assert response.status_code == 401, path
    with bench.engine.connect() as conn:  # nothing changed, nothing viewed
        assert conn.scalar(select(audit_events.c.seq).where(audit_events.c.action.like("view_%"))) is None


@pytest.mark.parametrize("username", ["rita", "phil", "ada"])
def test_every_route_checks_the_role(bench: Bench, username: str) -> None:
    role = {"rita": "reviewer", "phil": "physician", "ada": "admin"}[username]
    crit = next(d for d in _pdf(bench)["determinations"] if d["payer"] == PDF_PAYER)["criteria"][0]["id"]
    client = bench.client(username)
    for method, path, allowed in _routes(bench):
        if path == "/logout":
            continue
        if method == "GET":
            response = client.get(path)
        else:
            response = client.post(path, {"version": "1", "criterion": crit, "action": "confirm",
                                          "decision": "approve", "start": "0", "end": "5",
                                          "assertion": "present"}, page="/")
        if role in allowed:
            assert response.status_code in (200, 302, 409), (path, response.status_code)
            assert response.get("Location") != "/login", path
        else:
            assert response.status_code == 403, (path, response.status_code)
            assert b"Your role does not give access" in response.content


@pytest.mark.parametrize("suffix", ["criteria", "evidence", "decision"])
def test_a_change_without_csrf_token_is_refused(bench: Bench, suffix: str) -> None:
    client = bench.client("phil")
    record = _pdf(bench)
    crit = record["determinations"][0]["criteria"][0]["id"]
    response = client.post(f"{bench.case_url(record, PDF_PAYER)}{suffix}",
                           {"version": "1", "criterion": crit, "action": "confirm", "decision": "approve"},
                           with_token=False)
    assert response.status_code == 403
    assert b"CSRF check failed" in response.content
    with bench.engine.connect() as conn:
        assert conn.scalar(select(review_items.c.version).where(review_items.c.payer == PDF_PAYER)) in (None, 1)
        assert not list(conn.scalars(select(audit_events.c.action).where(
            audit_events.c.action.in_(["confirm_criterion", "add_evidence", "decide"]))))


def test_login_logout_and_logout_without_csrf_refused(bench: Bench) -> None:
    assert bench.client().post("/login", {"username": "rita", "password": "wrong password!!"}).status_code == 401
    assert bench.client().post("/login", {"username": "rita", "password": "x"}, with_token=False).status_code == 403
    client = bench.client("rita")
    assert client.post("/logout", with_token=False).status_code == 403
    assert client.get("/queue").status_code == 200
    cookie = client.client.cookies["prescreen-session"].value
    assert client.post("/logout").status_code == 302
    replay = bench.client()
    replay.client.cookies["prescreen-session"] = cookie
    assert replay.get("/queue").status_code == 302  # the old session is gone on the server


def test_session_key_changes_at_sign_in_and_cookie_flags(bench: Bench) -> None:
    client = bench.client()
    client.get("/login")
    before = client.client.cookies["prescreen-session"].value
    client.login("rita")
    morsel = client.client.cookies["prescreen-session"]
    assert morsel.value != before
    assert morsel["httponly"] and morsel["samesite"] == "Strict"
    assert not morsel["secure"]  # plain HTTP on loopback
    tls = bench.client(secure=True, HTTP_REFERER="https://localhost/login")
    response = tls.login("rita")
    assert response.cookies["prescreen-session"]["secure"]


def test_sign_in_is_throttled_after_five_failures(bench: Bench) -> None:
    client = bench.client()
    for _ in range(5):
        assert client.post("/login", {"username": "rob", "password": "not the password"}).status_code == 401
    response = client.post("/login", {"username": "rob", "password": "reviewer-pass-0002"})
    assert response.status_code == 401 and b"Too many failed sign-ins" in response.content
    assert bench.client().login("rita").status_code == 302  # other accounts are not locked out
    with bench.engine.connect() as conn:
        actions = list(conn.scalars(select(audit_events.c.action).order_by(audit_events.c.seq)))
    assert actions.count("login_failed") == 5 and "login_throttled" in actions


def test_a_disabled_account_loses_its_session(bench: Bench) -> None:
    from pipeline.review.accounts import set_active

    client = bench.client("rob")
    assert client.get("/queue").status_code == 200
    set_active(bench.engine, username="rob", active=False)
    assert client.get("/queue").status_code == 302
    assert bench.client().login("rob").status_code == 401


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_text = ""
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.script_text += data


def test_pages_have_strict_csp_no_inline_script_and_no_caching(bench: Bench) -> None:
    client = bench.client("phil")
    pages = ["/queue", bench.case_url(_pdf(bench), PDF_PAYER), bench.case_url(_txt(bench), "cohere"),
             f"/cases/{_pdf(bench)['batch']['key']}/history", "/login"]
    for path in pages:
        response = (bench.client() if path == "/login" else client).get(path)
        assert response.status_code == 200, path
        csp = response["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe" not in csp and "frame-ancestors 'none'" in csp
        assert response["Cache-Control"] == "no-store"
        assert response["X-Frame-Options"] == "DENY" and response["X-Content-Type-Options"] == "nosniff"
        parser = _Tags()
        parser.feed(response.content.decode())
        scripts = [a for t, a in parser.tags if t == "script"]
        assert scripts == [{"src": "/static/review/workbench.js", "defer": None}] and not parser.script_text.strip()
        assert not [(t, k) for t, a in parser.tags for k in a if k.startswith("on") or k == "style"]
        # query strings carry filters only, never patient data
        for _t, attrs in parser.tags:
            href = attrs.get("href") or ""
            if "?" in href:
                keys = {kv.split("=")[0] for kv in href.split("?", 1)[1].split("&")}
                assert keys <= {"status", "payer", "outcome", "due", "sort", "page"}, href


def test_static_files_are_public_and_confined(bench: Bench) -> None:
    client = bench.client()
    response = client.get("/static/review/workbench.js")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/javascript")
    assert client.get("/static/review/../app.py").status_code == 404
    assert client.get("/static/review/nothing.js").status_code == 404


def test_queue_lists_pended_items_with_the_clock(bench: Bench) -> None:
    page = bench.client("rita").get("/queue").content.decode()
    assert PDF_PACKET.name in page and TEXT_PACKET.name in page
    determinations = [d for r in bench.records.values() for d in r["determinations"]]
    pended = [d for d in determinations if d["decision"] == "pend"]
    assert pended and len(pended) < len(determinations)  # the fixture packets have both outcomes
    assert page.count('class="open"') == len(pended)  # the default queue: pended items only
    everything = bench.client("rita").get("/queue?status=all").content.decode()
    assert everything.count('class="open"') == len(determinations) == 10
    only = bench.client("rita").get("/queue?status=pended&payer=florida-blue").content.decode()
    fb_pended = [d for d in pended if d["payer"] == "florida-blue"]
    assert only.count('class="open"') == len(fb_pended) == 2 and "due in 6 d" in only


def test_case_view_shows_boxes_text_and_criteria(bench: Bench) -> None:
    record = _pdf(bench)
    html = bench.client("rita").get(bench.case_url(record, PDF_PAYER)).content.decode()
    det = next(d for d in record["determinations"] if d["payer"] == PDF_PAYER)
    for c in det["criteria"]:
        assert f'id="c-{c["id"]}"' in html
    assert html.count('<rect class="box') >= len({(e["start"], e["end"]) for c in det["criteria"]
                                                  for e in c["evidence"]})
    assert "<mark data-s=" in html and f"/cases/{record['batch']['key']}/pages/1.png" in html
    text_html = bench.client("rita").get(bench.case_url(_txt(bench), "cohere")).content.decode()
    assert "<svg" not in text_html and "A text packet has no page images" in text_html


def test_page_images_are_rendered_cached_and_refused_when_the_file_changed(bench: Bench, tmp_path) -> None:  # type: ignore[no-untyped-def]
    record = _pdf(bench)
    client = bench.client("rita")
    response = client.get(f"/cases/{record['batch']['key']}/pages/1.png")
    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    cached = list((current().cache_dir / "pages").glob(f"{record['document']['sha256']}-p1-*.png"))
    assert len(cached) == 1
    assert client.get(f"/cases/{record['batch']['key']}/pages/99.png").status_code == 404
    # the same record pointing at a different file: refused, with a clear message
    other = tmp_path / "edited.pdf"
    other.write_bytes(PDF_PACKET.read_bytes() + b"\n% edited\n")
    from workbench_fixtures import record_for

    moved = record_for(record, other, key="ab" * 32)
    bench.add([moved])
    response = client.get(f"/cases/{moved['batch']['key']}/pages/2.png")
    assert response.status_code == 409 and b"has changed since it was screened" in response.content
    assert b"has changed since it was screened" in client.get(bench.case_url(moved, PDF_PAYER)).content


def _version(bench: Bench, record: dict[str, Any], payer: str) -> int:
    with bench.engine.connect() as conn:
        return int(conn.scalar(select(review_items.c.version).where(
            review_items.c.case_key == record["batch"]["key"], review_items.c.payer == payer)))


def _events(bench: Bench, action: str) -> list[dict[str, Any]]:
    with bench.engine.connect() as conn:
        return [json.loads(b) for b in conn.scalars(select(audit_events.c.body)
                                                   .where(audit_events.c.action == action))]


def test_confirm_override_and_the_audit_trail(bench: Bench) -> None:
    record = _pdf(bench)
    url = bench.case_url(record, PDF_PAYER)
    det = next(d for d in record["determinations"] if d["payer"] == PDF_PAYER)
    first, second = det["criteria"][0], det["criteria"][1]
    client = bench.client("rita")
    client.get(url)
    r = client.post(url + "criteria", {"criterion": first["id"], "action": "confirm", "version": "1"}, page=url)
    assert r.status_code == 302 and r["Location"] == f"{url}#c-{first['id']}"
    # an override needs a reason: refused with a message, nothing written
    r = client.post(url + "criteria", {"criterion": second["id"], "action": "override", "status": "unknown"
                                       if second["status"] != "unknown" else "met", "version": "2"}, page=url)
    assert _version(bench, record, PDF_PAYER) == 2
    assert "needs a reason" in client.get(url).content.decode()
    new_status = "unknown" if second["status"] != "unknown" else "met"
    r = client.post(url + "criteria", {"criterion": second["id"], "action": "override", "status": new_status,
                                       "reason": "Report addendum settles this", "version": "2"}, page=url)
    assert r.status_code == 302 and _version(bench, record, PDF_PAYER) == 3
    html = client.get(url).content.decode()
    assert "Report addendum settles this" in html and "Overridden from" in html and "in review" in html
    [event] = _events(bench, "override_criterion")
    assert event["actor"] == "rita" and event["target"] == second["id"]
    assert event["before"]["criterion"]["status"] == second["status"]
    assert event["after"]["criterion"] == {"action": "override", "status": new_status,
                                           "reason": "Report addendum settles this"}
    assert [e["case_key"] for e in _events(bench, "view_case")][:1] == [record["batch"]["key"]]
    history = client.get(f"/cases/{record['batch']['key']}/history").content.decode()
    assert "override_criterion" in history and "Report addendum settles this" in history
    csv_text = b"".join(client.get(f"/cases/{record['batch']['key']}/history.csv").streaming_content).decode()
    assert csv_text.splitlines()[0].startswith("seq,at,actor") and "override_criterion" in csv_text
    lines = b"".join(client.get(f"/cases/{record['batch']['key']}/history.json").streaming_content).splitlines()
    assert [json.loads(x)["action"] for x in lines].count("confirm_criterion") == 1
    assert verify(bench.engine).ok


def test_two_reviewers_never_lose_an_update(bench: Bench) -> None:
    record = _txt(bench)
    url = bench.case_url(record, "cohere")
    crit = record["determinations"][0]["criteria"][0]["id"]
    rita, rob = bench.client("rita"), bench.client("rob")
    assert 'name="version" value="1"' in rita.get(url).content.decode()
    assert 'name="version" value="1"' in rob.get(url).content.decode()
    assert rita.post(url + "criteria", {"criterion": crit, "action": "confirm", "version": "1"},
                     page=url).status_code == 302
    response = rob.post(url + "decision", {"decision": "approve", "version": "1"}, page=url)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else changed this case" in page and "Rita (rita)" in page and "NOT saved" in page
    with bench.engine.connect() as conn:
        row = conn.execute(select(review_items).where(review_items.c.case_key == record["batch"]["key"],
                                                      review_items.c.payer == "cohere")).one()
    assert (row.version, row.status, row.decision) == (2, "in_review", None)
    assert _events(bench, "conflict")[0]["actor"] == "rob"


def test_decisions_and_the_physician_only_adverse_determination(bench: Bench) -> None:
    record = _txt(bench)
    ids = [c["id"] for c in record["determinations"][0]["criteria"]]
    payer = record["determinations"][0]["payer"]
    url = bench.case_url(record, payer)
    rita, phil = bench.client("rita"), bench.client("phil")
    assert 'value="adverse"' not in rita.get(url).content.decode()
    r = rita.post(url + "decision", {"decision": "adverse", "reason": "x" * 40, "criterion": ids[0], "version": "1"},
                  page=url)
    assert r.status_code == 403 and b"Only a physician" in r.content
    assert "needs a reason" in (rita.post(url + "decision", {"decision": "escalate", "version": "1"}, page=url)
                                and rita.get(url).content.decode())
    assert rita.post(url + "decision", {"decision": "escalate", "reason": "Needs MD", "version": "1"},
                     page=url).status_code == 302
    assert "escalated to physician" in phil.get(url).content.decode()
    phil.post(url + "decision", {"decision": "adverse", "reason": "too short", "criterion": ids[0],
                                 "version": "2"}, page=url)
    phil.post(url + "decision", {"decision": "adverse", "reason": "Discogenic pain is not a covered "
                                 "indication under this policy", "version": "2"}, page=url)
    assert _version(bench, record, payer) == 2  # neither was recorded
    r = phil.post(url + "decision", {"decision": "adverse", "reason": "Discogenic pain is not a covered "
                                     "indication under this policy", "criterion": ids[0], "version": "2"}, page=url)
    assert r.status_code == 302
    with bench.engine.connect() as conn:
        row = conn.execute(select(review_items).where(review_items.c.case_key == record["batch"]["key"],
                                                      review_items.c.payer == payer)).one()
    assert (row.status, row.decision, row.decision_criterion) == ("decided", "adverse", ids[0])
    [event] = [e for e in _events(bench, "decide") if e["after"]["decision"] == "adverse"]
    assert event["actor"] == "phil" and event["role"] == "physician" and event["before"]["status"] == "escalated"


def test_reviewer_adds_evidence_from_the_text(bench: Bench) -> None:
    record = _txt(bench)
    url = bench.case_url(record, "cohere")
    text = TEXT_PACKET.read_text(encoding="utf-8")
    start = text.index("failed PT and injections")
    end = start + len("failed PT and injections")
    crit = record["determinations"][0]["criteria"][0]["id"]
    client = bench.client("rita")
    bad = client.post(url + "evidence", {"criterion": crit, "start": "5", "end": "999999", "assertion": "present",
                                         "version": "1"}, page=url)
    assert bad.status_code == 302 and _version(bench, record, "cohere") == 1
    ok = client.post(url + "evidence", {"criterion": crit, "start": str(start), "end": str(end),
                                        "assertion": "present", "note": "conservative care", "version": "1"}, page=url)
    assert ok.status_code == 302
    html = client.get(url).content.decode()
    assert re.search(rf'<mark data-s="{start}" data-ev="[^"]*rv-1', html)
    assert _events(bench, "add_evidence")[0]["after"]["evidence"]["text"] == "failed PT and injections"


def test_next_case_follows_the_queue(bench: Bench) -> None:
    client = bench.client("rita")
    record = _txt(bench)
    r = client.get(bench.case_url(record, "cohere") + "next")
    assert r.status_code == 302 and r["Location"].startswith("/cases/") and "/cohere/" not in r["Location"]


def test_superseded_cases_leave_the_queue(bench: Bench, screened) -> None:  # type: ignore[no-untyped-def]
    from workbench_fixtures import record_for

    record = _txt(bench)
    newer = record_for(record, TEXT_PACKET, key="cd" * 32)
    newer["batch"]["intake"] = record["batch"]["intake"]
    bench.add([newer])
    page = bench.client("rita").get("/queue?status=all").content.decode()
    assert page.count(record["batch"]["key"]) == 0 and page.count(newer["batch"]["key"]) == 5


def test_audit_verify_detects_tampering(bench: Bench) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    client = bench.client("rita")
    client.get(bench.case_url(_pdf(bench), PDF_PAYER))
    ok = CliRunner().invoke(app, ["audit", "verify", "--store", bench.url])
    assert ok.exit_code == 0 and ok.output.startswith("ok:")
    head = ok.output.split("head ")[1].strip()
    assert verify(bench.engine, expect_head=head).ok
    with bench.engine.begin() as conn:
        body = conn.scalar(select(audit_events.c.body).where(audit_events.c.seq == 2))
        conn.execute(update(audit_events).where(audit_events.c.seq == 2)
                     .values(body=body.replace('"reviewer"', '"physician"')))
    bad = CliRunner().invoke(app, ["audit", "verify", "--store", bench.url])
    assert bad.exit_code == 1 and "event 2: hash does not match" in bad.output
    with bench.engine.begin() as conn:
        conn.execute(update(audit_events).where(audit_events.c.seq == 2).values(body=body))
        last = conn.scalar(text("SELECT max(seq) FROM audit_events"))
        conn.execute(text("DELETE FROM audit_events WHERE seq = :s"), {"s": last})
    cut = verify(bench.engine)
    assert not cut.ok and any("head says" in p for p in cut.problems)


def test_admin_pages_and_exports(bench: Bench) -> None:
    admin = bench.client("ada")
    assert b"Rita" in admin.get("/users").content
    assert b"login" in admin.get("/audit").content
    assert b"intact" in admin.get("/audit/verify").content
    rows = b"".join(admin.get("/audit/export.csv").streaming_content).decode().splitlines()
    assert rows[0].split(",")[:3] == ["seq", "at", "actor"] and len(rows) > 3
    assert admin.get("/annotations/export.jsonl").status_code == 200
    assert admin.get(bench.case_url(_pdf(bench), PDF_PAYER)).status_code == 403  # admins do not see cases


def test_ocr_pages_show_their_confidence(bench: Bench) -> None:
    from workbench_fixtures import record_for

    record = record_for(_pdf(bench), PDF_PACKET, key="ef" * 32)
    record["document"]["pages"][0].update(source="ocr", ocr_confidence=61.5)
    record["document"]["pages"][1].update(source="ocr", ocr_confidence=93.0)
    bench.add([record])
    html = bench.client("rita").get(bench.case_url(record, PDF_PAYER)).content.decode()
    assert '<span class="ocr low">OCR confidence 61.5</span>' in html
    assert '<span class="ocr">OCR confidence 93.0</span>' in html


def test_request_errors_are_logged_without_their_message() -> None:
    import logging
    import sys

    from pipeline.review.app import _NoDetail

    try:
        raise ValueError("Patient JONES, RILEY (synthetic) DOB 02/09/2019")
    except ValueError:
        record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Internal Server Error: %s",
                                   ("/cases/abc/cohere/",), sys.exc_info())
    assert _NoDetail().filter(record)
    line = logging.Formatter().format(record)
    assert line == "Internal Server Error: /cases/abc/cohere/ (ValueError)"
