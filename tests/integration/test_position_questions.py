"""Questions about a party's positions, answered from its own statements on what was asked:
the party the question is about (its subject, not the first name in it), the topic, and the
same answer right after an ingest as after a restart (issue 12: "the same in the chat")."""

from __future__ import annotations

import pytest

WIRE = """title: Dock strike looms as ferry operator rejects pay demand
source: Coastal Wire
date: 2025-03-03
---
PORT ELLIS, March 3 - Northwind Shipping rejected the Dockworkers' Guild's demand for a 9 percent pay rise on Monday.

Guild secretary Tom Hale said the guild wants the harbour board to mediate before April 1.

Hale also demanded that Northwind restore the night-shift bonus it cut last year.

Northwind's chief executive, Ana Ruiz, said the company was prepared to discuss a one-off bonus for all crews.

The harbour board said it would publish the port's accounts next week.
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory, real_embedder):
    from assistant.api import open_assistant

    root = tmp_path_factory.mktemp("position-questions")
    (root / "wire.txt").write_text(WIRE, encoding="utf-8")
    path = root / "store"
    a = open_assistant(path, embedder=real_embedder)
    a.ingest([root / "wire.txt"])
    right_after = {q: a.ask(q).text for q in QUESTIONS}
    a.close()
    return path, right_after


QUESTIONS = (
    "What does Tom Hale want on the night-shift bonus?",
    "From Northwind, what does the Dockworkers' Guild demand?",
)


def test_a_speaker_learned_at_ingest_is_known_before_a_restart(store, real_embedder):
    from assistant.api import open_assistant

    path, right_after = store
    a = open_assistant(path, embedder=real_embedder)
    try:
        assert {q: a.ask(q).text for q in QUESTIONS} == right_after
    finally:
        a.close()


def test_the_answer_is_the_partys_statement_on_the_topic_asked(store):
    _, right_after = store
    answer = right_after["What does Tom Hale want on the night-shift bonus?"]
    assert "restore the night-shift bonus" in answer.split("[1]")[0]  # the first sentence
    assert "one-off bonus" not in answer  # Northwind's offer, not the guild's demand


def test_the_subject_of_the_question_holds_the_demand(store):
    _, right_after = store
    answer = right_after["From Northwind, what does the Dockworkers' Guild demand?"]
    assert "restore the night-shift bonus" in answer or "mediate" in answer
    assert "prepared to discuss" not in answer
