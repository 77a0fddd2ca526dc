"""What every window shares: the action table and focus model, themes, settings, dialogs,
file dialogs, tables, resources, long work."""
