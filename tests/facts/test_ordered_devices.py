"""A device only ordered is a plan, not a device in the patient, end to end (text -> NLP ->
`mri_contraindication`).

Class: an order sheet or DME form names the device ordered, or its start is still to come ("Device ordered: insulin
pump", "DME order: insulin pump, shipment pending", "pump start class after the MRI", "pump to be started in
January"): the device is planned (cues safety.device_planned_before, safety.device_planned_after), not an MRI
contraindication.

Near misses: a replacement ordered while the current device is in use; a device worn since a year; a device
removed for the MRI; a hospital infusion pump (no implanted device).
"""

from __future__ import annotations

import pytest
from text_to_criteria import check_device_fact, facts_of

from pipeline.contracts import FactStatus

P, S, A, N = FactStatus.PRESENT, FactStatus.SUSPECTED, FactStatus.ABSENT, FactStatus.NOT_DOCUMENTED
PUMP = ["insulin_pump"]

# id: (text, status, devices that stay a contraindication (None: not checked))
CASES: dict[str, tuple[str, FactStatus, list[str] | None]] = {
    # ------------------------------------------------ ordered on an order sheet or DME form
    "device-ordered-label": ("Device ordered: insulin pump\n", N, None),
    "dme-order-shipment-pending": ("DME order: insulin pump, shipment pending\n", N, None),
    "dme-order-caps": ("DME ORDER: INSULIN PUMP\n", N, None),
    "ordered-after": ("Insulin pump ordered 11/02, not yet delivered.\n", N, None),
    "has-been-ordered": ("An insulin pump has been ordered through the DME vendor.\n", N, None),
    "order-placed-for": ("Order placed for an insulin pump (Tandem).\n", N, None),
    "start-class-after-mri": ("Endocrinology: insulin pump start class after the MRI.\n", N, None),
    "to-be-started-january": ("Insulin pump to be started in January.\n", N, None),
    "will-start": ("She will start an insulin pump next month.\n", N, None),
    "awaiting-delivery": ("Insulin pump awaiting delivery from the supplier.\n", N, None),
    "prescribed-new": ("DME: new insulin pump prescribed, pending insurance approval\n", N, None),
    "pump-start-scheduled": ("Insulin pump start scheduled 01/15 with diabetes education.\n", N, None),
    # ------------------------------------------------ near misses
    "near-replacement-ordered-current-in-use": ("Replacement pump ordered; current insulin pump in use.\n", P, PUMP),
    "near-device-since-2019": ("Device: insulin pump since 2019\n", P, PUMP),
    "near-removed-for-mri": ("Insulin pump - removed for the MRI.\n", A, []),
    "near-wears-pump": ("She wears an insulin pump (Omnipod).\n", P, PUMP),
    "near-on-pump": ("Type 1 diabetes on insulin pump therapy.\n", P, PUMP),
    "near-hospital-infusion-pump": ("Inpatient: heparin via IV infusion pump, continued on the ward.\n", N, None),
    "near-infusion-pump-ordered": ("Order: IV infusion pump for the heparin drip.\n", N, None),
    "near-supplies-ordered": ("Insulin pump in place; pump supplies ordered.\n", P, PUMP),
}


@pytest.mark.parametrize(("text", "status", "devices"), CASES.values(), ids=CASES.keys())
def test_ordered_devices(analyze, text: str, status: FactStatus,  # type: ignore[no-untyped-def]
                         devices: list[str] | None) -> None:
    fact = facts_of(analyze, text).facts["mri_contraindication"]
    check_device_fact(fact, status, devices)
