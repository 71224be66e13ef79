"""Training khobor's models from open corpora (not needed at run time)."""
