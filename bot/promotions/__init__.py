"""Promotion campaigns: a sandboxed message per language, an audience, quiet hours and a paced fan-out."""
