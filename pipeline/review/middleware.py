"""Security middleware: response headers (a strict Content-Security-Policy, no caching of pages) and sign-in
with deny-by-default access control: a view is reachable only when it declares who may use it (`public` or
`roles(...)`)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse

from .accounts import get_user, password_fingerprint
from .app import ABSOLUTE_TIMEOUT_SECONDS, current

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'")
PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

View = Callable[..., HttpResponse]


def public(view: View) -> View:
    """Reachable without signing in (the sign-in page and static assets)."""
    view.access = "public"  # type: ignore[attr-defined]
    return view


def roles(*allowed: str) -> Callable[[View], View]:
    """Reachable by a signed-in user whose role is one of `allowed`."""

    def mark(view: View) -> View:
        view.access = frozenset(allowed)  # type: ignore[attr-defined]
        return view

    return mark


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response["Content-Security-Policy"] = CSP
        response["Permissions-Policy"] = PERMISSIONS
        response["Cross-Origin-Resource-Policy"] = "same-origin"
        if not getattr(response, "cacheable", False):
            response["Cache-Control"] = "no-store"
        if request.is_secure():  # served over TLS: every cookie is Secure
            for morsel in response.cookies.values():
                morsel["secure"] = True
        return response


class AuthenticationMiddleware:
    """Puts the signed-in `User` (or None) on `request.reviewer`; ends sessions of disabled accounts, after a
    password change, and 12 hours after sign-in; refuses views to users without the right role."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.reviewer = None
        uid = request.session.get("uid")
        if uid is not None:
            user = get_user(current().engine, int(uid))
            fresh = time.time() - float(request.session.get("since", 0)) < ABSOLUTE_TIMEOUT_SECONDS
            if user is not None and user.active and fresh and \
                    request.session.get("pwd") == password_fingerprint(user):
                request.reviewer = user
            else:
                request.session.flush()
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Any, args: Any, kwargs: Any) -> HttpResponse | None:
        access = getattr(view, "access", None)
        if access == "public":
            return None
        user = getattr(request, "reviewer", None)
        if user is None:
            if request.method in ("GET", "HEAD"):
                request.session["next"] = request.path
                return HttpResponseRedirect("/login")
            return TemplateResponse(request, "review/error.html",
                                    {"title": "Signed out", "message": "Your session has ended. Sign in again."},
                                    status=401)
        if not isinstance(access, frozenset) or user.role not in access:
            return TemplateResponse(request, "review/error.html",
                                    {"title": "Not allowed", "message": "Your role does not give access to this "
                                                                        "page."}, status=403)
        return None
