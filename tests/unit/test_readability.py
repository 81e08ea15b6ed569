"""The readability checker reads editorial brackets the way an analyst does."""

from __future__ import annotations


def test_a_name_an_editor_put_in_brackets_is_a_name():
    """'However, [Wendy Sherman] again rejected ...: "..."' names its speaker (in a memo the
    brackets are escaped for markdown); a citation marker is not a name.
    """
    from eval.readability import defects

    quote = "\u201cWe will not forego bilateral cooperation with sovereign states.\u201d"
    for name in ("[Wendy Sherman]", "\\[Wendy Sherman\\]"):
        text = f"However, {name} again rejected the demands: {quote} [1]"
        assert defects(text)["unattributed_quotes"] == 0, text
