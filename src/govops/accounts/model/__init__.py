"""The accounts module's domain, pure: users and the rules of their names and passwords
(`users`), the role catalogue read from data (`roles`), units as a versioned register
(`units`), and the access events (`events`)."""
