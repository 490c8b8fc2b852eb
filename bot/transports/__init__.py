"""Transports turn platform traffic into Incoming messages and render Replies back: console, Slack,
Telegram, and the web app that serves the webhooks."""
