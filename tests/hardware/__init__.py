"""Hardware probe tests over recorded fixtures (tests/fixtures/hardware)."""
