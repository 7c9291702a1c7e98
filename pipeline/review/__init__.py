"""Human review of annotations: a SQLite store (:mod:`.store`), a local web app (:mod:`.app`) and the
``zhgloss review`` command (:mod:`.command`).

Export reads reviewed records with :meth:`Store.iter_records` and :meth:`Store.articles`.
"""

from .store import Store

__all__ = ["Store"]
