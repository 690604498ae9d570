"""Every exception proxygraph raises on purpose, in one hierarchy."""

from __future__ import annotations


class ProxygraphError(Exception):
    """Base class of all proxygraph errors."""


class InvalidKB(ProxygraphError):
    """A knowledge-base file is malformed; the message names the file and key."""


class InvalidInput(ProxygraphError):
    """An input document could not be read; the message names the file (and line)."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason

    def __reduce__(self) -> tuple[type[InvalidInput], tuple[str, str]]:
        # pickled by (where, reason), so that it can come back from a worker process
        return type(self), (self.where, self.reason)


class LimitExceeded(InvalidInput):
    """A document is over a configured limit (characters, or seconds of analysis) and is
    skipped; the message names the document, the limit and the option that sets it."""


class ModelNotFound(ProxygraphError):
    """No spaCy English pipeline is installed."""


class InvalidGold(ProxygraphError):
    """A gold-standard file for evaluation is malformed."""


class StoreError(ProxygraphError):
    """The claim store cannot be opened, migrated, written or queried as asked."""


class ExportError(ProxygraphError):
    """An export or brief cannot be written: unknown format, missing optional library,
    unwritable target."""
