"""Outbox delivery and periodic jobs, run by `motcua worker` (and in-process in demo mode)."""
