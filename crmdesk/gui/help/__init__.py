"""Help: the keyboard shortcuts (built from the window's own actions) and the
short user guide shipped in resources/; Tab moving between panes."""
