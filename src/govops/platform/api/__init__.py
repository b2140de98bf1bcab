"""What every module's API shares: RFC 9457 problems, exact JSON bodies, shared body
types, and who files a request."""
