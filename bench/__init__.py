"""Benchmarks: `make bench` measures our tool against a baseline in the same run."""
