"""Retention in the window: View ▸ Complaints register, Tools ▸ Portfolio
analysis and Edit ▸ Change account status… (the status rule is the core's)."""
