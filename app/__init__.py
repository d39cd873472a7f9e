"""MotCua: backend of Vietnam's one-stop administrative procedure system."""
