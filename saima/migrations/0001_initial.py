"""The 赛马 models, moved here from the reports app with their tables (reports_*).

State only: the tables were made by reports/0002 and keep their data. Content
types follow, so permissions and admin history keep pointing at the models."""

import django.core.validators
import django.db.models.deletion
import simple_history.models
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


MODELS = [
    "figureimport",
    "historicalmonthlyfigure",
    "monthlyfigure",
    "peergroup",
    "race",
    "raceindicator",
    "racemember",
    "raceresult",
    "racetarget",
]


def _move(apps, source: str, destination: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    taken = set(
        ContentType.objects.filter(app_label=destination, model__in=MODELS)
        .values_list("model", flat=True)
    )
    ContentType.objects.filter(app_label=source, model__in=MODELS).exclude(
        model__in=taken
    ).update(app_label=destination)


def content_types_follow(apps, schema_editor) -> None:
    _move(apps, "reports", "saima")


def content_types_return(apps, schema_editor) -> None:
    _move(apps, "saima", "reports")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('reports', '0002_saima_races_figures_results'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('targets', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The tables stay where they are; only Django's idea of their app moves.
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='FigureImport',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=255, verbose_name='文件名')),
                        ('row_count', models.PositiveIntegerField(default=0, verbose_name='行数')),
                        ('created', models.PositiveIntegerField(default=0, verbose_name='新增')),
                        ('updated', models.PositiveIntegerField(default=0, verbose_name='更新')),
                        ('deleted', models.PositiveIntegerField(default=0, verbose_name='删除')),
                        ('months', models.JSONField(blank=True, default=list, verbose_name='月份')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='导入时间')),
                        ('uploaded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL, verbose_name='导入人')),
                    ],
                    options={
                        'verbose_name': '月度数据导入记录',
                        'verbose_name_plural': '月度数据导入记录',
                        'db_table': 'reports_figureimport',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalMonthlyFigure',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('measure', models.CharField(choices=[('level', '总量'), ('growth', '增速'), ('completion', '完成率')], max_length=16, verbose_name='口径')),
                        ('month', models.DateField(help_text='该月1日。', verbose_name='月份')),
                        ('value', models.DecimalField(decimal_places=4, max_digits=24, verbose_name='数值')),
                        ('unit', models.CharField(blank=True, max_length=16, verbose_name='单位')),
                        ('updated_at', models.DateTimeField(blank=True, editable=False, verbose_name='更新时间')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('indicator', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='targets.indicator', verbose_name='指标')),
                        ('region', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='targets.region', verbose_name='地区')),
                        ('source', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='saima.figureimport', verbose_name='导入记录')),
                    ],
                    options={
                        'verbose_name': '月度数据修改历史',
                        'verbose_name_plural': 'historical 月度数据',
                        'db_table': 'reports_historicalmonthlyfigure',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='Race',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=64, unique=True, verbose_name='赛马名称')),
                        ('title', models.CharField(default='全市科技创新赛马通报', help_text='月通报标题为“2024年6月”加此标题。', max_length=128, verbose_name='通报标题')),
                        ('deadline_day', models.PositiveSmallIntegerField(default=5, help_text='次月几日前未报送的地区产生“未按期报送”预警。', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(28)], verbose_name='报送截止日')),
                        ('is_sample', models.BooleanField(default=False, help_text='勾选后通报和工作簿均标注“示例数据”。', verbose_name='示例数据')),
                        ('active', models.BooleanField(default=True, verbose_name='启用')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='创建时间')),
                        ('city', models.ForeignKey(help_text='通报中的“全市”;若导入了该地区的数值,全市平均取该值。', on_delete=django.db.models.deletion.PROTECT, related_name='saima_races', to='targets.region', verbose_name='所属城市')),
                    ],
                    options={
                        'verbose_name': '赛马',
                        'verbose_name_plural': '赛马',
                        'db_table': 'reports_race',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='PeerGroup',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=32, verbose_name='分组名称')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='排序')),
                        ('race', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='groups', to='saima.race', verbose_name='赛马')),
                    ],
                    options={
                        'verbose_name': '赛马分组',
                        'verbose_name_plural': '赛马分组',
                        'db_table': 'reports_peergroup',
                        'ordering': ['race', 'order', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='RaceIndicator',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('measure', models.CharField(choices=[('level', '总量'), ('growth', '增速'), ('completion', '完成率')], default='growth', max_length=16, verbose_name='口径')),
                        ('label', models.CharField(blank=True, help_text='留空则为指标名称加口径,如“全社会研发经费投入增速”。', max_length=128, verbose_name='通报名称')),
                        ('weight', models.DecimalField(decimal_places=2, max_digits=6, validators=[django.core.validators.MinValueValidator(Decimal('0'))], verbose_name='权重')),
                        ('direction', models.CharField(choices=[('higher', '越高越好'), ('lower', '越低越好')], default='higher', max_length=8, verbose_name='方向')),
                        ('method', models.CharField(choices=[('rank', '位次赋分'), ('efficacy', '功效系数法'), ('minmax', '极值标准化'), ('completion', '目标完成率')], default='efficacy', max_length=16, verbose_name='赋分方法')),
                        ('cap', models.DecimalField(decimal_places=2, default=Decimal('1.20'), help_text='目标完成率法的封顶倍数,如 1.2 表示最多得权重的120%。', max_digits=6, verbose_name='完成率上限')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='排序')),
                        ('indicator', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='saima_uses', to='targets.indicator', verbose_name='指标')),
                        ('race', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='indicators', to='saima.race', verbose_name='赛马')),
                    ],
                    options={
                        'verbose_name': '赛马指标',
                        'verbose_name_plural': '赛马指标',
                        'db_table': 'reports_raceindicator',
                        'ordering': ['race', 'order', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='RaceMember',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('order', models.PositiveSmallIntegerField(default=0, verbose_name='排序')),
                        ('group', models.ForeignKey(blank=True, help_text='留空则不分组,与其他未分组地区一起排名。', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='members', to='saima.peergroup', verbose_name='分组')),
                        ('race', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='members', to='saima.race', verbose_name='赛马')),
                        ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='saima_memberships', to='targets.region', verbose_name='地区')),
                    ],
                    options={
                        'verbose_name': '参赛地区',
                        'verbose_name_plural': '参赛地区',
                        'db_table': 'reports_racemember',
                        'ordering': ['race', 'order', 'region__name'],
                    },
                ),
                migrations.CreateModel(
                    name='RaceResult',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('period_kind', models.CharField(choices=[('month', '月通报'), ('quarter', '季调度'), ('year', '年评价')], default='month', max_length=8, verbose_name='期间类型')),
                        ('period_start', models.DateField(verbose_name='期间开始')),
                        ('group', models.CharField(blank=True, max_length=32, verbose_name='分组')),
                        ('score', models.DecimalField(decimal_places=2, max_digits=10, verbose_name='综合得分')),
                        ('rank', models.PositiveIntegerField(verbose_name='名次')),
                        ('previous_rank', models.PositiveIntegerField(blank=True, null=True, verbose_name='上期名次')),
                        ('detail', models.JSONField(blank=True, default=dict, verbose_name='指标明细')),
                        ('computed_at', models.DateTimeField(auto_now=True, verbose_name='计算时间')),
                        ('race', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='results', to='saima.race', verbose_name='赛马')),
                        ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='targets.region', verbose_name='地区')),
                    ],
                    options={
                        'verbose_name': '赛马结果',
                        'verbose_name_plural': '赛马结果',
                        'db_table': 'reports_raceresult',
                        'ordering': ['race', '-period_start', 'group', 'rank'],
                    },
                ),
                migrations.CreateModel(
                    name='RaceTarget',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('year', models.PositiveSmallIntegerField(verbose_name='年度')),
                        ('value', models.DecimalField(decimal_places=4, max_digits=24, verbose_name='目标值')),
                        ('race_indicator', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='targets', to='saima.raceindicator', verbose_name='赛马指标')),
                        ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='targets.region', verbose_name='地区')),
                    ],
                    options={
                        'verbose_name': '赛马目标值',
                        'verbose_name_plural': '赛马目标值',
                        'db_table': 'reports_racetarget',
                        'ordering': ['race_indicator', 'year', 'region__name'],
                    },
                ),
                migrations.CreateModel(
                    name='MonthlyFigure',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('measure', models.CharField(choices=[('level', '总量'), ('growth', '增速'), ('completion', '完成率')], max_length=16, verbose_name='口径')),
                        ('month', models.DateField(help_text='该月1日。', verbose_name='月份')),
                        ('value', models.DecimalField(decimal_places=4, max_digits=24, verbose_name='数值')),
                        ('unit', models.CharField(blank=True, max_length=16, verbose_name='单位')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='更新时间')),
                        ('indicator', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='monthly_figures', to='targets.indicator', verbose_name='指标')),
                        ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='monthly_figures', to='targets.region', verbose_name='地区')),
                        ('source', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='figures', to='saima.figureimport', verbose_name='导入记录')),
                    ],
                    options={
                        'verbose_name': '月度数据',
                        'verbose_name_plural': '月度数据',
                        'db_table': 'reports_monthlyfigure',
                        'ordering': ['-month', 'region__name', 'indicator__name', 'measure'],
                        'indexes': [models.Index(fields=['month'], name='reports_monthlyfigure_month')],
                        'constraints': [models.UniqueConstraint(fields=('region', 'indicator', 'measure', 'month'), name='reports_monthlyfigure_one_per_month')],
                    },
                ),
                migrations.AddConstraint(
                    model_name='peergroup',
                    constraint=models.UniqueConstraint(fields=('race', 'name'), name='reports_peergroup_unique_name'),
                ),
                migrations.AddConstraint(
                    model_name='raceindicator',
                    constraint=models.UniqueConstraint(fields=('race', 'indicator', 'measure'), name='reports_raceindicator_unique_measure'),
                ),
                migrations.AddConstraint(
                    model_name='raceindicator',
                    constraint=models.CheckConstraint(condition=models.Q(('weight__gte', 0)), name='reports_raceindicator_weight_positive'),
                ),
                migrations.AddConstraint(
                    model_name='raceindicator',
                    constraint=models.CheckConstraint(condition=models.Q(('cap__gt', 0)), name='reports_raceindicator_cap_positive'),
                ),
                migrations.AddConstraint(
                    model_name='racemember',
                    constraint=models.UniqueConstraint(fields=('race', 'region'), name='reports_racemember_unique_region'),
                ),
                migrations.AddConstraint(
                    model_name='raceresult',
                    constraint=models.UniqueConstraint(fields=('race', 'period_kind', 'period_start', 'region'), name='reports_raceresult_one_per_period'),
                ),
                migrations.AddConstraint(
                    model_name='racetarget',
                    constraint=models.UniqueConstraint(fields=('race_indicator', 'region', 'year'), name='reports_racetarget_one_per_year'),
                ),
            ],
        ),
        migrations.RunPython(content_types_follow, content_types_return),
    ]
