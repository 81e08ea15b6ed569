"""Turning files into searchable, citable chunks: loading, chunking, embedding, storing."""
