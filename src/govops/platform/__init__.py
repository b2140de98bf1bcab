"""What every module stands on: the unit-of-work protocol (`ports`) and the shared halves of
each adapter: storage (engine, migrations, metadata, transactions), API (problems,
bodies, the actor), web (page skeleton, languages, stylesheets, same-origin forms),
reports (DOCX blocks) and command line (output, JSON input, record files, rendering)."""
