"""End to end in a real browser: Playwright (PyPI) driving Debian's chromium, headless, against the workbench
served by waitress on a loopback port. A reviewer signs in, opens a pended case, clicks a criterion and sees its
box on the page image, overrides it with a reason, escalates the case, and finds both in the case history; a
physician then records the decision. Screenshots of the case view go to $PRESCREEN_SCREENSHOTS when set (the
docs/img/ pictures are made so).

Skipped, saying why, only when chromium or playwright is not installed (`make test` installs both)."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from workbench_fixtures import PDF_PACKET, Bench

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
# flags for a closed network: no background connections, no component updates, no sandbox as root
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
PAYER = "florida-blue"

pytestmark = pytest.mark.browser

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # pragma: no cover
    sync_playwright = None  # type: ignore[assignment]


@pytest.fixture
def served(bench: Bench) -> Iterator[str]:
    """The workbench over the bench's store, on a free loopback port, in a thread."""
    from django.core.wsgi import get_wsgi_application
    from waitress.server import create_server

    server = create_server(get_wsgi_application(), host="127.0.0.1", port=0, threads=4)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"  # type: ignore[union-attr]
    finally:
        server.close()
        thread.join(timeout=10)


@pytest.fixture
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("Debian chromium is not installed (apt-get install chromium; make test installs it)")
    if sync_playwright is None:
        pytest.skip("playwright is not installed (pip install -e '.[dev]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def _shot(page: Any, name: str) -> None:
    folder = os.environ.get("PRESCREEN_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.evaluate("""() => Promise.all(Array.from(document.querySelectorAll('svg image'))
                          .map(i => fetch(i.getAttribute('href'))))""")  # page images rendered and cached
        page.wait_for_timeout(500)  # and drawn
        page.screenshot(path=str(Path(folder) / name))


def _sign_in(page: Any, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form.login-form button[type=submit]")


def test_reviewer_works_a_case_end_to_end(bench: Bench, served: str, browser: Any, tmp_path: Path) -> None:
    from workbench_fixtures import PASSWORDS

    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" and "favicon" not in m.text else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    _sign_in(page, served, "rita", PASSWORDS["rita"])
    expect(page.locator("h1")).to_have_text("Work queue")
    _shot(page, "workbench-queue.png")

    # open the pended PDF case for florida-blue from the queue
    page.goto(f"{served}/queue?status=pended&payer={PAYER}")
    page.locator("a.open", has_text=PDF_PACKET.name).click()
    expect(page.locator("h1")).to_contain_text(PDF_PACKET.name)
    expect(page.locator("#item-status")).to_have_text("pended")

    # click a criterion that has evidence: its boxes light up on the page image and its text is highlighted
    crit = page.locator("li.crit:not([data-ev=''])").first
    crit_id = crit.get_attribute("data-crit")
    evidence = (crit.get_attribute("data-ev") or "").split()
    assert evidence
    crit.locator(".crit-line").click()
    expect(crit).to_have_class(__import__("re").compile(r"\bselected\b"))
    lit = page.locator("svg.page-svg rect.box.lit")
    expect(lit.first).to_be_visible()
    assert lit.count() >= 1 and page.locator("mark.lit").count() >= 1
    assert all(e in evidence for e in (lit.first.get_attribute("data-ev") or "").split() if e in evidence)
    image = page.locator("svg.page-svg image").first
    assert page.evaluate("(src) => fetch(src).then(r => r.headers.get('content-type'))",
                         image.get_attribute("href")) == "image/png"
    _shot(page, "workbench-case.png")

    # clicking a highlight shows the criteria that cite it
    lit.first.click()
    expect(page.locator("#cited-by")).to_be_visible()
    expect(page.locator("#cited-list a").first).to_be_visible()

    # keyboard: j moves to the next criterion
    page.locator("body").press("j")
    assert page.locator("li.crit.selected").get_attribute("data-crit") != crit_id

    # override the criterion with a reason
    crit.locator(".crit-line").click()
    crit.locator("details.override summary").click()
    crit.locator("select[name=status]").select_option(index=0)
    crit.locator("textarea[name=reason]").fill("Addendum on page 3 contradicts the screen")
    crit.locator("form.override-form button[type=submit]").click()
    expect(page.locator(f"li.crit[data-crit='{crit_id}'] .judgement")).to_contain_text(
        "Addendum on page 3 contradicts the screen")
    expect(page.locator("#item-status")).to_have_text("in review")

    # escalate to physician review
    page.locator("#decision-form input[value=escalate]").check()
    page.locator("#decision-form textarea[name=reason]").fill("Grading question needs a physician")
    page.locator("#decision-form button[type=submit]").click()
    expect(page.locator("#item-status")).to_have_text("escalated to physician")
    _shot(page, "workbench-case-escalated.png")

    # the case history shows the override and the decision
    page.locator("nav.tabs a", has_text="History").click()
    history = page.locator("table.events")
    expect(history).to_contain_text("override_criterion")
    expect(history).to_contain_text("Addendum on page 3 contradicts the screen")
    expect(history).to_contain_text("decide")
    _shot(page, "workbench-history.png")
    context.close()

    # a physician records the adverse determination, citing the criterion
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = context.new_page()
    _sign_in(page, served, "phil", PASSWORDS["phil"])
    page.goto(f"{served}/queue?status=escalated")
    page.locator("a.open", has_text=PDF_PACKET.name).click()
    page.locator("#decision-form input[value=adverse]").check()
    page.locator("#decision-form select[name=criterion]").select_option(crit_id)
    page.locator("#decision-form textarea[name=reason]").fill(
        f"Policy criterion {crit_id} is not met: no documented grading question")
    page.locator("#decision-form button[type=submit]").click()
    expect(page.locator("#item-status")).to_have_text("decided")
    context.close()
    assert not problems, problems


def test_selecting_text_adds_evidence(bench: Bench, served: str, browser: Any) -> None:
    from workbench_fixtures import PASSWORDS

    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    _sign_in(page, served, "rita", PASSWORDS["rita"])
    record = next(r for r in bench.records.values() if r["document"]["path"].endswith(PDF_PACKET.name))
    page.goto(served + bench.case_url(record, PAYER))
    segment = page.locator("#packet-text pre span[data-s]").nth(3)
    start = int(segment.get_attribute("data-s") or 0)
    page.evaluate("""(el) => { const r = document.createRange(); const t = el.firstChild;
        r.setStart(t, 0); r.setEnd(t, Math.min(12, t.length)); const s = window.getSelection();
        s.removeAllRanges(); s.addRange(r); el.dispatchEvent(new MouseEvent('mouseup', {bubbles: true})); }""",
                  segment.element_handle())
    assert page.locator("#ev-start").input_value() == str(start)
    expect(page.locator("#selection-preview")).to_contain_text("Selected:")
    page.locator("#evidence-form button[type=submit]").click()
    expect(page.locator("mark[data-ev~='rv-1']").first).to_be_visible()
    page.close()


