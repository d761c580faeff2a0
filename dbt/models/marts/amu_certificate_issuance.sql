-- AMU certificate issuance per quarter × institution × FKB × self-study × age band × sex.
-- Certificates are result codes 1–3 (amu-exam-result-reporting, Bilag 1); age is counted from
-- the CPR birth year at the reported quarter's year.
{% set counts = ['participations', 'results_registered', 'certificates_issued'] %}
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
        participations.fkb,
        coalesce(participations.is_self_study, false) as is_self_study,
        {{ age_band('cast(left(participations.quarter, 4) as integer) - participations.person_birth_year') }} as age_band,
        coalesce(participations.person_sex, 'unknown') as sex,
        count(*) as participations,
        count(*) filter (where result_codes.is_registered) as results_registered,
        count(*) filter (where result_codes.certificate_issued) as certificates_issued

    from participations
    left join result_codes on participations.result_code = result_codes.result_code
    group by all

)

select
    quarter,
    institution_id,
    fkb,
    is_self_study,
    age_band,
    sex,
    {{ unsuppressed_rate('certificates_issued', 'results_registered') }} as certificate_rate,
    {{ suppressed_counts(counts) }}

from counted
