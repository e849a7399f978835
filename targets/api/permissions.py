"""Who may write what.

Everyone signed in reads. Writers are superusers, staff and members of the 编辑 group.
A user whose group is bound to a region (targets.RegionGroup) is a county/district
clerk: whatever else they are (even staff, which they need for the admin), they may
enter actuals only for their bound regions and the regions below them. Superusers are
never bound. The admin (targets/admin.py) uses the same functions, so the rule is
enforced in one place for both doors.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from targets.models import Region, RegionGroup

EDITOR_GROUP = "编辑"

User = AbstractBaseUser | AnonymousUser


def bound_region_ids(user: User) -> set[int] | None:
    """The region ids a user may write actuals for, or None for "no restriction".

    Cached on the user object: one request asks several times (permission check,
    queryset, form field) and the answer cannot change within it.
    """
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return None
    cached = getattr(user, "_dabiao_bound_region_ids", False)
    if cached is not False:
        return cached
    roots = list(
        Region.objects.filter(
            pk__in=RegionGroup.objects.filter(group__user=user).values("region_id")
        )
    )
    ids: set[int] | None
    if roots:
        ids = set()
        for root in roots:
            ids |= set(
                Region.objects.with_descendants(root).values_list("pk", flat=True)
            )
    else:
        ids = None
    user._dabiao_bound_region_ids = ids
    return ids


def is_region_bound(user: User) -> bool:
    return bound_region_ids(user) is not None


def is_editor(user: User) -> bool:
    """An unrestricted writer: superuser, or staff/编辑 without a region binding."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if is_region_bound(user):
        return False
    return user.is_staff or user.groups.filter(name=EDITOR_GROUP).exists()


def can_write_actuals(user: User) -> bool:
    """Editors anywhere, region clerks somewhere (the region is checked later)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return is_editor(user) or is_region_bound(user)


def can_write_actual_for(user: User, region: Region | int) -> bool:
    if not can_write_actuals(user):
        return False
    allowed = bound_region_ids(user)
    region_id = region if isinstance(region, int) else region.pk
    return allowed is None or region_id in allowed


class IsEditorOrReadOnly(BasePermission):
    """Reads for any signed-in user; writes for editors only."""

    message = "只有管理员或“编辑”组成员可以修改数据。"

    def has_permission(self, request: Request, view: Any) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        if request.method in SAFE_METHODS:
            return True
        return is_editor(request.user)


class CanEnterActuals(BasePermission):
    """Reads for any signed-in user; actual entry for editors and region clerks.

    The region itself is checked by the view once the input is validated, because
    only then do we know which region the new row is for.
    """

    message = "您没有录入实际值的权限。"

    def has_permission(self, request: Request, view: Any) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        if request.method in SAFE_METHODS:
            return True
        return can_write_actuals(request.user)
