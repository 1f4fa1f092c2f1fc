"""The one reader that search, chat and the tools share: a shopper's words as catalogue
labels, wants and exclusions."""
