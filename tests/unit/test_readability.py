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


def test_a_quote_after_a_clause_of_saying_is_attributed():
    """'Harris condemned the remarks, saying ...' names who speaks, for its sentence and the
    quote that follows it; a quote after a sentence naming no speaker is still counted.
    """
    from eval.readability import defects

    text = (
        "Kamala Harris on Friday condemned the remarks, saying that they were "
        "\u201cplainly disqualifying\u201d [1]. \u201cHe has increased his violent rhetoric "
        "over many months.\u201d [1]"
    )
    assert defects(text)["unattributed_quotes"] == 0
    bare = "The remarks drew wide criticism [1]. \u201cHe has increased his violent rhetoric.\u201d [1]"
    assert defects(bare)["unattributed_quotes"] == 1
