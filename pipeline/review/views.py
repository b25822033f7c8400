"""The workbench's pages. Every view declares who may use it (`public` or `roles(...)`); the middleware refuses
the rest. State-changing views are POST only (CSRF-checked by Django) and end in a redirect; the request's
query string carries only filters (status, payer, outcome, sort, page), never patient data."""

from __future__ import annotations

import json
import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from sqlalchemy import select

from ..store.models import cases, review_items
from . import audit, decisions
from .accounts import CASE_ROLES, authenticate, list_users, password_fingerprint
from .app import STATIC, current
from .audit import Actor
from .casefile import build_case_view
from .clock import describe_age, describe_due, now_utc
from .db import aware, write
from .middleware import public, roles
from .prepare import PacketFiles, PrepareError
from .queue import STATUSES, QueueFilter, next_item, queue_page, sync

REVIEW = tuple(sorted(CASE_ROLES))
ANY_ROLE = ("admin", "physician", "reviewer")
STATUS_LABELS = {"pended": "pended", "in_review": "in review", "escalated": "escalated to physician",
                 "decided": "decided", "screen_approved": "approved by screen",
                 "superseded": "superseded by a newer screening"}


def context(request: HttpRequest) -> dict[str, Any]:
    """Template context for every page: the signed-in user and a one-time message."""
    message = request.session.pop("flash", None) if hasattr(request, "session") else None
    return {"me": getattr(request, "reviewer", None), "flash": message}


def _actor(request: HttpRequest) -> Actor:
    user = getattr(request, "reviewer", None)
    return Actor(username=user.username if user else None, role=user.role if user else None,
                 client=_client(request))


