"""Trained models shipped with khobor (`bn_ner`: the Bengali NER pipeline, see its MODEL_CARD.md)."""
