"""Fact mapping stage: NLP mentions -> typed clinical facts with evidence (catalogue in resources/facts.yaml)."""

from .catalogue import FactSpec, load_catalogue
from .mapper import map_facts

__all__ = ["FactSpec", "load_catalogue", "map_facts"]
