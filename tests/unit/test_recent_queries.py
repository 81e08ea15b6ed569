"""A question is embedded once per ask, though the retriever and the answerer both need it."""

from __future__ import annotations

import numpy as np
import pytest

from index.embeddings import HashEmbedder, RecentQueries


def test_a_question_asked_again_reuses_its_vector_and_others_get_their_own():
    model = HashEmbedder(dim=32)
    calls: list[str] = []

    def embed(text: str) -> np.ndarray:
        calls.append(text)
        return model.embed_query(text)

    recent = RecentQueries(embed, size=2)
    first = recent("What pay rise did the union accept?")
    again = recent("What pay rise did the union accept?")
    other = recent("When did the strike end?")
    assert calls == ["What pay rise did the union accept?", "When did the strike end?"]
    assert np.array_equal(first, again)
    assert not np.array_equal(first, other)
    with pytest.raises(ValueError):  # shared by callers: nobody may change it in place
        first *= 2
    recent("Who chaired the talks?")  # the oldest of three goes
    recent("What pay rise did the union accept?")
    assert calls[-1] == "What pay rise did the union accept?" and len(calls) == 4
