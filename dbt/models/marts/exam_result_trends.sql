-- Results across years for every education the warehouse holds: Danish exams (by final grade),
-- Komvux prövning (E or better) and AMU (certificates among registered results). Year is the
-- calendar year the term or quarter starts in.
{% set counts = ['assessments', 'passed'] %}
with

danish_exams as (

    select
        {{ term_year('term') }} as year,
        education,
        count(final_grade) as assessments,
        count(*) filter (where passed) as passed
    from {{ ref('exam_results') }}
    group by all

),

komvux as (

    select
        {{ term_year('term') }} as year,
        'KOMVUX' as education,
        count(*) filter (where grade_valid) as assessments,
        count(*) filter (where passed) as passed
    from {{ ref('komvux_provning_results') }}
    group by all

),

amu as (

    select
        {{ term_year('participations.quarter') }} as year,
        'AMU' as education,
        count(*) filter (where codes.is_registered) as assessments,
        count(*) filter (where codes.certificate_issued) as passed
    from {{ ref('int_dedupe_amu_participations') }} as participations
    left join {{ ref('amu_result_codes') }} as codes on participations.result_code = codes.result_code
    group by all

),

counted as (

    select * from danish_exams
    union all
    select * from komvux
    union all
    select * from amu

)

select
    year,
    education,
    {{ unsuppressed_rate('passed', 'assessments') }} as pass_rate,
    {{ suppressed_counts(counts) }}

from counted
