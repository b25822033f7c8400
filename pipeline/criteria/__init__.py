"""Payer-criteria stage: policies as data (policies/*.yaml), three-valued evaluation, determinations."""

from .decide import determine
from .evaluate import Evaluation
from .loader import DEFAULT_POLICY_DIR, LoadedPolicy, iter_nodes, load_policies, load_policy, policy_roots
from .schema import Policy

__all__ = ["DEFAULT_POLICY_DIR", "Evaluation", "LoadedPolicy", "Policy", "determine", "iter_nodes",
           "load_policies", "load_policy", "policy_roots"]
