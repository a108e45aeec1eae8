"""The learner's progress: what is earned (`records`), where it is kept (`store`), and the journal
that keeps a dying run's results (`journal`)."""

from pytest_katas.progress.records import KataRecord, KataStatus, Progress
from pytest_katas.progress.store import PROGRESS_FILE, Loaded, ProgressStore, say

__all__ = [
    "PROGRESS_FILE",
    "KataRecord",
    "KataStatus",
    "Loaded",
    "Progress",
    "ProgressStore",
    "say",
]
