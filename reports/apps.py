from django.apps import AppConfig


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    verbose_name = "报表"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from reports import exports, permission_names, services

        exports.register(services.SCORECARD)
        post_migrate.connect(
            permission_names.permissions_in_chinese, dispatch_uid="dabiao-perm-zh"
        )
