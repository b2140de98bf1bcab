"""Every label of the programme pages, in Vietnamese (the default) and English.

The plan's own words (titles, outputs, agencies, findings) come from the pack in both
languages; only the words of the pages themselves live here. The incident pages keep
their own catalogue (zh-Hans/en): a Vietnamese plan is read in Vietnamese first.
"""

from __future__ import annotations

from collections.abc import Mapping

VI = "vi"
EN = "en"
DEFAULT_LANGUAGE = VI
LANGUAGES = (DEFAULT_LANGUAGE, EN)  # the default first

_ALIASES = {"vi": VI, "vi-vn": VI, "en": EN, "en-us": EN, "en-gb": EN}

# key -> (Vietnamese, English); {name} placeholders are filled by label().
LABELS: dict[str, tuple[str, str]] = {
    "app.title": ("Kế hoạch, chương trình", "Plans and programmes"),
    "nav.programmes": ("Danh sách kế hoạch", "All plans"),
    "nav.switch": ("English", "Tiếng Việt"),
    "nav.skip": ("Bỏ qua, đến nội dung chính", "Skip to the content"),
    "nav.pages": ("Các trang của kế hoạch", "Pages of this plan"),
    "nav.plan": ("Nội dung kế hoạch", "The plan"),
    "nav.budget": ("Kiểm tra kinh phí", "Budget check"),
    "list.title": ("Các kế hoạch có chương trình", "Plans with a programme"),
    "list.empty": ("Chưa có kế hoạch nào.", "No plan yet."),
    "col.plan": ("Kế hoạch", "Plan"),
    "col.programme": ("Chương trình", "Programme"),
    "col.period": ("Giai đoạn", "Period"),
    "col.document": ("Văn bản", "Document"),
    "col.pages": ("Xem", "Pages"),
    "plan.document": ("Văn bản: {title}", "Document: {title}"),
    "plan.period": ("Giai đoạn {start}-{end}", "Period {start}-{end}"),
    "objectives.title": ("Mục tiêu", "Objectives"),
    "scope.title": ("Phạm vi, địa bàn", "Scope"),
    "scope.selection": ("Cách chọn địa bàn", "How the areas are chosen"),
    "level.province": ("Tỉnh", "Province"),
    "level.district": ("Huyện", "District"),
    "level.commune": ("Xã", "Commune"),
    "trajectory.title": ("Mục tiêu: {indicator}", "Target: {indicator}"),
    "indicator.srb": (
        "tỷ số giới tính khi sinh (số bé trai/100 bé gái)",
        "sex ratio at birth (boys per 100 girls)",
    ),
    "trajectory.baseline": ("Mức xuất phát", "Baseline"),
    "trajectory.baseline_value": ("{value} (năm {year})", "{value} (in {year})"),
    "trajectory.fall": ("Giảm mỗi năm ít nhất", "Yearly fall, at least"),
    "trajectory.rise": ("Tăng mỗi năm ít nhất", "Yearly rise, at least"),
    "trajectory.points": ("{value} điểm", "{value} points"),
    "trajectory.target": ("Mục tiêu", "Target"),
    "trajectory.target_value": ("{value} vào năm {year}", "{value} by {year}"),
    "trajectory.year": ("Năm", "Year"),
    "trajectory.at_most": ("Tối đa cho phép", "Maximum allowed"),
    "trajectory.at_least": ("Tối thiểu phải đạt", "Minimum required"),
    "trajectory.caption": ("Giới hạn từng năm", "The limit year by year"),
    "trajectory.reading": ("Cách hiểu văn bản", "How the text is read"),
    "activities.title": ("Các hoạt động", "Activities"),
    "activity.timeframe": ("Thời gian thực hiện", "When"),
    "activity.no_timeframe": ("văn bản không ghi thời gian", "the text gives no years"),
    "activity.outputs": ("Sản phẩm, kết quả", "Outputs"),
    "output.quantity": ("Số lượng", "Quantity"),
    "output.times": ("{value} lần/năm", "{value} times a year"),
    "output.levels": ("Cấp thực hiện", "Levels"),
    "output.funded_by": ("Kinh phí", "Funded by"),
    "output.unfunded": ("không có dòng kinh phí", "no budget row"),
    "activity.responsible": ("Cơ quan chịu trách nhiệm", "Agencies responsible"),
    "col.level": ("Cấp", "Level"),
    "col.agency": ("Cơ quan", "Agency"),
    "col.cite": ("Căn cứ", "Where"),
    "budget.title": ("Kiểm tra kinh phí", "Budget check"),
    "budget.lead": (
        "Mỗi dòng của phụ lục được tính lại từ đơn giá và số lượng; ô tô màu là chỗ số ghi "
        "trong văn bản khác số tính lại.",
        "Every appendix row is recomputed from unit costs and quantities; a shaded cell is "
        "where the printed figure differs from the recomputed one.",
    ),
    "budget.adds_up": ("Các số trong phụ lục cộng khớp.", "The appendix figures add up."),
    "budget.does_not_add_up": (
        "Các số trong phụ lục không cộng khớp.",
        "The appendix figures do not add up.",
    ),
    "budget.caption": ("Phụ lục kinh phí (đơn vị: {unit})", "Budget appendix (unit: {unit})"),
    "col.number": ("TT", "No."),
    "col.line": ("Nội dung", "Item"),
    "col.total": ("Cộng", "Total"),
    "col.printed": ("Ghi", "Printed"),
    "col.computed": ("Tính lại", "Recomputed"),
    "budget.total_row": ("Tổng cộng", "Total"),
    "budget.blank": ("để trống", "blank"),
    "budget.differs": ("khác số ghi", "differs from the printed figure"),
    "budget.left_blank": ("văn bản để trống", "left blank in the text"),
    "grand.title": ("Tổng kinh phí", "Grand total"),
    "grand.amount": ("Tổng kinh phí tính lại", "Recomputed total"),
    "grand.printed": ("Số ghi trong phụ lục", "Printed in the appendix"),
    "grand.text": ("Số ghi trong văn bản", "Stated in the text"),
    "grand.in_words": ("Bằng chữ", "In words"),
    "findings.title": ("Kết quả kiểm tra", "Findings"),
    "findings.summary": (
        "{error} lỗi, {warning} cảnh báo, {notice} lưu ý",
        "{error} errors, {warning} warnings, {notice} notices",
    ),
    "severity.error": ("Lỗi", "Errors"),
    "severity.warning": ("Cảnh báo", "Warnings"),
    "severity.notice": ("Lưu ý", "Notices"),
    "findings.none": ("Không có.", "None."),
    "findings.places": ("Căn cứ", "Where"),
    "error.title": ("Không tìm thấy", "Not found"),
    "error.no_programme": (
        "Không có kế hoạch mã “{pack_id}”.",
        "There is no plan with the id “{pack_id}”.",
    ),
    "error.back": ("Về danh sách kế hoạch", "Back to the plans"),
}


def language_of(value: str | None) -> str | None:
    """The language a tag names (`vi`, `en`, `en-GB`, ...) among these pages', else None:
    the incident pages' `zh-Hans` in the shared cookie is not one of them."""
    if not value:
        return None
    return _ALIASES.get(value.strip().lower())


def label(language: str, key: str, **values: object) -> str:
    vi, en = LABELS[key]
    template = en if language == EN else vi
    return template.format(**values) if values else template


def text(mapping: Mapping[str, str], language: str) -> str:
    """A pack text in the language, else in Vietnamese, else whatever it has."""
    return mapping.get(language) or mapping.get(VI) or next(iter(mapping.values()), "")
