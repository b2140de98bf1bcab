"""What the core says in words, kept as gettext messages (`messages`): translated, and their
values formatted, only where they are shown, in the reader's language."""
