"""Bundled session sources, installed inside the app as `presenter.slides_src`."""
