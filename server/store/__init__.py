"""Queries that turn rows into domain values and back; every one is scoped to a user."""
