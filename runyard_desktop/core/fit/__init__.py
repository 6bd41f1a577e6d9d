"""Will a model run here: the catalogue, the fit engine (memory and KV cache), speed, texts, the measured check."""
