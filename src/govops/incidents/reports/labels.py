"""The fixed words of the report in each language it is written in."""

from __future__ import annotations

LANGUAGES = ("zh-Hans", "en")

_TEXTS: dict[str, tuple[str, str]] = {
    # key: (zh-Hans, en)
    "title": ("关于{subject}的信息报告（{kind}）", "Information report on {subject} ({kind})"),
    "subject": ("{place}{summary}", "{summary} at {place}"),
    "first": ("初报", "first report"),
    "follow_up": ("续报{n}", "follow-up {n}"),
    "colon": ("：", ": "),
    "list_sep": ("、", ", "),
    "issued": ("报告时间", "Issued"),
    "reporter": ("报告人", "Reported by"),
    "incident": ("事件编号", "Incident"),
    "basis": ("分级依据", "Graded with"),
    "status": ("事件状态", "Status"),
    "open": ("处置中", "being handled"),
    "closed": ("处置完毕", "closed"),
    "cite": ("（依据预案{article}）", " (plan {article})"),
    "placeholder": ("（待补充）", "(to be supplied)"),
    "occurred": ("发生时间", "Occurred"),
    "place": ("发生地点", "Place"),
    "stage": ("信息类别", "Stage"),
    "warning": ("预警信息", "warning-stage information"),
    "incident_stage": ("已发生的群体性事件", "incident under way"),
    "scene": ("现场情况", "Situation at the scene"),
    "course": ("事件经过", "Course of events"),
    "course_first": ("{at}，{actor}初报。", "{at}: first report by {actor}."),
    "course_follow": ("{at}，{actor}续报{n}：{note}", "{at}: follow-up {n} by {actor}: {note}"),
    "course_follow_bare": ("{at}，{actor}续报{n}。", "{at}: follow-up {n} by {actor}."),
    "figures": ("参与人员数量及伤亡", "Participants and casualties"),
    "property": ("财产损失", "Property losses"),
    "grade": ("事件级别", "Grade"),
    "ungraded": ("未达分级标准", "no grading criterion met"),
    "meets": ("符合{clause}：{text}", "meets {clause}: {text}"),
    "read_as": ("（按{value}计）", " (read as {value})"),
    "approx_as": ("（约数，按{value}计）", " (approximate, read as {value})"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "cause_kinds": ("起因类别", "Kinds of cause"),
    "cause_analysis": ("原因和责任分析", "Causes and responsibility"),
    "in_report": ("{figure}（{kind}）", "{figure} ({kind})"),
    "trend_figures": ("数字变化", "Change in figures"),
    "trend_analysis": ("趋势分析、预测", "Analysis and forecast"),
    "departments": ("已通知部门", "Departments notified"),
    "measures_done": ("已采取的措施", "Measures taken"),
    "next_steps": ("下一步工作", "Next steps"),
    "effect": ("处置效果", "Effect"),
    "effect_closed": ("事件已处置完毕，见附二。", "The incident is closed; see Annex 2."),
    "done": ("（{by}于{at}完成）", " (done by {by}, {at})"),
    "responsible": ("（责任：{actor}）", " (responsible: {actor})"),
    "none": ("无", "none"),
    "deadlines": ("报告时限", "Reporting deadlines"),
    "due": ("时限{at}", "due {at}"),
    "met": ("，已于{at}完成", ", met {at}"),
    "met_late": ("，已于{at}完成（逾期）", ", met late {at}"),
    "overdue": ("，已逾期", ", overdue"),
    "not_due": ("，未到期", ", not yet due"),
    "provisional": (
        "（暂定：所涉年份节假日安排尚未确认）",
        " (provisional: holidays not confirmed)",
    ),
    "approximate_note": (
        "{names}为约数，按所报数字分级。",
        "{names}: approximate figures, graded on the figure stated.",
    ),
    "follow_ups": ("附一：续报及级别变更情况", "Annex 1: follow-up reports and changes of grade"),
    "col_number": ("序号", "No."),
    "col_time": ("报告时间", "Time"),
    "col_reporter": ("报告人", "Reported by"),
    "col_figures": ("主要数字（如报）", "Figures (as given)"),
    "col_grade": ("级别", "Grade"),
    "col_note": ("说明", "Note"),
    "no_follow_up": ("暂无续报。", "No follow-up report yet."),
    "regrades": ("级别变更", "Changes of grade"),
    "regrade": (
        "{at}，{actor}：由{before}调整为{after}。理由：{reason}",
        "{at}, {actor}: {before} → {after}. Reason: {reason}",
    ),
    "no_regrade": ("级别未变更。", "The grade has not changed."),
    "closure": ("附二：善后处置和总结", "Annex 2: after-action record"),
    "loss_assessment": ("损失评估", "Loss assessment"),
    "closure_causes": ("原因和责任", "Causes and responsibility"),
    "lessons": ("经验教训", "Lessons learned"),
    "rectification": ("整改措施", "Rectification"),
}

_NUMERALS = "一二三四五六七八九十"


class Words:
    """The report's wording in one language: `words("issued")`, `words("met", at=...)`."""

    def __init__(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"language {language!r}: use one of {', '.join(LANGUAGES)}")
        self.language = language
        self._index = LANGUAGES.index(language)

    @property
    def zh(self) -> bool:
        return self.language == "zh-Hans"

    def __call__(self, key: str, **values: object) -> str:
        return _TEXTS[key][self._index].format(**values)

    def join(self, items: list[str]) -> str:
        return self("list_sep").join(items)

    def numbered(self, index: int, text: str) -> str:
        """The n-th section heading: '一、…' in Chinese, '1. …' in English."""
        if self.zh:
            return f"{_NUMERALS[index - 1]}、{text}"
        return f"{index}. {text[:1].upper()}{text[1:]}"
