"""A handful of realistic incidents at different stages, filed through the service as
duty officers would have filed them over the last two days (`govops serve --demo`).

Each event names a demonstration user at the unit they acted in, as a signed-in user's
events do (`Actor.signature`): Chengguan's duty officer for Chengguan's reports, the
county's duty officer for the other townships' (which have no demonstration user of their
own), the office head for the county's own steps and the closure.

Each step runs on a clock set back to when it happened, so reports, deadlines, ticks
and the closure carry believable times, and one incident is genuinely overdue now.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from govops.incidents.model.incident import Incident, Stage
from govops.incidents.model.intake import AfterAction, Intake
from govops.incidents.model.rules import IncidentRules
from govops.incidents.ports import UnitOfWork
from govops.incidents.service.incident import IncidentService

DEMO_KEY_PREFIX = "demo-"
# The demonstration users (accounts.demo.USERS) as events name them: user@unit.
CHENGGUAN = "chengguan@chengguan"
DUTY = "duty@demo-county"
HEAD = "head@demo-county"


class DatabaseNotEmptyError(Exception):
    """The demo incidents are loaded only into a database with no incident in it."""


class _Clock:
    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


def incident_count(unit_of_work: Callable[[], UnitOfWork]) -> int:
    with unit_of_work() as uow:
        return len(uow.incidents.incident_ids())


def load_demo(
    unit_of_work: Callable[[], UnitOfWork], rules: IncidentRules, now: datetime
) -> list[Incident]:
    """File the demonstration incidents as of `now` (timezone-aware); newest report first."""
    if incident_count(unit_of_work):
        raise DatabaseNotEmptyError("the database already holds incidents")
    clock = _Clock(now)
    service = IncidentService(unit_of_work, rules, clock)
    local = ZoneInfo(rules.timezone)

    def ago(hours: float) -> datetime:
        clock.at = now - timedelta(hours=hours)
        return (now - timedelta(hours=hours)).astimezone(local).replace(second=0, microsecond=0)

    ids = [
        _closed_taxi_strike(service, ago),
        _level_iii_wage_arrears(service, ago),
        _upgraded_land_dispute(service, ago),
        _overdue_village_fight(service, ago),
        _warning_unpaid_workers(service, ago),
    ]
    return [service.get(i) for i in reversed(ids)]


Ago = Callable[[float], datetime]


def _report(service: IncidentService, key: str, intake: Intake, actor: str) -> str:
    owner = actor.partition("@")[0]  # a key is its user's
    return service.report(intake, actor, DEMO_KEY_PREFIX + key, owner=owner).id


def _warning_unpaid_workers(service: IncidentService, ago: Ago) -> str:
    """Warning stage (5.2): a gathering still being organised, learnt of half an hour ago;
    the township's 1-hour report is still due."""
    occurred = ago(0.5)
    intake = Intake(
        occurred_at=occurred,
        place="县政府北门广场(预计)",
        township="城关镇",
        summary="某住宅工地农民工因开发商拖欠工程款,在微信群中相约明日上午到县政府集体讨薪,"
        "预计约1200人参加,目前尚在酝酿,未发生过激行为。",
        stage=Stage.WARNING,
        causes=("demolition_and_arrears", "labour_social_security"),
        inputs={"participants": "约1200", "major_impact_protest": True},
    )
    ago(0.3)
    return _report(service, "warning", intake, CHENGGUAN)


def _level_iii_wage_arrears(service: IncidentService, ago: Ago) -> str:
    """Level III (4.3), two of its three checklist actions done."""
    occurred = ago(5.5)
    intake = Intake(
        occurred_at=occurred,
        place="县工业园区某服装厂大门口",
        township="青石镇",
        summary="服装厂停产,约350名职工在厂门口聚集,要求支付拖欠的三个月工资。",
        causes=("labour_social_security",),
        inputs={"participants": 350, "affects_stability": True},
    )
    ago(5)
    incident_id = _report(service, "wages", intake, DUTY)
    ago(4.8)
    service.action_done(incident_id, "III-start-plan", DUTY)
    ago(4.2)
    service.action_done(incident_id, "III-departments", HEAD)
    return incident_id


