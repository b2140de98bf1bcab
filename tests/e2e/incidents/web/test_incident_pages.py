"""The incident page and its forms (checklist, deadlines, follow-up, close), no browser."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.e2e.incidents.web.conftest import signed_in
from tests.e2e.pages import errors, report, section, text
from tests.fakes import Clock
from tests.identity import EVERYTHING


def test_a_checklist_action_is_ticked_off_by_the_signed_in_user(
    client: TestClient, clock: Clock
) -> None:
    incident = report(client)
    clock.advance(minutes=5)
    response = client.post(f"{incident}/actions/II-report", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == f"{incident}#checklist"
    page = client.get(incident).text
    checklist = section(page, "checklist")
    assert "已完成 1/3" in checklist
    assert "tester@demo-county 于 2026年6月1日 10:05 完成" in checklist
    assert 'action="/incidents/' not in page.split('id="action-II-report"')[1].split("</li>")[0]
    assert "完成:将处置情况及时上报县政府" in section(page, "timeline")


def test_ticking_needs_the_permission_at_the_incidents_unit(client: TestClient) -> None:
    incident = report(client)
    viewer = signed_in(client, "viewer")  # reads every incident of the county
    assert "已完成 0/3" in section(viewer.get(incident).text, "checklist")
    assert 'action="/incidents/' not in viewer.get(incident).text  # no form offered
    response = viewer.post(f"{incident}/actions/II-report")
    assert response.status_code == 403
    liaison = signed_in(client, "liaison")  # land resources: this incident is not theirs
    assert liaison.post(f"{incident}/actions/II-report").status_code == 403  # no incident.act
    officer = signed_in(client, "qingshi")  # another township's duty officer
    assert officer.post(f"{incident}/actions/II-report").status_code == 404
    assert officer.get(incident).status_code == 404
    assert "已完成 0/3" in section(signed_in(client, EVERYTHING).get(incident).text, "checklist")


def test_an_unknown_action_or_incident(client: TestClient) -> None:
    incident = report(client)
    response = client.post(f"{incident}/actions/no-such-action")
    assert response.status_code == 404 and "此事件没有该项。" in response.text
    assert client.post(f"{incident}/deadlines/no-such-deadline").status_code == 404
    assert client.get("/incidents/nope").status_code == 404
    missing = client.post("/incidents/nope/follow-ups", data={"note": "x"})
    assert missing.status_code == 404 and "找不到该事件。" in missing.text


def test_a_follow_up_upgrades_the_incident_with_its_reason(
    client: TestClient, clock: Clock
) -> None:
    incident = report(client)
    clock.advance(minutes=30)
    data = {
        "participants": "6000",
        "note": "人数增至6000人",
        "flags_shown": "1",  # the boxes as the form shows them: 4.2(1)'s still ticked, and
        "major_impact_protest": "true",  # 4.1(1)'s qualifier ticked now
        "seriously_affects_stability": "true",
    }
    response = client.post(f"{incident}/follow-ups", data=data, follow_redirects=False)
    assert response.status_code == 303
    page = client.get(incident).text
    explanation = section(page, "explanation")
    assert "定级: 特别重大群体性事件 (I级)" in explanation
    assert "I-1 4.1(1)" in explanation and "已是最高等级。" in explanation
    timeline = section(page, "timeline")
    assert "续报1,定为 特别重大群体性事件 (I级)" in timeline
    assert "数字: 参与人数: 约1200 → 6000" in timeline
    assert "说明: 人数增至6000人" in timeline
    assert "等级变更 重大群体性事件 (II级) → 特别重大群体性事件 (I级)" in timeline
    assert "原因: 续报1；符合条款：I-1；说明：人数增至6000人" in timeline  # said in Chinese
    deadlines = section(page, "deadlines")
    # "immediately" to the county: met by the follow-up that raised the grade, filed here
    county = "特别重大事件信息立即上报县政府 6.1.3(1) 截止 2026年6月1日 10:30"
    assert f"{county} 已于 2026年6月1日 10:30 完成" in deadlines
    assert "县政府上报省政府 6.1.3(1) 截止 2026年6月1日 11:30 剩余 1小时" in deadlines
    assert "已完成 0/30" in section(page, "checklist")


def test_a_follow_up_keeps_figures_left_blank_and_changes_only_flags_changed(
    client: TestClient,
) -> None:
    incident = report(client, participants="300", treat_as_level_II="true")
    page = client.get(incident).text
    assert 'placeholder="300"' in page and "现为 300" in page
    assert 'id="u-treat_as_level_II" name="treat_as_level_II" value="true" checked' in page
    kept = {"flags_shown": "1", "major_impact_protest": "true"}  # the boxes left as shown
    data = kept | {"injured": "2", "treat_as_level_II": "true"}
    client.post(f"{incident}/follow-ups", data=data)
    page = client.get(incident).text
    assert "定级: 重大群体性事件 (II级)" in section(page, "explanation")
    assert "数字: 受伤人数: 2" in section(page, "timeline")
    client.post(f"{incident}/follow-ups", data=kept | {"note": "不再视情对待"})
    page = client.get(incident).text
    assert "定级: 较大群体性事件 (III级)" in section(page, "explanation")
    assert "视情作为重大事件对待: 是 → 否" in section(page, "timeline")


def test_a_follow_up_needs_something_new_and_readable_figures(client: TestClient) -> None:
    incident = report(client)
    unchanged = {"flags_shown": "1", "major_impact_protest": "true"}  # the boxes as shown
    empty = client.post(f"{incident}/follow-ups", data=unchanged)
    assert empty.status_code == 422
    assert errors(empty.text) == {"note": "请填写新数字或说明"}
    bad = client.post(f"{incident}/follow-ups", data={"deaths": "-1", "officer": "李四"})
    assert bad.status_code == 422
    found = errors(bad.text)
    assert list(found) == ["deaths"] and found["deaths"].startswith("数字无法接受:")
    assert 'value="-1"' in bad.text
    assert "未保存,请修改标出的字段。" in bad.text


def test_deadlines_show_time_left_then_overdue_then_met_late(
    client: TestClient, clock: Clock
) -> None:
    incident = report(client, participants="6000", seriously_affects_stability="true")
    clock.advance(minutes=20)
    assert "剩余 40分" in section(client.get(incident).text, "deadlines")
    clock.advance(hours=2)
    page = client.get(incident).text
    assert "已超时 1小时20分" in section(page, "deadlines")
    assert 'class="deadline overdue" id="deadline-level-I-county-to-province"' in page
    row = client.get("/incidents?overdue=1").text
    assert '<tr class="overdue"' in row and "县政府上报省政府: 已超时 1小时20分" in text(row)
    english = client.get(f"{incident}?lang=en").text
    assert "overdue by 1 h 20 min" in section(english, "deadlines")
    client.post(f"{incident}/deadlines/level-I-county-to-province", follow_redirects=False)
    page = client.get(incident).text
    # made, but 1 h 20 min after it was due: late (red), not met (green)
    assert "met at Jun 1, 2026 12:20, 1 h 20 min late" in section(page, "deadlines")
    assert 'class="deadline late" id="deadline-level-I-county-to-province"' in page
    chinese = client.get(f"{incident}?lang=zh-Hans").text
    assert "迟了 1小时20分" in section(chinese, "deadlines")
    assert "Deadline met: County reports a level I incident to the province" in section(
        page, "timeline"
    )


def test_the_list_filters_by_grade_status_and_overdue(client: TestClient) -> None:
    report(client, summary="一号事件")
    report(client, summary="二号事件", participants="6000", seriously_affects_stability="true")
    assert "一号事件" in client.get("/incidents").text
    level_one = client.get("/incidents?grade=I").text
    assert "二号事件" in level_one and "一号事件" not in level_one
    assert "暂无事件。" in client.get("/incidents?status=closed").text
    assert "一号事件" in client.get("/incidents?grade=bogus").text  # unknown filters ignored


def test_closing_needs_the_four_after_action_fields(client: TestClient) -> None:
    incident = report(client)
    response = client.post(f"{incident}/close", data={"loss_assessment": "无人员伤亡"})
    assert response.status_code == 422
    assert errors(response.text) == {"causes": "必填", "lessons": "必填", "rectification": "必填"}
    assert "无人员伤亡" in section(response.text, "closure")


def test_a_closed_incident_shows_its_record_and_takes_no_more_changes(
    client: TestClient,
) -> None:
    incident = report(client)
    record = {
        "loss_assessment": "无人员伤亡,财产损失轻微",
        "causes": "拆迁补偿争议",
        "lessons": "提前公开补偿方案",
        "rectification": "修订拆迁公示程序",
    }
    response = client.post(f"{incident}/close", data=record, follow_redirects=False)
    assert response.status_code == 303
    page = client.get(incident).text
    closure = section(page, "closure")
    assert "结案记录" in closure and "整改措施 修订拆迁公示程序" in closure
    assert 'id="follow-up"' not in page and "<button" not in page.split("</header>")[1]
    assert "已结案" in client.get("/incidents?status=closed").text
    refused = client.post(f"{incident}/follow-ups", data={"note": "x"})
    assert refused.status_code == 409 and "事件已结案,不能再修改。" in refused.text
    assert client.post(f"{incident}/actions/II-report").status_code == 409


def test_a_follow_up_form_sent_twice_files_one_follow_up(client: TestClient) -> None:
    incident = report(client)
    page = client.get(incident).text
    key = page.split('name="key" value="', 1)[1].split('"', 1)[0]
    assert len(key) == 32  # a fresh key in the form
    sent = {"injured": "2", "note": "有2人受伤", "flags_shown": "1", "key": key}
    sent["major_impact_protest"] = "true"  # the box ticked at intake, left as shown
    for _ in range(2):  # a double click
        answer = client.post(f"{incident}/follow-ups", data=sent, follow_redirects=False)
        assert answer.status_code == 303
    timeline = section(client.get(incident).text, "timeline")
    assert timeline.count("续报1") == 1 and "续报2" not in timeline
    changed = client.post(f"{incident}/follow-ups", data=sent | {"note": "改了"})
    assert changed.status_code == 422
    assert "此表单已提交过" in text(changed.text)
    assert f'value="{key}"' not in changed.text  # a new key: sent again, a new follow-up
