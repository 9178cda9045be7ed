"""One account: the account pane (header, Overview form, People, Tier
history; features add tabs), the account form, and the person and tier
dialogs."""
