"""The 赛马 models moved to the saima app (saima/migrations/0001_initial.py); here
they leave reports' state. No table is touched."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('saima', '0001_initial'),
        ('reports', '0002_saima_races_figures_results'),
    ]

    operations = [
        # The tables stay where they are; only Django's idea of their app moves.
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name='historicalmonthlyfigure',
                    name='source',
                ),
                migrations.RemoveField(
                    model_name='monthlyfigure',
                    name='source',
                ),
                migrations.RemoveField(
                    model_name='historicalmonthlyfigure',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalmonthlyfigure',
                    name='indicator',
                ),
                migrations.RemoveField(
                    model_name='historicalmonthlyfigure',
                    name='region',
                ),
                migrations.RemoveField(
                    model_name='monthlyfigure',
                    name='indicator',
                ),
                migrations.RemoveField(
                    model_name='monthlyfigure',
                    name='region',
                ),
                migrations.RemoveField(
                    model_name='peergroup',
                    name='race',
                ),
                migrations.RemoveField(
                    model_name='racemember',
                    name='group',
                ),
                migrations.RemoveField(
                    model_name='race',
                    name='city',
                ),
                migrations.RemoveField(
                    model_name='raceindicator',
                    name='race',
                ),
                migrations.RemoveField(
                    model_name='raceresult',
                    name='race',
                ),
                migrations.RemoveField(
                    model_name='racemember',
                    name='race',
                ),
                migrations.RemoveField(
                    model_name='raceindicator',
                    name='indicator',
                ),
                migrations.RemoveField(
                    model_name='racetarget',
                    name='race_indicator',
                ),
                migrations.RemoveField(
                    model_name='racemember',
                    name='region',
                ),
                migrations.RemoveField(
                    model_name='raceresult',
                    name='region',
                ),
                migrations.RemoveField(
                    model_name='racetarget',
                    name='region',
                ),
                migrations.DeleteModel(
                    name='FigureImport',
                ),
                migrations.DeleteModel(
                    name='HistoricalMonthlyFigure',
                ),
                migrations.DeleteModel(
                    name='MonthlyFigure',
                ),
                migrations.DeleteModel(
                    name='PeerGroup',
                ),
                migrations.DeleteModel(
                    name='Race',
                ),
                migrations.DeleteModel(
                    name='RaceIndicator',
                ),
                migrations.DeleteModel(
                    name='RaceMember',
                ),
                migrations.DeleteModel(
                    name='RaceResult',
                ),
                migrations.DeleteModel(
                    name='RaceTarget',
                ),
            ],
        ),
    ]
