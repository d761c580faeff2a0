-- How often the censor side and the examiner side disagree, and in which direction, per term ×
-- education × subject (folkeskole-censor-guide 3.5, karakterbekendtgørelsen §14 stk. 2–3).
-- Only assessed sittings graded by both sides with valid grades count.
{% set counts = ['sittings_both_sides', 'sittings_disagreeing', 'censor_higher', 'examiner_higher'] %}
with

sittings as (

    select * from {{ ref('int_derive_final_grades') }}
    where status = 'assessed'
        and examiner_side_grade is not null
        and censor_side_grade is not null

),

counted as (

    select
        term,
        education,
        subject,
        count(*) as sittings_both_sides,
        count(*) filter (where sides_disagree) as sittings_disagreeing,
        count(*) filter (where disagreement_direction = 'censor_higher') as censor_higher,
        count(*) filter (where disagreement_direction = 'examiner_higher') as examiner_higher

    from sittings
    group by all

)

select
    term,
    education,
    subject,
    {{ unsuppressed_rate('sittings_disagreeing', 'sittings_both_sides') }} as disagreement_rate,
    {{ suppressed_counts(counts) }}

from counted
