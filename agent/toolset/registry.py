"""Every tool once: its name for other agents, its models, and what it may change."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from fitroom.agent.services import Services
from fitroom.agent.toolset import advice_tools, catalog_tools, shopper_tools, tryon_tool
from fitroom.agent.toolset.models import ToolInput


@dataclass(frozen=True)
class ToolSpec:
    """One capability as MCP and LangChain publish it."""

    name: str
    title: str
    run: Callable[[Services, Any], BaseModel]
    input: type[ToolInput]
    output: type[BaseModel]
    read_only: bool = False
    destructive: bool = False
    image: bool = False  # the result is a picture, sent as image content
    picture: bool = False  # the result may also carry a picture (a chat's try-on)

    @property
    def description(self) -> str:
        return (self.run.__doc__ or self.title).strip().splitlines()[0]

    def __call__(self, services: Services, arguments: dict[str, Any]) -> BaseModel:
        """Validate `arguments` with the input model and run the tool."""
        return self.run(services, self.input.model_validate(arguments))


TOOLS: tuple[ToolSpec, ...] = (
    ToolSpec(
        "search_catalog",
        "Search the catalogue",
        catalog_tools.search_catalog,
        catalog_tools.SearchCatalogInput,
        catalog_tools.SearchCatalogOutput,
        read_only=True,
    ),
    ToolSpec(
        "get_product",
        "Get products by id",
        catalog_tools.get_products,
        catalog_tools.GetProductInput,
        catalog_tools.GetProductOutput,
        read_only=True,
    ),
    ToolSpec(
        "find_similar",
        "Find similar items",
        catalog_tools.find_similar_items,
        catalog_tools.FindSimilarInput,
        catalog_tools.ItemsOutput,
        read_only=True,
    ),
    ToolSpec(
        "next_question",
        "The question worth asking",
        advice_tools.ask_next_question,
        advice_tools.NextQuestionInput,
        advice_tools.NextQuestionOutput,
        read_only=True,
    ),
    ToolSpec(
        "explain_item",
        "Explain why an item fits",
        advice_tools.explain_catalog_item,
        advice_tools.ExplainItemInput,
        advice_tools.ExplainItemOutput,
        read_only=True,
    ),
    ToolSpec(
        "recommend",
        "Recommend for a shopper",
        advice_tools.recommend_items,
        advice_tools.RecommendInput,
        advice_tools.RecommendOutput,
    ),
    ToolSpec(
        "try_on",
        "Try a garment on a photo",
        tryon_tool.render_try_on,
        tryon_tool.TryOnInput,
        tryon_tool.TryOnOutput,
        image=True,
    ),
    ToolSpec(
        "chat",
        "Chat with the fitroom agent",
        shopper_tools.chat_with_agent,
        shopper_tools.ChatInput,
        shopper_tools.ChatOutput,
        picture=True,
    ),
    ToolSpec(
        "shopper_memory",
        "What is remembered about a shopper",
        shopper_tools.read_shopper_memory,
        shopper_tools.ShopperInput,
        shopper_tools.ShopperMemoryOutput,
        read_only=True,
    ),
    ToolSpec(
        "forget_shopper",
        "Forget a shopper",
        shopper_tools.forget_shopper,
        shopper_tools.ShopperInput,
        shopper_tools.ForgetOutput,
        destructive=True,
    ),
)
