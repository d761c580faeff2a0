-- Final grades per term × education × subject × exam form (CONTRACT §3). Only sittings with a
-- derived final grade count; a share over a suppressed count is hidden with the count.
with

sittings as (

    select * from {{ ref('exam_results') }}
    where final_grade is not null

),

counted as (

    select
        term,
        education,
        subject,
        exam_form,
        final_grade as grade,
        count(*) as students,
        sum(count(*)) over (partition by term, education, subject, exam_form) as sittings_graded

    from sittings
    group by term, education, subject, exam_form, final_grade

)

select
    counted.term,
    counted.education,
    counted.subject,
    counted.exam_form,
    counted.grade,
    scale.sort_order as grade_order,
    {{ suppress_small_count('counted.students') }} as students,
    case when not {{ is_small_count('counted.students') }} then round(counted.students / counted.sittings_graded, 4) end as share,
    {{ is_small_count('counted.students') }} as suppressed

from counted
left join {{ ref('grade_scale_7') }} as scale on counted.grade = scale.grade
