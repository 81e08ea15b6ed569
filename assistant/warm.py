"""Work an ingest can begin before its store is open.

Opening a store imports Chroma, OpenVINO and the answer path (about a second on one core); the
parser's child process needs about as long to import spaCy and load its model. Started first,
it loads on the other core meanwhile, and the first documents are parsed without waiting.
"""

from __future__ import annotations

from assistant.settings import Settings


def start_parser(settings: Settings) -> None:
    """Spawn the parsing child of the store that is about to open (the same shared parser
    `build_services` uses); nothing when the language layer is off or parses in process.
    """
    if settings.spacy_model and settings.spacy_process:
        from index.language import shared_parser

        shared_parser(settings.spacy_model, settings.spacy_process).start()
