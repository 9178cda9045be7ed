"""Activities: the activity pane (quick log, follow-ups, timeline), the
activity dialog, their table models, and My follow-ups across accounts."""
