"""Where rules come from: documents and citations, the pack (one document as cited, dated,
testable rules and data) and the areas a pack acts on."""
