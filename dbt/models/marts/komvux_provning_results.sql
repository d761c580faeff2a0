-- One Komvux prövning: a current Ping Pong grade row with its BER exam date (CONTRACT §3;
-- komvux-provning-routine, "Betygsättning i Lärportalen Ping Pong": the grade date should equal
-- the date registered in BER).
with

grades as (

    select * from {{ ref('int_select_latest_komvux_grades') }}

),

enrolments as (

    select * from {{ ref('int_select_latest_komvux_enrolments') }}

),

-- One enrolment per person and group, so a grade row never fans out.
enrolment_per_group as (

    select unit, term, group_name, person_key, exam_date
    from enrolments
    where person_key is not null
    qualify row_number() over (partition by unit, term, group_name, person_key order by source_line) = 1

)

select
    grades.term,
    grades.unit,
    grades.course_code,
    grades.grade,
    enrolment_per_group.exam_date,
    grades.grade_date,
    grades.person_key,
    grades.source_file,
    grades.source_line,
    grades.group_name,
    scale.merit_points,
    scale.passed,
    scale.grade is not null as grade_valid,
    grades.person_sex as sex

from grades
left join enrolment_per_group
    on grades.unit = enrolment_per_group.unit
    and grades.term = enrolment_per_group.term
    and grades.group_name = enrolment_per_group.group_name
    and grades.person_key = enrolment_per_group.person_key
left join {{ ref('grade_scale_se') }} as scale on grades.grade = scale.grade
