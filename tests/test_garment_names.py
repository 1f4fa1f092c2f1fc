"""The LLM names garments for a need in plain words; they are parsed and cached."""

from __future__ import annotations

from fitroom.tools.reader.garment_names import GarmentNames
from tests.fakes import FakeChat


def test_names_are_split_cleaned_and_cached_by_normalised_text() -> None:
    chat = FakeChat(["1. Raincoat, wellies and an umbrella; waterproof trousers."])
    names = GarmentNames(chat)
    assert names("It's raining ALL week!") == [
        "raincoat",
        "wellies",
        "umbrella",
        "waterproof trousers",
    ]
    assert names("it's raining all week") == names("It's raining ALL week!")
    assert len(chat.prompts) == 1  # the second, same need was not asked again
