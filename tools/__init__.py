"""Plain typed tools: catalogue, embedders, item store, search. No agent, UI or LLM imports."""
