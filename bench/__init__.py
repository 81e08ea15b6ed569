"""The benchmarks, run from the checkout as modules: `python -m bench.run_all` (see Makefile)."""
