"""Live classroom sessions over websockets (asyncio)."""
