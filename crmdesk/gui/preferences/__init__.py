"""Preferences: who "me" is and how the user likes to work (Edit ▸ Preferences…)."""
