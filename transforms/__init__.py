"""Pure text, NLP and table logic for khobor. Nothing in this package imports Prefect or touches the network."""
