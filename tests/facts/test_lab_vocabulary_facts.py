"""Common laboratory tests a neurologist orders, named by their names or shorthand, are lab results when a value or
a read is written for them (fact labs_documented; targets lab.common_panels, lab.analyte_value,
lab.abbreviation_value in nlp/resources/targets.yaml; cue labs.stated_after in facts/resources/cues.yaml): the
metabolic panel's analytes ("Na 131 (L), K 4.6", "Bicarbonate 17"), CK / CPK, ferritin and iron studies, HIV
antigen-antibody screens, Lyme serology and PCR, syphilis tests (VDRL, FTA-ABS), hepatitis panels, free T4,
ceruloplasmin, heavy metals, CSF cytology and flow cytometry, vitamin levels, autoimmune serology.

Near misses stay no lab result: a mineral, salt or vitamin given as a medicine or a diet ("Na restriction",
"sodium valproate", "magnesium oxide 400 mg", "vitamin D3 2000 IU", "potassium 20 mEq"), an abbreviation that is no
test ("K-tape", "CK-12 form"), the infection named without a test ("Lyme disease exposure denied", "HIV
counselling offered"), and tests only planned or pending.

Rows are freshly written.
"""

from __future__ import annotations

from typing import Any

import pytest
from text_to_criteria import REQUEST_TAIL, facts_of

from pipeline.contracts import FactStatus

P, N = FactStatus.PRESENT, FactStatus.NOT_DOCUMENTED
ENC = "HPI: 61-year-old man with two weeks of fluctuating confusion and a right temporal FLAIR lesion.\n"
MYO = "HPI: 34-year-old woman with proximal weakness and dark urine after a marathon.\n"
NEU = "HPI: 47-year-old woman with burning feet, unsteady gait and a normal brain MRI.\n"

ROWS: dict[str, tuple[str, FactStatus]] = {
    # 1. the metabolic panel by its analytes
    "na-k-abbreviations": (ENC + "Labs today: Na 131 (L), K 4.6, Cl 97, HCO3 21.", P),
    "sodium-potassium-words": (ENC + "Sodium 124 and potassium 3.1 on arrival in the ED.", P),
    "bicarbonate-chloride": (ENC + "Bicarbonate 17, chloride 108.", P),
    "bun-creatinine-glucose": (ENC + "BUN 31, Cr 1.8, glucose 212.", P),
    "calcium-phosphorus": (NEU + "Calcium 11.9 (H), phosphorus 2.1.", P),
    "mg-phos-abbrev": (NEU + "Mg 1.3, Phos 1.8 this morning.", P),
    "glucose-low-read": (ENC + "Point-of-care glucose low at the scene.", P),
    # 2. CK, iron, thyroid, vitamins, copper
    "ck-thousands": (MYO + "CK 18,400 U/L on admission.", P),
    "cpk-trend": (MYO + "CPK down to 2,100 today.", P),
    "creatine-kinase-words": (MYO + "Creatine kinase was 9500.", P),
    "ferritin-low": (NEU + "Ferritin 8 ng/mL with transferrin saturation 6%.", P),
    "iron-studies-read": (NEU + "Iron studies consistent with iron deficiency.", P),
    "free-t4": (NEU + "TSH 0.02, free T4 3.4.", P),
    "ceruloplasmin-copper": (NEU + "Ceruloplasmin 9 mg/dL (low), serum copper 31.", P),
    "vitamin-d-level": (NEU + "Vitamin D level 11.", P),
    "mma-homocysteine": (NEU + "Methylmalonic acid 920 and homocysteine 24, both high.", P),
    "heavy-metals": (NEU + "Urine heavy metals screen unremarkable.", P),
    "hgb-plt": (NEU + "Hgb 10.1, Plt 412.", P),
    # 3. serology
    "hiv-ag-ab": (ENC + "HIV-1/2 Ag/Ab: nonreactive.", P),
    "hiv-combo": (ENC + "HIV combo screen came back negative.", P),
    "lyme-pcr-csf": (ENC + "Lyme PCR (CSF) not detected.", P),
    "lyme-western-blot": (ENC + "Lyme IgM western blot positive, 3 of 3 bands.", P),
    "vdrl-fta": (ENC + "Serum VDRL nonreactive; FTA-ABS negative.", P),
    "hepatitis-panel": (NEU + "Hepatitis panel negative including HBsAg and HCV antibody.", P),
    "ana-negative": (NEU + "ANA negative, anti-Ro negative.", P),
    # 4. CSF
    "csf-flow-cytometry": (ENC + "CSF flow cytometry showed no clonal B-cell population.", P),
    "csf-cytology": (ENC + "Cytology of the CSF negative for malignant cells.", P),
    # near misses: a medicine, a diet, no test, or a test only planned
    "near-na-restriction": (ENC + "Na restriction 1.5 g/day advised.", N),
    "near-k-tape": (MYO + "K-tape placed over the left quadriceps by PT.", N),
    "near-ck-form": (MYO + "CK-12 form completed for the employer.", N),
    "near-ferrous-sulfate": (NEU + "Ferrous sulfate 325 mg on alternate days.", N),
    "near-hiv-counselling": (ENC + "HIV counselling was offered and accepted.", N),
    "near-lyme-exposure": (ENC + "Lyme disease exposure: denies tick bites or travel.", N),
    "near-sodium-valproate": (ENC + "Sodium valproate 400 mg twice a day since 2019.", N),
    "near-magnesium-oxide": (MYO + "Magnesium oxide 400 mg at night for cramps.", N),
    "near-calcium-carbonate": (NEU + "Calcium carbonate 600 mg with vitamin D.", N),
    "near-vitamin-d-dose": (NEU + "Vitamin D3 2000 IU daily.", N),
    "near-potassium-dose": (MYO + "Potassium 20 mEq by mouth daily.", N),
    "near-b12-injections": (NEU + "Vitamin B12 injections every month.", N),
    "near-plan-panel": (NEU + "Plan: ferritin, free T4, ceruloplasmin, RPR and HIV Ag/Ab.", N),
    "near-lyme-pending": (ENC + "Lyme PCR (CSF) pending.", N),
    "near-t4-level": (NEU + "Syrinx extending to T4 level 3 cm long on MRI.", N),
    # an ordinal in the test's name ("4th generation", "3rd gen") is no value; an order row still in process
    "near-hiv-4th-gen-in-process": (ENC + "HIV Ag/Ab 4th gen   10/21/2026   In process", N),
    "near-syphilis-2nd-tier": (NEU + "Treponemal Ab 2nd tier assay 10/21/2026 In process", N),
    "near-hiv-3rd-generation-sent": (ENC + "HIV antibody 3rd generation screen sent 10/21.", N),
    "hiv-4th-gen-with-result": (ENC + "HIV Ag/Ab 4th gen: non-reactive (10/21/2026).", P),
}


@pytest.mark.parametrize(("text", "status"), ROWS.values(), ids=ROWS.keys())
def test_lab_vocabulary(analyze: Any, text: str, status: FactStatus) -> None:
    fact = facts_of(analyze, text + REQUEST_TAIL).facts["labs_documented"]
    assert fact.status is status, (f"{fact.status.value} ({fact.note}); evidence "
                                   f"{[(e.text, e.attributes.get('cue')) for e in fact.evidence]}")
