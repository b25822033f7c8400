"""Fixtures of the workbench tests (defined in workbench_fixtures.py, shared with the test modules)."""

from workbench_fixtures import bench, cheap_password_hashing, make_bench, packet_cache, screened

__all__ = ["bench", "cheap_password_hashing", "make_bench", "packet_cache", "screened"]
