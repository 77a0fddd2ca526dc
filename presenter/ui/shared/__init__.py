"""What every window shares: themes, settings, dialogs, file dialogs, resources, long work."""
