"""Bulk pre-screening: a folder or manifest of packets -> one record per packet, resumable, local or Spark."""
