"""The list, the intake form and its checks, the language, and who may file what, without
a browser."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.e2e.incidents.web.conftest import signed_in
from tests.e2e.pages import GOOD_REPORT, errors, report, section, text
from tests.fakes import Clock
from tests.identity import EVERYTHING


def test_the_list_is_in_chinese_by_default_and_empty_at_first(client: TestClient) -> None:
    response = client.get("/incidents")
    assert response.status_code == 200
    assert '<html lang="zh-Hans">' in response.text
    assert "暂无事件。" in response.text
    common, own = 'href="/static/common.css"', 'href="/static/style.css"'
    assert response.text.index(common) < response.text.index(own)  # the shared sheet first
    assert "http" not in response.text.split("<body>")[0]  # no asset from elsewhere


def test_the_stylesheet_is_served_by_the_router(client: TestClient) -> None:
    response = client.get("/static/style.css")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/css")
    assert ".overdue" in response.text
    common = client.get("/static/common.css")
    assert common.status_code == 200 and common.headers["content-type"].startswith("text/css")
    assert "header.top" in common.text and "http" not in common.text  # no external asset
    assert client.get("/static/../__init__.py").status_code == 404
    assert client.get("/static/missing.css").status_code == 404


def test_the_intake_form_offers_the_packs_causes_figures_and_criteria(
    client: TestClient,
) -> None:
    page = client.get("/incidents/new").text
    assert 'value="demolition_and_arrears"' in page
    assert "城市房屋拆迁、改造,拖欠工程款" in page  # the cause's label from the pack
    assert 'id="f-participants"' in page and "参与人数 (人)" in page
    assert 'name="treat_as_level_II"' in page
    assert 'value="2026-06-01T10:00"' in page  # occurred_at starts at now, local time
    english = client.get("/incidents/new?lang=en").text
    assert "urban demolition and redevelopment, unpaid construction money" in english
    # the pack's input labels in English where it writes them; a Vietnamese page shows
    # the Chinese ones, marked as Chinese
    assert "hours traffic stopped (hours)" in english
    vietnamese = client.get("/incidents/new?lang=vi").text
    assert '<span lang="zh-Hans">交通停运小时数</span> (giờ)' in vietnamese


MAJOR_IMPACT = "影响较大的非法集会游行示威、上访请愿、聚众闹事、罢工(市、课)等"  # 4.2(1)


def test_a_report_lands_on_its_page_with_the_grade_explained(client: TestClient) -> None:
    # 4.2(1)'s 影响较大 ticked, and 4.1(1)'s 严重影响社会稳定: 1,200 people are level II
    data = GOOD_REPORT | {"seriously_affects_stability": "true"}
    response = client.post("/incidents", data=data, follow_redirects=False)
    assert response.status_code == 303
    assert "govops_officer" not in response.headers.get("set-cookie", "")
    page = client.get(response.headers["location"]).text
    explanation = section(page, "explanation")
    assert "定级: 重大群体性事件 (II级)" in explanation
    assert "II-1 4.2(1)" in explanation
    assert "参与人数在1000人以上、5000人以下" in explanation
    # the test passed, in figures and the plan's words, not the rule's notation
    assert "参与人数 = 约1200 (≥ 1,000, < 5,000, 以上、以下)" in explanation
    assert f"{MAJOR_IMPACT} = 是 (已认定)" in explanation  # the qualifier the officer confirmed
    assert "participants in" not in explanation
    assert "按约数定级:参与人数" in explanation
    assert "为何不是特别重大群体性事件 (I级): 参与人数 1,200 < 5,000 (4.1(1))" in explanation
    assert "参与人数:现为 1,200,需要 >= 5,000" in explanation
    assert "适用 2026年6月1日 有效的规定" in explanation
    departments = section(page, "departments")
    assert "县公安局 3.1.3 公安局" in departments and "县建设局 3.1.3 建设局" in departments
    assert "当前等级无报告时限。" in section(page, "deadlines")
    assert "已完成 0/3" in section(page, "checklist")
    assert "初报,定为 重大群体性事件 (II级)" in section(page, "timeline")
    assert "tester@demo-county" in section(page, "timeline")  # the signed-in user, the unit
    assert 'name="officer"' not in page


def test_fields_are_checked_on_the_server_with_messages_next_to_them(
    client: TestClient,
) -> None:
    data = {**GOOD_REPORT, "place": " ", "participants": "近5000"}
    data |= {"deaths": "5000元", "occurred_at": "昨天", "summary": "x" * 10_001}  # as the API
    response = client.post("/incidents", data=data)
    assert response.status_code == 422
    found = errors(response.text)
    assert found["place"] == "必填"
    assert found["occurred_at"] == "时间格式不对,应为 2026-06-01 09:30"
    assert found["summary"] == "不能超过10,000个字"
    assert found["participants"].startswith("数字无法接受:")
    assert "5000元" in found["deaths"] and "人" in found["deaths"]
    assert "报告未提交" in response.text
    assert 'value="城关镇"' in response.text  # what was typed is kept
    assert 'value="demolition_and_arrears" checked' in response.text
    assert client.get("/incidents").text.count("<tr") == 0


def test_messages_follow_the_language(client: TestClient) -> None:
    data = {**GOOD_REPORT, "place": "", "participants": "abc"}
    response = client.post("/incidents?lang=en", data=data)
    found = errors(response.text)
    assert found["place"] == "required"
    # what was typed is quoted as written, marked as in the organisation's language
    quoted = '<span lang="zh-Hans">{}</span>'.format
    assert (
        '<p class="error" id="e-participants" role="alert">figure not accepted: cannot read '
        f"{quoted('&#39;abc&#39;')} as a figure: unexpected {quoted('&#39;a&#39;')}</p>"
    ) in response.text
    assert '<html lang="en">' in response.text


def test_an_occurrence_in_the_future_or_an_unknown_cause_is_refused(
    client: TestClient, clock: Clock
) -> None:
    data = {**GOOD_REPORT, "occurred_at": "2026-06-01T11:00", "causes": ["no_such_cause"]}
    found = errors(client.post("/incidents", data=data).text)
    assert found == {"occurred_at": "发生时间不能晚于现在", "causes": "无效的选项"}
    with_offset = {**GOOD_REPORT, "occurred_at": "2026-06-01T01:30:00+00:00"}
    page = client.get(report(client, **with_offset)).text
    assert "2026年6月1日 09:30" in page  # shown in the pack's time zone


def test_ticked_criteria_grade_the_report(client: TestClient) -> None:
    data = {**GOOD_REPORT, "participants": "50", "treat_as_level_II": "true"}
    explanation = section(client.get(report(client, **data)).text, "explanation")
    assert "定级: 重大群体性事件 (II级)" in explanation
    assert "II-8 4.2(8)" in explanation
    assert "视情作为重大事件对待 = 是" in explanation


def test_a_repeated_submission_files_one_incident(client: TestClient) -> None:
    first = report(client, key="form-1")
    again = report(client, key="form-1")
    assert first == again
    assert client.get("/incidents").text.count("<tr class=") == 1


def test_a_form_key_sent_again_with_other_contents_files_nothing(client: TestClient) -> None:
    first = report(client, key="form-1")
    changed = client.post("/incidents", data={**GOOD_REPORT, "key": "form-1", "place": "广场"})
    assert changed.status_code == 422  # as the API answers a key reused with another body
    assert "此表单已提交过,且内容不同" in text(changed.text).replace("，", ",")
    assert 'value="form-1"' not in changed.text  # a new key: filing it again is a new report
    assert 'value="广场"' in changed.text
    assert client.get("/incidents").text.count("<tr class=") == 1
    other = signed_in(client, "head")  # the same key is another user's own
    assert report(other, key="form-1") != first


def test_the_language_is_remembered_and_switched_back(client: TestClient) -> None:
    english = client.get("/incidents?lang=en")
    assert "govops_lang=en" in english.headers["set-cookie"]
    assert 'href="/incidents?lang=zh-Hans"' in english.text
    assert '<html lang="en">' in client.get("/incidents/new").text
    assert '<html lang="zh-Hans">' in client.get("/incidents?lang=zh").text
    assert '<html lang="zh-Hans">' in client.get("/incidents").text


def test_the_signed_in_user_files_for_their_own_township_only(client: TestClient) -> None:
    officer = signed_in(client, "chengguan")
    assert 'name="officer"' not in officer.get("/incidents/new").text  # nobody types a name
    mine = report(officer)
    assert "chengguan@chengguan" in section(officer.get(mine).text, "timeline")
    refused = officer.post("/incidents", data={**GOOD_REPORT, "township": "青石镇"})
    assert refused.status_code == 403
    assert errors(refused.text) == {"township": "您无权报告青石镇的事件"}
    assert 'value="青石镇"' in refused.text  # what was typed is kept
    assert officer.post("/officer", data={"officer": "李四"}).status_code in (404, 405)
    assert signed_in(client, EVERYTHING).get("/incidents").text.count("<tr class=") == 1


def test_the_list_shows_only_incidents_the_reader_may_see(client: TestClient) -> None:
    report(client, summary="城关的事件")
    report(client, township="青石镇", summary="青石的事件", causes=["land"])
    county = client.get("/incidents").text
    assert "城关的事件" in county and "青石的事件" in county
    chengguan = signed_in(client, "chengguan").get("/incidents").text
    assert "城关的事件" in chengguan and "青石的事件" not in chengguan
    assert "/incidents/new" in chengguan  # a duty officer may report
    liaison = signed_in(client, "liaison").get("/incidents").text  # land resources
    assert "青石的事件" in liaison and "城关的事件" not in liaison
    assert 'href="/incidents/new"' not in liaison  # nor is the intake form offered
    assert client.get("/incidents/new").status_code == 403


def test_no_one_signed_in_is_sent_to_log_in_and_others_are_refused(client: TestClient) -> None:
    incident = report(client)
    client.cookies.clear()
    for path in ("/incidents", "/incidents/new", incident):
        answer = client.get(path, follow_redirects=False)
        assert answer.status_code == 303, path
        assert answer.headers["location"].startswith("/login?next=")
    posted = client.post(f"{incident}/actions/II-report", follow_redirects=False)
    assert posted.status_code == 303
    assert client.get("/static/style.css").status_code == 200  # static files are public
    stranger = signed_in(client, "orgstaff")  # no incident permission anywhere
    assert stranger.get("/incidents").status_code == 403
    assert stranger.get(incident).status_code == 403


def test_text_from_users_is_escaped(client: TestClient) -> None:
    page = client.get(report(client, summary="<script>alert(1)</script>")).text
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_the_time_the_information_was_obtained_is_filed_and_shown(client: TestClient) -> None:
    incident = report(client, stage="warning", obtained_at="2026-06-01T09:45")
    page = client.get(incident).text
    assert "获取信息时间" in page and "2026年6月1日 09:45" in page
    deadlines = section(page, "deadlines")
    assert "截止 2026年6月1日 10:45" in deadlines  # within the hour of obtaining it (5.2)


# What the officer judges in section 4, beside the figures: the qualifiers of 4.1(1), 4.1(5),
# 4.2(1) and 4.3(1) and the kinds of way and of project of 4.1(4), each a box on the form.
CONFIRMED = {
    "seriously_affects_stability": ("严重影响社会稳定", "seriously affects social stability"),
    "seriously_harms_stability": ("严重危害社会稳定", "seriously harms social stability"),
    "major_impact_protest": (MAJOR_IMPACT, "with a major impact"),
    "affects_stability": ("影响社会稳定", "affects social stability"),
    "blocked_railway_trunk_line": ("阻断铁路繁干线", "railway trunk line blocked"),
    "blocked_national_road": ("阻断国道", "national road blocked"),
    "blocked_expressway": ("阻断高速公路", "expressway blocked"),
    "blocked_transport_hub": ("阻断重要交通枢纽", "important transport hub blocked"),
    "national_key_project": ("阻挠、妨碍国家重点建设工程施工", "national key project obstructed"),
}


def test_the_form_offers_each_criterion_the_officer_confirms_in_each_language(
    client: TestClient,
) -> None:
    chinese = client.get("/incidents/new").text
    english = client.get("/incidents/new?lang=en").text
    for name, (words, english_words) in CONFIRMED.items():
        box = f'<input type="checkbox" id="f-{name}" name="{name}" value="true">'
        assert f"{box} {words}</label>" in chinese
        assert english_words in english.split(f'id="f-{name}"', 1)[1].split("</label>", 1)[0]
    assert "ảnh hưởng nghiêm trọng đến ổn định xã hội" in client.get("/incidents/new?lang=vi").text
    assert "嚴重影響社會穩定" in client.get("/incidents/new?lang=zh-Hant").text


def test_a_figure_grades_only_with_the_qualifier_the_officer_confirms(client: TestClient) -> None:
    people = {"participants": "6000", "major_impact_protest": ""}
    page = client.get(report(client, **people)).text
    explanation = section(page, "explanation")
    assert "定级: 未达分级标准" in explanation
    assert "为何不是特别重大群体性事件 (I级): 严重影响社会稳定:未认定 (4.1(1))" in explanation
    confirmed = people | {"seriously_affects_stability": "true"}
    explanation = section(client.get(report(client, **confirmed)).text, "explanation")
    assert "定级: 特别重大群体性事件 (I级)" in explanation and "I-1 4.1(1)" in explanation
    assert "严重影响社会稳定 = 是 (已认定)" in explanation
    english = section(client.get(report(client, **confirmed) + "?lang=en").text, "explanation")
    assert "seriously affects social stability = yes (asserted)" in english


def test_a_blockade_or_a_stopped_project_grades_by_what_was_blocked_or_stopped(
    client: TestClient,
) -> None:
    blockade = {"participants": "", "major_impact_protest": "", "traffic_stopped_hours": "8"}
    explanation = section(client.get(report(client, **blockade)).text, "explanation")
    assert "定级: 未达分级标准" in explanation  # no way 4.1(4) names was blocked
    national_road = blockade | {"blocked_national_road": "true"}
    explanation = section(client.get(report(client, **national_road)).text, "explanation")
    assert "I-4 4.1(4)" in explanation and "阻断国道 = 是 (已认定)" in explanation
    project = {"participants": "", "major_impact_protest": "", "key_project_stopped_hours": "48"}
    explanation = section(client.get(report(client, **project)).text, "explanation")
    assert "定级: 未达分级标准" in explanation  # not confirmed a national key project
    national = project | {"national_key_project": "true"}
    explanation = section(client.get(report(client, **national)).text, "explanation")
    assert "I-4 4.1(4)" in explanation
    assert "阻挠、妨碍国家重点建设工程施工 = 是 (已认定)" in explanation
