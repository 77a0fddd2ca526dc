"""The audience screen: its window, the shared-screen banner, the miniature and the screens plan."""
