"""Django names the default permissions in English ("Can add log entry"); the admin
shows them on every user and group page. After each migrate they are renamed in
Chinese from the models' verbose names (可以添加 日志记录)."""

from __future__ import annotations

from typing import Any

ACTIONS = {"add": "添加", "change": "修改", "delete": "删除", "view": "查看"}


def permission_name(action: str, verbose_name: str) -> str | None:
    label = ACTIONS.get(action)
    return f"可以{label}{verbose_name}" if label else None


def permissions_in_chinese(*, using: str = "default", **kwargs: Any) -> None:
    """Rename the default permissions of every installed model (idempotent)."""
    from django.apps import apps
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from django.utils import translation

    with translation.override("zh-hans"):
        wanted: dict[tuple[str, str], str] = {}
        for model in apps.get_models():
            opts = model._meta
            for action in opts.default_permissions:
                name = permission_name(action, str(opts.verbose_name))
                if name:
                    wanted[(opts.app_label, f"{action}_{opts.model_name}")] = name[:255]
    types = {
        ct.pk: ct.app_label
        for ct in ContentType.objects.using(using).filter(
            app_label__in={app for app, _ in wanted}
        )
    }
    changed = []
    for permission in Permission.objects.using(using).filter(content_type__in=types):
        name = wanted.get((types[permission.content_type_id], permission.codename))
        if name and permission.name != name:
            permission.name = name
            changed.append(permission)
    Permission.objects.using(using).bulk_update(changed, ["name"], batch_size=500)
