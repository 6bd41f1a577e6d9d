"""QtCore-only layer: the one place that knows about threads, timers and cancellation."""
