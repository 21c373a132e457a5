"""copydesk's widgets."""
