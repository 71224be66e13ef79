"""Orchestration for khobor: Prefect flows and tasks, sources, warehouse I/O and the CLI."""
