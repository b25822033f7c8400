"""Render plain text to a simple text-layer PDF (tests and benchmarks; needs the dev dependency reportlab)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

PAGE_WIDTH, PAGE_HEIGHT = 612.0, 792.0
"""US Letter, in points."""
LINE_SPACING = 1.2
HEADER_FONT = "Helvetica"
HEADER_SIZE = 7.0
TAB_WIDTH = 4
# A monospaced TrueType font with wide Unicode coverage (Debian: fonts-dejavu-core); the standard PDF fonts
# cover Latin-1 only, so "↑ weakness" would lose its arrow.
UNICODE_MONO_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSansMono.ttf"),
)
AUTO = "auto"


def _resolve_font(font: str) -> str:
    """`auto`: DejaVu Sans Mono when installed (registered once with reportlab), else Courier."""
    if font != AUTO:
        return font
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSansMono" in pdfmetrics.getRegisteredFontNames():
        return "DejaVuSansMono"
    for path in UNICODE_MONO_FONTS:
        if path.is_file():
            pdfmetrics.registerFont(TTFont("DejaVuSansMono", str(path)))
            return "DejaVuSansMono"
    return "Courier"


def render_text_pdf(
    text: str,
    out_path: str | Path,
    *,
    font: str = AUTO,
    font_size: float = 9.5,
    margin: float = 54,
    fax_header: str | None = None,
) -> None:
    """Write `text` as a Letter-size PDF with a real text layer.

    Each "\\f" starts a new page; long lines wrap at word boundaries (a word wider than the line is cut);
    a full page continues on the next one. `fax_header`, formatted with {page} and {pages}, is drawn as a
    small line at the top of every page, before the body text. Output is byte-for-byte deterministic.
    `font="auto"` uses DejaVu Sans Mono when installed (all characters drawn), else Courier (Latin-1 only).
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen.canvas import Canvas

    font = _resolve_font(font)
    width = PAGE_WIDTH - 2 * margin
    leading = font_size * LINE_SPACING
    lines_per_page = max(1, int((PAGE_HEIGHT - 2 * margin) // leading))

    def measure(s: str) -> float:
        return float(stringWidth(s, font, font_size))

    pages: list[list[str]] = []
    for section in text.split("\f"):
        lines: list[str] = []
        for raw in section.split("\n"):
            lines.extend(_wrap(raw.expandtabs(TAB_WIDTH).rstrip(), width, measure))
        chunks = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)] or [[]]
        pages.extend(chunks)

    canvas = Canvas(str(out_path), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), invariant=1, pageCompression=0)
    for number, lines in enumerate(pages, start=1):
        if fax_header is not None:
            canvas.setFont(HEADER_FONT, HEADER_SIZE)
            canvas.drawString(
                margin, PAGE_HEIGHT - margin / 2, fax_header.format(page=number, pages=len(pages))
            )
        canvas.setFont(font, font_size)
        y = PAGE_HEIGHT - margin - font_size
        for line in lines:
            if line:
                canvas.drawString(margin, y, line)
            y -= leading
        canvas.showPage()
    canvas.save()


def _wrap(line: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Split one line into pieces no wider than `width`, breaking at spaces (or inside a too-long word)."""
    if not line or measure(line) <= width:
        return [line]
    indent = line[: len(line) - len(line.lstrip(" "))]
    pieces: list[str] = []
    current = indent
    for word in line.split():
        candidate = f"{current} {word}" if current.strip() else current + word
        if measure(candidate) <= width:
            current = candidate
            continue
        if current.strip():
            pieces.append(current)
        current = word
        while measure(current) > width and len(current) > 1:
            cut = _longest_prefix(current, width, measure)
            pieces.append(current[:cut])
            current = current[cut:]
    if current.strip():
        pieces.append(current)
    return pieces


def _longest_prefix(word: str, width: float, measure: Callable[[str], float]) -> int:
    cut = 1
    while cut < len(word) and measure(word[: cut + 1]) <= width:
        cut += 1
    return cut
