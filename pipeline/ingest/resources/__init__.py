"""Data files of the ingest stage (transmission_rules.json)."""
