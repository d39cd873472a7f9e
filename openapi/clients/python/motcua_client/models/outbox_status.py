from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.dead_letter import DeadLetter
    from ..models.periodic_job_read import PeriodicJobRead
    from ..models.topic_counts import TopicCounts


T = TypeVar("T", bound="OutboxStatus")


@_attrs_define
class OutboxStatus:
    """
    Example:
        {'topics': [{'topic': 'notification.status_changed', 'pending': 3, 'retrying': 1, 'delivered': 1520, 'dead':
            1}], 'oldest_undelivered_age_seconds': 4.2, 'dead_letters': [{'id': 1042, 'topic':
            'notification.status_changed', 'ordering_key': '000.00.01.H99-261123-0001', 'attempts': 10, 'last_error':
            'WebhookRejected: webhook answered HTTP 503', 'created_at': '2026-11-23T08:00:00+07:00', 'last_attempt_at':
            '2026-11-23T10:10:00+07:00', 'dead_at': '2026-11-23T10:10:00+07:00'}], 'jobs': [{'name':
            'throttle.purge_expired', 'schedule': 'every 3600s', 'next_run_at': '2026-11-23T11:00:00+07:00',
            'last_started_at': '2026-11-23T10:00:00+07:00', 'last_finished_at': '2026-11-23T10:00:00+07:00', 'last_outcome':
            'ok', 'last_error': None, 'run_count': 27}]}

    Attributes:
        topics (list[TopicCounts]):
        oldest_undelivered_age_seconds (float | None): Tuổi (giây) của thông điệp chưa gửi cũ nhất; null khi không còn
            thông điệp chờ
        dead_letters (list[DeadLetter]): Tối đa 100 thư chết gần nhất
        jobs (list[PeriodicJobRead]):
    """

    topics: list[TopicCounts]
    oldest_undelivered_age_seconds: float | None
    dead_letters: list[DeadLetter]
    jobs: list[PeriodicJobRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        topics = []
        for topics_item_data in self.topics:
            topics_item = topics_item_data.to_dict()
            topics.append(topics_item)

        oldest_undelivered_age_seconds: float | None
        oldest_undelivered_age_seconds = self.oldest_undelivered_age_seconds

        dead_letters = []
        for dead_letters_item_data in self.dead_letters:
            dead_letters_item = dead_letters_item_data.to_dict()
            dead_letters.append(dead_letters_item)

        jobs = []
        for jobs_item_data in self.jobs:
            jobs_item = jobs_item_data.to_dict()
            jobs.append(jobs_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "topics": topics,
                "oldest_undelivered_age_seconds": oldest_undelivered_age_seconds,
                "dead_letters": dead_letters,
                "jobs": jobs,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dead_letter import DeadLetter  # noqa: PLC0415
        from ..models.periodic_job_read import PeriodicJobRead  # noqa: PLC0415
        from ..models.topic_counts import TopicCounts  # noqa: PLC0415

        d = dict(src_dict)
        topics = []
        _topics = d.pop("topics")
        for topics_item_data in _topics:
            topics_item = TopicCounts.from_dict(topics_item_data)

            topics.append(topics_item)

        def _parse_oldest_undelivered_age_seconds(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        oldest_undelivered_age_seconds = _parse_oldest_undelivered_age_seconds(d.pop("oldest_undelivered_age_seconds"))

        dead_letters = []
        _dead_letters = d.pop("dead_letters")
        for dead_letters_item_data in _dead_letters:
            dead_letters_item = DeadLetter.from_dict(dead_letters_item_data)

            dead_letters.append(dead_letters_item)

        jobs = []
        _jobs = d.pop("jobs")
        for jobs_item_data in _jobs:
            jobs_item = PeriodicJobRead.from_dict(jobs_item_data)

            jobs.append(jobs_item)

        outbox_status = cls(
            topics=topics,
            oldest_undelivered_age_seconds=oldest_undelivered_age_seconds,
            dead_letters=dead_letters,
            jobs=jobs,
        )

        outbox_status.additional_properties = d
        return outbox_status

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
