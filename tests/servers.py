"""Moved to tests/support/servers.py; this name stays for bench/scale.py."""

from tests.support.servers import chroma_server, free_port, postgres_bin, postgres_server, wait_port

__all__ = ["chroma_server", "free_port", "postgres_bin", "postgres_server", "wait_port"]
