"""The PDF summary (reportlab), imported only when the user exports."""
