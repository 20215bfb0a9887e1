"""The wholesale platform as this project speaks to it: contract, client and a reference service."""
