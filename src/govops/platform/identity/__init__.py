"""Who is working, for which unit, and what they may do: the organisation's units as a
tree (`units`), roles as named sets of permissions (`roles`), and the authenticated actor
with the roles granted to them per unit (`actor`). Pure values: the accounts module keeps
them, the pages and the API resolve the actor of each request, the use cases receive it."""
