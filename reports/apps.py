from django.apps import AppConfig


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    verbose_name = "报表"

    def ready(self) -> None:
        from reports import exports, services

        exports.register(services.SCORECARD)
