"""Helpers shared by the test tiers: sample data, real servers, stubs, child processes.

Nothing here is collected as a test module; test modules import from here, never from each
other.
"""
