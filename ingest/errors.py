"""The exceptions ingest raises; the CLI and the app turn them into one-line messages."""


class GazetteError(Exception):
    """Base class: a problem with the user's input or environment, not a bug."""


class SourceError(GazetteError):
    """A source file cannot be ingested (empty, binary, undecodable, not a gazette)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
