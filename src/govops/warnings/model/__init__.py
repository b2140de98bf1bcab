"""The warning module's domain: the warning and its lifecycle, CAP alerts and their
identifiers and wording, per-area series, and the weather-station engines (`weather`)."""
