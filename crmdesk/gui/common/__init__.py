"""What every feature package of the window shares, and nothing feature-
specific: the window contract (``window_api``), background jobs, undo,
the typed QSettings keys, the generic rows model, style, icons and
formatting. Imports nothing from the other gui packages but ``forms``."""
