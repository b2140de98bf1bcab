"""Every label of the web pages, in Chinese (the default) and English.

Pack data (clause texts, departments, checklist items, cause labels) comes from the pack
in both languages; only the words of the pages themselves live here.
"""

from __future__ import annotations

from datetime import timedelta

from govops.platform.web.languages import DEFAULT_LANGUAGE, EN, LANGUAGES, ZH, language_of, text

__all__ = [
    "DEFAULT_LANGUAGE",
    "EN",
    "LANGUAGES",
    "MESSAGES",
    "ZH",
    "language_of",
    "span",
    "text",
    "translate",
]

# key -> (Chinese, English); {name} placeholders are filled by translate().
MESSAGES: dict[str, tuple[str, str]] = {
    "app.title": ("县应急办 · 大规模群体性事件", "County emergency office · mass incidents"),
    "nav.list": ("事件列表", "Incidents"),
    "incident.report_docx": ("下载信息报告(DOCX)", "Download the information report (DOCX)"),
    "nav.new": ("报告新事件", "Report an incident"),
    "nav.switch": ("English", "中文"),
    "officer": ("值班员", "Duty officer"),
    "officer.hint": ("填写姓名,浏览器会记住", "Your name; the browser remembers it"),
    "officer.none": ("未填写值班员", "no duty officer set"),
    "officer.save": ("保存", "Save"),
    "list.title": ("事件列表", "Incidents"),
    "list.empty": ("暂无事件。", "No incidents yet."),
    "list.filter": ("筛选", "Filter"),
    "list.all": ("全部", "all"),
    "list.overdue_only": ("仅看超时", "overdue only"),
    "col.reported": ("报告时间", "Reported"),
    "col.place": ("乡镇 / 地点", "Township / place"),
    "col.summary": ("概况", "Summary"),
    "col.grade": ("等级", "Grade"),
    "col.status": ("状态", "Status"),
    "col.deadlines": ("时限", "Deadlines"),
    "status.open": ("处置中", "open"),
    "status.closed": ("已结案", "closed"),
    "grade.none": ("未达分级标准", "below every grade"),
    "stage": ("阶段", "Stage"),
    "stage.incident": ("已发生事件", "incident under way"),
    "stage.warning": ("预警信息", "warning-stage information"),
    "new.title": ("报告新事件", "Report an incident"),
    "new.submit": ("提交报告", "File the report"),
    "new.errors": ("报告未提交,请修改标出的字段。", "Not filed: please correct the fields marked."),
    "field.occurred_at": ("发生时间", "Occurred at"),
    "field.occurred_at.hint": ("当地时间 ({tz})", "local time ({tz})"),
    "field.township": ("乡镇", "Township"),
    "field.place": ("地点", "Place"),
    "field.summary": ("概况", "Summary"),
    "field.causes": ("事件起因类别", "Causes"),
    "field.figures": ("人数与时长", "Figures"),
    "field.figures.hint": (
        "可写约数或中文数字,如 约1200、五千、8个小时;留空按0计",
        "Figures as typed: 约1200, 五千, 8个小时 are accepted; blank counts as 0",
    ),
    "field.flags": ("定级情形(由值班员认定)", "Criteria asserted by the duty officer"),
    "field.note": ("说明", "Note"),
    "error.required": ("必填", "required"),
    "error.too_long": ("不能超过{n}个字", "at most {n} characters"),
    "error.datetime": ("时间格式不对,应为 2026-06-01 09:30", "not a time; use 2026-06-01 09:30"),
    "error.future": ("发生时间不能晚于现在", "cannot be later than now"),
    "error.figure": ("数字无法接受:{detail}", "figure not accepted: {detail}"),
    "error.choice": ("无效的选项", "not one of the choices"),
    "error.follow_up_empty": ("请填写新数字或说明", "give new figures or a note"),
    "error.closed": ("事件已结案,不能再修改。", "This incident is closed and cannot change."),
    "error.busy": (
        "其他人正在修改此事件,请重试。",
        "Others are changing this incident; try again.",
    ),
    "error.not_found": ("找不到该事件。", "No such incident."),
    "error.no_item": ("此事件没有该项。", "This incident has no such item."),
    "error.form": ("未保存,请修改标出的字段。", "Not saved: please correct the fields marked."),
    "incident.reported": ("报告时间", "Reported"),
    "incident.occurred": ("发生时间", "Occurred"),
    "incident.pack": ("依据", "Rules"),
    "incident.causes": ("起因", "Causes"),
    "grade.title": ("定级", "Grade"),
    "grade.fired": ("符合的条款", "Clauses that apply"),
    "grade.approximate": ("按约数定级:{names}", "Graded on approximate figures: {names}"),
    "grade.why_not": ("为何不是{label}", "Why not {label}"),
    "grade.short_by": ("{input}:现为 {value},需要 {needs}", "{input}: {value}, needs {needs}"),
    "grade.top": ("已是最高等级。", "This is the highest grade."),
    "grade.as_of": ("适用 {day} 有效的规定", "rules in force on {day}"),
    "departments.title": ("责任部门", "Departments responsible"),
    "deadlines.title": ("报告时限", "Reporting deadlines"),
    "deadlines.none": ("当前等级无报告时限。", "No reporting deadline at this grade."),
    "deadlines.due": ("截止", "due"),
    "deadlines.provisional": ("暂定(节假日安排未公布)", "provisional (holidays not published)"),
    "deadlines.met": ("已于 {at} 完成", "met at {at}"),
    "deadlines.mark_met": ("标记已报告", "Mark as met"),
    "deadlines.left": ("剩余 {span}", "{span} left"),
    "deadlines.overdue": ("已超时 {span}", "overdue by {span}"),
    "deadlines.due_now": ("立即", "due now"),
    "checklist.title": ("处置清单", "Response checklist"),
    "checklist.done": ("{by} 于 {at} 完成", "done by {by} at {at}"),
    "checklist.tick": ("完成", "Done"),
    "checklist.progress": ("已完成 {done}/{total}", "{done} of {total} done"),
    "follow_up.title": ("续报", "Follow-up report"),
    "follow_up.hint": (
        "只填变化的数字;留空的沿用上次报告",
        "Give only figures that changed; blank ones keep the last report's",
    ),
    "follow_up.current": ("现为 {value}", "now {value}"),
    "follow_up.submit": ("提交续报", "File the follow-up"),
    "follow_up.becomes_incident": (
        "预警信息已演变为群体性事件(转入应急响应)",
        "The warning-stage information has become an incident (start the response)",
    ),
    "timeline.title": ("处置记录", "Timeline"),
    "timeline.reported": ("初报,定为 {grade}", "First report, graded {grade}"),
    "timeline.follow_up": ("续报{n},定为 {grade}", "Follow-up {n}, graded {grade}"),
    "timeline.regraded": ("等级变更 {before} → {after}", "Regraded {before} → {after}"),
    "timeline.action_done": ("完成:{text}", "Done: {text}"),
    "timeline.deadline_met": ("时限完成:{text}", "Deadline met: {text}"),
    "timeline.closed": ("结案", "Closed"),
    "timeline.figures": ("数字", "Figures"),
    "timeline.reason": ("原因", "Reason"),
    "close.title": ("结案(6.1.5)", "Close the incident (6.1.5)"),
    "close.loss_assessment": ("损失评估", "Loss assessment"),
    "close.causes": ("原因和责任分析", "Causes and responsibility"),
    "close.lessons": ("经验教训", "Lessons learnt"),
    "close.rectification": ("整改措施", "Rectification"),
    "close.submit": ("结案", "Close"),
    "close.record": ("结案记录", "After-action record"),
    "error.title": ("出错了", "Something went wrong"),
    "error.back": ("返回事件列表", "Back to the incidents"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "span.days": ("{n}天", "{n} d"),
    "span.hours": ("{n}小时", "{n} h"),
    "span.minutes": ("{n}分", "{n} min"),
}


def translate(language: str, key: str, **values: object) -> str:
    zh, en = MESSAGES[key]
    template = en if language == EN else zh
    return template.format(**values) if values else template


def span(language: str, delta: timedelta) -> str:
    """A duration rounded down to minutes: 1天3小时 / 1 d 3 h, 2小时5分 / 2 h 5 min."""
    minutes = int(abs(delta).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = []
    if days:
        parts.append(translate(language, "span.days", n=days))
    if hours:
        parts.append(translate(language, "span.hours", n=hours))
    if minutes and not days:
        parts.append(translate(language, "span.minutes", n=minutes))
    if not parts:
        parts.append(translate(language, "span.minutes", n=0))
    return ("" if language == ZH else " ").join(parts)
