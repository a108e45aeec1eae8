"""The plugin's own tests drive pytest with pytest's `pytester`."""

pytest_plugins = ["pytester"]
