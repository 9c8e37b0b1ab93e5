"""The Qt user interface. Everything here talks to the core through its services."""
