"""Chat without Qt: transcript records, the history database, attachments, streamed Markdown, fit advice."""
