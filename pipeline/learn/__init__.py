"""Learning from reviewers: their corrections as span annotations for retraining (see docs/workbench.md)."""
