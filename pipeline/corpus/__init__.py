"""Synthetic corpus tools: render test and benchmark documents."""
