"""Briefing assistant: cited answers, positions and memos from the articles a user loads."""
