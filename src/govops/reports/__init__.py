"""Documents drawn from an incident's record, e.g. the information report (信息报送) of 6.1.3(4).

Pure: each builder takes the folded incident and its pack and returns the file's bytes.
"""

from govops.reports.information_report import information_report_docx

__all__ = ["information_report_docx"]
