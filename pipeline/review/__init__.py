"""Human review of annotations: a SQLite store (:mod:`.store`), a local web app (:mod:`.app`) and the
``zhgloss review`` command (:mod:`.command`).

Export reads reviewed records with :meth:`Store.iter_records` and :meth:`Store.articles`.
"""

__all__ = ["Store"]


def __getattr__(name: str):
    # the store (and sqlite3) is imported on first use, not by every command line that imports the
    # review command to register it
    if name == "Store":
        from .store import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
