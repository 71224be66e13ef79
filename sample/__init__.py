"""The bundled sample corpus (`news/`), run by `make run` and `khobor run --sample`."""
