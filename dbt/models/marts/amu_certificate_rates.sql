-- Certificate issuance per quarter × institution × AMU course (CONTRACT §3).
-- Result categories: amu-exam-result-reporting, Bilag 1 (seed amu_result_codes). Duplicate
-- participations within one delivery count once (int_dedupe_amu_participations).
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
        participations.institution_id,
        participations.fagkode,
        mode(participations.fkb) as fkb,
        count(*) as participations,
        count(*) filter (where result_codes.is_registered) as results_registered,
        count(*) filter (where coalesce(participations.result_code, 0) = 0) as results_missing,
        count(*) filter (where result_codes.certificate_issued) as certificates_issued,
        {% for code in range(1, 7) -%}
        count(*) filter (where participations.result_code = {{ code }}) as result_code_{{ code }},
        {% endfor -%}

    from participations
    left join result_codes
        on participations.result_code = result_codes.result_code
    group by all

),

{% set count_columns = ['participations', 'results_registered', 'results_missing', 'certificates_issued',
    'result_code_1', 'result_code_2', 'result_code_3', 'result_code_4', 'result_code_5', 'result_code_6'] %}

published as (

    select
        quarter,
        institution_id,
        fagkode,
        fkb,
        {% for column in count_columns -%}
        {{ suppress_small_count(column) }} as {{ column }},
        {% endfor -%}
        -- A rate over a suppressed count would let the count be recovered.
        case
            when results_registered = 0
                or {{ is_small_count('results_registered') }}
                or {{ is_small_count('certificates_issued') }}
                then null
            else round(certificates_issued / results_registered, 4)
        end as certificate_rate,
        (
            {% for column in count_columns -%}
            {{ is_small_count(column) }}{% if not loop.last %} or {% endif %}
            {% endfor -%}
        ) as suppressed

    from counted

)

select * from published
