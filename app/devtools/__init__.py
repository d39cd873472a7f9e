"""Development tools: stand-ins for the outside parties MotCua talks to (never imported by the service)."""
