"""Chat models: the local llama.cpp model, OpenAI-compatible servers, and the weights."""
