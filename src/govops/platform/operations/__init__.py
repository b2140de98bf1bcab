"""What the service tells its operators about itself: whether it is ready (`state`), its
figures in Prometheus's text format (`metrics`), each request watched once (`requests`),
its log lines (`logs`)."""
