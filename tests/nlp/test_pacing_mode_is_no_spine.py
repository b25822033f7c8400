"""A pacemaker's mode is no spine (target rule look.pacing_mode).

"DDD" is degenerative disc disease in a spine request, and a dual-chamber pacing mode beside a pacemaker ("permanent
pacemaker (DDD)", "PPM, DDDR", "paced DDD at 70"). The pacing mode must not make the requested MRS a spine study,
and the pacemaker itself stays a device. Near misses: disc disease in a spine or back-pain context keeps its reading.
"""

from __future__ import annotations

from typing import Any

import pytest

# case, text, SPINE "DDD" expected, device word that must stay an MRI_CONTRAINDICATION (or None)
ROWS = [
    ("mode in parentheses after the pacemaker", "Dual-chamber permanent pacemaker (DDD) placed 2019.", False,
     "pacemaker"),
    ("mode after a comma", "Permanent pacemaker, DDDR, MR-conditional status unknown.", False, "pacemaker"),
    ("mode named as such", "Interrogation: PPM programmed to DDD mode.", False, "PPM"),
    ("paced at a rate", "ECG shows she is paced DDD at 70.", False, None),
    ("mode after a colon", "Device: cardiac pacer: DDD.", False, None),
    # near misses: disc disease
    ("near miss: lumbar disc disease", "Lumbar MRI: DDD at L4-5 with foraminal narrowing.", True, None),
    ("near miss: back pain from DDD", "Chronic low back pain from DDD; discogenic MRS requested.", True, None),
    ("near miss: DDD in a problem list", "PMH: DDD of the cervical spine, hypertension.", True, None),
]


@pytest.mark.parametrize(("case", "text", "spine", "device"), ROWS, ids=[r[0] for r in ROWS])
def test_pacing_mode_is_no_spine(mentions: Any, case: str, text: str, spine: bool, device: str | None) -> None:
    found = mentions(text)
    assert any(m.concept == "SPINE" and m.text in {"DDD", "DDDR"} for m in found) is spine, \
        [(m.concept, m.text) for m in found]
    if device is not None:
        assert any(m.concept == "MRI_CONTRAINDICATION" and device in m.text for m in found), \
            [(m.concept, m.text) for m in found]
