"""Stylesheet, icons, fonts and the default deck template, installed as `presenter.resources`."""
