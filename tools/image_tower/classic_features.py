"""Classical image features, the baselines the image tower must beat: an HSV colour histogram
and HOG."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from fitroom.tools.catalog.images import Pixels
from fitroom.tools.retrieval.embedder import Vectors, normalise

HUE_BINS, SAT_BINS, VAL_BINS = 12, 4, 4


def colour_histogram(pixels: Pixels) -> Vectors:
    """HSV histogram of the garment: near-white studio background is left out, else it would
    dominate every photo. Square-rooted, so cosine similarity is the Hellinger kernel."""
    from matplotlib.colors import rgb_to_hsv

    hsv = rgb_to_hsv(pixels.astype(np.float32) / 255.0)
    h = np.minimum((hsv[..., 0] * HUE_BINS).astype(int), HUE_BINS - 1)
    s = np.minimum((hsv[..., 1] * SAT_BINS).astype(int), SAT_BINS - 1)
    v = np.minimum((hsv[..., 2] * VAL_BINS).astype(int), VAL_BINS - 1)
    bins = (h * SAT_BINS + s) * VAL_BINS + v
    foreground = ~((hsv[..., 1] < 0.08) & (hsv[..., 2] > 0.92))
    n_bins = HUE_BINS * SAT_BINS * VAL_BINS
    out = np.zeros((len(pixels), n_bins), dtype=np.float32)
    for row in range(len(pixels)):
        counts = np.bincount(bins[row][foreground[row]], minlength=n_bins)
        out[row] = np.sqrt(counts / max(counts.sum(), 1))
    return normalise(out)


def hog(pixels: Pixels) -> Vectors:
    """Histograms of oriented gradients on the greyscale photo (Dalal and Triggs' defaults)."""
    from skimage.feature import hog as skimage_hog

    grey = pixels.astype(np.float32) @ np.array([0.299, 0.587, 0.114], dtype=np.float32)
    rows = [
        skimage_hog(g, orientations=9, pixels_per_cell=(8, 8), cells_per_block=(2, 2)) for g in grey
    ]
    return normalise(np.asarray(rows, dtype=np.float32))


def histogram_and_hog(pixels: Pixels) -> Vectors:
    """Both, equally weighted."""
    return normalise(np.hstack([colour_histogram(pixels), hog(pixels)]))


FEATURES: dict[str, Callable[[Pixels], Vectors]] = {
    "colour": colour_histogram,
    "hog": hog,
    "colour+hog": histogram_and_hog,
}
