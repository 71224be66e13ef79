"""Training, evaluation and corpus conversion for khobor's Bengali NER model (models/bn_ner)."""
