"""Rasa's server as this project starts it: the API token from the environment, logs masked."""
