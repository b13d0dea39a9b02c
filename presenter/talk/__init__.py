"""The talk (no Qt): navigation, clocks and pacing."""
