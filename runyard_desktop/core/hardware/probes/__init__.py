"""Hardware probes: each has a pure `parse_*` over captured text/values and a thin `read_*` that captures it."""
