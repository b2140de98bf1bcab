"""The cadre module's domain, pure: the cadre record and its eligibility inputs (`record`,
`adapter`, `batch`), the registry as append-only entries (`registry`, `registry_views`,
`people`, `periods`), the selection procedure (`selection`) and the alerts (`alerts`)."""
