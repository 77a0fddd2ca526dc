"""The run: the controller, the presenter window and what it shows, resume and rehearsal."""
