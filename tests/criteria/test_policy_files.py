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


def _nested(child: dict) -> dict:  # type: ignore[type-arg]
    """`child` two levels down a tree whose root and middle nodes are valid."""
    return {"id": "root", "op": "all", "of": [
        {"id": "root.ok", "op": "fact", "fact": "seizures", "status": ["present"]},
        {"id": "root.mid", "op": "any", "of": [child]}]}


FAULTY_CHILDREN = [
    ("bad-status", {"id": "root.mid.bad", "op": "fact", "fact": "seizures", "status": ["maybe"]}),
    ("missing-status", {"id": "root.mid.bad", "op": "fact", "fact": "seizures"}),
    ("extra-key", {"id": "root.mid.bad", "op": "fact", "fact": "seizures", "status": ["present"], "colour": 1}),
    ("unknown-op", {"id": "root.mid.bad", "op": "maybe"}),
    ("empty-all", {"id": "root.mid.bad", "op": "all", "of": []}),
]


@pytest.mark.parametrize(("case", "child"), FAULTY_CHILDREN, ids=[c[0] for c in FAULTY_CHILDREN])
def test_a_faulty_child_is_named_not_its_root(tmp_path, case, child):  # type: ignore[no-untyped-def]
    doc = {"schema_version": 1, "payer": "broken",
           "policy": {"id": "b", "title": "b", "version": "1", "source_file": "b.txt", "cpt_codes": ["76390"]},
           "otherwise": {"outcome": "criteria_not_met", "quote": "q"}, "indications": _nested(child)}
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    with pytest.raises(PolicyError) as err:
        load_policy(path)
    assert "criterion 'root.mid.bad'" in err.value.message, err.value.message


HOSTILE_YAML = [
    ("syntax error names its line", "payer: cohere\npolicy:\n  id: [unclosed\n  title: x\n", "line 4"),
    ("tab indentation names its line", "payer: cohere\npolicy:\n\tid: x\n", "line 3"),
    ("alias bomb", "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n"
                   "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                   "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n", "aliases"),
    ("deep nesting", "payer: " + "[" * 3000 + "]" * 3000 + "\n", "nested deeper than 64"),
    ("deep mapping nesting", "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "v: 1\n",
     "nested deeper than 64"),
    ("too large", "payer: cohere\n" + "# padding\n" * 120_000, "larger than 1024 KB"),
]


@pytest.mark.parametrize(("case", "content", "needle"), HOSTILE_YAML, ids=[h[0] for h in HOSTILE_YAML])
def test_hostile_policy_yaml_is_refused_with_where(tmp_path, case, content, needle):  # type: ignore[no-untyped-def]
    import resource

    path = tmp_path / "cohere.yaml"
    path.write_text(content, encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(PolicyError) as err:
        load_policy(path)
    assert needle in err.value.message and "cohere.yaml" in err.value.message
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200 * 1024  # KB: no expansion


def test_policies_validate_exits_2_with_one_line(tmp_path):  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from pipeline.cli import app

    (tmp_path / "cohere.yaml").write_text("payer: [unclosed\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["policies", "validate", "--policies", str(tmp_path)])
    assert result.exit_code == 2
    assert result.output.startswith("prescreen: E202: cohere.yaml: not valid YAML at line 2")
    assert result.output.count("\n") == 1
