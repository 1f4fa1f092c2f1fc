"""One typed toolset over `Services`: what other agents call, over MCP and as LangChain tools.

Each capability is a plain function taking the services and a pydantic input model and
returning a pydantic output model; `registry.TOOLS` names them for MCP and LangChain.
"""
