"""Allow `python -m proxygraph`."""

from proxygraph.cli import main

main()
