"""Handoff to safeguarding leads: the case queue and the notifiers that tell leads about cases."""
