"""The Chat page: conversations, streaming transcript, composer, parameters."""
