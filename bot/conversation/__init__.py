"""The transport-agnostic conversation: state table and engine."""
