"""A learner's workspace: the katas written from the installed curriculum, outside any repository.

`pytest-katas init` writes one (`init.py`), `pytest-katas update` brings it to the curriculum of
an upgraded package (`update.py`); both keep a hidden record of what was written (`record.py`),
which is the base of update's three-way merge.
"""
