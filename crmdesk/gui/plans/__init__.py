"""Account plans: the Plan tab of the account pane, File ▸ Export plan as
PDF… and Print review pack…, and the in-app PDF preview with printing."""
