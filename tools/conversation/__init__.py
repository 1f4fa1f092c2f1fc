"""What the agent says: clarifying questions, explanations, answers about one item, preferences."""
