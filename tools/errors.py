"""The error hierarchy: each message is one sentence naming the thing and the fix."""


class FitroomError(Exception):
    """Base class for every error fitroom reports to a user."""


class CatalogError(FitroomError):
    """The catalogue folder or one of its files cannot be used."""


class InvalidQueryError(FitroomError):
    """A search request is malformed: empty text, bad `k`, unknown filter key."""


class StoreError(FitroomError):
    """The item store cannot be opened or used."""


class StoreUnavailableError(StoreError):
    """The Chroma server cannot be reached."""


class StoreMismatchError(StoreError):
    """The store was built with another embedding model or dimension."""


class ConfigError(FitroomError):
    """A setting names a backend that does not exist or is not installed."""


class LLMError(FitroomError):
    """The language model cannot be reached or failed mid-reply."""


class TryOnError(FitroomError):
    """A try-on cannot be rendered: no usable person in the photo, or a garment it cannot dress."""


class GarmentPhotoError(TryOnError):
    """The garment cannot be cut out of its photo."""


class GarmentCloseUpError(GarmentPhotoError):
    """The garment photo shows only part of the garment, so there is nothing whole to warp."""
