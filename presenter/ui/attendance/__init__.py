"""Check-in and attendance: the check-in panel, roster import, history, wrap-up and its paper."""
