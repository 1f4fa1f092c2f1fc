"""The in-domain image tower: its data, training, the pipeline that builds it, and the
image embedders."""
