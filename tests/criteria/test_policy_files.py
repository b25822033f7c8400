"""The shipped policies load; broken policy files fail with the file name and criterion id."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from pipeline.criteria import iter_nodes, load_policies, load_policy, policy_roots
from pipeline.errors import PolicyError

REPO = Path(__file__).resolve().parents[2]
PAYERS = {"highmark-wv", "excellus", "healthhelp", "florida-blue", "cohere"}


def test_the_five_payers_load():  # type: ignore[no-untyped-def]
    loaded = load_policies(REPO / "policies")
    assert set(loaded) == PAYERS
    for lp in loaded.values():
        assert (REPO.parent / "shared" / "seeds" / lp.policy.policy.source_file).name.endswith(".txt")


@pytest.mark.parametrize("payer", sorted(PAYERS))
def test_every_policy_quote_is_verbatim(payer):  # type: ignore[no-untyped-def]
    """Quotes come from the source text (ellipses allowed between quoted fragments)."""
    lp = load_policies(REPO / "policies")[payer]
    seeds = REPO.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared/seeds not present")
    source = _flat((seeds / lp.policy.policy.source_file).read_text(encoding="utf-8"))
    quotes = [n.quote for _, root in policy_roots(lp.policy) for n in iter_nodes(root) if n.quote]
    quotes += [lp.policy.otherwise.quote] + [n.quote for n in lp.policy.reviewer_notes]
    for quote in quotes:
        for fragment in quote.replace(" -- ", " ... ").split(" ... "):
            probe = _flat(fragment).strip()
            assert probe in source, f"{payer}: not found in {lp.policy.policy.source_file}: {probe!r}"


def _flat(text: str) -> str:
    """Whitespace collapsed, markdown emphasis and list bullets removed."""
    text = re.sub(r"<sup>[^<]*</sup>", "", text)
    text = " ".join(text.replace("**", "").replace("\\*", "*").split())
    return text.replace(" - ", " ").removeprefix("- ")


BROKEN = [
    ("unknown-op", {"id": "i", "op": "maybe", "fact": "seizures", "status": ["present"]}, "'i'"),
    ("unknown-fact", {"id": "i.x", "op": "fact", "fact": "unicorns", "status": ["present"]}, "unicorns"),
    ("bad-status", {"id": "i.y", "op": "fact", "fact": "seizures", "status": ["maybe"]}, "'i.y'"),
    ("bad-where", {"id": "i.z", "op": "fact", "fact": "seizures", "status": ["present"], "where": {"kind": ["x"]}},
     "'i.z'"),
    ("empty-any", {"id": "i.any", "op": "any", "of": []}, "'i.any'"),
    ("extra-key", {"id": "i.k", "op": "fact", "fact": "seizures", "status": ["present"], "colour": "red"}, "'i.k'"),
    ("bad-id", {"id": "Bad Id", "op": "fact", "fact": "seizures", "status": ["present"]}, "Bad Id"),
    ("duplicate-id", {"id": "i", "op": "any", "of": [
        {"id": "i.d", "op": "fact", "fact": "seizures", "status": ["present"]},
        {"id": "i.d", "op": "fact", "fact": "epilepsy", "status": ["present"]}]}, "'i.d'"),
]


@pytest.mark.parametrize(("case", "indications", "needle"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_policy_names_file_and_criterion(tmp_path, case, indications, needle):  # type: ignore[no-untyped-def]
    doc = {"schema_version": 1, "payer": "broken",
           "policy": {"id": "b", "title": "b", "version": "1", "source_file": "b.txt", "cpt_codes": ["76390"]},
           "otherwise": {"outcome": "criteria_not_met", "quote": "q"}, "indications": indications}
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    with pytest.raises(PolicyError) as err:
        load_policy(path)
    assert "broken.yaml" in err.value.message and needle in err.value.message


@pytest.mark.parametrize(("content", "needle"), [
    ("payer: [unclosed", "not valid YAML"),
    ("- just\n- a list\n", "mapping"),
])
def test_unparseable_policy(tmp_path, content, needle):  # type: ignore[no-untyped-def]
    path = tmp_path / "x.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PolicyError, match=needle):
        load_policy(path)


def test_file_name_must_match_payer(tmp_path):  # type: ignore[no-untyped-def]
    src = (REPO / "policies" / "cohere.yaml").read_text(encoding="utf-8")
    (tmp_path / "other.yaml").write_text(src, encoding="utf-8")
    with pytest.raises(PolicyError, match="cohere.yaml"):
        load_policy(tmp_path / "other.yaml")


def test_a_sixth_payer_is_one_file(tmp_path):  # type: ignore[no-untyped-def]
    for f in (REPO / "policies").glob("*.yaml"):
        (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    sixth = {"schema_version": 1, "payer": "acme-health",
             "policy": {"id": "acme-1", "title": "MRS", "version": "1", "source_file": "acme.txt",
                        "cpt_codes": ["76390"]},
             "otherwise": {"outcome": "criteria_not_met", "quote": "Otherwise not covered."},
             "indications": {"id": "acme.ms", "op": "fact", "fact": "multiple_sclerosis", "status": ["present"],
                             "quote": "Multiple sclerosis."}}
    (tmp_path / "acme-health.yaml").write_text(yaml.safe_dump(sixth), encoding="utf-8")
    assert "acme-health" in load_policies(tmp_path)
