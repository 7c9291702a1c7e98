"""zhgloss: a bilingual annotation pipeline for Traditional Chinese political commentary."""

__version__ = "0.1.0"
