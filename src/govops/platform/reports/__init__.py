"""What every report shares: a document as plain blocks, and those blocks as DOCX."""
