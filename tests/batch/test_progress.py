"""Progress: a bar with rate and ETA on a terminal, plain lines otherwise."""

from __future__ import annotations

import io

import pytest

from pipeline.batch import progress as progress_module
from pipeline.batch.progress import Progress


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("stream", "mode", "bar"), [(_Tty(), "auto", True), (io.StringIO(), "auto", False),
                                                     (_Tty(), "lines", False)])
def test_bar_on_a_terminal_lines_otherwise(monkeypatch, stream, mode, bar):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(progress_module, "LINE_EVERY_SECONDS", 0.0)
    monkeypatch.setattr(progress_module, "BAR_EVERY_SECONDS", 0.0)
    p = Progress(total=4, mode=mode, stream=stream)
    p.advance(skipped=True)
    p.advance()
    p.advance(error=True)
    p.close()
    out = stream.getvalue()
    assert ("\r[" in out) is bar
    assert "packets/s" in out and "ETA" in out and "1 already done, 1 errors" in out
    if not bar:
        assert out.count("\n") >= 3 and "\r" not in out


def test_none_is_silent():  # type: ignore[no-untyped-def]
    stream = io.StringIO()
    p = Progress(total=2, mode="none", stream=stream)
    p.advance()
    p.close()
    assert stream.getvalue() == ""