def _client(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR") or "unknown")[:64]


def _log(request: HttpRequest, action: str, **fields: Any) -> None:
    with write(current().engine) as conn:
        audit.append(conn, _actor(request), action, **fields)


def _error(request: HttpRequest, title: str, message: str, status: int, **extra: Any) -> TemplateResponse:
    return TemplateResponse(request, "review/error.html", {"title": title, "message": message, **extra},
                            status=status)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _error(request, "Request refused", "The form was out of date or did not come from this site "
                  "(CSRF check failed). Reload the page and try again.", 403)


# -- static files and signing in ------------------------------------------------------------------------------


@public
@require_GET
def static(request: HttpRequest, path: str) -> HttpResponse:
    root = STATIC.resolve()
    target = (root / path).resolve()
    if root not in target.parents or not target.is_file():
        raise Http404("no such file")
    content_type = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    response = FileResponse(target.open("rb"), content_type=content_type)
    response.cacheable = True
    response["Cache-Control"] = "public, max-age=3600"
    return response


@public
@require_http_methods(["GET", "POST"])
def login(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        if getattr(request, "reviewer", None) is not None:
            return HttpResponseRedirect("/")
        return TemplateResponse(request, "review/login.html", {})
    username = request.POST.get("username", "")[:200]
    password = request.POST.get("password", "")[:1024]
    result = authenticate(current().engine, username=username, password=password, client=_client(request))
    if result.user is None:
        message = ("Too many failed sign-ins: wait 15 minutes and try again." if result.throttled
                   else "Wrong user name or password.")
        return TemplateResponse(request, "review/login.html", {"error": message, "username": username}, status=401)
    next_path = request.session.get("next")
    from .sessions import SessionStore

    SessionStore.clear_expired()  # expired sessions are removed at every sign-in
    request.session.cycle_key()  # a new session key at sign-in (no session fixation)
    request.session.clear()
    import time

    request.session.update({"uid": result.user.id, "pwd": password_fingerprint(result.user),
                            "since": time.time()})
    if not (isinstance(next_path, str) and next_path.startswith("/") and not next_path.startswith("//")):
        next_path = "/"
    return HttpResponseRedirect(next_path)


@roles(*ANY_ROLE)
@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    _log(request, "logout")
    request.session.flush()
    return HttpResponseRedirect("/login")


@roles(*ANY_ROLE)
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return HttpResponseRedirect("/queue" if request.reviewer.role in CASE_ROLES else "/audit")


# -- the work queue ------------------------------------------------------------------------------------------


@roles(*REVIEW)
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    f = QueueFilter.from_query(request.GET)
    page = queue_page(current().engine, f)
    now = now_utc()
    rows = []
    for r in page.rows:
        due_text, due_class = describe_due(aware(r["due_at"]), now)  # type: ignore[arg-type]
        rows.append({**r, "file": Path(r["path"] or "").name, "age": describe_age(aware(r["received_at"]), now),  # type: ignore[arg-type]
                     "due_text": due_text, "due_class": due_class, "status_label": STATUS_LABELS[r["status"]]})
    _log(request, "view_queue", after={"filter": dict(f.query_items()), "page": page.page, "rows": len(rows)})

    def link(**change: Any) -> str:
        return "/queue?" + urlencode(f.query_items(**change))

    sort_links = {name: link(sort=("-" + name if f.sort == name else name), page=1)
                  for name in ("due", "received", "payer", "outcome", "status")}
    return TemplateResponse(request, "review/queue.html", {
        "rows": rows, "page": page, "filter": f, "statuses": [(s, STATUS_LABELS[s], page.counts.get(s, 0)) for s in STATUSES],
        "sort_links": sort_links, "prev_link": link(page=page.page - 1) if page.page > 1 else None,
        "next_link": link(page=page.page + 1) if page.page < page.pages else None,
    })


# -- a case ---------------------------------------------------------------------------------------------------


def _case(case_key: str) -> Any:
    with current().engine.connect() as conn:
        row = conn.execute(select(cases).where(cases.c.key == case_key, cases.c.kind == "screening")).first()
    if row is None:
        raise Http404("no such case")
    return row


def _record(row: Any) -> dict[str, Any]:
    record = row.record
    return json.loads(record) if isinstance(record, str) else record


def _determination(record: dict[str, Any], payer: str) -> dict[str, Any]:
    for det in record.get("determinations") or []:
        if det.get("payer") == payer:
            return dict(det)
    raise Http404("no such payer for this case")


def _files(row: Any) -> PacketFiles | None:
    if not row.path or not row.document_sha256:
        return None
    return PacketFiles(path=row.path, sha256=row.document_sha256, cache_dir=current().cache_dir)


def _case_url(case_key: str, payer: str, anchor: str | None = None) -> str:
    return f"/cases/{case_key}/{payer}/" + (f"#c-{anchor}" if anchor else "")


@roles(*REVIEW)
@require_GET
def case(request: HttpRequest, case_key: str, payer: str) -> HttpResponse:
    engine = current().engine
    row = _case(case_key)
    record = _record(row)
    det = _determination(record, payer)
    sync(engine)
    with engine.connect() as conn:
        item = decisions.item_row(conn, case_key, payer)
        if item is None:
            raise Http404("no review item")
        reviews = decisions.latest_reviews(conn, item.id)
        added = decisions.added_evidence(conn, item.id)
        tabs = conn.execute(select(review_items.c.payer, review_items.c.status)
                            .where(review_items.c.case_key == case_key).order_by(review_items.c.payer)).all()
        names = decisions.user_names(conn, {i for i in (item.updated_by, item.decided_by) if i})
    view = build_case_view(record, det, files=_files(row), reviews=reviews, added=added,
                           low_confidence=current().low_confidence)
    now = now_utc()
    due_text, due_class = describe_due(aware(item.due_at), now)  # type: ignore[arg-type]
    _log(request, "view_case", case_key=case_key, payer=payer, after={"version": item.version})
    return TemplateResponse(request, "review/case.html", {
        "case": row, "file": Path(row.path or "").name, "record": record, "det": det, "payer": payer, "item": item,
        "status_label": STATUS_LABELS[item.status], "view": view, "tabs": [(p, STATUS_LABELS[s]) for p, s in tabs],
        "pieces": sorted(view.pieces.values(), key=lambda p: (p.start, p.end)),
        "age": describe_age(aware(item.received_at), now), "due_text": due_text, "due_class": due_class,  # type: ignore[arg-type]
        "updated_by": names.get(item.updated_by), "decided_by": names.get(item.decided_by),
        "superseded": row.superseded_at is not None, "can_adverse": request.reviewer.is_physician,
        "decidable": [c for c in view.criteria],
        "dpi": current().page_dpi,
    })


@roles(*REVIEW)
@require_GET
def page_image(request: HttpRequest, case_key: str, number: str) -> HttpResponse:
    row = _case(case_key)
    page_number = int(number)
    files = _files(row)
    if files is None or not 1 <= page_number <= int(row.n_pages or 0) or not _is_pdf(row):
        raise Http404("no such page")
    try:
        png = files.page_png(page_number, current().page_dpi)
    except PrepareError as exc:
        return _error(request, "Page not shown", str(exc), 409)
    _log(request, "view_page", case_key=case_key, target=f"page {page_number}")
    response = FileResponse(png.open("rb"), content_type="image/png")
    return response


def _is_pdf(row: Any) -> bool:
    return (_record(row).get("document") or {}).get("media_type") == "application/pdf"


def _seen(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


def _change(request: HttpRequest, case_key: str, payer: str, anchor: str | None, apply: Any) -> HttpResponse:
    """Run a change; on success back to the case (at `anchor`), on a conflict a 409 page, on a refused change
    back to the case with the reason."""
    try:
        apply()
    except decisions.Conflict as conflict:
        _log(request, "conflict", case_key=case_key, payer=payer,
             before={"version": conflict.seen}, after={"version": conflict.current})
        when = conflict.at.strftime("%Y-%m-%d %H:%M UTC") if conflict.at else "a moment ago"
        return _error(request, "Someone else changed this case",
                      f"{conflict.by or 'Another reviewer'} changed this case at {when} while you had it open "
                      f"(you saw version {conflict.seen}; it is now version {conflict.current}). Your change was "
                      "NOT saved. Open the case again to see their change, then redo yours if it still applies.",
                      409, back=_case_url(case_key, payer, anchor))
    except decisions.Forbidden as exc:
        return _error(request, "Not allowed", str(exc), 403, back=_case_url(case_key, payer, anchor))
    except decisions.ReviewError as exc:
        request.session["flash"] = str(exc)
    return HttpResponseRedirect(_case_url(case_key, payer, anchor))


@roles(*REVIEW)
@require_POST
def criterion(request: HttpRequest, case_key: str, payer: str) -> HttpResponse:
    row = _case(case_key)
    det = _determination(_record(row), payer)
    crit_id = request.POST.get("criterion", "")
    found = next((c for c in det.get("criteria") or [] if c.get("id") == crit_id), None)
    if found is None:
        raise Http404("no such criterion")
    return _change(request, case_key, payer, crit_id, lambda: decisions.review_criterion(
        current().engine, case_key=case_key, payer=payer, seen=_seen(request), criterion_id=crit_id,
        action=request.POST.get("action", ""), machine_status=found.get("status", "unknown"),
        status=request.POST.get("status"), reason=request.POST.get("reason"), user=request.reviewer,
        actor=_actor(request)))


@roles(*REVIEW)
@require_POST
def evidence(request: HttpRequest, case_key: str, payer: str) -> HttpResponse:
    row = _case(case_key)
    det = _determination(_record(row), payer)
    crit_id = request.POST.get("criterion", "")
    if crit_id not in {c.get("id") for c in det.get("criteria") or []}:
        raise Http404("no such criterion")
    files = _files(row)
    if files is None:
        raise Http404("no packet file")
    try:
        text = str(files.text()["text"])
        start, end = int(request.POST.get("start", "")), int(request.POST.get("end", ""))
    except PrepareError as exc:
        return _error(request, "Packet not readable", str(exc), 409)
    except ValueError:
        start, end = -1, -1
    return _change(request, case_key, payer, crit_id, lambda: decisions.add_evidence(
        current().engine, case_key=case_key, payer=payer, seen=_seen(request), criterion_id=crit_id,
        document_sha256=files.sha256, text=text, start=start, end=end,
        assertion=request.POST.get("assertion", ""), note=request.POST.get("note"), user=request.reviewer,
        actor=_actor(request)))


@roles(*REVIEW)
@require_POST
def decision(request: HttpRequest, case_key: str, payer: str) -> HttpResponse:
    row = _case(case_key)
    det = _determination(_record(row), payer)
    ids = {str(c.get("id")) for c in det.get("criteria") or []}
    return _change(request, case_key, payer, None, lambda: decisions.decide(
        current().engine, case_key=case_key, payer=payer, seen=_seen(request),
        decision=request.POST.get("decision", ""), reason=request.POST.get("reason"),
        criterion_id=request.POST.get("criterion") or None, criteria_ids=ids, user=request.reviewer,
        actor=_actor(request)))


@roles(*REVIEW)
@require_GET
def next_case(request: HttpRequest, case_key: str, payer: str) -> HttpResponse:
    engine = current().engine
    sync(engine)
    with engine.connect() as conn:
        item = decisions.item_row(conn, case_key, payer)
    if item is None:
        raise Http404("no review item")
    found = next_item(engine, item.id)
    if found is None:
        request.session["flash"] = "No other open case in the queue."
        return HttpResponseRedirect("/queue")
    return HttpResponseRedirect(_case_url(*found))


# -- audit ----------------------------------------------------------------------------------------------------


@roles(*ANY_ROLE)
@require_GET
def history(request: HttpRequest, case_key: str, fmt: str = "html") -> HttpResponse:
    engine = current().engine
    row = _case(case_key)
    if fmt == "html":
        with engine.connect() as conn:
            events = list(audit.event_dicts(conn, case_key=case_key))
        _log(request, "view_history", case_key=case_key)
        for e in events:
            e["before_json"] = json.dumps(e.get("before"), indent=1, ensure_ascii=False) if e.get("before") else ""
            e["after_json"] = json.dumps(e.get("after"), indent=1, ensure_ascii=False) if e.get("after") else ""
        return TemplateResponse(request, "review/history.html", {
            "case": row, "file": Path(row.path or "").name, "events": events,
            "payers": [d.get("payer") for d in _record(row).get("determinations") or []]})
    _log(request, f"export_history_{fmt}", case_key=case_key)
    return _export(engine, fmt, f"case-{case_key[:12]}-history", case_key=case_key)


def _export(engine: Any, fmt: str, name: str, *, case_key: str | None = None) -> HttpResponse:
    def events() -> Any:
        with engine.connect() as conn:
            yield from audit.event_dicts(conn, case_key=case_key)

    if fmt == "csv":
        response = StreamingHttpResponse(audit.csv_lines(events()), content_type="text/csv; charset=utf-8")
    elif fmt == "json":
        response = StreamingHttpResponse(audit.json_lines(events()), content_type="application/x-ndjson")
    else:
        raise Http404("no such format")
    ext = "csv" if fmt == "csv" else "jsonl"
    response["Content-Disposition"] = f'attachment; filename="{name}.{ext}"'
    return response


@roles("admin")
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    engine = current().engine
    try:
        page = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page = 1
    size = 100
    with engine.connect() as conn:
        events = list(audit.event_dicts(conn, limit=size, offset=(page - 1) * size, newest_first=True))
    _log(request, "view_audit", after={"page": page})
    return TemplateResponse(request, "review/audit.html", {
        "events": events, "page": page, "prev_page": page - 1 if page > 1 else None,
        "next_page": page + 1 if len(events) == size else None})


@roles("admin")
@require_GET
def audit_export(request: HttpRequest, fmt: str) -> HttpResponse:
    _log(request, f"export_audit_{fmt}")
    return _export(current().engine, fmt, "audit")


@roles("admin")
@require_GET
def audit_verify(request: HttpRequest) -> HttpResponse:
    result = audit.verify(current().engine)
    _log(request, "verify_audit", after={"ok": result.ok, "events": result.events})
    return TemplateResponse(request, "review/verify.html", {"result": result})


@roles("admin")
@require_GET
def users(request: HttpRequest) -> HttpResponse:
    _log(request, "view_users")
    return TemplateResponse(request, "review/users.html", {"users": list_users(current().engine)})


@roles("admin")
@require_GET
def annotations_export(request: HttpRequest) -> HttpResponse:
    from ..learn.spans import reviewer_spans, to_jsonl

    _log(request, "export_annotations")
    response = StreamingHttpResponse(to_jsonl(reviewer_spans(current().engine)),
                                     content_type="application/x-ndjson")
    response["Content-Disposition"] = 'attachment; filename="reviewer-spans.jsonl"'
    return response

