from django.apps import AppConfig


class SaimaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "saima"
    verbose_name = "赛马"
