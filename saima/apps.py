from django.apps import AppConfig


class SaimaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "saima"
    verbose_name = "赛马"

    def ready(self) -> None:
        from reports import exports
        from saima import services

        exports.register(services.SAIMA_EXPORT)
