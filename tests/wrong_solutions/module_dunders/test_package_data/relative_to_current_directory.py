"""Opens the file relative to the current directory, which is wherever the user started Python,
not where the package is."""


def read_data(package, name):
    return Path(*package.split("."), name).read_text()
