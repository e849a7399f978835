"""What a Redis (cache or broker) outage looks like to the code that meets it."""

from __future__ import annotations

import kombu.exceptions
import redis.exceptions

# redis-py raises these from the cache; kombu wraps them when publishing a task.
OUTAGE_ERRORS: tuple[type[BaseException], ...] = (
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    kombu.exceptions.OperationalError,
)

OUTAGE_MESSAGE = "缓存或任务队列(Redis)暂时不可用,请稍后重试。"
