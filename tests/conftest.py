"""Test-wide set-up: Qt runs without a display (offscreen) unless a test asks for Xvfb."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
