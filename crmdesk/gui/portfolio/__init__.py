"""The portfolio: the customer pane (search, tier/status/owner filters) and
its paged account table model. Selecting a row drives the other panes."""
