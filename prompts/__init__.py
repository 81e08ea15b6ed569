"""The prompt templates (`*.md`), shipped as package data: read them with
`importlib.resources.files("prompts")`, which works in the checkout and from the wheel.
"""
