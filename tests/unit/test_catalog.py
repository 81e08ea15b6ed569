"""The catalog contract on SQLite (the same contract runs on PostgreSQL in
tests/integration/test_shared_catalog.py), writer leases, and the lexical leg's term budget.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from index.catalog import Catalog
from index.pipeline import owner_alive, owner_id
from tests.support.catalog_contract import CatalogContract


class TestSqliteCatalog(CatalogContract):
    @pytest.fixture
    def catalog(self, tmp_path: Path) -> Iterator[Catalog]:
        cat = Catalog(tmp_path / "catalog.sqlite3")
        yield cat
        cat.close()


def test_pending_entries_of_a_live_writer_are_not_recovered():
    assert owner_alive(owner_id().rsplit(":", 1)[0] + ":1", since=0)  # pid 1 is alive
    assert not owner_alive(owner_id(), since=0)  # this process: an earlier failed attempt
    assert not owner_alive("", since=0)  # stores made before owners were kept
    assert owner_alive("other-host:42", since=__import__("time").time())
    assert not owner_alive("other-host:42", since=0)  # its lease ran out


def test_choose_terms_takes_rare_words_first_within_the_budget():
    from index.catalog import LexicalPlan, choose_terms

    df = {"zeppelin": 3, "hangar": 40, "council": 900_000}
    assert choose_terms(df, 1_000_000, budget=10**7) == (list(df), [])  # small: all of them
    assert choose_terms(df, 1_000_000, budget=100) == (["zeppelin", "hangar"], [])
    assert choose_terms({"treaty": 5_000, "russia": 850_000}, 1_000_000, 1_000) == (["treaty"], [])
    assert choose_terms({"russia": 850_000}, 1_000_000, 1_000) == ([], [])  # IDF near zero
    assert choose_terms({"novel": 0, "russia": 850_000}, 1_000_000, 1_000) == (["novel"], [])
    # Every word past the budget: chunks must hold the rarer uncommon ones together.
    both = choose_terms({"geneva": 80_000, "treaty": 60_000, "russia": 850_000}, 10**6, 15_000)
    assert both == LexicalPlan(["treaty", "geneva"], ["treaty", "geneva"])
