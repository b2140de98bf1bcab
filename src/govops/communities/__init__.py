"""Community organisations: the make-up of a residents' committee, its bodies and the
community Party organisation, read from who holds which post (pack
cn-community-organizations). The registry, the election procedure, the alerts and the
pages are yet to come (issue 13)."""
