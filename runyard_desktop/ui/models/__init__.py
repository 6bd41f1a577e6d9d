"""The *Models* page: the fit table, its delegates, the details pane, the what-if editor, first-run card."""
