"""Short- and long-term memory for the agent."""
