"""Who may write what: the one permission module of both APIs and the admin.

Everyone signed in reads. Writers are superusers, staff and members of the 编辑 group.
A user whose group is bound to a region (targets.RegionGroup) is a county/district
clerk: whatever else they are (even staff, which they need for the admin), they may
enter actuals and 赛马 figures only for their bound regions and the regions below
them, and change nothing else (targets, documents, races). Superusers are never bound.
The targets API (targets/api/views.py), the 赛马 API (saima/api.py), the review pages
and the admin (targets/admin.py, saima/admin.py) all call these functions, so the rule
is enforced in one place for every door.
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


def can_write_actual_for(user: User, region: Region | int | None) -> bool:
    if not can_write_actuals(user):
        return False
    return in_bound_regions(user, region)


def in_bound_regions(user: User, region: Region | int | None) -> bool:
    """True when a row of ``region`` lies inside what the user is bound to.

    Unbound users (editors, readers, superusers) are inside everywhere; a bound user
    only in their regions and below. A row without a region is outside for them.
    """
    allowed = bound_region_ids(user)
    if allowed is None:
        return True
    if region is None:
        return False
    region_id = region if isinstance(region, int) else region.pk
    return region_id in allowed


# 赛马 monthly figures follow the actuals' rule: editors anywhere, clerks for their
# own regions (the import checks every row's region).
can_write_figures = can_write_actuals
can_write_figure_for = can_write_actual_for


class IsEditorOrReadOnly(BasePermission):
    """Reads for any signed-in user; writes for editors only."""

    message = "只有管理员或“编辑”组成员可以修改数据。"

    def has_permission(self, request: Request, view: Any) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        if request.method in SAFE_METHODS:
            return True
        return is_editor(request.user)


class CanEnterFigures(BasePermission):
    """Reads for any signed-in user; 赛马 imports for editors and region clerks.

    The import rejects every row outside a clerk's regions (saima.services).
    """

    message = "您没有导入赛马数据的权限。"

    def has_permission(self, request: Request, view: Any) -> bool:
        if not request.user or not request.user.is_authenticated:
            return False
        if request.method in SAFE_METHODS:
            return True
        return can_write_figures(request.user)


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


class RegionScopedAdmin:
    """Admin mixin (before SimpleHistoryAdmin/ModelAdmin in the bases): a region
    clerk sees, opens and writes only rows of their regions, in the change list,
    the change form and both history views (the list, and the per-version form,
    which is an edit form). ``clerks_may_write = False`` makes the model read-only
    for clerks (targets: they enter actuals, nothing else).

    ``region_field`` names the row's region foreign key.
    """

    region_field = "region"
    clerks_may_write = True

    def _region_id(self, obj: Any) -> int | None:
        return getattr(obj, f"{self.region_field}_id")

    def get_queryset(self, request: Any) -> Any:
        qs = super().get_queryset(request)
        allowed = bound_region_ids(request.user)
        if allowed is None:
            return qs
        return qs.filter(**{f"{self.region_field}_id__in": allowed})

    def formfield_for_foreignkey(self, db_field: Any, request: Any, **kwargs: Any):
        # A clerk picks only their own regions.
        if db_field.name == self.region_field:
            allowed = bound_region_ids(request.user)
            if allowed is not None:
                kwargs["queryset"] = Region.objects.filter(pk__in=allowed)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_autocomplete_fields(self, request: Any) -> Any:
        # The autocomplete would search every region: clerks get a plain select.
        fields = list(super().get_autocomplete_fields(request))
        if is_region_bound(request.user) and self.region_field in fields:
            fields.remove(self.region_field)
        return fields

    def _clerk_blocked(self, request: Any) -> bool:
        return not self.clerks_may_write and is_region_bound(request.user)

    def has_view_permission(self, request: Any, obj: Any = None) -> bool:
        if obj is not None and not in_bound_regions(request.user, self._region_id(obj)):
            return False
        return super().has_view_permission(request, obj)

    def has_add_permission(self, request: Any, *args: Any) -> bool:
        if self._clerk_blocked(request):
            return False
        return super().has_add_permission(request, *args)

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        if self._clerk_blocked(request):
            return False
        if obj is not None and not in_bound_regions(request.user, self._region_id(obj)):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        if self._clerk_blocked(request):
            return False
        if obj is not None and not in_bound_regions(request.user, self._region_id(obj)):
            return False
        return super().has_delete_permission(request, obj)

    def _current_or_404(self, request: Any, object_id: Any) -> None:
        """The row as it is now must be the user's, whatever a version says."""
        from django.contrib.admin.utils import unquote
        from django.http import Http404

        if not self.get_queryset(request).filter(pk=unquote(object_id)).exists():
            raise Http404("未找到。")

    def history_view(self, request: Any, object_id: Any, extra_context: Any = None):
        self._current_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def get_history_queryset(self, request: Any, *args: Any) -> Any:
        qs = super().get_history_queryset(request, *args)
        allowed = bound_region_ids(request.user)
        if allowed is None:
            return qs
        return qs.filter(**{f"{self.region_field}_id__in": allowed})

    def history_form_view(
        self, request: Any, object_id: Any, version_id: Any, extra_context: Any = None
    ):
        self._current_or_404(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def region_write_check(self, request: Any, obj: Any) -> None:
        """Before a save: the stored row and the row as posted must both be the
        user's (a version or a form cannot move a row in from another region)."""
        from django.core.exceptions import PermissionDenied

        if self._clerk_blocked(request):
            raise PermissionDenied("您没有修改此数据的权限。")
        regions = [self._region_id(obj)]
        if obj.pk is not None:
            stored = type(obj)._default_manager.filter(pk=obj.pk)
            regions += list(stored.values_list(f"{self.region_field}_id", flat=True))
        if not all(in_bound_regions(request.user, r) for r in regions):
            raise PermissionDenied("您只能修改本地区及下级地区的数据。")
