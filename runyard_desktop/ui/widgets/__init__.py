"""Small widgets and helpers shared by several pages (colours, context combo, lazy page)."""
