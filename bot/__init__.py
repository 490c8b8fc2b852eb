"""canishare: safeguarding information-sharing advice, without identifying anyone."""
