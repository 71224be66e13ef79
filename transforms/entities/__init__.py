"""Entity recognition and linking: mentions in text, each tied to one canonical entity."""
