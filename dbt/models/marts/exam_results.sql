-- One exam sitting of the current grade lists with its derived final grade (CONTRACT §3, §4).
with

sittings as (

    select * from {{ ref('int_derive_final_grades') }}

)

select
    education,
    subject,
    exam_form,
    term,
    institution_id,
    person_key,
    final_grade,
    reported_grade,
    passed,
    status,
    attempt,
    source_file,
    source_line,
    exam_date,
    final_grade_value,
    grading_scale,
    grades_valid,
    sides_disagree,
    person_sex as sex,
    has_special_conditions,
    is_self_study

from sittings
