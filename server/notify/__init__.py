"""Delivery channels: email (and, with the reminders, push and Apprise)."""
