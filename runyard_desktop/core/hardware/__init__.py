"""This machine: the hardware profile, the probes that read it (probes/), memory bandwidth, preset machines."""
