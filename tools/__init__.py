"""Development tools that are not part of the app: checks the gates in `.ci/run` load (see import_contracts)."""
