-- National AMU totals per quarter: the headline figures of the quarterly report. Totals are taken
-- here, from the participations, because summing the institution × course mart would silently
-- drop its suppressed cells.
with

participations as (

    select * from {{ ref('int_dedupe_amu_participations') }}

),

result_codes as (

    select * from {{ ref('amu_result_codes') }}

),

counted as (

    select
        participations.quarter,
        count(distinct participations.institution_id) as institutions,
        count(*) as participations,
        count(*) filter (where result_codes.is_registered) as results_registered,
        count(*) filter (where coalesce(participations.result_code, 0) = 0) as results_missing,
        count(*) filter (where result_codes.certificate_issued) as certificates_issued,
        count(*) filter (where participations.result_code = 4) as failed_exam,
        count(*) filter (where participations.result_code = 5) as dropout_or_absence,
        count(*) filter (where participations.result_code = 6) as exemption_without_certificate

    from participations
    left join result_codes
        on participations.result_code = result_codes.result_code
    group by participations.quarter

)

{% set count_columns = ['participations', 'results_registered', 'results_missing', 'certificates_issued',
    'failed_exam', 'dropout_or_absence', 'exemption_without_certificate'] %}

select
    quarter,
    -- Institutions are not people, but the rule is kept uniform for every published count.
    {{ suppress_small_count('institutions') }} as institutions,
    {% for column in count_columns -%}
    {{ suppress_small_count(column) }} as {{ column }},
    {% endfor -%}
    case
        when results_registered = 0 or {{ is_small_count('results_registered') }}
            or {{ is_small_count('certificates_issued') }} then null
        else round(certificates_issued / results_registered, 4)
    end as certificate_rate,
    (
        {% for column in count_columns -%}
        {{ is_small_count(column) }}{% if not loop.last %} or {% endif %}
        {% endfor -%}
    ) as suppressed

from counted
