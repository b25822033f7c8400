"""Where each character of the canonical text sits: its page and its box on that page."""

from __future__ import annotations

import base64
import json
import math
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from pipeline.contracts import Box

_FORMAT = "text-layout/1"
_NO_PAGE = 0
_NAN = float("nan")
_COLUMNS = {
    "run_starts": "i",
    "run_pages": "i",
    "x0": "f",
    "top": "f",
    "x1": "f",
    "bottom": "f",
    "breaks": "i",
}
_BOX_COLUMNS = ("_x0", "_top", "_x1", "_bottom")


class TextLayout:
    """Page and box of every character of a document text, in compact array columns.

    Pages are stored as runs (offset where a run starts, its page; page 0 means "no page", e.g. the page
    break separator). Boxes are float32 columns in PDF points with a top-left origin (pdfplumber's char
    coordinates), NaN for characters without a box; the box columns are empty when no character has a box
    (plain-text input). `breaks` are the offsets of line breaks, so boxes_for() never merges two lines.
    """

    __slots__ = ("_n", "_run_starts", "_run_pages", "_x0", "_top", "_x1", "_bottom", "_breaks")

    def __init__(self) -> None:
        self._n = 0
        self._run_starts = array("i")
        self._run_pages = array("i")
        self._x0 = array("f")
        self._top = array("f")
        self._x1 = array("f")
        self._bottom = array("f")
        self._breaks = array("i")

    # -- building ---------------------------------------------------------------------------------------

    @classmethod
    def without_boxes(cls, n_chars: int, pages: Iterable[tuple[int, int, int]]) -> TextLayout:
        """A layout of `n_chars` box-less characters; `pages` gives (page, start, end) spans."""
        layout = cls()
        layout._n = n_chars
        for page, start, end in sorted(pages, key=lambda span: span[1]):
            if end > start:
                layout._set_page(start, page)
                layout._set_page(end, _NO_PAGE)
        if layout._run_starts and layout._run_starts[-1] >= n_chars:
            layout._run_starts.pop()
            layout._run_pages.pop()
        return layout

    def append(self, page: int | None, box: tuple[float, float, float, float] | None = None) -> None:
        """Add one character: its 1-based page (None outside pages) and its (x0, top, x1, bottom) box."""
        self._set_page(self._n, page or _NO_PAGE)
        x0, top, x1, bottom = box if box is not None else (_NAN, _NAN, _NAN, _NAN)
        self._x0.append(x0)
        self._top.append(top)
        self._x1.append(x1)
        self._bottom.append(bottom)
        self._n += 1

    def append_break(self, page: int | None) -> None:
        """Add one line-break character (no box) on `page`."""
        self._breaks.append(self._n)
        self.append(page)

    def extend(self, other: TextLayout) -> None:
        """Add every character of `other` after this layout's: the same as appending them one by one."""
        base = self._n
        if other._n == 0:
            return
        if not other._run_starts or other._run_starts[0] > 0:
            self._set_page(base, _NO_PAGE)
        for start, page in zip(other._run_starts, other._run_pages, strict=True):
            self._set_page(base + start, page)
        for name in _BOX_COLUMNS if len(self._x0) or len(other._x0) else ():
            mine, theirs = getattr(self, name), getattr(other, name)
            if len(mine) < base:
                mine.extend(array("f", [_NAN]) * (base - len(mine)))
            mine.extend(theirs if len(theirs) == other._n else array("f", [_NAN]) * other._n)
        self._breaks.extend(array("i", (base + b for b in other._breaks)))
        self._n += other._n

    def truncate(self, n_chars: int) -> None:
        """Drop every character from offset `n_chars` on."""
        if n_chars >= self._n:
            return
        self._n = n_chars
        cut = bisect_left(self._run_starts, n_chars)
        del self._run_starts[cut:]
        del self._run_pages[cut:]
        for name in _BOX_COLUMNS:
            del getattr(self, name)[n_chars:]
        del self._breaks[bisect_left(self._breaks, n_chars) :]

    def _set_page(self, offset: int, page: int) -> None:
        if self._run_pages and self._run_pages[-1] == page:
            return
        if self._run_starts and self._run_starts[-1] == offset:
            self._run_pages[-1] = page
            if len(self._run_pages) > 1 and self._run_pages[-2] == page:
                self._run_starts.pop()
                self._run_pages.pop()
            return
        if not self._run_starts and page == _NO_PAGE:
            return
        self._run_starts.append(offset)
        self._run_pages.append(page)

    # -- queries ----------------------------------------------------------------------------------------

    def __len__(self) -> int:
        return self._n

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TextLayout):
            return NotImplemented
        # Byte comparison, so that NaN columns compare equal to themselves.
        return self._n == other._n and all(
            getattr(self, name).tobytes() == getattr(other, name).tobytes() for name in self.__slots__[1:]
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"TextLayout(n_chars={self._n}, has_boxes={self.has_boxes})"

    @property
    def has_boxes(self) -> bool:
        """True when at least the columns for boxes exist (PDF input)."""
        return len(self._x0) > 0

    def page_of(self, offset: int) -> int | None:
        """1-based page of the character at `offset`; None outside any page or out of range."""
        if not 0 <= offset < self._n:
            return None
        run = bisect_right(self._run_starts, offset) - 1
        if run < 0:
            return None
        return self._run_pages[run] or None

    def box_of(self, offset: int) -> Box | None:
        """The box of the character at `offset`, or None when it has none."""
        if not 0 <= offset < len(self._x0) or math.isnan(self._x0[offset]):
            return None
        page = self.page_of(offset)
        if page is None:
            return None
        rect = [self._x0[offset], self._top[offset], self._x1[offset], self._bottom[offset]]
        return _box(page, rect)

    def boxes_for(self, start: int, end: int) -> list[Box]:
        """One rectangle per text line that the span [start, end) covers: the union of its char boxes.

        A new rectangle starts after every line break, at every page change, and whenever the next
        character does not overlap the current rectangle vertically. Empty when no character has a box.
        """
        start, end = max(start, 0), min(end, len(self._x0))
        boxes: list[Box] = []
        current: list[float] | None = None
        current_page = 0
        breaks = self._breaks
        next_break = bisect_left(breaks, start)
        for i in range(start, end):
            if next_break < len(breaks) and breaks[next_break] == i:
                next_break += 1
                if current is not None:
                    boxes.append(_box(current_page, current))
                    current = None
                continue
            x0 = self._x0[i]
            if math.isnan(x0):
                continue
            page = self.page_of(i) or _NO_PAGE
            top, x1, bottom = self._top[i], self._x1[i], self._bottom[i]
            if current is not None and page == current_page and top < current[3] and bottom > current[1]:
                current[0] = min(current[0], x0)
                current[1] = min(current[1], top)
                current[2] = max(current[2], x1)
                current[3] = max(current[3], bottom)
                continue
            if current is not None:
                boxes.append(_box(current_page, current))
            current, current_page = [x0, top, x1, bottom], page
        if current is not None:
            boxes.append(_box(current_page, current))
        return boxes

    # -- serialisation ----------------------------------------------------------------------------------

    def to_json(self) -> str:
        """A JSON string of the columns (base64 of little-endian int32/float32 arrays); see from_json."""
        payload: dict[str, str | int] = {"format": _FORMAT, "n_chars": self._n}
        for name in _COLUMNS:
            payload[name] = _encode(getattr(self, "_" + name))
        return json.dumps(payload, separators=(",", ":"))

    @classmethod
    def from_json(cls, data: str | bytes) -> TextLayout:
        """Rebuild a layout from to_json() output; ValueError when the data is not one."""
        payload = json.loads(data)
        if not isinstance(payload, dict) or payload.get("format") != _FORMAT:
            raise ValueError(f"not a serialised text layout (expected format {_FORMAT!r})")
        layout = cls()
        layout._n = int(payload["n_chars"])
        for name, typecode in _COLUMNS.items():
            setattr(layout, "_" + name, _decode(typecode, payload[name]))
        box_lengths = {len(getattr(layout, name)) for name in _BOX_COLUMNS}
        if box_lengths not in ({0}, {layout._n}) or len(layout._run_starts) != len(layout._run_pages):
            raise ValueError("serialised text layout has columns of inconsistent lengths")
        return layout


def _encode(column: array) -> str:
    """Little-endian bytes of an array column, base64-encoded."""
    if sys.byteorder == "big":
        column = array(column.typecode, column)
        column.byteswap()
    return base64.b64encode(column.tobytes()).decode("ascii")


def _decode(typecode: str, data: str) -> array:
    column = array(typecode)
    column.frombytes(base64.b64decode(data))
    if sys.byteorder == "big":
        column.byteswap()
    return column


def _round(value: float) -> float:
    """float32 coordinates rounded to 1/1000 point, so they print cleanly."""
    return round(float(value), 3)


def _box(page: int, rect: list[float]) -> Box:
    return Box(page=page, x0=_round(rect[0]), top=_round(rect[1]), x1=_round(rect[2]), bottom=_round(rect[3]))
