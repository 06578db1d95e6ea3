"""H: drive to OneDrive migration assistant."""

__version__ = "0.1.0"
APP_NAME = "MigrationAssistant"
APP_DISPLAY_NAME = "H: Drive Migration Assistant"
