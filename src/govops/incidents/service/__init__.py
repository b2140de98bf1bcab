"""The incident module's use cases: the incidents (`incident`, the only code that commits) and
the delivery of their outbox (`outbox`)."""
