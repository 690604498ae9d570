"""Scale-out engines for batch extraction (Ray: ray_engine.py, the `proxygraph[ray]` extra)."""
