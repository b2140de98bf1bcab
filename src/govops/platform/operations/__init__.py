"""What the service tells its operators about itself: whether it is ready (`state`), and
its figures in Prometheus's text format (`metrics`)."""
