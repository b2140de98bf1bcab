"""The daily rainstorm warning report as DOCX (`daily`)."""