def _upgraded_land_dispute(service: IncidentService, ago: Ago) -> str:
    """Reported as level II; a follow-up an hour later raises it to level I, with reason."""
    occurred = ago(3.4)
    intake = Intake(
        occurred_at=occurred,
        place="河口乡人民政府及省道S207沿线",
        township="河口乡",
        summary="因征地补偿标准争议,河口乡五个村的村民到乡政府聚集,要求提高补偿。",
        causes=("land",),
        inputs={"participants": "一千二百人", "major_impact_protest": True},
    )
    ago(3)
    incident_id = _report(service, "land", intake, DUTY)
    ago(2.5)
    service.action_done(incident_id, "II-start-plans", DUTY)
    ago(2)
    service.follow_up(
        incident_id,
        {
            "participants": "约5500",
            "seriously_affects_stability": True,
            "injured": 6,
            "traffic_stopped_hours": "2个小时",
        },
        "周边村民陆续加入,人数增至约5500人,部分人员堵塞省道S207,推搡中6人受伤。",
        HEAD,
    )
    ago(1.9)
    service.deadline_met(incident_id, "level-I-report-county", DUTY)
    ago(1.3)
    service.deadline_met(incident_id, "level-I-county-to-province", HEAD)
    service.action_done(incident_id, "I-report-province", HEAD)
    ago(1)
    service.action_done(incident_id, "I-leader-on-site", HEAD)
    return incident_id


def _overdue_village_fight(service: IncidentService, ago: Ago) -> str:
    """Level I (4.1(7)): the county has not reported it to the province within the hour."""
    occurred = ago(2.8)
    intake = Intake(
        occurred_at=occurred,
        place="石桥镇东村与西村交界的灌溉渠一带",
        township="石桥镇",
        summary="东村、西村因灌溉水源和耕地边界纠纷发生群体性械斗,双方六百余人参与,12人受伤。",
        causes=("farmland", "water"),
        inputs={"participants": "六百余人", "armed_fight": True, "injured": 12},
    )
    ago(2.5)
    incident_id = _report(service, "fight", intake, DUTY)
    ago(2.4)
    service.deadline_met(incident_id, "level-I-report-county", DUTY)
    service.action_done(incident_id, "I-report-county", DUTY)
    return incident_id


def _closed_taxi_strike(service: IncidentService, ago: Ago) -> str:
    """Level III, every action done, closed with its after-action record (6.1.5)."""
    occurred = ago(49)
    intake = Intake(
        occurred_at=occurred,
        place="县汽车客运站及站前广场",
        township="城关镇",
        summary="约260名出租车司机不满网约车管理办法,集体停运并在客运站前聚集。",
        causes=("road_transport",),
        inputs={"participants": 260, "affects_stability": True},
    )
    ago(48.5)
    incident_id = _report(service, "taxi", intake, CHENGGUAN)
    for hours, action, actor in (
        (48, "III-start-plan", CHENGGUAN),
        (47, "III-departments", HEAD),
        (44, "III-report", HEAD),
    ):
        ago(hours)
        service.action_done(incident_id, action, actor)
    ago(26)
    service.close(
        incident_id,
        AfterAction(
            loss_assessment="无人员伤亡;城区出租车停运约6小时,客运站秩序一度混乱,无财产损失。",
            causes="网约车管理办法出台前征求意见不充分,出租车司机收入下降的诉求未得到及时回应。",
            lessons="涉及行业群体利益的政策出台前应充分听取意见,并建立与司机代表的常态沟通渠道。",
            rectification="县交通运输局一周内召开座谈会,修订管理办法实施细则,并修改完善本部门预案。",
        ),
        HEAD,
    )
    return incident_id
