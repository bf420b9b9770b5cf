"""The pure core: models and logic. No Qt, no reportlab, no file access, no clock."""
