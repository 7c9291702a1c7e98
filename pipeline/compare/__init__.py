"""zhgloss compare: line up a Chinese commentary with other commentary (English or Chinese)."""
