"""proxygraph: turn conflict reporting into a sourced, auditable graph of who backs whom."""

__version__ = "0.1.0"
FORMAT = "proxygraph.doc/1"
