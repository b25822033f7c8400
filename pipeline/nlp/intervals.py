"""Finding the spans that may overlap a given one without comparing it with every span of the document."""

from bisect import bisect_left


class SpansByStart:
    """Token spans (start, end) sorted by start. `candidates(start, end)` returns, in their original order, the
    indexes of the spans that may overlap [start, end): every span that does is among them (callers check)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self.starts = [spans[i][0] for i in self.order]
        self.longest = max((end - start for start, end in spans), default=0)

    def candidates(self, start: int, end: int) -> list[int]:
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, max(end, start + 1))
        return sorted(self.order[lo:hi])
