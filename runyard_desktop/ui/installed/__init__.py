"""The *Installed* page: the models Ollama has and the ones loaded now."""
