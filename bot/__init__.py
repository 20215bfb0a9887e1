"""The messaging gateway: provider webhooks in, Rasa in the middle, provider send APIs out."""
