"""Virtual try-on: dress a shopper's photo in a catalogue garment.

Submodules import OpenCV, mediapipe or diffusers only when a renderer is built, so importing
this package costs nothing.
"""
