"""备份与恢复 — automatic backups, the backup settings and restore (issue 10, item 5)."""
