"""Package data: themes, fonts, key map (installed as ``presenter.resources``)."""
