"""The workbench's routes (see docs/workbench.md for who may use each)."""

from django.urls import path, re_path

from . import views

KEY = r"(?P<case_key>[0-9a-f]{16,128})"
PAYER = r"(?P<payer>[A-Za-z0-9._-]{1,128})"

urlpatterns = [
    re_path(r"^static/(?P<path>[A-Za-z0-9._/-]{1,200})$", views.static, name="static"),
    path("login", views.login, name="login"),
    path("logout", views.logout, name="logout"),
    path("", views.home, name="home"),
    path("queue", views.queue, name="queue"),
    re_path(rf"^cases/{KEY}/pages/(?P<number>[0-9]{{1,5}})\.png$", views.page_image, name="page"),
    re_path(rf"^cases/{KEY}/history$", views.history, name="history"),
    re_path(rf"^cases/{KEY}/history\.(?P<fmt>csv|json)$", views.history, name="history-export"),
    re_path(rf"^cases/{KEY}/{PAYER}/$", views.case, name="case"),
    re_path(rf"^cases/{KEY}/{PAYER}/criteria$", views.criterion, name="criterion"),
    re_path(rf"^cases/{KEY}/{PAYER}/evidence$", views.evidence, name="evidence"),
    re_path(rf"^cases/{KEY}/{PAYER}/decision$", views.decision, name="decision"),
    re_path(rf"^cases/{KEY}/{PAYER}/next$", views.next_case, name="next"),
    path("audit", views.audit_log, name="audit"),
    re_path(r"^audit/export\.(?P<fmt>csv|json)$", views.audit_export, name="audit-export"),
    path("audit/verify", views.audit_verify, name="audit-verify"),
    path("users", views.users, name="users"),
    path("annotations/export.jsonl", views.annotations_export, name="annotations-export"),
]
