"""The run: the controller, the presenter window and what it shows, keys, resume and rehearsal."""
