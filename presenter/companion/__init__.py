"""The companion page: a phone clicker for the speaker and a question form for the clerk.

Everything here but ``presenter.companion.qt`` is free of Qt: pairing codes, session tokens, rate
limiting, request and message handling (``core``) and the WebSocket server thread (``server``).
"""
