"""Print the facts (with evidence), imaging studies and decisions for one packet: `python scripts/explain.py PATH [fact...]`."""

from __future__ import annotations

import sys

from pipeline.screen import Screener


def main() -> None:
    path, wanted = sys.argv[1], set(sys.argv[2:])
    record = Screener(policy_dir="policies").screen_one(path)
    if record.kind == "error":
        print(record)
        return
    print("reference date:", record.reference_date)
    for s in record.imaging:
        print(f"study {s.modality} {s.date} {s.body_part} {s.verdicts} {[e.text for e in s.evidence][:8]}")
    for f in record.facts:
        if (wanted and f.name not in wanted) or (not wanted and f.status.value == "not_documented" and not f.ignored):
            continue
        print(f"{f.name} = {f.status.value} {f.value if f.value is not None else ''} {f.attributes or ''} ({f.note})")
        for e in f.evidence[:6]:
            print(f"    [{e.assertion}] {e.text!r} {e.modifiers} {e.section} | {(e.sentence or '')[:110]}")
        for e in f.ignored[:3]:
            print(f"    [ignored] {e.text!r} {e.modifiers} | {(e.sentence or '')[:100]}")
    for d in record.determinations:
        print(d.payer, d.decision.value, d.outcome.value, d.missing_documentation[:3])


if __name__ == "__main__":
    main()
