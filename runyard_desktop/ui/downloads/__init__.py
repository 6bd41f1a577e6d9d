"""Downloads: the action bar and list, the dialogs around a download, the measured-check card, and their wiring."""
