"""Data safety in the window: File ▸ Backups… (list, back up now, restore),
Tools ▸ Check database, and the status-bar warning for a database on a
shared or synced folder."""
